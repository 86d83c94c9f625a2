// Deadlines in working time, the way the provinces' systems count them: a working day is the
// hall's working hours (default 07:00-11:30 and 13:30-17:00, eight hours) on a working day. A
// dossier received after closing starts the next working morning, one received at lunch at
// 13:30; time spent waiting for the citizen (missing papers, fees) does not count.
// Pure: instants are epoch milliseconds, days and hours are the hall's local ones.

import { localTime, parseClock } from './hall-clock.js';
import { addDays, type HolidayCalendar } from './holidays.js';

export interface WorkingPeriod {
  /** "HH:MM" */
  start: string;
  end: string;
}

export const DEFAULT_WORKING_HOURS: WorkingPeriod[] = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

/**
 * A legal processing time: in working days (8 working hours each), in working hours, or "the
 * same working day" (returned at closing; received after the cut-off, the next day's closing),
 * as for birth registration or certified copies.
 */
export type ProcessingTime = { unit: 'days'; value: number } | { unit: 'calendarDays'; value: number } | { unit: 'hours'; value: number } | { unit: 'sameDay'; cutoff: string };

const MINUTE = 60_000;
const HOURS_PER_DAY = 8;

function processingMinutes(time: Exclude<ProcessingTime, { unit: 'sameDay' }>): number {
  return Math.round((time.unit === 'hours' ? time.value : time.value * HOURS_PER_DAY) * 60);
}

/** The instant of a local day and minute in a time zone (whole-minute offsets, any DST). */
export function localInstant(day: string, minutes: number, timeZone: string): number {
  const asUtc = Date.parse(`${day}T00:00:00Z`) + minutes * MINUTE;
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const seen = localTime(guess, timeZone);
    const seenAsUtc = Date.parse(`${seen.day}T00:00:00Z`) + seen.minutes * MINUTE;
    guess += asUtc - seenAsUtc;
  }
  return guess;
}

export class WorkingTime {
  private readonly periods: { start: number; end: number }[];

  constructor(
    private readonly calendar: HolidayCalendar,
    private readonly timeZone: string,
    hours: WorkingPeriod[] = DEFAULT_WORKING_HOURS,
  ) {
    this.periods = hours.map((p) => ({ start: parseClock(p.start), end: parseClock(p.end) })).sort((a, b) => a.start - b.start);
    if (this.periods.some((p) => p.end <= p.start)) throw new Error('a working period must end after it starts');
  }

  /** Working minutes in a day. */
  get minutesPerDay(): number {
    return this.periods.reduce((sum, p) => sum + p.end - p.start, 0);
  }

  /** Whether `at` is within working hours of a working day (a period's end counts as inside). */
  isWorkingInstant(at: number): boolean {
    const { day, minutes } = localTime(at, this.timeZone);
    return this.calendar.isWorkingDay(day) && this.periods.some((p) => minutes >= p.start && minutes <= p.end);
  }

  /** The working instant `minutes` of working time after `from`. */
  addWorkingMinutes(from: number, minutes: number): number {
    let { day, minutes: clock } = localTime(from, this.timeZone);
    let left = minutes;
    // A long holiday is at most a couple of weeks: a year of days is a safe bound.
    for (let guard = 0; guard < 400 * 3; guard++) {
      if (this.calendar.isWorkingDay(day)) {
        for (const p of this.periods) {
          const start = Math.max(clock, p.start);
          if (start >= p.end) continue;
          const available = p.end - start;
          if (left <= available) return localInstant(day, start + left, this.timeZone);
          left -= available;
          clock = p.end;
        }
      }
      day = addDays(day, 1);
      clock = 0;
    }
    throw new Error('no working time within the next years: check the working hours and holidays');
  }

  /** When counting starts for something received at `at` (the next working minute). */
  startOf(at: number): number {
    return this.addWorkingMinutes(at, 0);
  }

  /** Working minutes between two instants (0 when `to` is not after `from`). */
  workingMinutesBetween(from: number, to: number): number {
    if (to <= from) return 0;
    let total = 0;
    let { day, minutes: clock } = localTime(from, this.timeZone);
    const end = localTime(to, this.timeZone);
    for (let guard = 0; guard < 400 * 3; guard++) {
      const last = day === end.day;
      if (this.calendar.isWorkingDay(day)) {
        for (const p of this.periods) {
          const a = Math.max(clock, p.start);
          const b = last ? Math.min(p.end, end.minutes) : p.end;
          if (b > a) total += b - a;
        }
      }
      if (last) return total;
      day = addDays(day, 1);
      clock = 0;
    }
    return total;
  }

  /**
   * The due instant of a procedure received at `receivedAt`, extended by every interval the
   * dossier spent waiting for the citizen.
   */
  dueAt(receivedAt: number, time: ProcessingTime, waits: { from: number; to: number }[] = []): number {
    const waited = waits.reduce((sum, w) => sum + this.workingMinutesBetween(w.from, w.to), 0);
    if (time.unit !== 'sameDay') return this.addWorkingMinutes(receivedAt, processingMinutes(time) + waited);
    const start = this.startOf(receivedAt);
    const { day, minutes } = localTime(start, this.timeZone);
    const closing = this.periods.at(-1)!.end;
    // Before the cut-off: this day's closing; after it: the next working day's.
    const base = minutes < parseClock(time.cutoff) ? localInstant(day, closing, this.timeZone) : this.endOfNextWorkingDay(day);
    return waited === 0 ? base : this.addWorkingMinutes(base, waited);
  }

  private endOfNextWorkingDay(day: string): number {
    let next = addDays(day, 1);
    while (!this.calendar.isWorkingDay(next)) next = addDays(next, 1);
    return localInstant(next, this.periods.at(-1)!.end, this.timeZone);
  }
}
