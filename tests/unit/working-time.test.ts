// Deadlines in working time against the lunar calendar, the official schedules of 2025 and
// 2026, and properties that must hold for any received time and processing time.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHolidayFile } from '../../server/config/holiday-file.js';
import { localTime } from '../../server/domain/calendar/hall-clock.js';
import { HolidayCalendar, statutoryHolidays } from '../../server/domain/calendar/holidays.js';
import { lunarDate, lunarNewYear } from '../../server/domain/calendar/lunar-calendar.js';
import { localInstant, WorkingTime, type ProcessingTime } from '../../server/domain/calendar/working-time.js';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (day: string, hhmm: string) => localInstant(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const show = (instant: number) => {
  const t = localTime(instant, TZ);
  return `${t.day} ${String(Math.floor(t.minutes / 60)).padStart(2, '0')}:${String(t.minutes % 60).padStart(2, '0')}`;
};

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it('gives the known dates of Tết', () => {
    const known: Record<number, string> = {
      2020: '2020-01-25',
      2021: '2021-02-12',
      2022: '2022-02-01',
      2023: '2023-01-22',
      2024: '2024-02-10',
      2025: '2025-01-29',
      2026: '2026-02-17',
      2027: '2027-02-06',
      2028: '2028-01-26',
      2029: '2029-02-13',
    };
    for (const [year, day] of Object.entries(known)) expect(lunarNewYear(Number(year)), year).toBe(day);
  });

  it('differs from the Chinese calendar (UTC+8) where history says it does', () => {
    // 1985: Vietnam celebrated Tết on 21 January, China on 20 February; 2007: 17 and 18 February;
    // 1968: 29 and 30 January.
    expect([lunarNewYear(1985), lunarNewYear(1985, 8)]).toEqual(['1985-01-21', '1985-02-20']);
    expect([lunarNewYear(2007), lunarNewYear(2007, 8)]).toEqual(['2007-02-17', '2007-02-18']);
    expect([lunarNewYear(1968), lunarNewYear(1968, 8)]).toEqual(['1968-01-29', '1968-01-30']);
  });

  it("gives the Hùng Kings' day, the 10th of the 3rd lunar month", () => {
    expect(lunarDate(10, 3, 2023)).toBe('2023-04-29');
    expect(lunarDate(10, 3, 2024)).toBe('2024-04-18');
    expect(lunarDate(10, 3, 2025)).toBe('2025-04-07');
    expect(lunarDate(10, 3, 2026)).toBe('2026-04-26');
  });
});

