// The hall's one calendar: when it is open (per weekday, with breaks, per service), which days
// are working days for deadlines (weekends, public holidays and the official swaps, and the
// hall's own closures and extra days), and why a closed moment is closed, with the next
// opening. The kiosk, the wait forecast and dossier deadlines all ask it.
// Pure: instants are epoch milliseconds; days ("YYYY-MM-DD") and minutes are the hall's own.

import { localTime, parseClock } from './hall-clock.js';
import { addDays, isWeekend, statutoryHolidays, type HolidaySchedules } from './holidays.js';
import { localInstant } from './working-time.js';
import { holidayNameOf, type Words } from './holiday-names.js';

/** An opening period of a day, in minutes since local midnight; `end` is excluded. */
export interface Period {
  start: number;
  end: number;
}

/** Opening periods by weekday, Sunday (0) to Saturday (6). */
export type WeekHours = readonly (readonly Period[])[];

/** A day the hall itself closes (a storm, an election) or works although it would not. */
export interface HallDayChange {
  day: string;
  /** closed: no service that day (or between from and to); open: worked with the weekday hours. */
  kind: 'closed' | 'open';
  /** A closure of part of the day only, "HH:MM"; a part-day closure leaves it a working day. */
  from?: string;
  to?: string;
  reason: Words;
}

export interface CalendarRules {
  timeZone: string;
  /** The hall's opening hours. */
  week: WeekHours;
  /** Services open on other hours than the hall's (e.g. civil status on Saturday morning). */
  serviceWeeks?: Readonly<Record<string, WeekHours>>;
  /** Official schedules per year (days off and swapped working days); other years are computed. */
  official: HolidaySchedules;
  /** The hall's own closures and extra working days. */
  changes: readonly HallDayChange[];
  /** Open every day of the year, holidays too (a hall "open around the clock"); its own closures still close it. */
  openOnHolidays?: boolean;
  /** The working hours of a working day for limits counted in hours; default: the first weekday's of `week`. */
  workingDay?: readonly Period[];
}

export type ClosedReason =
  | { kind: 'holiday'; words: Words }
  | { kind: 'closure'; words: Words }
  | { kind: 'weekend' }
  | { kind: 'break' }
  | { kind: 'beforeOpening' }
  | { kind: 'afterClosing' }
  | { kind: 'notThisService' };

export type OpenState = { open: true; until: number } | { open: false; reason: ClosedReason; nextOpening: number | null };

/** How a legal time limit is counted (Civil Code 2015 art. 147-148 for days). */
export type TimeLimit = { unit: 'workingDays'; value: number } | { unit: 'calendarDays'; value: number } | { unit: 'workingHours'; value: number } | { unit: 'sameDay'; cutoff: string };

/** Looking further than this for an opening means the hall never opens. */
const SEARCH_DAYS = 400;

