import { defineMessages } from './i18n.js';

/** The screen kit's own words (banner, language toggle, keyboard). Each screen has its own catalogue too. */
export type KitKey =
  | 'connecting'
  | 'reconnecting'
  | 'disconnected'
  | 'language'
  | 'keyboard'
  | 'space'
  | 'backspace'
  | 'clear'
  | 'shift'
  | 'toneSac'
  | 'toneHuyen'
  | 'toneHoi'
  | 'toneNga'
  | 'toneNang';

export const kitMessages = defineMessages<KitKey>()({
  vi: {
    connecting: 'Đang kết nối…',
    reconnecting: 'Đang kết nối lại…',
    disconnected: 'Đã ngắt kết nối',
    language: 'Ngôn ngữ',
    keyboard: 'Bàn phím',
    space: 'Dấu cách',
    backspace: 'Xoá lùi',
    clear: 'Xoá hết',
    shift: 'Chữ hoa',
    toneSac: 'Dấu sắc',
    toneHuyen: 'Dấu huyền',
    toneHoi: 'Dấu hỏi',
    toneNga: 'Dấu ngã',
    toneNang: 'Dấu nặng',
  },
  en: {
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    disconnected: 'Disconnected',
    language: 'Language',
    keyboard: 'Keyboard',
    space: 'Space',
    backspace: 'Backspace',
    clear: 'Clear',
    shift: 'Capitals',
    toneSac: 'Acute tone (sắc)',
    toneHuyen: 'Grave tone (huyền)',
    toneHoi: 'Hook tone (hỏi)',
    toneNga: 'Tilde tone (ngã)',
    toneNang: 'Dot tone (nặng)',
  },
});
