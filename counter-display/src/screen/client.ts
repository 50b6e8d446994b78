/**
 * The one client main.tsx creates before it knows the device's role. Each page set narrows it to its own
 * mirrored view and command types (`asPanelClient` and friends in its folder); the runtime's browser mode checks
 * at compile time that its real types are assignable to the mirrors.
 */
import type { AnyCommands, ScreenClient } from '@motcua/shared/ui/api/client';

export type AnyScreenClient = ScreenClient<unknown, AnyCommands>;

/** Narrows the shared client to a page set's view and commands (the role in the view chose the page set). */
export function narrowClient<View, C extends AnyCommands>(client: AnyScreenClient): ScreenClient<View, C> {
  return client as unknown as ScreenClient<View, C>;
}
