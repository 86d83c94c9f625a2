// The hall's own days as it keeps them: each closure or extra working day with its number, so
// that it is removed alone; and the change the event log records when one is added or removed,
// or when a year's official schedule is loaded.

import type { HallDayChange } from './hall-calendar.js';
import type { HolidayYear } from './holidays.js';

/** A closure or an extra working day of the hall, with its number. */
export type HallDay = HallDayChange & { id: number };

export type CalendarChange = { action: 'dayAdded'; hallDay: HallDay } | { action: 'dayRemoved'; hallDay: HallDay } | { action: 'yearLoaded'; year: number; schedule: HolidayYear };
