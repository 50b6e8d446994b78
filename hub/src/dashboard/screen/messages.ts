import { defineMessages } from '@motcua/shared/ui/i18n';

/** The dashboard's words, Vietnamese first. Checked by hub/test/dashboard/messages.test.ts. */
export type DashboardKey =
  | 'title'
  | 'loginTitle'
  | 'loginHint'
  | 'username'
  | 'password'
  | 'login'
  | 'loggingIn'
  | 'logout'
  | 'badCredentials'
  | 'rateLimited'
  | 'loginFailed'
  | 'signedInAs'
  | 'roleSupervisor'
  | 'roleAdmin'
  | 'tabLive'
  | 'tabReports'
  | 'tabConfig'
  | 'areasTitle'
  | 'area'
  | 'waiting'
  | 'issued'
  | 'served'
  | 'estWait'
  | 'waitMean'
  | 'waitP90'
  | 'minutes'
  | 'noOpenCounter'
  | 'countersTitle'
  | 'counter'
  | 'counterNo'
  | 'officer'
  | 'current'
  | 'status'
  | 'statusOpen'
  | 'statusPaused'
  | 'statusClosed'
  | 'devicesTitle'
  | 'device'
  | 'deviceRole'
  | 'presence'
  | 'online'
  | 'offline'
  | 'neverSeen'
  | 'lastSeen'
  | 'printer'
  | 'alertsTitle'
  | 'noAlerts'
  | 'acknowledge'
  | 'acknowledgedBy'
  | 'alertPrinter'
  | 'alertOffline'
  | 'alertConflict'
  | 'alertRefused'
  | 'prReady'
  | 'prPaperNearEnd'
  | 'prPaperOut'
  | 'prCoverOpen'
  | 'prOffline'
  | 'prNoAnswer'
  | 'prDisconnected'
  | 'prUnknown'
  | 'configTitle'
  | 'configRevision'
  | 'configReadOnly'
  | 'configEditHint'
  | 'configLabel'
  | 'configSave'
  | 'configSaving'
  | 'configSaved'
  | 'configInvalid'
  | 'configStale'
  | 'configNoChange'
  | 'configJsonInvalid'
  | 'configHistory'
  | 'historyEmpty'
  | 'historyEntry'
  | 'forbidden'
  | 'reportsTitle'
  | 'from'
  | 'to'
  | 'groupBy'
  | 'groupDay'
  | 'groupArea'
  | 'groupCounter'
  | 'groupOfficer'
  | 'show'
  | 'downloadCsv'
  | 'downloadXlsx'
  | 'noShow'
  | 'reportWaitMean'
  | 'reportWaitP90'
  | 'serviceMean'
  | 'serviceP90'
  | 'ratings'
  | 'satisfied'
  | 'total'
  | 'reportEmpty'
  | 'reportBadQuery'
  | 'reportUnavailable'
  | 'chartTitle'
  | 'sessionExpired'
  | 'requestFailed';

