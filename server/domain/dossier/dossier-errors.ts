// Refusals of the dossier rules and of the procedures catalogue.

import type { ErrorParams, ErrorWords } from '../error-words.js';
import { DOSSIER_ACTION_WORDS, DOSSIER_STATUSES, type DossierStatus } from './dossier.js';

/** A status's name ("Đã trả kết quả"), or its code when unknown. */
const statusName = (p: ErrorParams, lang: 'vi' | 'en') => DOSSIER_STATUSES[p.status as DossierStatus]?.[lang] ?? String(p.status);
/** A step in words ("trả kết quả"), never the action's name in the code. */
const actionName = (p: ErrorParams, lang: 'vi' | 'en') =>
  (DOSSIER_ACTION_WORDS as Record<string, { vi: string; en: string } | undefined>)[String(p.action)]?.[lang] ?? (lang === 'vi' ? 'thực hiện thao tác này' : 'do this');

export const DOSSIER_ERRORS = {
  procedure_not_found: {
    vi: (p) => `Không có thủ tục mã "${p.code}" trong danh mục của bộ phận một cửa.`,
    en: (p) => `There is no procedure "${p.code}" in the hall's catalogue.`,
  },
  catalog_unknown_service: {
    vi: (p) => `Danh mục thủ tục nêu dịch vụ không có trong sảnh: ${p.services}.`,
    en: (p) => `The catalogue names services the hall does not have: ${p.services}.`,
  },
  catalog_invalid: {
    vi: (p) => `Danh mục thủ tục không dùng được: ${p.problemsVi ?? p.problems}`,
    en: (p) => `The procedures catalogue cannot be used: ${p.problems}`,
  },
  catalog_preview_not_found: {
    vi: () => 'Không còn bản xem trước này (đã áp dụng, đã quá 30 phút, hoặc hệ thống đã khởi động lại). Hãy tải tệp lên và xem trước lại.',
    en: () => 'This preview is gone (already applied, older than 30 minutes, or the hub restarted). Upload the file and preview it again.',
  },
  catalog_preview_stale: {
    vi: () => 'Danh mục thủ tục đã thay đổi sau khi xem trước, nên bản xem trước không còn đúng. Hãy xem trước lại rồi áp dụng.',
    en: () => 'The catalogue changed after this preview, so the preview no longer holds. Preview again, then apply.',
  },
  dossier_not_found: {
    vi: (p) => `Không tìm thấy hồ sơ mã ${p.code}. Vui lòng kiểm tra lại mã trên giấy hẹn.`,
    en: (p) => `No dossier with the code ${p.code}. Please check the code on the appointment slip.`,
  },
  /** The public lookup's one answer when it finds nothing: an unknown code and a wrong check code read the same. */
  dossier_lookup_not_found: {
    vi: (p) => `Không tìm thấy hồ sơ mã ${p.code} với mã kiểm tra đã nhập. Vui lòng xem lại mã hồ sơ và mã kiểm tra in trên giấy hẹn.`,
    en: (p) => `No dossier ${p.code} with the check code given. Please check the dossier code and the check code printed on the slip.`,
  },
  dossier_ticket_not_held: {
    vi: (p) => `Số ${p.number} không đang được phục vụ tại quầy số ${p.counterId}: hãy gọi số trước khi lập hồ sơ.`,
    en: (p) => `Ticket ${p.number} is not being served at counter ${p.counterId}: call it before opening a dossier.`,
  },
  citizen_id_invalid: {
    vi: (p) => `Số định danh cá nhân "${p.idNumber}" không hợp lệ: cần đủ 12 chữ số, bắt đầu bằng mã tỉnh (001-096).`,
    en: (p) => `The citizen ID "${p.idNumber}" is not valid: 12 digits starting with a province code (001-096).`,
  },
  dossier_missing_list_required: {
    vi: () => 'Hãy liệt kê đủ các giấy tờ còn thiếu: công dân chỉ được yêu cầu bổ sung một lần.',
    en: () => 'List every missing paper: the citizen is asked to complete the dossier once.',
  },
  dossier_reason_required: {
    vi: () => 'Cần ghi rõ lý do.',
    en: () => 'A reason is required.',
  },
  dossier_series_full: {
    vi: (p) => `Đã hết ${p.max} mã hồ sơ của ngày hôm nay.`,
    en: (p) => `Today's ${p.max} dossier codes are used up.`,
  },
  dossier_code_taken: {
    vi: (p) => `Mã ${p.code} là hồ sơ do bộ phận một cửa này tiếp nhận, không phải mã của hệ thống tỉnh.`,
    en: (p) => `${p.code} is a dossier this hall received, not a code of the province's system.`,
  },
  dossier_wrong_status: {
    vi: (p) => `Hồ sơ ${p.code} đang ở trạng thái "${statusName(p, 'vi')}": không thể ${actionName(p, 'vi')} lúc này.`,
    en: (p) => `Dossier ${p.code} is "${statusName(p, 'en')}": it is not possible to ${actionName(p, 'en')} now.`,
  },
  dossier_papers_asked_once: {
    vi: (p) => `Hồ sơ ${p.code} đã được yêu cầu bổ sung một lần; không yêu cầu bổ sung thêm.`,
    en: (p) => `Dossier ${p.code} was already asked to be completed once; it cannot be asked again.`,
  },
  dossier_apology_too_late: {
    vi: (p) => `Hồ sơ ${p.code} đã quá hạn hoặc chưa có hạn: thư xin lỗi phải gửi trước ngày hẹn.`,
    en: (p) => `Dossier ${p.code} is past its due date or has none: an apology comes before the due date.`,
  },
  dossier_apology_date: {
    vi: (p) => `Ngày hẹn mới của hồ sơ ${p.code} phải sau ngày hẹn cũ.`,
    en: (p) => `The new date of dossier ${p.code} must be after the old one.`,
  },
  dossier_no_return_service: {
    vi: (p) => `Chưa xác định quầy trả kết quả cho hồ sơ ${p.code}. Vui lòng hỏi bàn hướng dẫn.`,
    en: (p) => `No return counter is set for dossier ${p.code}. Please ask at the help desk.`,
  },
  procedure_not_in_scope: {
    vi: (p) => `Thủ tục "${p.code}" thuộc lĩnh vực "${p.field}", không do tài khoản của bạn phụ trách: hãy mời công dân đến quầy của lĩnh vực này.`,
    en: (p) => `Procedure "${p.code}" is of the field "${p.field}", which your account does not handle: send the citizen to that field's counter.`,
  },
  kiosk_not_for_slips: {
    vi: (p) => `Máy ${p.kioskId} đặt nơi công cộng: phiếu hồ sơ có thông tin cá nhân chỉ in tại máy in dành cho cán bộ.`,
    en: (p) => `Kiosk ${p.kioskId} stands in the public hall: dossier slips with personal data print only on a staff printer.`,
  },
  slip_not_applicable: {
    vi: (p) => `Hồ sơ ${p.code} không có phiếu mẫu số ${p.form} ở trạng thái hiện tại.`,
    en: (p) => `Dossier ${p.code} has no form ${p.form} in its present state.`,
  },
  dossier_result_not_ready: {
    vi: (p) => `Hồ sơ ${p.code} chưa có kết quả. Ngày hẹn trả kết quả: ${p.due}. Vui lòng quay lại khi có kết quả.`,
    en: (p) => `Dossier ${p.code} has no result yet. The result is due on ${p.due}. Please come back when it is ready.`,
  },
  dossier_result_not_ready_undated: {
    vi: (p) => `Hồ sơ ${p.code} chưa có kết quả và chưa có ngày hẹn trả. Vui lòng hỏi bàn hướng dẫn.`,
    en: (p) => `Dossier ${p.code} has no result and no due date yet. Please ask at the help desk.`,
  },
  dossier_return_ticket_open: {
    vi: (p) => `Hồ sơ ${p.code} đã có số ${p.number} để nhận kết quả.`,
    en: (p) => `Dossier ${p.code} already has number ${p.number} to collect its result.`,
  },
  dossier_closed: {
    vi: (p) => `Hồ sơ ${p.code} đã kết thúc.`,
    en: (p) => `Dossier ${p.code} is closed.`,
  },
} satisfies Record<string, ErrorWords>;

export type DossierErrorCode = keyof typeof DOSSIER_ERRORS;
