import type { ComponentChildren } from 'preact';
import '../base.css';
import type { ScreenConnection } from '../api/client.js';
import { ConnectionBanner } from './connection-banner.js';
import { LanguageToggle } from './language-toggle.js';

/** Every screen's frame: title, language toggle, the connection banner, then the screen's own content. */
export function AppFrame(props: {
  title: string;
  connection: ScreenConnection;
  children: ComponentChildren;
}) {
  return (
    <div class="mc-frame">
      <header class="mc-header">
        <h1 class="mc-title">{props.title}</h1>
        <LanguageToggle />
      </header>
      <ConnectionBanner link={props.connection.link} />
      <main class="mc-main" aria-busy={props.connection.link !== 'open'}>
        {props.children}
      </main>
    </div>
  );
}
