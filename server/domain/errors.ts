// Every refusal the hall can give, with the words a person reads. The HTTP layer turns a
// DomainError into a 4xx answer (507 for a full disk); pages may translate `code` with their
// own dictionary.

import { gigabytes } from './storage/disk-space.js';

type Params = Record<string, string | number>;

const gb = (bytes: string | number | undefined, decimal: ',' | '.') => gigabytes(Number(bytes), decimal);

interface ErrorText {
  status: 401 | 403 | 404 | 409 | 415 | 422 | 429 | 507;
  vi: (p: Params) => string;
  en: (p: Params) => string;
}

const ERRORS = {
  kiosk_unregistered: {
    status: 401,
    vi: () => 'Máy lấy số này chưa được đăng ký hoặc mã đăng ký không đúng. Vui lòng báo cán bộ quản lý.',
    en: () => 'This kiosk is not registered or its token is wrong. Please tell the hall manager.',
  },
  kiosk_rate_limited: {
    status: 429,
    vi: (p) => `Máy vừa cấp nhiều số liên tiếp. Xin vui lòng chờ khoảng ${p.seconds} giây rồi lấy số tiếp. Xin cảm ơn!`,
    en: (p) => `This kiosk has just given many numbers in a row. Please wait about ${p.seconds} seconds. Thank you!`,
  },
  not_signed_in: {
    status: 401,
    vi: () => 'Vui lòng đăng nhập để làm việc tại quầy.',
    en: () => 'Please sign in to work at a counter.',
  },
  session_expired: {
    status: 401,
    vi: () => 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    en: () => 'Your session has expired. Please sign in again.',
  },
  sign_in_failed: {
    status: 401,
    vi: () => 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: () => 'Wrong user name or password.',
  },
  sign_in_rate_limited: {
    status: 429,
    vi: (p) => `Đã nhập sai nhiều lần. Vui lòng thử lại sau ${p.seconds} giây.`,
    en: (p) => `Too many failed attempts. Please try again in ${p.seconds} seconds.`,
  },
  counter_taken: {
    status: 409,
    vi: (p) => `Quầy số ${p.counterId} đang do cán bộ ${p.holder} làm việc. Mỗi quầy chỉ một người đăng nhập.`,
    en: (p) => `${p.holder} is working at counter ${p.counterId}. Only one person can hold a counter.`,
  },
  counter_not_allowed: {
    status: 403,
    vi: (p) => `Tài khoản ${p.user} không được phân công làm việc tại quầy số ${p.counterId}.`,
    en: (p) => `Account ${p.user} is not assigned to counter ${p.counterId}.`,
  },
  counter_not_held: {
    status: 403,
    vi: (p) => `Bạn đang đăng nhập ở quầy số ${p.held}, không phải quầy số ${p.counterId}.`,
    en: (p) => `You are signed in at counter ${p.held}, not counter ${p.counterId}.`,
  },
  counter_required: {
    status: 422,
    vi: () => 'Cán bộ một cửa cần chọn quầy làm việc khi đăng nhập.',
    en: () => 'A clerk must choose a counter when signing in.',
  },
  manager_only: {
    status: 403,
    vi: () => 'Chỉ cán bộ quản lý được thực hiện thao tác này.',
    en: () => 'Only a manager can do this.',
  },
  not_allowed: {
    status: 403,
    vi: (p) => `Tài khoản hoặc thiết bị này không được phép thực hiện thao tác này (dành cho: ${p.who}).`,
    en: (p) => `This account or device may not do this (allowed: ${p.whoEn}).`,
  },
  ticket_not_in_scope: {
    status: 403,
    vi: (p) => `Số ${p.number} không do quầy số ${p.counterId} giữ và không chờ dịch vụ của quầy này. Hãy để quầy đang giữ số, hoặc cán bộ quản lý, thực hiện.`,
    en: (p) => `Ticket ${p.number} is neither held by counter ${p.counterId} nor waiting for its services. Ask the counter that holds it, or a manager.`,
  },
  service_not_in_scope: {
    status: 403,
    vi: (p) => `Quầy số ${p.counterId} không phục vụ dịch vụ "${p.serviceId}" nên không cấp số cho dịch vụ này được.`,
    en: (p) => `Counter ${p.counterId} does not serve "${p.serviceId}", so it cannot give numbers for it.`,
  },
  simulator_credential_required: {
    status: 401,
    vi: () => 'Bấm phím mô phỏng cần mở trang /boards trên máy chủ của sảnh, hoặc đăng nhập bằng tài khoản quản lý.',
    en: () => 'Pressing simulated keys needs the /boards page opened on the hub machine, or a manager signed in.',
  },
  simulator_off: {
    status: 403,
    vi: () => 'Bộ mô phỏng bàn phím đã được tắt trong tệp cấu hình của sảnh (simulator: false).',
    en: () => 'The keypad simulator is turned off in the hall file (simulator: false).',
  },
  hub_machine_only: {
    status: 403,
    vi: () => 'Chỉ mở được trên chính máy chủ của sảnh, hoặc khi cán bộ quản lý đăng nhập.',
    en: () => 'Only available on the hub machine itself, or to a signed-in manager.',
  },
  sign_in_address_limited: {
    status: 429,
    vi: (p) => `Máy này đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${p.seconds} giây hoặc báo cán bộ quản lý.`,
    en: (p) => `Too many failed sign-ins from this machine. Please try again in ${p.seconds} seconds or tell the manager.`,
  },
  reprint_limit: {
    status: 429,
    vi: (p) => `Số thứ tự này đã được in lại ${p.count} lần, không in thêm được. Vui lòng đến bàn hướng dẫn để được hỗ trợ.`,
    en: (p) => `This ticket has already been reprinted ${p.count} times. Please ask at the help desk.`,
  },
  disk_full: {
    status: 507,
    vi: (p) =>
      `Không đủ chỗ trống trên ổ đĩa để sao lưu: còn ${gb(p.free, ',')} trống, bản sao cần ${gb(p.copy, ',')} và ổ đĩa phải giữ lại ${gb(p.reserve, ',')}. ` +
      'Hãy chép các bản sao trong data/backups sang ổ khác rồi xoá bớt.',
    en: (p) =>
      `Not enough free disk space for a backup: ${gb(p.free, '.')} free, the copy needs ${gb(p.copy, '.')} and the disk must keep ${gb(p.reserve, '.')}. ` +
      'Copy the files in data/backups to another disk and remove some.',
  },
  unsupported_encoding: {
    status: 415,
    vi: (p) => `Không nhận nội dung nén (Content-Encoding: ${p.encoding}). Hãy gửi JSON thường.`,
    en: (p) => `Compressed bodies are not accepted (Content-Encoding: ${p.encoding}). Send plain JSON.`,
  },
  procedure_not_found: {
    status: 404,
    vi: (p) => `Không có thủ tục mã "${p.code}" trong danh mục của bộ phận một cửa.`,
    en: (p) => `There is no procedure "${p.code}" in the hall's catalogue.`,
  },
  catalog_unknown_service: {
    status: 422,
    vi: (p) => `Danh mục thủ tục nêu dịch vụ không có trong sảnh: ${p.services}.`,
    en: (p) => `The catalogue names services the hall does not have: ${p.services}.`,
  },
  catalog_invalid: {
    status: 422,
    vi: (p) => `Danh mục thủ tục không dùng được: ${p.problems}`,
    en: (p) => `The procedures catalogue cannot be used: ${p.problems}`,
  },
  dossier_not_found: {
    status: 404,
    vi: (p) => `Không tìm thấy hồ sơ mã ${p.code}. Vui lòng kiểm tra lại mã trên giấy hẹn.`,
    en: (p) => `No dossier with the code ${p.code}. Please check the code on the appointment slip.`,
  },
  dossier_ticket_not_held: {
    status: 409,
    vi: (p) => `Số ${p.number} không đang được phục vụ tại quầy số ${p.counterId}: hãy gọi số trước khi lập hồ sơ.`,
    en: (p) => `Ticket ${p.number} is not being served at counter ${p.counterId}: call it before opening a dossier.`,
  },
  citizen_id_invalid: {
    status: 422,
    vi: (p) => `Số định danh cá nhân "${p.idNumber}" không hợp lệ: cần đủ 12 chữ số, bắt đầu bằng mã tỉnh (001-096).`,
    en: (p) => `The citizen ID "${p.idNumber}" is not valid: 12 digits starting with a province code (001-096).`,
  },
  dossier_missing_list_required: {
    status: 422,
    vi: () => 'Hãy liệt kê đủ các giấy tờ còn thiếu: công dân chỉ được yêu cầu bổ sung một lần.',
    en: () => 'List every missing paper: the citizen is asked to complete the dossier once.',
  },
  dossier_reason_required: {
    status: 422,
    vi: () => 'Cần ghi rõ lý do.',
    en: () => 'A reason is required.',
  },
  dossier_series_full: {
    status: 409,
    vi: (p) => `Đã hết ${p.max} mã hồ sơ của ngày hôm nay.`,
    en: (p) => `Today's ${p.max} dossier codes are used up.`,
  },
  dossier_code_taken: {
    status: 409,
    vi: (p) => `Mã ${p.code} là hồ sơ do bộ phận một cửa này tiếp nhận, không phải mã của hệ thống tỉnh.`,
    en: (p) => `${p.code} is a dossier this hall received, not a code of the province's system.`,
  },
  dossier_wrong_status: {
    status: 409,
    vi: (p) => `Hồ sơ ${p.code} đang ở trạng thái mã ${p.status}, không thực hiện được thao tác "${p.action}".`,
    en: (p) => `Dossier ${p.code} has status ${p.status}; "${p.action}" cannot be done now.`,
  },
  dossier_papers_asked_once: {
    status: 409,
    vi: (p) => `Hồ sơ ${p.code} đã được yêu cầu bổ sung một lần; không yêu cầu bổ sung thêm.`,
    en: (p) => `Dossier ${p.code} was already asked to be completed once; it cannot be asked again.`,
  },
  dossier_apology_too_late: {
    status: 409,
    vi: (p) => `Hồ sơ ${p.code} đã quá hạn hoặc chưa có hạn: thư xin lỗi phải gửi trước ngày hẹn.`,
    en: (p) => `Dossier ${p.code} is past its due date or has none: an apology comes before the due date.`,
  },
  dossier_apology_date: {
    status: 422,
    vi: (p) => `Ngày hẹn mới của hồ sơ ${p.code} phải sau ngày hẹn cũ.`,
    en: (p) => `The new date of dossier ${p.code} must be after the old one.`,
  },
  dossier_no_return_service: {
    status: 409,
    vi: (p) => `Chưa xác định quầy trả kết quả cho hồ sơ ${p.code}. Vui lòng hỏi bàn hướng dẫn.`,
    en: (p) => `No return counter is set for dossier ${p.code}. Please ask at the help desk.`,
  },
  rating_tablet_unregistered: {
    status: 401,
    vi: () => 'Máy đánh giá này chưa được đăng ký hoặc mã không đúng. Vui lòng báo cán bộ quản lý.',
    en: () => 'This rating tablet is not registered or its token is wrong. Please tell the hall manager.',
  },
  rating_nothing_to_rate: {
    status: 409,
    vi: (p) => `Quầy số ${p.counterId} không có lượt phục vụ nào vừa kết thúc để đánh giá.`,
    en: (p) => `Counter ${p.counterId} has no service just finished to rate.`,
  },
  rating_given: {
    status: 409,
    vi: (p) => `Lượt phục vụ số ${p.number} đã được đánh giá. Xin cảm ơn!`,
    en: (p) => `The service of ticket ${p.number} was already rated. Thank you!`,
  },
  kiosk_not_found: {
    status: 404,
    vi: (p) => `Không có máy lấy số "${p.kioskId}" đang hoạt động.`,
    en: (p) => `There is no active kiosk "${p.kioskId}".`,
  },
  slip_not_applicable: {
    status: 409,
    vi: (p) => `Hồ sơ ${p.code} không có phiếu mẫu số ${p.form} ở trạng thái hiện tại.`,
    en: (p) => `Dossier ${p.code} has no form ${p.form} in its present state.`,
  },
  dossier_closed: {
    status: 409,
    vi: (p) => `Hồ sơ ${p.code} đã kết thúc.`,
    en: (p) => `Dossier ${p.code} is closed.`,
  },
  ticket_not_from_today: {
    status: 409,
    vi: (p) => `Số thứ tự "${p.ticketId}" không phải của hôm nay nên không in lại được.`,
    en: (p) => `Ticket "${p.ticketId}" is not from today, so it cannot be printed again.`,
  },
  service_not_found: {
    status: 404,
    vi: (p) => `Không có dịch vụ "${p.serviceId}".`,
    en: (p) => `There is no service "${p.serviceId}".`,
  },
  counter_not_found: {
    status: 404,
    vi: (p) => `Không có quầy số ${p.counterId}.`,
    en: (p) => `There is no counter ${p.counterId}.`,
  },
  ticket_not_found: {
    status: 404,
    vi: (p) => `Không tìm thấy số thứ tự "${p.ticketId}".`,
    en: (p) => `Ticket "${p.ticketId}" was not found.`,
  },
  priority_unknown: {
    status: 422,
    vi: (p) => `Đối tượng ưu tiên "${p.priority}" không có trong danh mục của bộ phận một cửa.`,
    en: (p) => `Priority category "${p.priority}" is not one this hall uses.`,
  },
  service_inactive: {
    status: 409,
    vi: (p) => `Dịch vụ ${p.service} đang tạm ngừng nhận số.`,
    en: (p) => `Service ${p.service} is not taking numbers at the moment.`,
  },
  service_closed_hours: {
    status: 409,
    vi: (p) => `Dịch vụ ${p.service} chỉ cấp số từ ${p.open} đến ${p.close}.`,
    en: (p) => `Service ${p.service} gives numbers from ${p.open} to ${p.close} only.`,
  },
  service_daily_max: {
    status: 409,
    vi: (p) => `Dịch vụ ${p.service} đã hết số trong ngày (tối đa ${p.max} số).`,
    en: (p) => `Service ${p.service} has given all of today's numbers (at most ${p.max}).`,
  },
  counter_closed: {
    status: 409,
    vi: (p) => `Quầy số ${p.counterId} đang đóng. Hãy mở quầy trước.`,
    en: (p) => `Counter ${p.counterId} is closed. Open it first.`,
  },
  counter_paused: {
    status: 409,
    vi: (p) => `Quầy số ${p.counterId} đang tạm dừng. Hãy tiếp tục trước khi gọi số.`,
    en: (p) => `Counter ${p.counterId} is paused. Resume it before calling.`,
  },
  counter_not_paused: {
    status: 409,
    vi: (p) => `Quầy số ${p.counterId} không ở trạng thái tạm dừng.`,
    en: (p) => `Counter ${p.counterId} is not paused.`,
  },
  counter_already_open: {
    status: 409,
    vi: (p) => `Quầy số ${p.counterId} đang mở.`,
    en: (p) => `Counter ${p.counterId} is already open.`,
  },
  counter_busy: {
    status: 409,
    vi: (p) => `Quầy số ${p.counterId} đang giữ số ${p.number}. Hãy kết thúc, bỏ qua hoặc chuyển số đó trước.`,
    en: (p) => `Counter ${p.counterId} still holds ticket ${p.number}. Finish, skip or transfer it first.`,
  },
  counter_idle: {
    status: 409,
    vi: (p) => `Quầy số ${p.counterId} chưa gọi số nào.`,
    en: (p) => `Counter ${p.counterId} has not called any ticket.`,
  },
  counter_not_serving_service: {
    status: 409,
    vi: (p) => `Quầy số ${p.counterId} không phục vụ dịch vụ của số ${p.number}.`,
    en: (p) => `Counter ${p.counterId} does not serve the service of ticket ${p.number}.`,
  },
  queue_empty: {
    status: 409,
    vi: (p) => `Không còn công dân nào chờ ở quầy số ${p.counterId}.`,
    en: (p) => `Nobody is waiting for counter ${p.counterId}.`,
  },
  ticket_held_elsewhere: {
    status: 409,
    vi: (p) => `Số ${p.number} đang do quầy số ${p.holder} phục vụ, không phải quầy số ${p.counterId}.`,
    en: (p) => `Ticket ${p.number} is held by counter ${p.holder}, not counter ${p.counterId}.`,
  },
  ticket_wrong_status: {
    status: 409,
    vi: (p) => `Số ${p.number} đang ở trạng thái "${p.statusVi}", không thể ${p.actionVi}.`,
    en: (p) => `Ticket ${p.number} is ${p.status}; it cannot be ${p.action}.`,
  },
  ticket_other_day: {
    status: 409,
    vi: (p) => `Số ${p.number} được cấp ngày ${p.day}, không dùng được hôm nay.`,
    en: (p) => `Ticket ${p.number} was issued on ${p.day} and is not valid today.`,
  },
  ticket_for_other_counter: {
    status: 409,
    vi: (p) => `Số ${p.number} đã được chuyển riêng cho quầy số ${p.target}.`,
    en: (p) => `Ticket ${p.number} was transferred to counter ${p.target} only.`,
  },
  restore_expired: {
    status: 409,
    vi: (p) => `Đã quá ${p.minutes} phút kể từ khi bỏ qua số ${p.number}, không thể đưa lại vào hàng chờ.`,
    en: (p) => `More than ${p.minutes} minutes have passed since ticket ${p.number} was skipped; it can no longer be put back.`,
  },
  transfer_target_missing: {
    status: 422,
    vi: () => `Hãy chọn dịch vụ hoặc quầy để chuyển số đến.`,
    en: () => `Choose a service or a counter to transfer the ticket to.`,
  },
  transfer_same_place: {
    status: 409,
    vi: (p) => `Số ${p.number} đã ở đúng nơi được chọn.`,
    en: (p) => `Ticket ${p.number} is already where it would be transferred.`,
  },
} satisfies Record<string, ErrorText>;

