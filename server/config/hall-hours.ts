// A hall's week as its file writes it: per weekday or run of weekdays, a list of opening
// periods with the breaks between them, e.g.
//   hours: { mon-fri: ["07:30-11:30", "13:30-17:00"], sat: ["07:30-11:30"] }
// The former `hours: { open: "07:00", close: "17:00" }` still reads, as those hours Monday to
// Friday; `hours: null` is a hall open around the clock.

import Type from 'typebox';
import { parsePeriod, type Period, type WeekHours } from '../domain/calendar/hall-calendar.js';
import { weekHoursOf } from '../domain/hall/hall-calendar-of.js';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY = '(mon|tue|wed|thu|fri|sat|sun)';
const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, 24-hour' });

export const LegacyHoursSchema = Type.Object({ open: Clock, close: Clock }, { additionalProperties: false });
export const WeekHoursSchema = Type.Record(
  Type.String({ pattern: `^${DAY}(-${DAY})?$`, description: 'A weekday (mon ... sun) or a run of them (mon-fri)' }),
  Type.Array(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$', description: 'HH:MM-HH:MM' }), { maxItems: 6 }),
);
export const HoursSchema = Type.Union([LegacyHoursSchema, WeekHoursSchema]);

export type HoursEntry = { open: string; close: string } | Record<string, string[]>;

/** Monday (1) to Saturday (6), Sunday (0), for a key such as "mon-fri" or "sat". */
function daysOfKey(key: string): number[] {
  const [first, last = first] = key.split('-') as [string, string?];
  const from = DAY_NAMES.indexOf(first as (typeof DAY_NAMES)[number]);
  const to = DAY_NAMES.indexOf(last as (typeof DAY_NAMES)[number]);
  // Monday-based order, so that "sat-sun" and "mon-sun" read as people mean them.
  const order = (d: number) => (d + 6) % 7;
  const days: number[] = [];
  for (let d = order(from); d <= order(to); d++) days.push((d + 1) % 7);
  return days;
}

/** The week of an entry, and what is wrong with it (in words a manager can act on). */
export function weekFromEntry(entry: HoursEntry, where: string): { week: WeekHours; problems: string[] } {
  if ('open' in entry && typeof entry.open === 'string') {
    const week = weekHoursOf(entry)!;
    return { week, problems: week[1]![0]!.end <= week[1]![0]!.start ? [`${where}: opening time ${entry.open as string} must come before closing time ${entry.close as string}`] : [] };
  }
  const problems: string[] = [];
  const week: Period[][] = [[], [], [], [], [], [], []];
  const given = new Set<number>();
  for (const [key, texts] of Object.entries(entry as Record<string, string[]>)) {
    const days = daysOfKey(key);
    if (days.length === 0) problems.push(`${where}.${key}: the run of days must go from Monday towards Sunday (e.g. mon-fri)`);
    const periods: Period[] = [];
    for (const text of texts) {
      try {
        periods.push(parsePeriod(text));
      } catch (error) {
        problems.push(`${where}.${key}: ${(error as Error).message}`);
      }
    }
    periods.sort((a, b) => a.start - b.start);
    for (let i = 1; i < periods.length; i++) {
      if (periods[i]!.start < periods[i - 1]!.end) problems.push(`${where}.${key}: periods overlap (${texts.join(', ')})`);
    }
    for (const d of days) {
      if (given.has(d)) problems.push(`${where}: ${DAY_NAMES[d]} is given twice`);
      given.add(d);
      week[d] = periods;
    }
  }
  return { week, problems };
}
