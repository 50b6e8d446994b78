/** The officer panel's words: Vietnamese first, English second (checked by test/screen/panel-messages.test.ts). */
import { defineMessages } from '@motcua/shared/ui/i18n';

export type PanelKey =
  | 'title'
  | 'counterN'
  | 'loginTitle'
  | 'pickOfficer'
  | 'pinFor'
  | 'pinLabel'
  | 'pinClear'
  | 'pinBack'
  | 'pinOk'
  | 'cancel'
  | 'wrongPin'
  | 'pinLocked'
  | 'pinNotSet'
  | 'logout'
  | 'statusOpen'
  | 'statusPaused'
  | 'statusClosed'
  | 'open'
  | 'pause'
  | 'close'
  | 'pauseTitle'
  | 'current'
  | 'noCurrent'
  | 'calledTimes'
  | 'serving'
  | 'called'
  | 'transferredFrom'
  | 'next'
  | 'recall'
  | 'recallIn'
  | 'start'
  | 'finish'
  | 'noShow'
  | 'transfer'
  | 'hold'
  | 'callNumber'
  | 'callNumberTitle'
  | 'numberLabel'
  | 'call'
  | 'transferTitle'
  | 'toArea'
  | 'toCounter'
  | 'noteLabel'
  | 'send'
  | 'holdTitle'
  | 'holdReason'
  | 'held'
  | 'return'
  | 'waitingTitle'
  | 'waitingCount'
  | 'nextNumbers'
  | 'none'
  | 'directedTitle'
  | 'figuresTitle'
  | 'served'
  | 'noShows'
  | 'meanService'
  | 'minutes'
  | 'online'
  | 'offlineTitle'
  | 'offlineWorks'
  | 'offlineNextSole'
  | 'offlineNextNone'
  | 'offlineNeedsHub'
  | 'shortcutsTitle'
  | 'done'
  | 'doneOffline'
  | 'failed'
  | 'failedRecallSoon'
  | 'failedEmpty'
  | 'failedNeedsHub'
  | 'failedNotOpen'
  | 'failedNoTicket'
  | 'failedUnknownTicket'
  | 'failedNotServed'
  | 'failedScreen';

