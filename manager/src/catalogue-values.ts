// The values of a catalogue preview in words: the hub compares procedures as the catalogue
// files write them ("5d", "same-day 15:00", "Tờ khai [original x2]"); the preview shows them
// as a person says them.

import type { Words } from './i18n.js';

/** A processing time as the files write it, in words; anything else as it is. */
export function processingWords(t: Words, code: string): string {
  const span = /^(\d+(?:\.\d+)?)(d|cd|h)$/.exec(code);
  if (span) return t.processingSpan(span[1]!.replace('.', t.decimalMark), span[2] as 'd' | 'cd' | 'h');
  const same = /^same-day(?: (\d\d:\d\d))?$/.exec(code);
  if (same) return t.processingSameDay(same[1] ?? '15:00');
  return code;
}

/** Papers as the files write them ("Tờ khai [original]; Bản sao [copy x3]"), in words. */
export function papersWords(t: Words, code: string): string {
  return code.replace(/\[([a-z_]+)(?: x(\d+))?\]/g, (whole, kind: string, count?: string) => {
    const words = t.paperKinds[kind];
    if (!words) return whole;
    return count ? `(${words}, ${t.paperCount(Number(count))})` : `(${words})`;
  });
}

/** A changed field's value as the preview shows it. */
export function fieldValueWords(t: Words, field: string, value: string, serviceName: (id: string) => string | null): string {
  if (value === '') return t.emptyValue;
  if (field === 'processing') return processingWords(t, value);
  if (field === 'papers') return papersWords(t, value);
  if (field === 'feeVnd' && /^\d+$/.test(value)) return t.vnd(Number(value));
  if (field === 'serviceId') {
    const name = serviceName(value);
    return name ? `${name} (${value})` : value;
  }
  return value;
}
