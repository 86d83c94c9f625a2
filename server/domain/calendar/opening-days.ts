// The hall's opening times day by day, as a screen's schedule needs them: when the hall or any of
// its services is open (a service open on Saturday morning lights the screen too), and why a
// day without any opening is closed. Public information: no one's name.

import type { HallCalendar, Period } from './hall-calendar.js';
import type { Words } from './holiday-names.js';
import { addDays } from './holidays.js';

export interface OpeningDay {
  day: string;
  /** Merged periods over the hall and its services; empty when closed all day. */
  periods: Period[];
  /** holiday: a public holiday or a day of its run; closure: the hall's own; dayOff: its usual weekly day off. */
  closed: 'holiday' | 'closure' | 'dayOff' | null;
  note: Words | null;
}

/** Overlapping or touching periods joined, in order. */
export function mergePeriods(periods: readonly Period[]): Period[] {
  const sorted = [...periods].sort((a, b) => a.start - b.start);
  const merged: Period[] = [];
  for (const p of sorted) {
    const last = merged.at(-1);
    if (last && p.start <= last.end) last.end = Math.max(last.end, p.end);
    else merged.push({ start: p.start, end: p.end });
  }
  return merged;
}

/** `count` days from `from` (the hall's local days). */
export function openingDays(calendar: HallCalendar, serviceIds: readonly string[], from: string, count: number): OpeningDay[] {
  const days: OpeningDay[] = [];
  for (let i = 0, day = from; i < count; i++, day = addDays(day, 1)) {
    const periods = mergePeriods([calendar.openPeriods(day), ...serviceIds.map((id) => calendar.openPeriods(day, id))].flat());
    if (periods.length > 0) {
      days.push({ day, periods, closed: null, note: null });
      continue;
    }
    const closure = calendar.rules.changes.find((c) => c.day === day && c.kind === 'closed' && c.from === undefined && c.to === undefined);
    const holiday = calendar.holidayOn(day);
    if (closure) days.push({ day, periods, closed: 'closure', note: closure.reason });
    else if (holiday) days.push({ day, periods, closed: 'holiday', note: holiday });
    else days.push({ day, periods, closed: 'dayOff', note: null });
  }
  return days;
}
