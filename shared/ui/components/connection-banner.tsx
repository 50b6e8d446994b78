import type { LinkState } from '../api/transport.js';
import { useT } from '../lang.js';
import { kitMessages } from '../messages.js';

/**
 * Says, in words, that the screen has lost its runtime and is getting it back by itself. Always in the DOM
 * (a live region must exist before its text changes to be announced); empty while the link is open.
 */
export function ConnectionBanner(props: { link: LinkState }) {
  const t = useT(kitMessages);
  const text =
    props.link === 'open'
      ? ''
      : props.link === 'connecting'
        ? t('connecting')
        : props.link === 'reconnecting'
          ? t('reconnecting')
          : t('disconnected');
  return (
    <div class={text === '' ? 'mc-banner mc-banner--hidden' : 'mc-banner'} role="status" aria-live="polite">
      {text}
    </div>
  );
}
