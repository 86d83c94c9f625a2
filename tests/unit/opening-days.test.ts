// The hall's opening days the hub sends to the device agents' screens, worked by hand from the
// shipped official schedule (config/holidays.yaml: 2026) and the Labour Code for a year not yet
// announced (2027), for a ward centre open 07:30-11:30 and 13:30-17:00 Monday to Friday.

import { describe, expect, it } from 'vitest';
import { readHolidayFile } from '../../server/config/holiday-file.js';
import type { HallDayChange } from '../../server/domain/calendar/hall-calendar.js';
import { mergePeriods, openingDays } from '../../server/domain/calendar/opening-days.js';
import { DEFAULT_WEEK, hallCalendarOf } from '../../server/domain/hall/hall-calendar-of.js';
import { hallOpeningDays, OPENING_DAYS_SENT } from '../../server/use-cases/hall/opening-days.js';

const WORKDAY = [
  { start: 450, end: 690 },
  { start: 810, end: 1020 },
];
const SATURDAY_MORNING = [[], [], [], [], [], [], [{ start: 450, end: 690 }]];
const shipped = readHolidayFile();

function calendar(changes: HallDayChange[] = [], serviceHours: typeof SATURDAY_MORNING | null = null) {
  return hallCalendarOf({ timeZone: 'Asia/Ho_Chi_Minh', hours: DEFAULT_WEEK, workingHours: null }, [{ id: 'HT', hours: serviceHours }], { official: shipped, changes });
}
const days = (from: string, count: number, cal = calendar()) => openingDays(cal, ['HT'], from, count).map((d) => [d.day, d.periods.length ? d.periods : d.closed, d.note?.vi ?? null]);

describe('the opening days sent to the screens', () => {
  it('Tết 2027 (not announced: the Labour Code): Friday 5/2 and Monday 8/2 to Thursday 11/2 off, the weekend between too; open again Friday 12/2', () => {
    const tet = 'Nghỉ Tết Nguyên đán';
    expect(days('2027-02-04', 9)).toEqual([
      ['2027-02-04', WORKDAY, null],
      ['2027-02-05', 'holiday', tet],
      ['2027-02-06', 'holiday', tet],
      ['2027-02-07', 'holiday', tet],
      ['2027-02-08', 'holiday', tet],
      ['2027-02-09', 'holiday', tet],
      ['2027-02-10', 'holiday', tet],
      ['2027-02-11', 'holiday', tet],
      ['2027-02-12', WORKDAY, null],
    ]);
  });

  it('2026: Saturday 22/8 is worked with a weekday hours for Monday 31/8; National Day off from Saturday 29/8 to Wednesday 2/9', () => {
    const rows = days('2026-08-21', 14);
    expect(rows[0]).toEqual(['2026-08-21', WORKDAY, null]);
    expect(rows[1]).toEqual(['2026-08-22', WORKDAY, null]);
    expect(rows[2]).toEqual(['2026-08-23', 'dayOff', null]);
    expect(rows[8]).toEqual(['2026-08-29', 'holiday', expect.stringContaining('Quốc khánh')]);
    expect(rows.slice(10, 13).map((r) => r[1])).toEqual(['holiday', 'holiday', 'holiday']); // 31/8, 1/9, 2/9
    expect(rows[13]).toEqual(['2026-09-03', WORKDAY, null]);
  });

  it("the hall's own closure is closed with its reason; a part-day closure leaves the morning", () => {
    const storm: HallDayChange = { day: '2026-12-10', kind: 'closed', reason: { vi: 'Bão số 9', en: 'Typhoon no. 9' } };
    const meeting: HallDayChange = { day: '2026-12-11', kind: 'closed', from: '13:30', reason: { vi: 'Họp', en: 'Meeting' } };
    expect(days('2026-12-10', 2, calendar([storm, meeting]))).toEqual([
      ['2026-12-10', 'closure', 'Bão số 9'],
      ['2026-12-11', [{ start: 450, end: 690 }], null],
    ]);
  });

  it('a service open on Saturday morning opens the day for the screen; periods of the hall and its services are merged', () => {
    expect(days('2026-12-12', 2, calendar([], SATURDAY_MORNING))).toEqual([
      ['2026-12-12', [{ start: 450, end: 690 }], null],
      ['2026-12-13', 'dayOff', null],
    ]);
    expect(
      mergePeriods([
        { start: 810, end: 1020 },
        { start: 450, end: 690 },
        { start: 600, end: 820 },
      ]),
    ).toEqual([{ start: 450, end: 1020 }]);
  });

  it('are sent from yesterday on, in the hall time zone: at 23:30 UTC on 4/2/2027 it is already Friday 5/2 in the hall', () => {
    const live = { calendar: calendar(), settings: { timeZone: 'Asia/Ho_Chi_Minh' }, allServiceIds: () => ['HT'] };
    const sent = hallOpeningDays({ live: live as never, clock: () => Date.parse('2027-02-04T23:30:00Z') });
    expect(sent.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(sent.days).toHaveLength(OPENING_DAYS_SENT);
    expect(sent.days[0]).toEqual({ day: '2027-02-04', periods: WORKDAY, closed: null, note: null });
    expect(sent.days[1]).toEqual({ day: '2027-02-05', periods: [], closed: 'holiday', note: 'Nghỉ Tết Nguyên đán' });
  });
});
