/**
 * Test entry: LookupApp as a kiosk with a printer mounts it, `takeNumber` calling the runtime's `take`
 * command. The kiosk app (kiosk/src/screen/main.tsx) does the same with its own client.
 */
import { render } from 'preact';
import { connectScreen, LangProvider, apiUrl, wsTransport } from '@motcua/shared/ui';
import type { Result } from '../../../../shared/src/device/api.js';
import type { LookupCommands, LookupView } from '../../../src/runtime/lookup-api.js';
import { LookupApp } from '../../../src/screen/lookup/app.js';

type Commands = LookupCommands & { take(arg: { area: string }): Promise<Result<unknown>> };

const client = connectScreen<LookupView, Commands>(wsTransport(apiUrl(location.href)));
const root = document.getElementById('app');
if (root !== null)
  render(
    <LangProvider>
      <LookupApp client={client} takeNumber={(area) => client.call('take', { area })} />
    </LangProvider>,
    root,
  );
