/**
 * The look-up terminal as a standalone screen (browser mode): LookupApp bound to the lookup runtime over the
 * WebSocket. A kiosk that also looks up mounts LookupApp inside its own app instead (see app.tsx).
 */
import { render } from 'preact';
import { connectScreen, LangProvider, apiUrl, wsTransport } from '@motcua/shared/ui';
import type { LookupCommands, LookupView } from '../../runtime/lookup-api.js';
import { LookupApp } from './app.js';

const client = connectScreen<LookupView, LookupCommands>(wsTransport(apiUrl(location.href)));
const root = document.getElementById('app');
if (root !== null)
  render(
    <LangProvider>
      <LookupApp client={client} />
    </LangProvider>,
    root,
  );
