// When the screen should be on: pure logic, given the hall's opening days (from the hub, kept by
// the agent) or the agent's own times, and the hall's local day and minute. Following the hall,
// the screen comes on `lead` minutes before the day's first opening and goes off `trail` minutes
// after its last closing; a closed day (a public holiday, the hall's own closure, its weekly day
// off) keeps it off; a compensating working Saturday lights it as a weekday does. The windows
// may cross midnight (a lead before a 00:00 opening, a trail past a 24:00 closing).

import type { AgentHallHours, AgentOpeningDay } from '../../server/contract/agent.js';
import type { ScreenRule } from './config.js';

/** Per weekday, Sunday (0) to Saturday (6): the minutes [on, off) the screen is on, or null. */
export type ScreenWeek = readonly (readonly [number, number] | null)[];

const DAY = 24 * 60;

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

/** The hall's local day ("YYYY-MM-DD"), weekday (0 Sunday) and minute since midnight at an instant. */
export function localClock(at: number, timeZone: string): { day: string; weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: `${part('year')}-${part('month')}-${part('day')}`,
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday')),
    minute: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

function shiftDay(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** A day's window [on, off) in minutes from its own midnight; it may start before (negative) or end after it (over 1440). */
type Window = readonly [number, number] | null;

/** The screen's window on a day the hub described, following the hall. */
export function hallWindow(day: AgentOpeningDay, leadMinutes: number, trailMinutes: number): Window {
  if (day.periods.length === 0) return null;
  const first = Math.min(...day.periods.map((p) => p.start));
  const last = Math.max(...day.periods.map((p) => p.end));
  return [first - leadMinutes, last + trailMinutes];
}

/** The agent's own times on a day: never on a holiday or closure, on any day the hall works, else on SCREEN_DAYS. */
function ownWindow(rule: Extract<ScreenRule, { kind: 'own' }>, day: string, known: AgentOpeningDay | undefined): Window {
  if (known?.closed === 'holiday' || known?.closed === 'closure') return null;
  const works = known ? known.closed === null : rule.days.includes(new Date(`${day}T00:00:00Z`).getUTCDay());
  const worksOnDayOff = known?.closed === 'dayOff' && rule.days.includes(new Date(`${day}T00:00:00Z`).getUTCDay());
  if (!works && !worksOnDayOff) return null;
  return [rule.on, rule.off > rule.on ? rule.off : rule.off + DAY];
}

/** Whether a minute of `day` falls in its own window or in the one of the day before or after. */
function within(windowOf: (day: string) => Window, day: string, minute: number): boolean {
  for (const shift of [-1, 0, 1]) {
    const w = windowOf(shiftDay(day, shift));
    const m = minute - shift * DAY;
    if (w && m >= w[0] && m < w[1]) return true;
  }
  return false;
}

/**
 * Whether the screen should be on now. `hall`: the opening days the hub sent (kept on disk), or
 * null before the agent ever heard them: a screen following the hall then stays on, own times
 * keep to SCREEN_DAYS. A day past the ones kept (an agent cut off for weeks) is as unknown: on.
 */
export function screenShouldBeOn(rule: ScreenRule, hall: AgentHallHours | null, at: number, ownTimeZone: string): boolean {
  if (rule.kind === 'always') return true;
  const { day, weekday, minute } = localClock(at, hall?.timeZone ?? ownTimeZone);
  const known = new Map((hall?.days ?? []).map((d) => [d.day, d]));
  if (rule.kind === 'own') {
    if (known.size === 0) return screenOnAt(screenWeekFromTimes(rule.on, rule.off, rule.days), weekday, minute);
    return within((d) => ownWindow(rule, d, known.get(d)), day, minute);
  }
  if (!known.has(day)) return true;
  return within(
    (d) => {
      const opening = known.get(d);
      return opening ? hallWindow(opening, rule.leadMinutes, rule.trailMinutes) : null;
    },
    day,
    minute,
  );
}

/** The last day the kept hours describe, for the agent's log. */
export function lastKnownDay(hall: AgentHallHours | null): string | null {
  return hall?.days.at(-1)?.day ?? null;
}
