// The hall's opening times for the coming days, for the device agents' screens (public: the
// hours, the holidays' names and the closures' reasons the kiosk shows anyway). From yesterday,
// for a screen kept on past midnight, over a month ahead, so that an agent cut off from the hub
// still follows the calendar for weeks.

import type { AgentHallHours } from '../../contract/agent.js';
import { dayOf } from '../../domain/calendar/hall-clock.js';
import { addDays } from '../../domain/calendar/holidays.js';
import { openingDays } from '../../domain/calendar/opening-days.js';
import type { LiveState } from '../../services/live-state.js';

export interface OpeningDaysDeps {
  live: Pick<LiveState, 'calendar' | 'settings' | 'allServiceIds'>;
  clock: () => number;
}

/** Days sent: yesterday, today and 33 more (about five weeks). */
export const OPENING_DAYS_SENT = 35;

export function hallOpeningDays(deps: OpeningDaysDeps): AgentHallHours {
  const { timeZone } = deps.live.settings;
  const yesterday = addDays(dayOf(deps.clock(), timeZone), -1);
  const days = openingDays(deps.live.calendar, deps.live.allServiceIds(), yesterday, OPENING_DAYS_SENT);
  return { timeZone, days: days.map((d) => ({ day: d.day, periods: d.periods, closed: d.closed, note: d.note?.vi ?? null })) };
}
