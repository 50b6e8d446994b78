/** The screen kit: what every screen imports (API client, i18n, components, keyboard). */
export * from './api/index.js';
export * from './i18n.js';
export * from './compose.js';
export * from './messages.js';
export * from './lang.js';
export * from './hooks.js';
export { AppFrame } from './components/app-frame.js';
export { BigButton, type BigButtonProps } from './components/big-button.js';
export { ConnectionBanner } from './components/connection-banner.js';
export { LanguageToggle } from './components/language-toggle.js';
export { Keyboard, type KeyboardProps } from './components/keyboard.js';
