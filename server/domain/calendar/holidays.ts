// Which days a hall is closed: weekends and the public holidays of Labour Code 2019 art. 112,
// computed for any year, unless the year's official schedule (with the government's swaps of
// working days) is written down, which then is the rule for that year.

import { lunarDate, lunarNewYear } from './lunar-calendar.js';

/** One year's official schedule: every weekday off, and every weekend day worked. */
export interface HolidayYear {
  /** Weekdays the hall is closed (holidays, compensatory and swapped days), YYYY-MM-DD. */
  daysOff: string[];
  /** Saturdays or Sundays worked to make up for a swap, YYYY-MM-DD. */
  workingDays: string[];
  /** Where the schedule comes from (the announcement), for people reading the file. */
  source?: string;
}

export type HolidaySchedules = Record<string, HolidayYear>;

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar day `n` days after `day` (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return isoDay(date);
}

export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * The statutory holidays of a year: 1 January; Tết (the last day of the old lunar year and the
 * first four of the new); the Hùng Kings' day (10th of the 3rd lunar month); 30 April; 1 May;
 * 2 September and the day before. A holiday on a weekend moves to the next working day.
 */
export function statutoryHolidays(year: number): string[] {
  const tet = lunarNewYear(year);
  const days = [
    `${year}-01-01`,
    addDays(tet, -1),
    tet,
    addDays(tet, 1),
    addDays(tet, 2),
    addDays(tet, 3),
    lunarDate(10, 3, year),
    `${year}-04-30`,
    `${year}-05-01`,
    `${year}-09-01`,
    `${year}-09-02`,
  ];
  const off = new Set<string>();
  for (const day of days) {
    let placed = day;
    while (isWeekend(placed) || off.has(placed)) placed = addDays(placed, 1);
    off.add(placed);
  }
  return [...off].sort();
}

export class HolidayCalendar {
  private readonly off = new Map<number, Set<string>>();
  private readonly worked = new Map<number, Set<string>>();

  constructor(private readonly schedules: HolidaySchedules = {}) {}

  private yearOf(day: string): number {
    const year = Number(day.slice(0, 4));
    if (!this.off.has(year)) {
      const official = this.schedules[String(year)];
      this.off.set(year, new Set(official ? official.daysOff : statutoryHolidays(year)));
      this.worked.set(year, new Set(official?.workingDays ?? []));
    }
    return year;
  }

  /** The hall works this day (a weekday that is not a holiday, or a make-up Saturday). */
  isWorkingDay(day: string): boolean {
    const year = this.yearOf(day);
    if (this.worked.get(year)!.has(day)) return true;
    return !isWeekend(day) && !this.off.get(year)!.has(day);
  }

  /** Whether the year's schedule is the official one written down, or computed. */
  isOfficial(year: number): boolean {
    return String(year) in this.schedules;
  }
}
