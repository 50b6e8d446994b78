import { testCentreConfig } from '@motcua/testing/centre-config';
import type { CentreConfig, ConfigInput } from '../src/config.js';
import { decodeHlc, encodeHlc, initialHlc, receive, tick, type Hlc } from '../src/domain/hlc.js';
import type { EventDraft, QueueEvent } from '../src/domain/events.js';
import type { CommandResult } from '../src/domain/commands.js';
import { QueueEngine } from '../src/domain/engine.js';

/** A small centre open around the clock, so tests do not depend on the time they run. */
export function testConfig(over: Partial<ConfigInput> = {}): CentreConfig {
  return testCentreConfig(over);
}

export const DAY = '2026-11-23';
/** 2026-11-23 08:00 in Asia/Ho_Chi_Minh. */
export const T0 = Date.UTC(2026, 10, 23, 1, 0);

/** A device that stamps drafts into events, as the store does, but in memory. */
export class Device {
  private hlc: Hlc;
  private seq = 0;
  constructor(
    readonly id: string,
    public now = T0,
  ) {
    this.hlc = initialHlc(id);
  }
  stamp(d: EventDraft, day = DAY): QueueEvent {
    this.hlc = tick(this.hlc, this.now);
    this.seq++;
    return {
      v: 1,
      id: `${this.id}:${this.seq}`,
      device: this.id,
      seq: this.seq,
      hlc: encodeHlc(this.hlc),
      day,
      ...d,
    };
  }
  /** Merges the newest stamp the device has seen, so what it does next sorts after what it saw (as the store does on ingest). */
  observe(engine: QueueEngine): void {
    const last = engine.events[engine.events.length - 1];
    if (last) this.hlc = receive(this.hlc, decodeHlc(last.hlc)!, this.now, Infinity);
  }
  /** Runs a command against an engine and applies what it produced. */
  run(engine: QueueEngine, result: CommandResult): QueueEvent[] {
    if (!result.ok) throw new Error(`${result.reason}: ${result.message}`);
    const out = result.drafts.map((d) => this.stamp(d, engine.day));
    for (const e of out) {
      const r = engine.apply(e);
      if (!r.applied) throw new Error(`rejected ${e.type}: ${r.reason}`);
    }
    return out;
  }
}
