// The administrative procedures a hall receives (thủ tục hành chính): papers, fee, legal
// processing time and where the result is returned, and the search citizens and clerks use,
// with or without Vietnamese diacritics.

import type { LocalizedText } from '../localized-text.js';
import type { ProcessingTime } from '../calendar/working-time.js';
import type { TimeLimit } from '../calendar/hall-calendar.js';

/** original: bản chính; certified_copy: bản sao chứng thực; copy: bản sao; present: shown, not kept. */
export const PAPER_KINDS = ['original', 'certified_copy', 'copy', 'present'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export const PAPER_KIND_WORDS: Record<PaperKind, LocalizedText> = {
  original: { vi: 'bản chính', en: 'original' },
  certified_copy: { vi: 'bản sao chứng thực', en: 'certified copy' },
  copy: { vi: 'bản sao', en: 'copy' },
  present: { vi: 'xuất trình', en: 'to show' },
};

export interface Paper {
  name: string;
  kind: PaperKind;
  count: number;
}

export interface Procedure {
  /** The hall's code, e.g. HT.01; the national code when known goes in nationalCode. */
  code: string;
  nationalCode: string | null;
  name: LocalizedText;
  /** The hall's service (queue) whose counters receive it. */
  serviceId: string;
  /** Lĩnh vực, as the national catalogue names it. */
  field: string;
  papers: Paper[];
  fee: { text: string; amountVnd: number | null };
  processing: ProcessingTime;
  /** The legal wording of the time, e.g. "03 ngày làm việc". */
  processingText: string;
  resultAt: string;
  legalBasis: string;
}

/** Lower case without diacritics (đ as d), so that "dang ky khai sinh" finds "Đăng ký khai sinh". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Procedures matching every word of the query, in name, code or field; those whose name starts
 * with the query first, then the catalogue's order. An empty query lists them all.
 */
export function searchProcedures(list: readonly Procedure[], query: string, serviceId?: string): Procedure[] {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  const wanted = list.filter((p) => !serviceId || p.serviceId === serviceId);
  if (words.length === 0) return [...wanted];
  const scored = wanted.flatMap((p, index) => {
    const name = foldVietnamese(p.name.vi);
    const haystack = `${name} ${foldVietnamese(p.name.en)} ${foldVietnamese(p.code)} ${foldVietnamese(p.nationalCode ?? '')} ${foldVietnamese(p.field)}`;
    if (!words.every((w) => haystack.includes(w))) return [];
    const rank = name.startsWith(words.join(' ')) ? 0 : words.every((w) => name.includes(w)) ? 1 : 2;
    return [{ p, rank, index }];
  });
  return scored.sort((a, b) => a.rank - b.rank || a.index - b.index).map((s) => s.p);
}

/**
 * How a catalogue's processing time is counted by the calendar: whole working or calendar days
 * per the Civil Code; part of a working day ("0.5d") as that share of the hall's working day.
 */
export function timeLimitOf(time: ProcessingTime, workingMinutesPerDay: number): TimeLimit {
  switch (time.unit) {
    case 'days':
      return Number.isInteger(time.value) ? { unit: 'workingDays', value: time.value } : { unit: 'workingHours', value: (time.value * workingMinutesPerDay) / 60 };
    case 'calendarDays':
      return { unit: 'calendarDays', value: Math.ceil(time.value) };
    case 'hours':
      return { unit: 'workingHours', value: time.value };
    case 'sameDay':
      return { unit: 'sameDay', cutoff: time.cutoff };
  }
}

/** Whether the due time of a limit is a time of day (hour limits) or the end of a day. */
export function dueHasTime(time: ProcessingTime): boolean {
  return time.unit === 'hours' || (time.unit === 'days' && !Number.isInteger(time.value));
}

/** "03 ngày làm việc", "15 ngày", "4 giờ làm việc", "Trong ngày (sau 15:00: ngày làm việc tiếp theo)". */
export function describeProcessing(time: ProcessingTime): LocalizedText {
  switch (time.unit) {
    case 'days':
      return { vi: `${time.value} ngày làm việc`, en: `${time.value} working day${time.value === 1 ? '' : 's'}` };
    case 'calendarDays':
      return { vi: `${time.value} ngày (tính cả ngày nghỉ)`, en: `${time.value} calendar day${time.value === 1 ? '' : 's'}` };
    case 'hours':
      return { vi: `${time.value} giờ làm việc`, en: `${time.value} working hour${time.value === 1 ? '' : 's'}` };
    case 'sameDay':
      return {
        vi: `Trong ngày (nhận sau ${time.cutoff}: ngày làm việc tiếp theo)`,
        en: `The same working day (received after ${time.cutoff}: the next one)`,
      };
  }
}
