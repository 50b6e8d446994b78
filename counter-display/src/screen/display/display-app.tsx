/** Placeholder for the display and rating page set (issue 11): replaced by the counter display screen. */
import { useView } from '@motcua/shared/ui';
import type { AnyScreenClient } from '../client.js';

export function DisplayApp(props: { client: AnyScreenClient }) {
  const view = useView(props.client) as { readonly role?: string } | undefined;
  const role = view?.role ?? 'display';
  return (
    <main class="c-placeholder" data-role={role}>
      {role}
    </main>
  );
}