/** "07:30-11:30" to a period. */
export function parsePeriod(text: string): Period {
  const match = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a period (HH:MM-HH:MM)`);
  const period = { start: parseClock(match[1]!), end: match[2] === '24:00' ? 1440 : parseClock(match[2]!) };
  if (period.end <= period.start) throw new Error(`"${text}": a period must end after it starts`);
  return period;
}

export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export class HallCalendar {
  private readonly offByYear = new Map<number, { off: Set<string>; worked: Set<string> }>();
  private readonly changesByDay = new Map<string, HallDayChange[]>();

  constructor(readonly rules: CalendarRules) {
    for (const change of rules.changes) this.changesByDay.set(change.day, [...(this.changesByDay.get(change.day) ?? []), change]);
  }

  /** Whether the year's days off come from its official schedule or are computed from the law. */
  isOfficialYear(year: number): boolean {
    return String(year) in this.rules.official;
  }

  private year(day: string): { off: Set<string>; worked: Set<string> } {
    const year = Number(day.slice(0, 4));
    let known = this.offByYear.get(year);
    if (!known) {
      const official = this.rules.official[String(year)];
      known = { off: new Set(official ? official.daysOff : statutoryHolidays(year)), worked: new Set(official?.workingDays ?? []) };
      this.offByYear.set(year, known);
    }
    return known;
  }

  private wholeDayChange(day: string): HallDayChange | undefined {
    return this.changesByDay.get(day)?.find((c) => c.from === undefined && c.to === undefined);
  }

  /**
   * The holiday a day belongs to, with its name: an official day off, or a weekend inside a run of
   * days off (Saturday 14/2/2026 is "Nghỉ Tết Nguyên đán", not just a Saturday).
   */
  holidayOn(day: string): Words | null {
    const off = (d: string) => this.year(d).off.has(d);
    const free = (d: string) => off(d) || (isWeekend(d) && !this.year(d).worked.has(d));
    if (!free(day)) return null;
    if (!off(day) && !runOfDays(day, free).some(off)) return null;
    return holidayNameOf(day, free);
  }

  /**
   * A working day of the administration, as deadlines count them: Monday to Friday, less public
   * holidays and the hall's whole-day closures, plus swapped and extra working days.
   */
  isWorkingDay(day: string): boolean {
    const change = this.wholeDayChange(day);
    if (change) return change.kind === 'open';
    const { off, worked } = this.year(day);
    if (worked.has(day)) return true;
    return !isWeekend(day) && !off.has(day);
  }

  /** The periods a service (or the hall, with none) is open on a day: empty when closed. */
  openPeriods(day: string, serviceId?: string): Period[] {
    const change = this.wholeDayChange(day);
    if (change?.kind === 'closed') return [];
    const week = (serviceId && this.rules.serviceWeeks?.[serviceId]) || this.rules.week;
    const { off, worked } = this.year(day);
    if (off.has(day) && !change && !this.rules.openOnHolidays) return [];
    // A weekend inside a holiday (Saturday 21/2/2026 in Tết) closes the services that work Saturdays too.
    if (isWeekend(day) && !worked.has(day) && !change && !this.rules.openOnHolidays && this.holidayOn(day) !== null) return [];
    // A swapped or extra working day is worked with a weekday's hours, whatever day it falls on.
    const periods = worked.has(day) || change?.kind === 'open' ? firstWeekdayHours(week) : (week[weekday(day)] ?? []);
    return minusPartClosures(periods, this.changesByDay.get(day) ?? []);
  }

  /** Whether the hall (or a service) is open at an instant, and if not why and until when. */
  stateAt(at: number, serviceId?: string): OpenState {
    const { day, minutes } = localTime(at, this.rules.timeZone);
    const periods = this.openPeriods(day, serviceId);
    const inside = periods.find((p) => minutes >= p.start && minutes < p.end);
    if (inside) return { open: true, until: localInstant(day, inside.end, this.rules.timeZone) };
    return { open: false, reason: this.whyClosed(day, minutes, periods, serviceId), nextOpening: this.nextOpening(at, serviceId) };
  }

  private whyClosed(day: string, minutes: number, periods: Period[], serviceId: string | undefined): ClosedReason {
    const closure = this.changesByDay.get(day)?.find((c) => c.kind === 'closed' && (c.from === undefined || (minutes >= parseClock(c.from) && minutes < (c.to ? parseClock(c.to) : 1440))));
    if (closure) return { kind: 'closure', words: closure.reason };
    const holiday = periods.length === 0 ? this.holidayOn(day) : null;
    if (holiday) return { kind: 'holiday', words: holiday };
    if (periods.length === 0) {
      const services = Object.keys(this.rules.serviceWeeks ?? {});
      const hallOpens = serviceId !== undefined && (this.openPeriods(day).length > 0 || services.some((s) => this.openPeriods(day, s).length > 0));
      return hallOpens ? { kind: 'notThisService' } : { kind: 'weekend' };
    }
    if (minutes < periods[0]!.start) return { kind: 'beforeOpening' };
    if (minutes >= periods.at(-1)!.end) return { kind: 'afterClosing' };
    return { kind: 'break' };
  }

  /** The next instant at or after `at` when the hall (or a service) opens; null if never within a year. */
  nextOpening(at: number, serviceId?: string): number | null {
    let { day, minutes } = localTime(at, this.rules.timeZone);
    for (let i = 0; i < SEARCH_DAYS; i++) {
      const next = this.openPeriods(day, serviceId).find((p) => p.end > minutes);
      if (next) return localInstant(day, Math.max(next.start, minutes), this.rules.timeZone);
      day = addDays(day, 1);
      minutes = 0;
    }
    return null;
  }

  /** When a service's day ends: the end of its last period that day, or null when closed all day. */
  closingOn(day: string, serviceId?: string): number | null {
    const last = this.openPeriods(day, serviceId).at(-1);
    return last ? localInstant(day, last.end, this.rules.timeZone) : null;
  }

  /** The working day after `day` (the next day that counts towards a deadline). */
  nextWorkingDay(day: string): string {
    let next = addDays(day, 1);
    for (let i = 0; i < SEARCH_DAYS && !this.isWorkingDay(next); i++) next = addDays(next, 1);
    return next;
  }

  /** The working hours of a working day, for limits counted in hours: the hall's weekday hours. */
  private workingPeriods(day: string): readonly Period[] {
    if (!this.isWorkingDay(day)) return [];
    return this.rules.workingDay ?? firstWeekdayHours(this.rules.week);
  }

  /** Minutes of working time in a working day (7.5 hours for 07:30-11:30 and 13:30-17:00). */
  get workingMinutesPerDay(): number {
    return (this.rules.workingDay ?? firstWeekdayHours(this.rules.week)).reduce((sum, p) => sum + p.end - p.start, 0);
  }

  /** The instant `minutes` of working time after `from`. */
  addWorkingMinutes(from: number, minutes: number): number {
    let { day, minutes: clock } = localTime(from, this.rules.timeZone);
    let left = minutes;
    for (let i = 0; i < SEARCH_DAYS; i++) {
      for (const p of this.workingPeriods(day)) {
        const start = Math.max(clock, p.start);
        if (start >= p.end) continue;
        if (left <= p.end - start) return localInstant(day, start + left, this.rules.timeZone);
        left -= p.end - start;
        clock = p.end;
      }
      day = addDays(day, 1);
      clock = 0;
    }
    throw new Error('no working time within a year: check the hall hours and the calendar');
  }

  /** Working minutes between two instants (0 when `to` is not after `from`). */
  workingMinutesBetween(from: number, to: number): number {
    if (to <= from) return 0;
    let total = 0;
    let { day, minutes: clock } = localTime(from, this.rules.timeZone);
    const end = localTime(to, this.rules.timeZone);
    for (let i = 0; i < SEARCH_DAYS * 3; i++) {
      const last = day === end.day;
      for (const p of this.workingPeriods(day)) {
        const a = Math.max(clock, p.start);
        const b = last ? Math.min(p.end, end.minutes) : p.end;
        if (b > a) total += b - a;
      }
      if (last) break;
      day = addDays(day, 1);
      clock = 0;
    }
    return total;
  }

  /** The end of a day: 24:00, when a limit counted in days runs out (Civil Code art. 148.4). */
  endOfDay(day: string): number {
    return localInstant(addDays(day, 1), 0, this.rules.timeZone);
  }

  /**
   * When a limit runs out for something received at `receivedAt`, extended by the time spent
   * waiting for the citizen (papers, fees), which does not count.
   * - Days (Civil Code art. 147): the day of reception is not counted; the limit ends at the end
   *   of its last day, whatever the minute of reception (art. 148.4); a calendar-day limit whose
   *   last day is not a working day ends with the next working day (art. 148.3).
   * - A wait counts as the days after the day it began, up to the day it ended.
   * - Hours: the hall's working minutes.
   * - Same day: received up to the cut-off (15:00 included), that working day; strictly after it,
   *   or on a day that is not a working day, the next working day.
   */
  dueAt(receivedAt: number, limit: TimeLimit, waits: readonly { from: number; to: number }[] = []): number {
    const tz = this.rules.timeZone;
    if (limit.unit === 'workingHours') {
      const waited = waits.reduce((sum, w) => sum + this.workingMinutesBetween(w.from, w.to), 0);
      return this.addWorkingMinutes(receivedAt, Math.round(limit.value * 60) + waited);
    }
    const received = localTime(receivedAt, tz);
    if (limit.unit === 'calendarDays') {
      const waited = waits.reduce((sum, w) => sum + daysBetween(localTime(w.from, tz).day, localTime(w.to, tz).day), 0);
      let last = addDays(received.day, limit.value + waited);
      if (!this.isWorkingDay(last)) last = this.nextWorkingDay(last);
      return this.endOfDay(last);
    }
    const waitedDays = waits.reduce((sum, w) => sum + this.workingDaysAfter(localTime(w.from, tz).day, localTime(w.to, tz).day), 0);
    let last: string;
    if (limit.unit === 'sameDay') {
      const sameDay = this.isWorkingDay(received.day) && received.minutes <= parseClock(limit.cutoff);
      last = sameDay ? received.day : this.nextWorkingDay(received.day);
    } else {
      last = received.day;
      for (let i = 0; i < limit.value; i++) last = this.nextWorkingDay(last);
    }
    for (let i = 0; i < waitedDays; i++) last = this.nextWorkingDay(last);
    return this.endOfDay(last);
  }

  /** Working days d with from < d <= to. */
  private workingDaysAfter(from: string, to: string): number {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }
}

/** The days around `day` (itself included) for which `within` holds without a break. */
function runOfDays(day: string, within: (day: string) => boolean): string[] {
  const run = [day];
  for (let d = addDays(day, -1); run.length < 40 && within(d); d = addDays(d, -1)) run.unshift(d);
  for (let d = addDays(day, 1); run.length < 40 && within(d); d = addDays(d, 1)) run.push(d);
  return run;
}

function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000));
}

/** The hours of the first weekday (Monday to Friday) that has any: the hall's usual working day. */
function firstWeekdayHours(week: WeekHours): readonly Period[] {
  for (const d of [1, 2, 3, 4, 5]) if ((week[d]?.length ?? 0) > 0) return week[d]!;
  return [];
}

/** A day's periods less the part-day closures of that day. */
function minusPartClosures(periods: readonly Period[], changes: readonly HallDayChange[]): Period[] {
  let result = [...periods];
  for (const c of changes) {
    if (c.kind !== 'closed' || (c.from === undefined && c.to === undefined)) continue;
    const from = c.from ? parseClock(c.from) : 0;
    const to = c.to ? parseClock(c.to) : 1440;
    result = result.flatMap((p) => [...(p.start < from ? [{ start: p.start, end: Math.min(p.end, from) }] : []), ...(p.end > to ? [{ start: Math.max(p.start, to), end: p.end }] : [])]);
  }
  return result;
}
