import { useT } from '@motcua/shared/ui';
import { kioskMessages } from '../messages.js';

/** Small and calm: the kiosk keeps issuing from its own numbers while the hub is away. */
export function OfflineIndicator(props: { offline: boolean }) {
  const t = useT(kioskMessages);
  return (
    <p class={props.offline ? 'k-offline' : 'k-offline k-offline--hidden'} data-testid="offline">
      {props.offline ? t('offline') : ''}
    </p>
  );
}
