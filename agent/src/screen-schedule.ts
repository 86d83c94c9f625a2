// When the screen should be on: pure logic, given the hall's opening hours or the agent's own
// times, and the hall's local weekday and minute. The screen comes on `lead` minutes before
// the day's first opening and goes off `trail` minutes after its last closing; a day without
// opening hours keeps it off; a hall open around the clock keeps it on.

import type { ScreenRule } from './config.js';

/** An opening period of a day, in minutes since local midnight (as GET /api/hall gives it). */
export interface OpenPeriod {
  start: number;
  end: number;
}

/** Per weekday, Sunday (0) to Saturday (6): the minutes [on, off) the screen is on, or null. */
export type ScreenWeek = readonly (readonly [number, number] | null)[];

const DAY = 24 * 60;

/** The screen's week from the hall's hours; null hours (open around the clock): null, always on. */
export function screenWeekFromHours(hours: readonly (readonly OpenPeriod[])[] | null, leadMinutes: number, trailMinutes: number): ScreenWeek | null {
  if (hours === null) return null;
  return Array.from({ length: 7 }, (_, day) => {
    const periods = hours[day] ?? [];
    if (periods.length === 0) return null;
    const first = Math.min(...periods.map((p) => p.start));
    const last = Math.max(...periods.map((p) => p.end));
    return [Math.max(0, first - leadMinutes), Math.min(DAY, last + trailMinutes)] as const;
  });
}

/** The screen's week from fixed times on some weekdays. */
export function screenWeekFromTimes(on: number, off: number, days: readonly number[]): ScreenWeek {
  return Array.from({ length: 7 }, (_, day) => (days.includes(day) ? ([on, off] as const) : null));
}

/** Whether the screen is on at a local weekday and minute. A week whose off time is before its on time runs over midnight. */
export function screenOnAt(week: ScreenWeek | null, weekday: number, minute: number): boolean {
  if (week === null) return true;
  const today = week[weekday];
  if (today) {
    const [on, off] = today;
    if (on < off ? minute >= on && minute < off : minute >= on) return true;
  }
  // An evening past midnight: yesterday's window that ends today.
  const yesterday = week[(weekday + 6) % 7];
  if (yesterday && yesterday[1] < yesterday[0] && minute < yesterday[1]) return true;
  return false;
}

/** The hall's weekday (0 Sunday) and minute since midnight at an instant. */
export function localClock(at: number, timeZone: string): { weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday')), minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

/**
 * Whether the screen should be on now. `hall`: the hub's hours and time zone when known; before
 * the agent has heard from the hub (null), a screen following the hall stays on.
 */
export function screenShouldBeOn(rule: ScreenRule, hall: { hours: readonly (readonly OpenPeriod[])[] | null; timeZone: string } | null, at: number, ownTimeZone: string): boolean {
  if (rule.kind === 'always') return true;
  if (rule.kind === 'own') {
    const { weekday, minute } = localClock(at, hall?.timeZone ?? ownTimeZone);
    return screenOnAt(screenWeekFromTimes(rule.on, rule.off, rule.days), weekday, minute);
  }
  if (hall === null) return true;
  const { weekday, minute } = localClock(at, hall.timeZone);
  return screenOnAt(screenWeekFromHours(hall.hours, rule.leadMinutes, rule.trailMinutes), weekday, minute);
}
