/**
 * The example screen's API: a counter. It exists to prove the screen kit and both transports; the tests run
 * it against a fake runtime (shared/test/screen/fake-api.ts).
 */
import type { Result } from '../../src/device/api.js';

export interface CounterView {
  readonly count: number;
}

export type FailMode = 'reason' | 'throw' | 'garbage';

// A type alias, not an interface: DeviceApi's Commands bound needs an index-signature-compatible type.
export type CounterCommands = {
  increment(arg: { readonly by: number }): Promise<Result<number, 'too-big'>>;
  /** Fails on purpose: with a reason (`counter-locked`), by throwing, or by returning a non-Result. */
  fail(arg: { readonly mode: FailMode }): Promise<Result<never, 'counter-locked'>>;
};
