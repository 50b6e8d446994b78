/** The kiosk screen's words: Vietnamese first, English second (checked by kiosk/test/screen/messages.test.ts). */
import { defineMessages } from '@motcua/shared/ui/i18n';

export type KioskKey =
  | 'title'
  | 'chooseArea'
  | 'waiting'
  | 'waitEstimate'
  | 'waitUnknown'
  | 'closingSoon'
  | 'closedOutsideHours'
  | 'closedOpensAt'
  | 'closedCentre'
  | 'closedIssuingStopped'
  | 'closedQuota'
  | 'priorityTitle'
  | 'priorityNone'
  | 'back'
  | 'issuing'
  | 'issuingArea'
  | 'yourNumber'
  | 'priorityLabel'
  | 'peopleAhead'
  | 'peopleAheadNone'
  | 'estimatedWait'
  | 'watchCounters'
  | 'takeTicket'
  | 'done'
  | 'printerStopped'
  | 'printerPaperOut'
  | 'printerCoverOpen'
  | 'printerError'
  | 'printerNoAnswer'
  | 'printerDisconnected'
  | 'supervisorAlerted'
  | 'offline'
  | 'failed'
  | 'failedScreen'
  | 'failedClosed';

export const kioskMessages = defineMessages<KioskKey>()({
  vi: {
    title: 'Lấy số thứ tự',
    chooseArea: 'Xin mời chọn lĩnh vực cần giải quyết',
    waiting: 'Đang chờ: {n} người',
    waitEstimate: 'Chờ khoảng {m} phút',
    waitUnknown: 'Chưa có quầy mở',
    closingSoon: 'Sắp ngừng lấy số lúc {time}',
    closedOutsideHours: 'Ngoài giờ làm việc',
    closedOpensAt: 'Ngoài giờ làm việc. Mở lại lúc {time}',
    closedCentre: 'Hôm nay trung tâm nghỉ',
    closedIssuingStopped: 'Đã ngừng lấy số buổi này',
    closedQuota: 'Đã hết số hôm nay',
    priorityTitle: 'Quý vị có thuộc đối tượng ưu tiên không?',
    priorityNone: 'Không, lấy số thường',
    back: 'Quay lại',
    issuing: 'Đang in…',
    issuingArea: 'Đang in phiếu cho lĩnh vực {area}. Xin vui lòng chờ.',
    yourNumber: 'Số thứ tự của quý vị',
    priorityLabel: 'Ưu tiên: {name}',
    peopleAhead: 'Trước quý vị còn {n} người',
    peopleAheadNone: 'Không có ai chờ trước quý vị',
    estimatedWait: 'Thời gian chờ dự kiến: khoảng {m} phút',
    watchCounters: 'Xin mời theo dõi quầy số {counters}',
    takeTicket: 'Xin vui lòng nhận phiếu ở khe máy in.',
    done: 'Xong',
    printerStopped: 'Tạm ngừng cấp số',
    printerPaperOut: 'Máy in đã hết giấy.',
    printerCoverOpen: 'Nắp máy in đang mở.',
    printerError: 'Máy in đang báo lỗi.',
    printerNoAnswer: 'Máy in không phản hồi.',
    printerDisconnected: 'Mất kết nối với máy in.',
    supervisorAlerted: 'Xin vui lòng báo cán bộ hỗ trợ tại quầy hướng dẫn.',
    offline: 'Đang hoạt động ngoại tuyến',
    failed: 'Chưa lấy được số. Xin vui lòng thử lại hoặc báo cán bộ hỗ trợ.',
    failedScreen: 'Màn hình đang kết nối lại với máy. Xin vui lòng thử lại sau giây lát.',
    failedClosed: 'Lĩnh vực này hiện không cấp số.',
  },
  en: {
    title: 'Take a number',
    chooseArea: 'Please choose the service you need',
    waiting: 'Waiting: {n} people',
    waitEstimate: 'About {m} min wait',
    waitUnknown: 'No counter open yet',
    closingSoon: 'Numbers stop at {time}',
    closedOutsideHours: 'Outside opening hours',
    closedOpensAt: 'Outside opening hours. Opens again at {time}',
    closedCentre: 'The centre is closed today',
    closedIssuingStopped: 'No more numbers this session',
    closedQuota: 'No numbers left today',
    priorityTitle: 'Do you belong to a priority group?',
    priorityNone: 'No, a regular number',
    back: 'Back',
    issuing: 'Printing…',
    issuingArea: 'Printing your ticket for {area}. Please wait.',
    yourNumber: 'Your number',
    priorityLabel: 'Priority: {name}',
    peopleAhead: '{n} people ahead of you',
    peopleAheadNone: 'Nobody is waiting ahead of you',
    estimatedWait: 'Estimated wait: about {m} min',
    watchCounters: 'Please watch counter {counters}',
    takeTicket: 'Please take your ticket from the printer slot.',
    done: 'Done',
    printerStopped: 'Numbers are paused',
    printerPaperOut: 'The printer is out of paper.',
    printerCoverOpen: 'The printer cover is open.',
    printerError: 'The printer reports an error.',
    printerNoAnswer: 'The printer does not answer.',
    printerDisconnected: 'The printer is disconnected.',
    supervisorAlerted: 'Please ask a staff member at the help desk.',
    offline: 'Working offline',
    failed: 'No number was issued. Please try again or ask a staff member.',
    failedScreen: 'The screen is reconnecting. Please try again in a moment.',
    failedClosed: 'This service is not issuing numbers now.',
  },
});
