// Refusals of a change to the hall's configuration made while it runs (the manager console):
// a definition that breaks the hall file's rules, and changes that would strand citizens.

import type { ErrorWords } from '../error-words.js';

/** One field of a hall description that is wrong: where (a dotted path such as services.DD.color) and why. */
export interface FieldProblem {
  field: string;
  vi: string;
  en: string;
}

export const HALL_ERRORS = {
  config_invalid: {
    vi: (p) => `Cấu hình chưa được áp dụng: ${p.problems}`,
    en: (p) => `The configuration was not applied: ${p.problemsEn}`,
  },
  service_exists: {
    vi: (p) => `Đã có dịch vụ mã ${p.serviceId}. Hãy chọn mã khác hoặc sửa dịch vụ đó.`,
    en: (p) => `There is already a service ${p.serviceId}. Choose another code or change that service.`,
  },
  counter_exists: {
    vi: (p) => `Đã có quầy số ${p.counterId}. Hãy chọn số khác hoặc sửa quầy đó.`,
    en: (p) => `There is already a counter ${p.counterId}. Choose another number or change that counter.`,
  },
  service_has_waiting: {
    vi: (p) => `Chưa thể bỏ dịch vụ ${p.serviceId}: còn ${p.waiting} người đang chờ. Hãy phục vụ hết hoặc chuyển họ sang dịch vụ khác trước.`,
    en: (p) => `Service ${p.serviceId} cannot be removed yet: ${p.waiting} people are waiting for it. Serve them or move them to another service first.`,
  },
  service_still_served: {
    vi: (p) => `Chưa thể bỏ dịch vụ ${p.serviceId}: quầy ${p.counters} vẫn phục vụ dịch vụ này. Hãy bỏ dịch vụ khỏi các quầy đó trước.`,
    en: (p) => `Service ${p.serviceId} cannot be removed yet: counter ${p.counters} still serves it. Take it off those counters first.`,
  },
  counter_in_use: {
    vi: (p) => `Chưa thể bỏ quầy ${p.counterId}: quầy đang mở hoặc đang giữ một số. Hãy đóng quầy trước.`,
    en: (p) => `Counter ${p.counterId} cannot be removed yet: it is open or holds a number. Close it first.`,
  },
  hall_file_preview_not_found: {
    vi: () => 'Bản xem trước này không còn (đã áp dụng, đã quá 15 phút hoặc máy chủ đã khởi động lại). Hãy nhập lại tệp cấu hình.',
    en: () => 'This preview is gone (already applied, older than 15 minutes, or the hub restarted). Import the hall file again.',
  },
  hall_file_preview_stale: {
    vi: () => 'Cấu hình đã thay đổi sau khi xem trước, nên tệp chưa được áp dụng. Hãy nhập lại tệp để xem các khác biệt mới.',
    en: () => 'The configuration changed after the preview, so the file was not applied. Import the file again to see the differences now.',
  },
  last_counter: {
    vi: () => 'Không thể bỏ quầy cuối cùng của điểm phục vụ.',
    en: () => 'The hall’s last counter cannot be removed.',
  },
} satisfies Record<string, ErrorWords>;