export const panelMessages = defineMessages<PanelKey>()({
  vi: {
    title: 'Quầy {n}',
    counterN: 'Quầy số {n}',
    loginTitle: 'Đăng nhập quầy',
    pickOfficer: 'Chọn cán bộ',
    pinFor: 'Nhập mã PIN của {name}',
    pinLabel: 'Mã PIN',
    pinClear: 'Xoá',
    pinBack: 'Xoá lùi',
    pinOk: 'Đăng nhập',
    cancel: 'Huỷ',
    wrongPin: 'Sai mã PIN. Còn {n} lần thử.',
    pinLocked: 'Nhập sai quá nhiều lần. Thử lại sau {s} giây.',
    pinNotSet: 'Cán bộ này chưa có mã PIN. Xin liên hệ quản trị.',
    logout: 'Đăng xuất',
    statusOpen: 'Đang mở',
    statusPaused: 'Tạm dừng: {reason}',
    statusClosed: 'Đã đóng',
    open: 'Mở quầy',
    pause: 'Tạm dừng',
    close: 'Đóng quầy',
    pauseTitle: 'Lý do tạm dừng',
    current: 'Đang phục vụ',
    noCurrent: 'Chưa gọi số nào',
    calledTimes: 'Đã gọi {n} lần',
    serving: 'Đang làm việc',
    called: 'Đã gọi, chờ công dân',
    transferredFrom: 'Chuyển từ quầy {n}: {note}',
    next: 'Gọi số tiếp',
    recall: 'Gọi lại',
    recallIn: 'Gọi lại sau {s} giây',
    start: 'Bắt đầu',
    finish: 'Hoàn thành',
    noShow: 'Vắng mặt',
    transfer: 'Chuyển',
    hold: 'Tạm giữ',
    callNumber: 'Gọi theo số',
    callNumberTitle: 'Gọi một số cụ thể',
    numberLabel: 'Số thứ tự',
    call: 'Gọi',
    transferTitle: 'Chuyển công dân',
    toArea: 'Sang lĩnh vực',
    toCounter: 'Sang quầy',
    noteLabel: 'Ghi chú cho quầy nhận (không bắt buộc)',
    send: 'Chuyển',
    holdTitle: 'Tạm giữ số đang phục vụ',
    holdReason: 'Lý do (không bắt buộc)',
    held: 'Số đang tạm giữ',
    return: 'Phục vụ lại {n}',
    waitingTitle: 'Đang chờ',
    waitingCount: '{n} người',
    nextNumbers: 'Số tiếp theo',
    none: 'Không có',
    directedTitle: 'Chuyển đến quầy này',
    figuresTitle: 'Hôm nay',
    served: 'Đã phục vụ',
    noShows: 'Vắng mặt',
    meanService: 'Thời gian phục vụ TB',
    minutes: '{m} phút',
    online: 'Đã kết nối máy chủ',
    offlineTitle: 'Mất kết nối máy chủ: đang hoạt động ngoại tuyến',
    offlineWorks:
      'Vẫn dùng được: gọi theo số phiếu giấy, gọi lại, bắt đầu, hoàn thành, vắng mặt, chuyển, tạm giữ, mở/đóng quầy.',
    offlineNextSole: 'Gọi số tiếp chỉ cho lĩnh vực riêng của quầy: {areas}.',
    offlineNextNone: 'Không gọi số tiếp được: các lĩnh vực của quầy có quầy khác cùng phục vụ.',
    offlineNeedsHub: 'Cần máy chủ để gọi số tiếp. Hãy gọi theo số trên phiếu của công dân.',
    shortcutsTitle: 'Phím tắt',
    done: 'Đã thực hiện',
    doneOffline: 'Đã thực hiện (ngoại tuyến, sẽ đồng bộ sau)',
    failed: 'Chưa thực hiện được: {message}',
    failedRecallSoon: 'Chưa gọi lại được: đợi thêm {s} giây.',
    failedEmpty: 'Không còn ai chờ.',
    failedNeedsHub: 'Cần máy chủ để gọi số tiếp. Hãy gọi theo số trên phiếu của công dân.',
    failedNotOpen: 'Quầy chưa mở.',
    failedNoTicket: 'Chưa có số nào đang phục vụ.',
    failedUnknownTicket: 'Không có số này hôm nay.',
    failedNotServed: 'Quầy không phục vụ số này.',
    failedScreen: 'Màn hình đang kết nối lại. Xin thử lại sau giây lát.',
  },
  en: {
    title: 'Counter {n}',
    counterN: 'Counter {n}',
    loginTitle: 'Log in to the counter',
    pickOfficer: 'Choose the officer',
    pinFor: 'Type the PIN of {name}',
    pinLabel: 'PIN',
    pinClear: 'Clear',
    pinBack: 'Backspace',
    pinOk: 'Log in',
    cancel: 'Cancel',
    wrongPin: 'Wrong PIN. {n} tries left.',
    pinLocked: 'Too many wrong PINs. Try again in {s} seconds.',
    pinNotSet: 'This officer has no PIN yet. Please ask the administrator.',
    logout: 'Log out',
    statusOpen: 'Open',
    statusPaused: 'Paused: {reason}',
    statusClosed: 'Closed',
    open: 'Open counter',
    pause: 'Pause',
    close: 'Close counter',
    pauseTitle: 'Reason for the pause',
    current: 'Now serving',
    noCurrent: 'No number called yet',
    calledTimes: 'Called {n} times',
    serving: 'Being served',
    called: 'Called, waiting for the citizen',
    transferredFrom: 'From counter {n}: {note}',
    next: 'Call next',
    recall: 'Recall',
    recallIn: 'Recall in {s} s',
    start: 'Start',
    finish: 'Finish',
    noShow: 'No-show',
    transfer: 'Transfer',
    hold: 'Hold',
    callNumber: 'Call a number',
    callNumberTitle: 'Call a given number',
    numberLabel: 'Queue number',
    call: 'Call',
    transferTitle: 'Transfer the citizen',
    toArea: 'To area',
    toCounter: 'To counter',
    noteLabel: 'Note for the receiving counter (optional)',
    send: 'Transfer',
    holdTitle: 'Hold the current number',
    holdReason: 'Reason (optional)',
    held: 'Numbers on hold',
    return: 'Serve {n} again',
    waitingTitle: 'Waiting',
    waitingCount: '{n} people',
    nextNumbers: 'Next numbers',
    none: 'None',
    directedTitle: 'Transferred to this counter',
    figuresTitle: 'Today',
    served: 'Served',
    noShows: 'No-shows',
    meanService: 'Mean service time',
    minutes: '{m} min',
    online: 'Connected to the server',
    offlineTitle: 'Server unreachable: working offline',
    offlineWorks:
      'Still works: call a paper ticket by its number, recall, start, finish, no-show, transfer, hold, open/close.',
    offlineNextSole: 'Call next only for the areas this counter serves alone: {areas}.',
    offlineNextNone: 'Call next does not work: other counters serve the same areas.',
    offlineNeedsHub: "Call next needs the server. Call the number on the citizen's ticket.",
    shortcutsTitle: 'Shortcuts',
    done: 'Done',
    doneOffline: 'Done (offline, synced later)',
    failed: 'Not done: {message}',
    failedRecallSoon: 'Cannot recall yet: wait {s} more seconds.',
    failedEmpty: 'Nobody is waiting.',
    failedNeedsHub: "Call next needs the server. Call the number on the citizen's ticket.",
    failedNotOpen: 'The counter is not open.',
    failedNoTicket: 'No number is being served.',
    failedUnknownTicket: 'There is no such number today.',
    failedNotServed: 'This counter does not serve that number.',
    failedScreen: 'The screen is reconnecting. Please try again in a moment.',
  },
});
