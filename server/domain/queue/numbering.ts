// A service's daily series: seq 1, 2, 3 ... shown as "A001" or as "1001" from a number block.

import type { Numbering } from '../hall/hall-definition.js';

/** How many numbers the series can show in one day. */
export function seriesCapacity(numbering: Numbering): number {
  return numbering.kind === 'prefix' ? 10 ** numbering.digits - 1 : numbering.to - numbering.from + 1;
}

export function formatTicketNumber(numbering: Numbering, seq: number): string {
  if (seq < 1 || seq > seriesCapacity(numbering)) {
    throw new RangeError(`seq ${seq} is outside the series`);
  }
  if (numbering.kind === 'prefix') {
    return numbering.prefix + String(seq).padStart(numbering.digits, '0');
  }
  return String(numbering.from + seq - 1);
}

/** The most tickets a service may issue in a day: its daily maximum, capped by the series. */
export function dailyLimit(numbering: Numbering, dailyMax: number | null): number {
  const capacity = seriesCapacity(numbering);
  return dailyMax === null ? capacity : Math.min(dailyMax, capacity);
}

/** Two series overlap when they could print the same number on the same day. */
export function seriesOverlap(a: Numbering, b: Numbering): boolean {
  if (a.kind === 'block' && b.kind === 'block') return a.from <= b.to && b.from <= a.to;
  if (a.kind === 'prefix' && b.kind === 'prefix') return a.prefix === b.prefix;
  // A prefix series with an empty prefix prints bare digits, like a block.
  const [prefix, block] = a.kind === 'prefix' ? [a, b as Extract<Numbering, { kind: 'block' }>] : [b as Extract<Numbering, { kind: 'prefix' }>, a];
  return prefix.prefix === '' && block.from <= seriesCapacity(prefix);
}
