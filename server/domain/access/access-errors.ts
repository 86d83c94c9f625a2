// Refusals of who may do what: devices and staff that are not registered or signed in, roles
// and counters they may not act for, and the limits on repeated tries.

import type { ErrorWords } from '../error-words.js';

export const ACCESS_ERRORS = {
  kiosk_unregistered: {
    vi: () => 'Máy lấy số này chưa được đăng ký hoặc mã đăng ký không đúng. Vui lòng báo cán bộ quản lý.',
    en: () => 'This kiosk is not registered or its token is wrong. Please tell the hall manager.',
  },
  kiosk_rate_limited: {
    vi: (p) => `Máy vừa cấp nhiều số liên tiếp. Xin vui lòng chờ khoảng ${p.seconds} giây rồi lấy số tiếp. Xin cảm ơn!`,
    en: (p) => `This kiosk has just given many numbers in a row. Please wait about ${p.seconds} seconds. Thank you!`,
  },
  not_signed_in: {
    vi: () => 'Vui lòng đăng nhập để làm việc tại quầy.',
    en: () => 'Please sign in to work at a counter.',
  },
  session_expired: {
    vi: () => 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    en: () => 'Your session has expired. Please sign in again.',
  },
  sign_in_failed: {
    vi: () => 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: () => 'Wrong user name or password.',
  },
  sign_in_rate_limited: {
    vi: (p) => `Đã nhập sai nhiều lần. Vui lòng thử lại sau ${p.seconds} giây.`,
    en: (p) => `Too many failed attempts. Please try again in ${p.seconds} seconds.`,
  },
  counter_taken: {
    vi: (p) => `Quầy số ${p.counterId} đang do cán bộ ${p.holder} làm việc. Mỗi quầy chỉ một người đăng nhập.`,
    en: (p) => `${p.holder} is working at counter ${p.counterId}. Only one person can hold a counter.`,
  },
  counter_not_allowed: {
    vi: (p) => `Tài khoản ${p.user} không được phân công làm việc tại quầy số ${p.counterId}.`,
    en: (p) => `Account ${p.user} is not assigned to counter ${p.counterId}.`,
  },
  counter_not_held: {
    vi: (p) => `Bạn đang đăng nhập ở quầy số ${p.held}, không phải quầy số ${p.counterId}.`,
    en: (p) => `You are signed in at counter ${p.held}, not counter ${p.counterId}.`,
  },
  counter_required: {
    vi: () => 'Cán bộ một cửa cần chọn quầy làm việc khi đăng nhập.',
    en: () => 'A clerk must choose a counter when signing in.',
  },
  back_office_no_counter: {
    vi: (p) => `Tài khoản ${p.user} là cán bộ xử lý hồ sơ (bộ phận chuyên môn), không nhận quầy: đăng nhập không chọn quầy.`,
    en: (p) => `Account ${p.user} is back-office staff, who take no counter: sign in without choosing one.`,
  },
  back_office_no_queue: {
    vi: () => 'Cán bộ xử lý hồ sơ (bộ phận chuyên môn) không gọi số, không cấp số và không tiếp nhận hồ sơ tại quầy.',
    en: () => 'Back-office staff do not call, issue or receive at a counter.',
  },
  admin_only: {
    vi: () => 'Chỉ quản trị hệ thống được thực hiện thao tác này.',
    en: () => 'Only an administrator can do this.',
  },
  user_exists: {
    vi: (p) => `Tên đăng nhập ${p.user} đã có. Hãy chọn tên khác.`,
    en: (p) => `The user name ${p.user} is taken. Choose another.`,
  },
  user_not_found: {
    vi: (p) => `Không có tài khoản ${p.user}.`,
    en: (p) => `There is no account ${p.user}.`,
  },
  user_counter_unknown: {
    vi: (p) => `Trường counters: không có quầy số ${p.counterId}.`,
    en: (p) => `Field counters: there is no counter ${p.counterId}.`,
  },
  session_moved: {
    vi: (p) => `Quản lý đã chuyển bạn sang quầy số ${p.counterId}. Vui lòng sang quầy số ${p.counterId} và đăng nhập lại tại đó.`,
    en: (p) => `A manager moved you to counter ${p.counterId}. Please go to counter ${p.counterId} and sign in there.`,
  },
  no_clerk_at_counter: {
    vi: (p) => `Không có cán bộ nào đang đăng nhập tại quầy số ${p.counterId}.`,
    en: (p) => `Nobody is signed in at counter ${p.counterId}.`,
  },
  move_to_same_counter: {
    vi: (p) => `Trường toCounterId: cán bộ đang ở quầy số ${p.counterId}; hãy chọn quầy khác.`,
    en: (p) => `Field toCounterId: the clerk is already at counter ${p.counterId}; choose another.`,
  },
  user_field_unknown: {
    vi: (p) => `Trường fields: danh mục thủ tục không có lĩnh vực “${p.field}”.`,
    en: (p) => `Field fields: the procedures catalogue has no field "${p.field}".`,
  },
  user_service_unknown: {
    vi: (p) => `Trường services: không có dịch vụ ${p.serviceId}.`,
    en: (p) => `Field services: there is no service ${p.serviceId}.`,
  },
  back_office_without_scope: {
    vi: (p) => `Trường fields: cán bộ xử lý hồ sơ ${p.user} phải được giao ít nhất một lĩnh vực hoặc dịch vụ.`,
    en: (p) => `Field fields: back-office staff ${p.user} must handle at least one field or service.`,
  },
  last_admin: {
    vi: () => 'Không thể bỏ quyền hoặc khóa quản trị viên cuối cùng đang hoạt động.',
    en: () => 'The last active administrator cannot lose the role or be disabled.',
  },
  own_account: {
    vi: () => 'Không thể tự khóa hoặc tự đổi vai trò của chính mình.',
    en: () => 'You cannot disable your own account or change your own role.',
  },
  alert_not_found: {
    vi: (p) => `Không có cảnh báo số ${p.id}.`,
    en: (p) => `There is no alert ${p.id}.`,
  },
  threshold_out_of_range: {
    vi: (p) => `Trường ${p.field}: phải là số phút nguyên từ ${p.min} đến ${p.max}.`,
    en: (p) => `Field ${p.field}: must be a whole number of minutes from ${p.min} to ${p.max}.`,
  },
  manager_only: {
    vi: () => 'Chỉ cán bộ quản lý được thực hiện thao tác này.',
    en: () => 'Only a manager can do this.',
  },
  not_allowed: {
    vi: (p) => `Tài khoản hoặc thiết bị này không được phép thực hiện thao tác này (dành cho: ${p.who}).`,
    en: (p) => `This account or device may not do this (allowed: ${p.whoEn}).`,
  },
  ticket_not_in_scope: {
    vi: (p) => `Số ${p.number} không do quầy số ${p.counterId} giữ và không chờ dịch vụ của quầy này. Hãy để quầy đang giữ số, hoặc cán bộ quản lý, thực hiện.`,
    en: (p) => `Ticket ${p.number} is neither held by counter ${p.counterId} nor waiting for its services. Ask the counter that holds it, or a manager.`,
  },
  service_not_in_scope: {
    vi: (p) => `Quầy số ${p.counterId} không phục vụ dịch vụ "${p.serviceId}" nên không cấp số cho dịch vụ này được.`,
    en: (p) => `Counter ${p.counterId} does not serve "${p.serviceId}", so it cannot give numbers for it.`,
  },
  simulator_credential_required: {
    vi: () => 'Bấm phím mô phỏng cần mở trang /boards trên máy chủ của sảnh, hoặc đăng nhập bằng tài khoản quản lý.',
    en: () => 'Pressing simulated keys needs the /boards page opened on the hub machine, or a manager signed in.',
  },
  simulator_off: {
    vi: () => 'Bộ mô phỏng bàn phím đã được tắt trong tệp cấu hình của sảnh (simulator: false).',
    en: () => 'The keypad simulator is turned off in the hall file (simulator: false).',
  },
  hub_machine_only: {
    vi: () => 'Chỉ mở được trên chính máy chủ của sảnh, hoặc khi cán bộ quản lý đăng nhập.',
    en: () => 'Only available on the hub machine itself, or to a signed-in manager.',
  },
  lookup_rate_limited: {
    vi: (p) => `Đã tra cứu không thành công nhiều lần từ thiết bị này. Vui lòng thử lại sau khoảng ${p.minutes} phút, hoặc hỏi cán bộ tại quầy.`,
    en: (p) => `Too many lookups from this device found nothing. Please try again in about ${p.minutes} minutes, or ask at a counter.`,
  },
  sign_in_address_limited: {
    vi: (p) => `Máy này đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${p.seconds} giây hoặc báo cán bộ quản lý.`,
    en: (p) => `Too many failed sign-ins from this machine. Please try again in ${p.seconds} seconds or tell the manager.`,
  },
  reprint_limit: {
    vi: (p) => `Số thứ tự này đã được in lại ${p.count} lần, không in thêm được. Vui lòng đến bàn hướng dẫn để được hỗ trợ.`,
    en: (p) => `This ticket has already been reprinted ${p.count} times. Please ask at the help desk.`,
  },
  rating_tablet_unregistered: {
    vi: () => 'Máy đánh giá này chưa được đăng ký hoặc mã không đúng. Vui lòng báo cán bộ quản lý.',
    en: () => 'This rating tablet is not registered or its token is wrong. Please tell the hall manager.',
  },
} satisfies Record<string, ErrorWords>;

export type AccessErrorCode = keyof typeof ACCESS_ERRORS;