describe('holidays', () => {
  const official = readHolidayFile();
  const calendar = new HolidayCalendar(official);

  it('follows the official 2025 schedule, swaps included', () => {
    // Tết Ất Tỵ: Monday 27/1 to Friday 31/1, off from Saturday 25/1 to Sunday 2/2 with the
    // weekends; no day swapped, so Saturday 8/2 is an ordinary Saturday (letter 8726/VPCP-KGVX).
    expect(calendar.isWorkingDay('2025-01-24')).toBe(true);
    for (let d = 25; d <= 31; d++) expect(calendar.isWorkingDay(`2025-01-${d}`), `2025-01-${d}`).toBe(false);
    expect(calendar.isWorkingDay('2025-02-01')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-02')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(false);
    // Hùng Kings' day Monday 7/4; 30/4 to 4/5 with Friday 2/5 swapped for Saturday 26/4.
    expect(calendar.isWorkingDay('2025-04-07')).toBe(false);
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    for (const d of ['2025-04-30', '2025-05-01', '2025-05-02']) expect(calendar.isWorkingDay(d), d).toBe(false);
    expect(calendar.isWorkingDay('2025-05-05')).toBe(true);
    // National Day: off from Saturday 30/8 to Tuesday 2/9.
    expect(calendar.isWorkingDay('2025-09-01')).toBe(false);
    expect(calendar.isWorkingDay('2025-09-02')).toBe(false);
    expect(calendar.isWorkingDay('2025-09-03')).toBe(true);
  });

  it('follows the official 2026 schedule', () => {
    // Tết Bính Ngọ: Monday 16/2 to Friday 20/2, nine days with the weekends.
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    for (let d = 14; d <= 22; d++) expect(calendar.isWorkingDay(`2026-02-${d}`), `2026-02-${d}`).toBe(false);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
    // The Hùng Kings' day falls on Sunday 26/4: Monday 27/4 is off.
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(calendar.isWorkingDay('2026-04-28')).toBe(true);
  });

  it('computes a year nobody wrote down from the Labour Code, moving weekend holidays on', () => {
    expect(calendar.isOfficial(2027)).toBe(false);
    // 2027: Tết on Saturday 6/2: the last day of the year (Friday 5/2), then 6-9/2, with the weekend days moved on.
    const days = statutoryHolidays(2027);
    expect(days).toEqual(
      expect.arrayContaining(['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-04-16', '2027-04-30', '2027-05-03', '2027-09-01', '2027-09-02']),
    );
    expect(days.every((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))).toBe(true);
    // The computed 2026 agrees with the official one but for its two swapped Fridays and Mondays
    // (2/1, made up on Saturday 10/1, and 31/8, made up on Saturday 22/8).
    expect(statutoryHolidays(2026)).toEqual(official['2026']!.daysOff.filter((d) => d !== '2026-01-02' && d !== '2026-08-31'));
  });
});

describe('working time', () => {
  const time = new WorkingTime(new HolidayCalendar(readHolidayFile()), TZ);

  it('counts eight hours a day within the working hours', () => {
    expect(time.minutesPerDay).toBe(480);
    // Received Tuesday 09:00, 1 working day: Wednesday 09:00.
    expect(show(time.dueAt(at('2026-11-24', '09:00'), { unit: 'days', value: 1 }))).toBe('2026-11-25 09:00');
    // 3 working hours from 10:00: 1h30 before lunch, 1h30 after: 15:00.
    expect(show(time.dueAt(at('2026-11-24', '10:00'), { unit: 'hours', value: 3 }))).toBe('2026-11-24 15:00');
    // Friday 16:00, 2 working days: over the weekend to Tuesday 16:00.
    expect(show(time.dueAt(at('2026-11-27', '16:00'), { unit: 'days', value: 2 }))).toBe('2026-12-01 16:00');
  });

  it('starts after closing on the next working morning, and at lunch at 13:30', () => {
    expect(show(time.dueAt(at('2026-11-24', '17:45'), { unit: 'hours', value: 2 }))).toBe('2026-11-25 09:00');
    expect(show(time.dueAt(at('2026-11-24', '12:10'), { unit: 'hours', value: 2 }))).toBe('2026-11-24 15:30');
    expect(show(time.startOf(at('2026-11-28', '08:00')))).toBe('2026-11-30 07:00');
  });

  it('skips Tết and a swapped Saturday counts as a working day', () => {
    // Received Friday 13/2/2026 at 15:00 with 1 working day: Tết runs to 22/2, so Monday 23/2 at 15:00.
    expect(show(time.dueAt(at('2026-02-13', '15:00'), { unit: 'days', value: 1 }))).toBe('2026-02-23 15:00');
    // Friday 25/4/2025 at 09:00, 1 day: Saturday 26/4/2025 was worked (swapped with Friday 2/5).
    expect(show(time.dueAt(at('2025-04-25', '09:00'), { unit: 'days', value: 1 }))).toBe('2025-04-26 09:00');
  });

  it('gives the same-day procedures the closing hour, or the next day after the cut-off', () => {
    const sameDay: ProcessingTime = { unit: 'sameDay', cutoff: '15:00' };
    expect(show(time.dueAt(at('2026-11-24', '10:00'), sameDay))).toBe('2026-11-24 17:00');
    expect(show(time.dueAt(at('2026-11-24', '15:20'), sameDay))).toBe('2026-11-25 17:00');
    expect(show(time.dueAt(at('2026-11-27', '16:00'), sameDay))).toBe('2026-11-30 17:00');
  });

  it('extends the due date by the working time spent waiting for the citizen', () => {
    const received = at('2026-11-24', '09:00');
    const waits = [{ from: at('2026-11-24', '11:00'), to: at('2026-11-25', '08:00') }];
    // Waiting 11:00-11:30, 13:30-17:00 and 07:00-08:00: 5 working hours added to Wednesday 09:00
    // (2h30 before lunch, 2h30 after).
    expect(show(time.dueAt(received, { unit: 'days', value: 1 }, waits))).toBe('2026-11-25 16:00');
  });

  it('never gives a due date on a weekend, a holiday or outside working hours', () => {
    const start = Date.UTC(2024, 11, 1);
    const span = Date.UTC(2027, 0, 1) - start;
    const processing = fc.oneof(
      fc.integer({ min: 0, max: 60 }).map((value): ProcessingTime => ({ unit: 'days', value })),
      fc.integer({ min: 1, max: 200 }).map((value): ProcessingTime => ({ unit: 'hours', value })),
      fc.constant<ProcessingTime>({ unit: 'sameDay', cutoff: '15:00' }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span }), processing, (offset, p) => {
        const received = start + offset;
        const due = time.dueAt(received, p);
        expect(time.isWorkingInstant(due), `${show(received)} + ${JSON.stringify(p)} → ${show(due)}`).toBe(true);
        expect(due).toBeGreaterThanOrEqual(Math.floor(received / 60_000) * 60_000);
        if (p.unit !== 'sameDay') expect(time.workingMinutesBetween(received, due)).toBe(p.unit === 'days' ? p.value * 480 : p.value * 60);
      }),
      { numRuns: 2000, seed: 112 },
    );
  });
});