export type DomainErrorCode = keyof typeof ERRORS;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly status: number;
  readonly messageEn: string;
  readonly params: Params;

  constructor(code: DomainErrorCode, params: Params = {}) {
    const text: ErrorText = ERRORS[code];
    super(text.vi(params));
    this.name = 'DomainError';
    this.code = code;
    this.status = text.status;
    this.messageEn = text.en(params);
    this.params = params;
  }
}

/** Words for ticket statuses and actions, used inside error messages. */
export const STATUS_WORDS: Record<string, { vi: string; en: string }> = {
  waiting: { vi: 'đang chờ', en: 'waiting' },
  called: { vi: 'đã gọi', en: 'called' },
  serving: { vi: 'đang phục vụ', en: 'being served' },
  done: { vi: 'đã xong', en: 'done' },
  no_show: { vi: 'vắng mặt', en: 'a no-show' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
  not_served: { vi: 'không được phục vụ', en: 'not served' },
};

export const ACTION_WORDS: Record<string, { vi: string; en: string }> = {
  call: { vi: 'gọi', en: 'called' },
  recall: { vi: 'gọi lại', en: 'recalled' },
  start: { vi: 'bắt đầu phục vụ', en: 'started' },
  noShow: { vi: 'đánh dấu vắng mặt', en: 'marked as a no-show' },
  finish: { vi: 'kết thúc', en: 'finished' },
  transfer: { vi: 'chuyển', en: 'transferred' },
  restore: { vi: 'đưa lại vào hàng chờ', en: 'put back in the queue' },
  cancel: { vi: 'hủy', en: 'cancelled' },
  setPriority: { vi: 'đổi đối tượng ưu tiên', en: 'given another priority' },
};
