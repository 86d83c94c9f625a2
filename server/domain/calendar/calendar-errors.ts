// Refusals of the hall's own calendar: its closures and extra working days, and the official
// schedule of a year loaded at run time.

import type { ErrorWords } from '../error-words.js';

export const CALENDAR_ERRORS = {
  calendar_day_not_found: {
    vi: (p) => `Không có ngày số ${p.id} trong lịch riêng của trung tâm.`,
    en: (p) => `There is no day ${p.id} in the hall's own calendar.`,
  },
  calendar_day_invalid: {
    vi: (p) => `Không thêm được ngày ${p.day} vào lịch: ${p.problem}.`,
    en: (p) => `The day ${p.day} cannot be added to the calendar: ${p.problemEn}.`,
  },
  calendar_year_invalid: {
    vi: (p) => `Không nạp được lịch nghỉ năm ${p.year}: ${p.problem}.`,
    en: (p) => `The schedule of ${p.year} cannot be loaded: ${p.problemEn}.`,
  },
} satisfies Record<string, ErrorWords>;

export type CalendarErrorCode = keyof typeof CALENDAR_ERRORS;
