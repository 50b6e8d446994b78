import { useT } from '@motcua/shared/ui';
import type { PrinterStateName } from '../api.js';
import { kioskMessages } from '../messages.js';
import { printerKey } from './text.js';

/**
 * Taking numbers has stopped because no ticket could come out: said plainly, with no button that would issue
 * a number nobody holds. The page goes away by itself once the runtime sees the printer ready again.
 */
export function PrinterStoppedPage(props: { state: PrinterStateName }) {
  const t = useT(kioskMessages);
  return (
    <section class="k-stopped" role="alert" data-testid="printer-stopped">
      <h2 class="k-stopped__title">{t('printerStopped')}</h2>
      <p class="k-stopped__why">{t(printerKey(props.state))}</p>
      <p class="k-stopped__help">{t('supervisorAlerted')}</p>
    </section>
  );
}
