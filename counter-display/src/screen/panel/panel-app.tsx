/** Placeholder for the counter page set (issue 11): replaced by the panel screen. */
import type { AnyScreenClient } from '../client.js';

export function PanelApp(_props: { client: AnyScreenClient }) {
  return (
    <main class="c-placeholder" data-role="counter">
      counter
    </main>
  );
}
