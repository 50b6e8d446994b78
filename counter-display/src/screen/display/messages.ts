/** The counter display's and rating pad's words: Vietnamese first, English second (checked by a test). */
import { defineMessages } from '@motcua/shared/ui/i18n';

export type DisplayKey =
  | 'title'
  | 'counter'
  | 'nowServing'
  | 'noneServing'
  | 'closed'
  | 'paused'
  | 'pausedReason'
  | 'officer'
  | 'offline'
  | 'rateTitle'
  | 'rateQuestion'
  | 'rateTicket'
  | 'reasonsTitle'
  | 'reasonsHint'
  | 'comment'
  | 'commentAdd'
  | 'commentEdit'
  | 'commentTitle'
  | 'commentPrivacy'
  | 'commentCount'
  | 'dossier'
  | 'dossierAdd'
  | 'dossierEdit'
  | 'dossierTitle'
  | 'dossierHint'
  | 'dossierNone'
  | 'done'
  | 'send'
  | 'sending'
  | 'back'
  | 'skip'
  | 'thanks'
  | 'thanksDetail'
  | 'thanksOffline'
  | 'failed'
  | 'failedRated';

export const displayMessages = defineMessages<DisplayKey>()({
  vi: {
    title: 'Quầy số {n}',
    counter: 'Quầy',
    nowServing: 'Đang phục vụ số',
    noneServing: 'Xin mời quý vị chờ gọi số',
    closed: 'Quầy đang đóng',
    paused: 'Quầy tạm dừng',
    pausedReason: 'Tạm dừng: {reason}',
    officer: 'Cán bộ tiếp nhận',
    offline: 'Đang mất kết nối với máy chủ; đánh giá vẫn được lưu và gửi sau.',
    rateTitle: 'Đánh giá mức độ hài lòng',
    rateQuestion: 'Quý vị có hài lòng với việc phục vụ tại quầy không?',
    rateTicket: 'Số thứ tự {number}',
    reasonsTitle: 'Quý vị chưa hài lòng về điều gì?',
    reasonsHint: 'Có thể chọn nhiều ý.',
    comment: 'Góp ý',
    commentAdd: 'Viết góp ý',
    commentEdit: 'Sửa góp ý',
    commentTitle: 'Góp ý của quý vị',
    commentPrivacy: 'Đánh giá là ẩn danh. Xin đừng ghi họ tên, số điện thoại hay thông tin cá nhân.',
    commentCount: '{n}/{max} ký tự',
    dossier: 'Mã hồ sơ',
    dossierAdd: 'Nhập mã hồ sơ',
    dossierEdit: 'Sửa mã hồ sơ',
    dossierTitle: 'Mã hồ sơ (nếu có)',
    dossierHint: 'Gõ mã trên giấy biên nhận hoặc quét mã vạch.',
    dossierNone: 'Không bắt buộc',
    done: 'Xong',
    send: 'Gửi đánh giá',
    sending: 'Đang gửi…',
    back: 'Quay lại',
    skip: 'Bỏ qua',
    thanks: 'Cảm ơn quý vị đã đánh giá!',
    thanksDetail: 'Ý kiến của quý vị giúp chúng tôi phục vụ tốt hơn.',
    thanksOffline: 'Đánh giá đã được lưu và sẽ được gửi khi có kết nối.',
    failed: 'Chưa gửi được đánh giá. Xin vui lòng thử lại.',
    failedRated: 'Lượt phục vụ này đã được đánh giá.',
  },
  en: {
    title: 'Counter {n}',
    counter: 'Counter',
    nowServing: 'Now serving',
    noneServing: 'Please wait for your number',
    closed: 'This counter is closed',
    paused: 'This counter is paused',
    pausedReason: 'Paused: {reason}',
    officer: 'Officer',
    offline: 'No link to the server; ratings are still saved and sent later.',
    rateTitle: 'How satisfied are you?',
    rateQuestion: 'Were you satisfied with the service at this counter?',
    rateTicket: 'Number {number}',
    reasonsTitle: 'What were you not satisfied with?',
    reasonsHint: 'You may choose several.',
    comment: 'Comment',
    commentAdd: 'Write a comment',
    commentEdit: 'Edit the comment',
    commentTitle: 'Your comment',
    commentPrivacy: 'Ratings are anonymous. Please do not write names, phone numbers or other personal data.',
    commentCount: '{n}/{max} characters',
    dossier: 'Dossier code',
    dossierAdd: 'Enter the dossier code',
    dossierEdit: 'Edit the dossier code',
    dossierTitle: 'Dossier code (if any)',
    dossierHint: 'Type the code on your receipt or scan its barcode.',
    dossierNone: 'Optional',
    done: 'Done',
    send: 'Send rating',
    sending: 'Sending…',
    back: 'Back',
    skip: 'Skip',
    thanks: 'Thank you for your rating!',
    thanksDetail: 'Your opinion helps us serve you better.',
    thanksOffline: 'Your rating is saved and will be sent when the link is back.',
    failed: 'The rating was not sent. Please try again.',
    failedRated: 'This service has already been rated.',
  },
});
