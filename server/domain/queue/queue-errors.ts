// Refusals of the queue's rules: services, counters and tickets that do not exist or are not in
// a state for what was asked.

import type { ErrorWords } from '../error-words.js';

export const QUEUE_ERRORS = {
  kiosk_not_found: {
    vi: (p) => `Không có máy lấy số "${p.kioskId}" đang hoạt động.`,
    en: (p) => `There is no active kiosk "${p.kioskId}".`,
  },
  ticket_not_from_today: {
    vi: (p) => `Số thứ tự "${p.ticketId}" không phải của hôm nay nên không in lại được.`,
    en: (p) => `Ticket "${p.ticketId}" is not from today, so it cannot be printed again.`,
  },
  service_not_found: {
    vi: (p) => `Không có dịch vụ "${p.serviceId}".`,
    en: (p) => `There is no service "${p.serviceId}".`,
  },
  counter_not_found: {
    vi: (p) => `Không có quầy số ${p.counterId}.`,
    en: (p) => `There is no counter ${p.counterId}.`,
  },
  ticket_not_found: {
    vi: (p) => `Không tìm thấy số thứ tự "${p.ticketId}".`,
    en: (p) => `Ticket "${p.ticketId}" was not found.`,
  },
  priority_unknown: {
    vi: (p) => `Đối tượng ưu tiên "${p.priority}" không có trong danh mục của bộ phận một cửa.`,
    en: (p) => `Priority category "${p.priority}" is not one this hall uses.`,
  },
  service_inactive: {
    vi: (p) => `Dịch vụ ${p.service} đang tạm ngừng nhận số.`,
    en: (p) => `Service ${p.service} is not taking numbers at the moment.`,
  },
  service_closed_hours: {
    vi: (p) => `Dịch vụ ${p.service} không cấp số lúc này: ${p.why}, ${p.next}.`,
    en: (p) => `Service ${p.service} is not giving numbers now: ${p.whyEn}, ${p.nextEn}.`,
  },
  service_daily_max: {
    vi: (p) => `Dịch vụ ${p.service} đã hết số trong ngày (tối đa ${p.max} số).`,
    en: (p) => `Service ${p.service} has given all of today's numbers (at most ${p.max}).`,
  },
  counter_closed: {
    vi: (p) => `Quầy số ${p.counterId} đang đóng. Hãy mở quầy trước.`,
    en: (p) => `Counter ${p.counterId} is closed. Open it first.`,
  },
  counter_paused: {
    vi: (p) => `Quầy số ${p.counterId} đang tạm dừng. Hãy tiếp tục trước khi gọi số.`,
    en: (p) => `Counter ${p.counterId} is paused. Resume it before calling.`,
  },
  counter_not_paused: {
    vi: (p) => `Quầy số ${p.counterId} không ở trạng thái tạm dừng.`,
    en: (p) => `Counter ${p.counterId} is not paused.`,
  },
  counter_already_open: {
    vi: (p) => `Quầy số ${p.counterId} đang mở.`,
    en: (p) => `Counter ${p.counterId} is already open.`,
  },
  counter_busy: {
    vi: (p) => `Quầy số ${p.counterId} đang giữ số ${p.number}. Hãy kết thúc, bỏ qua hoặc chuyển số đó trước.`,
    en: (p) => `Counter ${p.counterId} still holds ticket ${p.number}. Finish, skip or transfer it first.`,
  },
  counter_idle: {
    vi: (p) => `Quầy số ${p.counterId} chưa gọi số nào.`,
    en: (p) => `Counter ${p.counterId} has not called any ticket.`,
  },
  counter_not_serving_service: {
    vi: (p) => `Quầy số ${p.counterId} không phục vụ dịch vụ của số ${p.number}.`,
    en: (p) => `Counter ${p.counterId} does not serve the service of ticket ${p.number}.`,
  },
  queue_empty: {
    vi: (p) => `Không còn công dân nào chờ ở quầy số ${p.counterId}.`,
    en: (p) => `Nobody is waiting for counter ${p.counterId}.`,
  },
  ticket_held_elsewhere: {
    vi: (p) => `Số ${p.number} đang do quầy số ${p.holder} phục vụ, không phải quầy số ${p.counterId}.`,
    en: (p) => `Ticket ${p.number} is held by counter ${p.holder}, not counter ${p.counterId}.`,
  },
  ticket_wrong_status: {
    vi: (p) => `Số ${p.number} đang ở trạng thái "${p.statusVi}", không thể ${p.actionVi}.`,
    en: (p) => `Ticket ${p.number} is ${p.status}; it cannot be ${p.action}.`,
  },
  ticket_other_day: {
    vi: (p) => `Số ${p.number} được cấp ngày ${p.day}, không dùng được hôm nay.`,
    en: (p) => `Ticket ${p.number} was issued on ${p.day} and is not valid today.`,
  },
  ticket_for_other_counter: {
    vi: (p) => `Số ${p.number} đã được chuyển riêng cho quầy số ${p.target}.`,
    en: (p) => `Ticket ${p.number} was transferred to counter ${p.target} only.`,
  },
  restore_expired: {
    vi: (p) => `Đã quá ${p.minutes} phút kể từ khi bỏ qua số ${p.number}, không thể đưa lại vào hàng chờ.`,
    en: (p) => `More than ${p.minutes} minutes have passed since ticket ${p.number} was skipped; it can no longer be put back.`,
  },
  transfer_target_missing: {
    vi: () => `Hãy chọn dịch vụ hoặc quầy để chuyển số đến.`,
    en: () => `Choose a service or a counter to transfer the ticket to.`,
  },
  transfer_same_place: {
    vi: (p) => `Số ${p.number} đã ở đúng nơi được chọn.`,
    en: (p) => `Ticket ${p.number} is already where it would be transferred.`,
  },
} satisfies Record<string, ErrorWords>;

export type QueueErrorCode = keyof typeof QUEUE_ERRORS;

/** Words for ticket statuses and actions, used inside the queue's refusals. */
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
