// The hall's one calendar, built from its description (its week, each service's own week),
// the official schedules of the years (shipped, the hall's, loaded at run time) and the hall's
// own closures and extra working days. Rebuilt whenever one of those changes.

import { HallCalendar, type HallDayChange, type Period, type WeekHours } from '../calendar/hall-calendar.js';
import { parseClock } from '../calendar/hall-clock.js';
import type { HolidaySchedules } from '../calendar/holidays.js';
import type { HallSettings, ServiceDef } from './hall-definition.js';

const WHOLE_DAY: readonly Period[] = [{ start: 0, end: 1440 }];
const AROUND_THE_CLOCK: WeekHours = [0, 1, 2, 3, 4, 5, 6].map(() => WHOLE_DAY);

/** A ward centre's working day, for deadlines in a hall open around the clock. */
export const DEFAULT_WORKING_DAY: readonly Period[] = [
  { start: 7 * 60 + 30, end: 11 * 60 + 30 },
  { start: 13 * 60 + 30, end: 17 * 60 },
];

/** 07:30-11:30 and 13:30-17:00, Monday to Friday: a hall file that says nothing of its hours. */
export const DEFAULT_WEEK: WeekHours = [0, 1, 2, 3, 4, 5, 6].map((d) => (d >= 1 && d <= 5 ? DEFAULT_WORKING_DAY : []));

/**
 * The week stored by any version: a week (seven lists of periods), null (around the clock), or
 * the former `{ open, close }`, read as those hours Monday to Friday.
 */
export function weekHoursOf(stored: unknown): WeekHours | null {
  if (stored === null || stored === undefined) return null;
  if (Array.isArray(stored)) return stored as WeekHours;
  const { open, close } = stored as { open: string; close: string };
  const day = [{ start: parseClock(open), end: parseClock(close) }];
  return [0, 1, 2, 3, 4, 5, 6].map((d) => (d >= 1 && d <= 5 ? day : []));
}

export interface CalendarSources {
  /** Official schedules per year, later sources over earlier ones (shipped, data folder, hall file, loaded). */
  official: HolidaySchedules;
  /** The hall's own closures and extra working days. */
  changes: readonly HallDayChange[];
}

export function hallCalendarOf(
  settings: Pick<HallSettings, 'timeZone' | 'hours' | 'workingHours'>,
  services: readonly Pick<ServiceDef, 'id' | 'hours'>[],
  sources: CalendarSources,
): HallCalendar {
  const aroundTheClock = settings.hours === null;
  const serviceWeeks = Object.fromEntries(services.filter((s) => s.hours !== null).map((s) => [s.id, s.hours!]));
  const workingDay = settings.workingHours ? settings.workingHours.map((p) => ({ start: parseClock(p.start), end: parseClock(p.end) })) : aroundTheClock ? DEFAULT_WORKING_DAY : undefined;
  return new HallCalendar({
    timeZone: settings.timeZone,
    week: settings.hours ?? AROUND_THE_CLOCK,
    serviceWeeks,
    official: sources.official,
    changes: sources.changes,
    ...(aroundTheClock ? { openOnHolidays: true } : {}),
    ...(workingDay ? { workingDay } : {}),
  });
}
