/** Placeholder for the board page set (issue 11): replaced by the board screen. */
import type { AnyScreenClient } from '../client.js';

export function BoardApp(_props: { client: AnyScreenClient }) {
  return (
    <main class="c-placeholder" data-role="board">
      board
    </main>
  );
}