export const dashboardMessages = defineMessages<DashboardKey>()({
  vi: {
    title: 'Bảng điều hành',
    loginTitle: 'Đăng nhập bảng điều hành',
    loginHint: 'Dành cho lãnh đạo trung tâm và quản trị viên.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    login: 'Đăng nhập',
    loggingIn: 'Đang đăng nhập…',
    logout: 'Đăng xuất',
    badCredentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    rateLimited: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    loginFailed: 'Không đăng nhập được. Vui lòng thử lại.',
    signedInAs: '{name} ({role})',
    roleSupervisor: 'giám sát',
    roleAdmin: 'quản trị',
    tabLive: 'Trực tiếp',
    tabReports: 'Báo cáo',
    tabConfig: 'Cấu hình',
    areasTitle: 'Hàng chờ theo lĩnh vực',
    area: 'Lĩnh vực',
    waiting: 'Đang chờ',
    issued: 'Đã cấp số',
    served: 'Đã phục vụ',
    estWait: 'Chờ ước tính',
    waitMean: 'Chờ thực tế (TB)',
    waitP90: 'Chờ thực tế (P90)',
    minutes: '{n} phút',
    noOpenCounter: 'Chưa có quầy mở',
    countersTitle: 'Quầy',
    counter: 'Quầy',
    counterNo: 'Quầy {n}',
    officer: 'Cán bộ',
    current: 'Số đang phục vụ',
    status: 'Trạng thái',
    statusOpen: 'Đang mở',
    statusPaused: 'Tạm dừng',
    statusClosed: 'Đóng',
    devicesTitle: 'Thiết bị',
    device: 'Thiết bị',
    deviceRole: 'Loại',
    presence: 'Kết nối',
    online: 'Trực tuyến',
    offline: 'Mất kết nối',
    neverSeen: 'Chưa thấy',
    lastSeen: 'Thấy lần cuối',
    printer: 'Máy in',
    alertsTitle: 'Cảnh báo',
    noAlerts: 'Không có cảnh báo.',
    acknowledge: 'Đã biết',
    acknowledgedBy: 'Đã xác nhận: {name}, {time}',
    alertPrinter: 'Máy in của {device}: {state}',
    alertOffline: 'Thiết bị {device} mất kết nối',
    alertConflict: 'Xung đột sau khi mất kết nối: {reason}',
    alertRefused: 'Tin nhắn bị từ chối từ {device}: {reason} ({count} lần)',
    prReady: 'Sẵn sàng',
    prPaperNearEnd: 'Sắp hết giấy',
    prPaperOut: 'Hết giấy',
    prCoverOpen: 'Nắp đang mở',
    prOffline: 'Máy in ngừng',
    prNoAnswer: 'Không trả lời',
    prDisconnected: 'Chưa kết nối',
    prUnknown: 'Chưa rõ',
    configTitle: 'Cấu hình trung tâm',
    configRevision: 'Phiên bản {n}',
    configReadOnly: 'Bạn chỉ được xem cấu hình; chỉ quản trị viên được sửa.',
    configEditHint:
      'Sửa dưới dạng JSON. Tài khoản bảng điều hành được quản lý trong tệp cấu hình, không sửa ở đây.',
    configLabel: 'Cấu hình (JSON)',
    configSave: 'Lưu và gửi tới các thiết bị',
    configSaving: 'Đang lưu…',
    configSaved: 'Đã lưu phiên bản {n} và gửi tới các thiết bị.',
    configInvalid: 'Cấu hình có lỗi; chưa lưu:',
    configStale: 'Cấu hình vừa được người khác thay đổi. Hãy tải lại trang.',
    configNoChange: 'Không có thay đổi nào để lưu.',
    configJsonInvalid: 'Văn bản không phải JSON hợp lệ: {error}',
    configHistory: 'Lịch sử thay đổi',
    historyEmpty: 'Chưa có thay đổi nào.',
    historyEntry: 'Phiên bản {n} — {name}, {time}',
    forbidden: 'Bạn không có quyền làm việc này.',
    reportsTitle: 'Báo cáo',
    from: 'Từ ngày',
    to: 'Đến ngày',
    groupBy: 'Nhóm theo',
    groupDay: 'Ngày',
    groupArea: 'Lĩnh vực',
    groupCounter: 'Quầy',
    groupOfficer: 'Cán bộ',
    show: 'Xem báo cáo',
    downloadCsv: 'Tải CSV',
    downloadXlsx: 'Tải Excel (XLSX)',
    noShow: 'Vắng mặt',
    reportWaitMean: 'Chờ (TB, phút)',
    reportWaitP90: 'Chờ (P90, phút)',
    serviceMean: 'Phục vụ (TB, phút)',
    serviceP90: 'Phục vụ (P90, phút)',
    ratings: 'Lượt đánh giá',
    satisfied: 'Tỷ lệ hài lòng',
    total: 'Tổng cộng',
    reportEmpty: 'Không có dữ liệu trong khoảng này.',
    reportBadQuery: 'Khoảng thời gian không hợp lệ (tối đa 400 ngày, ngày bắt đầu không sau ngày kết thúc).',
    reportUnavailable: 'Chưa có dữ liệu báo cáo.',
    chartTitle: 'Số đã cấp và đã phục vụ',
    sessionExpired: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    requestFailed: 'Không thực hiện được. Vui lòng thử lại.',
  },
  en: {
    title: 'Supervisor dashboard',
    loginTitle: 'Dashboard log-in',
    loginHint: "For the centre's leadership and administrators.",
    username: 'Username',
    password: 'Password',
    login: 'Log in',
    loggingIn: 'Logging in…',
    logout: 'Log out',
    badCredentials: 'Wrong username or password.',
    rateLimited: 'Too many failed log-ins. Please try again in {minutes} minutes.',
    loginFailed: 'Could not log in. Please try again.',
    signedInAs: '{name} ({role})',
    roleSupervisor: 'supervisor',
    roleAdmin: 'admin',
    tabLive: 'Live',
    tabReports: 'Reports',
    tabConfig: 'Configuration',
    areasTitle: 'Queues by area',
    area: 'Area',
    waiting: 'Waiting',
    issued: 'Issued',
    served: 'Served',
    estWait: 'Estimated wait',
    waitMean: 'Actual wait (mean)',
    waitP90: 'Actual wait (p90)',
    minutes: '{n} min',
    noOpenCounter: 'No counter open',
    countersTitle: 'Counters',
    counter: 'Counter',
    counterNo: 'Counter {n}',
    officer: 'Officer',
    current: 'Number being served',
    status: 'Status',
    statusOpen: 'Open',
    statusPaused: 'Paused',
    statusClosed: 'Closed',
    devicesTitle: 'Devices',
    device: 'Device',
    deviceRole: 'Kind',
    presence: 'Connection',
    online: 'Online',
    offline: 'Offline',
    neverSeen: 'Not seen yet',
    lastSeen: 'Last seen',
    printer: 'Printer',
    alertsTitle: 'Alerts',
    noAlerts: 'No alerts.',
    acknowledge: 'Acknowledge',
    acknowledgedBy: 'Acknowledged: {name}, {time}',
    alertPrinter: 'Printer of {device}: {state}',
    alertOffline: 'Device {device} is offline',
    alertConflict: 'Conflict after a partition: {reason}',
    alertRefused: 'Message refused from {device}: {reason} ({count} times)',
    prReady: 'Ready',
    prPaperNearEnd: 'Paper nearly out',
    prPaperOut: 'Out of paper',
    prCoverOpen: 'Cover open',
    prOffline: 'Printer stopped',
    prNoAnswer: 'Not answering',
    prDisconnected: 'Not connected',
    prUnknown: 'Unknown',
    configTitle: "Centre's configuration",
    configRevision: 'Revision {n}',
    configReadOnly: 'You can read the configuration; only administrators can edit it.',
    configEditHint: 'Edit as JSON. Dashboard accounts are managed in the configuration file, not here.',
    configLabel: 'Configuration (JSON)',
    configSave: 'Save and send to the devices',
    configSaving: 'Saving…',
    configSaved: 'Revision {n} saved and sent to the devices.',
    configInvalid: 'The configuration has errors; nothing saved:',
    configStale: 'Someone else has just changed the configuration. Reload the page.',
    configNoChange: 'Nothing changed.',
    configJsonInvalid: 'The text is not valid JSON: {error}',
    configHistory: 'Change history',
    historyEmpty: 'No changes yet.',
    historyEntry: 'Revision {n} — {name}, {time}',
    forbidden: 'You are not allowed to do this.',
    reportsTitle: 'Reports',
    from: 'From',
    to: 'To',
    groupBy: 'Group by',
    groupDay: 'Day',
    groupArea: 'Area',
    groupCounter: 'Counter',
    groupOfficer: 'Officer',
    show: 'Show report',
    downloadCsv: 'Download CSV',
    downloadXlsx: 'Download Excel (XLSX)',
    noShow: 'No-show',
    reportWaitMean: 'Wait (mean, min)',
    reportWaitP90: 'Wait (p90, min)',
    serviceMean: 'Service (mean, min)',
    serviceP90: 'Service (p90, min)',
    ratings: 'Ratings',
    satisfied: 'Satisfied',
    total: 'Total',
    reportEmpty: 'No data in this range.',
    reportBadQuery: 'Invalid date range (at most 400 days, the start not after the end).',
    reportUnavailable: 'No report data yet.',
    chartTitle: 'Issued and served',
    sessionExpired: 'Your session has expired. Please log in again.',
    requestFailed: 'That did not work. Please try again.',
  },
});
