import { defineMessages } from '../i18n.js';

export type ExampleKey = 'title' | 'count' | 'increment' | 'fail' | 'search' | 'offline' | 'locked' | 'error';

export const exampleMessages = defineMessages<ExampleKey>()({
  vi: {
    title: 'Màn hình mẫu',
    count: 'Số đếm: {n}',
    increment: 'Tăng thêm một',
    fail: 'Thử lỗi',
    search: 'Tìm thủ tục',
    offline: 'Chưa kết nối được với máy. Xin vui lòng thử lại sau giây lát.',
    locked: 'Bộ đếm đang khoá.',
    error: 'Có lỗi xảy ra. Xin vui lòng thử lại.',
  },
  en: {
    title: 'Example screen',
    count: 'Count: {n}',
    increment: 'Add one',
    fail: 'Try an error',
    search: 'Find a procedure',
    offline: 'Not connected to the device yet. Please try again in a moment.',
    locked: 'The counter is locked.',
    error: 'Something went wrong. Please try again.',
  },
});
