// The hall's own calendar at run time: a manager adds or removes one closure (a whole day or
// part of it, with its reason) or one extra working day, or loads the official schedule of a
// year. Each change is in the event log with who made it and applies at once, without a restart.

import type { CalendarRepository } from '../../db/calendar-repository.js';
import type { Actor } from '../../domain/access/actor.js';
import { parseClock } from '../../domain/calendar/hall-clock.js';
import type { HallDay } from '../../domain/calendar/hall-days.js';
import type { HolidayYear } from '../../domain/calendar/holidays.js';
import { isWeekend } from '../../domain/calendar/holidays.js';
import { DomainError } from '../../domain/domain-error.js';
import type { LiveState } from '../../services/live-state.js';
import type { QueueService } from '../../services/queue-service.js';

export interface CalendarDeps {
  queue: Pick<QueueService, 'recordCalendarChange'>;
  live: Pick<LiveState, 'calendar' | 'hallDays' | 'settings'>;
  days: Pick<CalendarRepository, 'nextId'>;
  clock: () => number;
}

export interface HallDayRequest {
  day: string;
  kind: 'closed' | 'open';
  from?: string;
  to?: string;
  reason: { vi: string; en?: string };
}

function realDay(day: string): boolean {
  return !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
}

function refuse(day: string, problem: string, problemEn: string): never {
  throw new DomainError('calendar_day_invalid', { day, problem, problemEn });
}

/** The hall's own days, and for each year around today whether its official schedule is known. */
export function readCalendar(deps: Pick<CalendarDeps, 'live' | 'clock'>) {
  const year = new Date(deps.clock()).getUTCFullYear();
  return {
    timeZone: deps.live.settings.timeZone,
    years: [year - 1, year, year + 1].map((y) => ({ year: y, official: deps.live.calendar.isOfficialYear(y) })),
    hallDays: deps.live.hallDays().map(publicDay),
  };
}

/** A day as anyone may read it: no one's name. */
function publicDay(d: HallDay): HallDay {
  return { id: d.id, day: d.day, kind: d.kind, ...(d.from ? { from: d.from } : {}), ...(d.to ? { to: d.to } : {}), reason: d.reason };
}

/** Adds one closure or extra working day. */
export async function addHallDay(deps: CalendarDeps, asked: HallDayRequest, manager: Actor): Promise<HallDay> {
  const { day, kind } = asked;
  if (!realDay(day)) refuse(day, 'ngày không có trong lịch', 'there is no such date');
  const part = asked.from !== undefined || asked.to !== undefined;
  if (kind === 'open' && part) refuse(day, 'ngày làm việc thêm là cả ngày, không ghi giờ', 'an extra working day is a whole day, without times');
  if (part && parseClock(asked.from ?? '00:00') >= (asked.to ? parseClock(asked.to) : 1440))
    refuse(day, `giờ bắt đầu ${asked.from} phải trước giờ kết thúc ${asked.to}`, `${asked.from} must come before ${asked.to}`);
  if (kind === 'open' && deps.live.calendar.isWorkingDay(day)) refuse(day, 'ngày này đã là ngày làm việc', 'it is a working day already');
  if (deps.live.hallDays().some((d) => d.day === day && d.kind === kind && d.from === asked.from && d.to === asked.to)) {
    refuse(day, 'ngày này đã có trong lịch riêng của trung tâm', "it is in the hall's calendar already");
  }
  const vi = asked.reason.vi.trim();
  const hallDay: HallDay = {
    id: deps.days.nextId(),
    day,
    kind,
    ...(asked.from ? { from: asked.from } : {}),
    ...(asked.to ? { to: asked.to } : {}),
    reason: { vi, en: asked.reason.en?.trim() || vi },
  };
  await deps.queue.recordCalendarChange({ action: 'dayAdded', hallDay }, manager);
  return hallDay;
}

/** Removes one of the hall's own days, by its number. */
export async function removeHallDay(deps: CalendarDeps, id: number, manager: Actor): Promise<{ removed: HallDay }> {
  const hallDay = deps.live.hallDays().find((d) => d.id === id);
  if (!hallDay) throw new DomainError('calendar_day_not_found', { id });
  await deps.queue.recordCalendarChange({ action: 'dayRemoved', hallDay: publicDay(hallDay) }, manager);
  return { removed: publicDay(hallDay) };
}

/** Loads a year's official schedule (days off and swapped working days): it replaces that year's. */
export async function loadOfficialYear(deps: CalendarDeps, year: number, asked: { daysOff: string[]; workingDays?: string[]; source?: string }, manager: Actor) {
  const workingDays = asked.workingDays ?? [];
  const wrong = [...asked.daysOff, ...workingDays].find((d) => !realDay(d) || !d.startsWith(`${year}-`));
  if (wrong) throw new DomainError('calendar_year_invalid', { year, problem: `ngày ${wrong} không thuộc năm ${year}`, problemEn: `${wrong} is not a date of ${year}` });
  const weekendOff = asked.daysOff.find((d) => isWeekend(d));
  if (weekendOff)
    throw new DomainError('calendar_year_invalid', {
      year,
      problem: `${weekendOff} là thứ Bảy hoặc Chủ nhật: daysOff chỉ ghi ngày thường được nghỉ`,
      problemEn: `${weekendOff} is a weekend day: daysOff lists weekdays off only`,
    });
  const weekdayWorked = workingDays.find((d) => !isWeekend(d));
  if (weekdayWorked)
    throw new DomainError('calendar_year_invalid', {
      year,
      problem: `${weekdayWorked} là ngày thường: workingDays chỉ ghi thứ Bảy, Chủ nhật đi làm bù`,
      problemEn: `${weekdayWorked} is a weekday: workingDays lists weekend days worked only`,
    });
  const schedule: HolidayYear = { daysOff: [...new Set(asked.daysOff)].sort(), workingDays: [...new Set(workingDays)].sort(), ...(asked.source ? { source: asked.source } : {}) };
  await deps.queue.recordCalendarChange({ action: 'yearLoaded', year, schedule }, manager);
  return { year, official: true, ...schedule };
}
