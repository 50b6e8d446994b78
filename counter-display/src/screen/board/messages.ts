/**
 * The hall board's words: Vietnamese first, English second (checked by test/screen/board-messages.test.ts).
 * The board has no language toggle (nobody touches it): it shows Vietnamese, with the English of each heading
 * in a smaller line under it; numbers and counter numbers need no translation.
 */
import { defineMessages } from '@motcua/shared/ui/i18n';

export type BoardKey =
  | 'title'
  | 'nowCalling'
  | 'counter'
  | 'counterNo'
  | 'lastCalls'
  | 'waiting'
  | 'waitingCount'
  | 'noneYet'
  | 'idle'
  | 'paused'
  | 'page'
  | 'hubOffline'
  | 'voiceChimeOnly'
  | 'voicePackUnreadable'
  | 'voiceDegraded'
  | 'voiceLoading'
  | 'notice';

export const boardMessages = defineMessages<BoardKey>()({
  vi: {
    title: 'Bảng gọi số',
    nowCalling: 'Xin mời số',
    counter: 'Quầy',
    counterNo: 'Quầy {n}',
    lastCalls: 'Số vừa gọi',
    waiting: 'Đang chờ',
    waitingCount: '{n} người',
    noneYet: 'Chưa gọi số nào',
    idle: 'Đang chờ gọi',
    paused: 'Tạm dừng',
    page: 'Trang {i}/{n}',
    hubOffline: 'Mất kết nối máy chủ — số vẫn cập nhật',
    voiceChimeOnly: 'Loa: chỉ có chuông (chưa cài gói giọng đọc)',
    voicePackUnreadable: 'Loa: chỉ có chuông (gói giọng đọc bị lỗi)',
    voiceDegraded: 'Loa: {fallback} câu đọc dự phòng, {superseded} lượt gọi bị thay, {errors} lỗi phát',
    voiceLoading: 'Loa: đang nạp giọng đọc',
    notice: 'Thông báo',
  },
  en: {
    title: 'Call board',
    nowCalling: 'Now calling',
    counter: 'Counter',
    counterNo: 'Counter {n}',
    lastCalls: 'Last calls',
    waiting: 'Waiting',
    waitingCount: '{n} people',
    noneYet: 'No number called yet',
    idle: 'Waiting to call',
    paused: 'Paused',
    page: 'Page {i}/{n}',
    hubOffline: 'Server link lost — numbers still update',
    voiceChimeOnly: 'Speaker: chime only (no voice pack installed)',
    voicePackUnreadable: 'Speaker: chime only (voice pack unreadable)',
    voiceDegraded: 'Speaker: {fallback} fallback phrases, {superseded} calls replaced, {errors} play errors',
    voiceLoading: 'Speaker: loading the voice',
    notice: 'Notice',
  },
});
