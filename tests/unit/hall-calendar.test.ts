// The hall's calendar against cases worked out by hand on a 2026 wall calendar (1 Jan 2026 is
// a Thursday, 1 Feb a Sunday, 1 Mar a Sunday, 1 Apr a Wednesday), for a ward centre open
// 07:30-11:30 and 13:30-17:00 on weekdays, civil status also on Saturday morning.
// The official schedule here is written in the test, so the counting rules are tested alone.

import { describe, expect, it } from 'vitest';
import { dueShown } from '../../server/domain/calendar/closed-words.js';
import { HallCalendar, parsePeriod, type CalendarRules, type HallDayChange, type Period } from '../../server/domain/calendar/hall-calendar.js';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
const endOf = (day: string) => at(`${day} 24:00`.replace('24:00', '00:00')) + 86_400_000;
const show = (instant: number | null) => (instant === null ? null : new Date(instant + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));

const weekdayHours: Period[] = ['07:30-11:30', '13:30-17:00'].map(parsePeriod);
const hall = (hours: Period[] = weekdayHours, changes: HallDayChange[] = []): HallCalendar => {
  const rules: CalendarRules = {
    timeZone: TZ,
    week: [[], hours, hours, hours, hours, hours, []],
    serviceWeeks: { HT: [[], hours, hours, hours, hours, hours, [parsePeriod('07:30-11:30')]] },
    official: {
      '2026': {
        // As config/holidays.yaml has it (letters 12729/VPCP-KGVX and 9441/TB-BNV).
        daysOff: [
          '2026-01-01',
          '2026-01-02',
          '2026-02-16',
          '2026-02-17',
          '2026-02-18',
          '2026-02-19',
          '2026-02-20',
          '2026-04-27',
          '2026-04-30',
          '2026-05-01',
          '2026-08-31',
          '2026-09-01',
          '2026-09-02',
        ],
        workingDays: ['2026-01-10', '2026-08-22'],
      },
    },
    changes,
  };
  return new HallCalendar(rules);
};

describe('deadlines in days (Civil Code 2015 art. 147-148)', () => {
  const c = hall();
  it('does not count the day of reception and ends at the end of the last working day, whatever the minute', () => {
    // Thu 12/2: Fri 13 (1), Tết Mon 16 - Fri 20 off, Mon 23 (2), Tue 24 (3), Wed 25 (4), Thu 26 (5).
    expect(show(c.dueAt(at('2026-02-12 10:00'), { unit: 'workingDays', value: 5 }))).toBe(show(endOf('2026-02-26')));
    expect(c.dueAt(at('2026-02-12 16:59'), { unit: 'workingDays', value: 5 })).toBe(c.dueAt(at('2026-02-12 07:30'), { unit: 'workingDays', value: 5 }));
  });
  it('counts from the next working day for a Saturday reception', () => {
    // Sat 7/3: Mon 9 (1), Tue 10 (2), Wed 11 (3).
    expect(show(c.dueAt(at('2026-03-07 09:00'), { unit: 'workingDays', value: 3 }))).toBe(show(endOf('2026-03-11')));
  });
  it('skips 30/4, 1/5 and the Hùng Kings compensatory Monday 27/4', () => {
    // Wed 29/4: Thu 30 and Fri 1 off, weekend, Mon 4/5 (1), Tue 5/5 (2).
    expect(show(c.dueAt(at('2026-04-29 08:00'), { unit: 'workingDays', value: 2 }))).toBe(show(endOf('2026-05-05')));
    // Fri 24/4: Mon 27 off, Tue 28 (1).
    expect(show(c.dueAt(at('2026-04-24 15:00'), { unit: 'workingDays', value: 1 }))).toBe(show(endOf('2026-04-28')));
  });
  it('skips the National Day and New Year breaks, and counts their make-up Saturdays', () => {
    // Fri 28/8: Mon 31/8 (swapped), Tue 1/9 and Wed 2/9 off, Thu 3/9 (1).
    expect(show(c.dueAt(at('2026-08-28 10:00'), { unit: 'workingDays', value: 1 }))).toBe(show(endOf('2026-09-03')));
    // Fri 21/8: Sat 22/8 is worked (1), Mon 24/8 (2).
    expect(show(c.dueAt(at('2026-08-21 10:00'), { unit: 'workingDays', value: 2 }))).toBe(show(endOf('2026-08-24')));
    // Wed 31/12/2025: Thu 1/1 and Fri 2/1 off, Mon 5/1 (1), Tue 6/1 (2).
    expect(show(c.dueAt(at('2025-12-31 10:00'), { unit: 'workingDays', value: 2 }))).toBe(show(endOf('2026-01-06')));
    // Fri 9/1: Sat 10/1 is worked (1), Mon 12/1 (2).
    expect(show(c.dueAt(at('2026-01-09 10:00'), { unit: 'workingDays', value: 2 }))).toBe(show(endOf('2026-01-12')));
  });
  it('counts calendar days, moving a last day off to the next working day (art. 148.3)', () => {
    // Mon 2/2 + 15 days = Tue 17/2 (Tết): the next working day is Mon 23/2.
    expect(show(c.dueAt(at('2026-02-02 09:00'), { unit: 'calendarDays', value: 15 }))).toBe(show(endOf('2026-02-23')));
    // Wed 1/4 + 15 days = Thu 16/4, a working day.
    expect(show(c.dueAt(at('2026-04-01 16:00'), { unit: 'calendarDays', value: 15 }))).toBe(show(endOf('2026-04-16')));
  });
  it('gives 20-day dossiers the same due day in a 7.5-hour and an 8.5-hour hall', () => {
    const long = hall(['07:00-11:30', '13:00-17:00'].map(parsePeriod));
    expect(long.workingMinutesPerDay).toBe(510);
    expect(c.workingMinutesPerDay).toBe(450);
    const received = at('2026-03-02 16:45');
    // Mon 2/3 + 20 working days: 3-6/3 (4), 9-13 (9), 16-20 (14), 23-27 (19), Mon 30/3 (20).
    expect(show(c.dueAt(received, { unit: 'workingDays', value: 20 }))).toBe(show(endOf('2026-03-30')));
    expect(long.dueAt(received, { unit: 'workingDays', value: 20 })).toBe(c.dueAt(received, { unit: 'workingDays', value: 20 }));
  });
  it('adds the working days spent waiting for papers: the days after the request, up to the day they came', () => {
    // Mon 2/3 + 5 = Mon 9/3; waited Tue 3/3 10:00 to Thu 5/3 09:00: Wed 4 and Thu 5 do not count.
    const received = at('2026-03-02 09:00');
    expect(show(c.dueAt(received, { unit: 'workingDays', value: 5 }))).toBe(show(endOf('2026-03-09')));
    expect(show(c.dueAt(received, { unit: 'workingDays', value: 5 }, [{ from: at('2026-03-03 10:00'), to: at('2026-03-05 09:00') }]))).toBe(show(endOf('2026-03-11')));
    // A calendar-day limit waits calendar days: 3 of them, Wed 4 to Sat 7 is 3 days.
    expect(show(c.dueAt(received, { unit: 'calendarDays', value: 10 }, [{ from: at('2026-03-04 10:00'), to: at('2026-03-07 09:00') }]))).toBe(show(endOf('2026-03-16')));
  });
});

describe('same-day procedures received by 15:00', () => {
  const c = hall();
  it('returns the same day at 15:00 exactly, the next working day strictly after', () => {
    const sameDay = { unit: 'sameDay', cutoff: '15:00' } as const;
    expect(show(c.dueAt(at('2026-03-03 15:00'), sameDay))).toBe(show(endOf('2026-03-03')));
    expect(show(c.dueAt(at('2026-03-03 15:01'), sameDay))).toBe(show(endOf('2026-03-04')));
    expect(show(c.dueAt(at('2026-03-03 07:30'), sameDay))).toBe(show(endOf('2026-03-03')));
    // Friday before Tết, after 15:00: the next working day is Mon 23/2.
    expect(show(c.dueAt(at('2026-02-13 15:30'), sameDay))).toBe(show(endOf('2026-02-23')));
    // Saturday reception: Monday.
    expect(show(c.dueAt(at('2026-03-07 09:00'), sameDay))).toBe(show(endOf('2026-03-09')));
  });
});

describe('deadlines in working hours', () => {
  const c = hall();
  it("counts the hall's real working minutes, breaks and nights left out", () => {
    // 07:30-17:00 is 450 minutes; the 30 left are Tue 07:30-08:00.
    expect(show(c.dueAt(at('2026-03-02 07:30'), { unit: 'workingHours', value: 8 }))).toBe('2026-03-03 08:00');
    // Mon 16:00-17:00 (60) + Tue 240 + 180 of the afternoon: 16:30.
    expect(show(c.dueAt(at('2026-03-02 16:00'), { unit: 'workingHours', value: 8 }))).toBe('2026-03-03 16:30');
    // Received at lunch: counting starts at 13:30.
    expect(show(c.dueAt(at('2026-03-02 12:00'), { unit: 'workingHours', value: 4 }))).toBe('2026-03-03 08:00');
    // Friday 13/2 16:00 + 2 hours: one hour Friday, one on Mon 23/2 after Tết.
    expect(show(c.dueAt(at('2026-02-13 16:00'), { unit: 'workingHours', value: 2 }))).toBe('2026-02-23 08:30');
  });
});

describe('open or closed, why, and the next opening', () => {
  const c = hall();
  it('names the holiday, weekends inside it included, and says when it opens again', () => {
    for (const day of ['2026-02-14', '2026-02-15', '2026-02-17', '2026-02-22']) {
      const state = c.stateAt(at(`${day} 10:00`), 'DD');
      expect(state).toMatchObject({ open: false, reason: { kind: 'holiday', words: { vi: 'Nghỉ Tết Nguyên đán' } } });
      expect(show(state.open ? null : state.nextOpening)).toBe('2026-02-23 07:30');
    }
    expect(c.stateAt(at('2026-04-30 09:00'))).toMatchObject({ open: false, reason: { kind: 'holiday', words: { vi: 'Nghỉ lễ 30/4 và 1/5' } } });
    expect(c.stateAt(at('2026-04-27 09:00'))).toMatchObject({ open: false, reason: { kind: 'holiday', words: { vi: 'Nghỉ Giỗ Tổ Hùng Vương' } } });
    for (const day of ['2026-08-29', '2026-08-31', '2026-09-01', '2026-09-02']) {
      expect(c.stateAt(at(`${day} 09:00`))).toMatchObject({ open: false, reason: { kind: 'holiday', words: { vi: 'Nghỉ lễ Quốc khánh 2/9' } } });
    }
    expect(c.stateAt(at('2026-01-02 09:00'))).toMatchObject({ open: false, reason: { kind: 'holiday', words: { vi: 'Nghỉ Tết Dương lịch' } } });
    // The make-up Saturday opens with a weekday's hours.
    expect(c.stateAt(at('2026-08-22 15:00'), 'DD')).toMatchObject({ open: true });
    // An ordinary weekend is just a weekend.
    expect(c.stateAt(at('2026-03-08 09:00'))).toMatchObject({ open: false, reason: { kind: 'weekend' } });
  });
  it('knows the lunch break, opening and closing', () => {
    const lunch = c.stateAt(at('2026-03-03 12:00'));
    expect(lunch).toMatchObject({ open: false, reason: { kind: 'break' } });
    expect(show(lunch.open ? null : lunch.nextOpening)).toBe('2026-03-03 13:30');
    expect(c.stateAt(at('2026-03-03 07:00'))).toMatchObject({ open: false, reason: { kind: 'beforeOpening' } });
    const evening = c.stateAt(at('2026-03-03 17:00'));
    expect(evening).toMatchObject({ open: false, reason: { kind: 'afterClosing' } });
    expect(show(evening.open ? null : evening.nextOpening)).toBe('2026-03-04 07:30');
    const morning = c.stateAt(at('2026-03-03 11:29'));
    expect(show(morning.open ? morning.until : null)).toBe('2026-03-03 11:30');
  });
  it('opens civil status on Saturday morning only', () => {
    expect(c.stateAt(at('2026-03-07 09:00'), 'HT')).toMatchObject({ open: true });
    expect(c.stateAt(at('2026-03-07 09:00'), 'DD')).toMatchObject({ open: false, reason: { kind: 'notThisService' } });
    const afternoon = c.stateAt(at('2026-03-07 14:00'), 'HT');
    expect(afternoon).toMatchObject({ open: false, reason: { kind: 'afterClosing' } });
    expect(show(afternoon.open ? null : afternoon.nextOpening)).toBe('2026-03-09 07:30');
    // Saturday is not a working day for deadlines, even when civil status opens.
    expect(c.isWorkingDay('2026-03-07')).toBe(false);
  });
  it('keeps civil status closed on a Saturday inside a holiday', () => {
    // Saturday 21/2/2026 is in the Tết break (14 to 22/2): civil status reopens Monday 23/2.
    const tet = c.stateAt(at('2026-02-21 09:00'), 'HT');
    expect(tet).toMatchObject({ open: false, reason: { kind: 'holiday', words: { vi: 'Nghỉ Tết Nguyên đán' } } });
    expect(show(tet.open ? null : tet.nextOpening)).toBe('2026-02-23 07:30');
    // Saturday 2/5/2026 follows 30/4 and 1/5 (Thursday, Friday): part of that break too.
    expect(c.stateAt(at('2026-05-02 09:00'), 'HT')).toMatchObject({ open: false, reason: { kind: 'holiday' } });
    // An ordinary Saturday stays open.
    expect(c.stateAt(at('2026-05-09 09:00'), 'HT')).toMatchObject({ open: true });
  });
});

describe("the hall's own closures and extra working days", () => {
  const storm = { vi: 'Nghỉ do bão số 3', en: 'Closed for typhoon no. 3' };
  const c = hall(weekdayHours, [
    { day: '2026-03-10', kind: 'closed', from: '13:30', reason: storm },
    { day: '2026-03-12', kind: 'closed', reason: storm },
    { day: '2026-03-14', kind: 'open', reason: { vi: 'Làm bù', en: 'Make-up day' } },
  ]);
  it('closes part of a day for taking numbers, leaving it a working day', () => {
    expect(c.stateAt(at('2026-03-10 10:00'))).toMatchObject({ open: true });
    const afternoon = c.stateAt(at('2026-03-10 14:00'));
    expect(afternoon).toMatchObject({ open: false, reason: { kind: 'closure', words: storm } });
    // Wednesday 11 opens as usual.
    expect(show(afternoon.open ? null : afternoon.nextOpening)).toBe('2026-03-11 07:30');
    expect(c.isWorkingDay('2026-03-10')).toBe(true);
  });
  it('moves deadlines past a whole-day closure, and counts an extra working Saturday', () => {
    expect(c.isWorkingDay('2026-03-12')).toBe(false);
    expect(c.stateAt(at('2026-03-12 09:00'))).toMatchObject({ open: false, reason: { kind: 'closure', words: storm } });
    expect(c.isWorkingDay('2026-03-14')).toBe(true);
    expect(c.stateAt(at('2026-03-14 09:00'), 'DD')).toMatchObject({ open: true });
    // Wed 11/3: Thu 12 closed, Fri 13 (1), Sat 14 worked (2), Mon 16 (3).
    expect(show(c.dueAt(at('2026-03-11 09:00'), { unit: 'workingDays', value: 3 }))).toBe(show(endOf('2026-03-16')));
  });
  it('falls back to the statutory days for a year without an official schedule', () => {
    expect(c.isOfficialYear(2026)).toBe(true);
    expect(c.isOfficialYear(2027)).toBe(false);
    // Tết Đinh Mùi: 6 February 2027 (Saturday) is the first day; 29 Tết is Friday 5/2.
    expect(c.isWorkingDay('2027-02-05')).toBe(false);
    expect(c.stateAt(at('2027-02-05 09:00'))).toMatchObject({ open: false, reason: { kind: 'holiday', words: { vi: 'Nghỉ Tết Nguyên đán' } } });
  });
});

describe('a due date as people read it', () => {
  it('shows the end of a limit in days as 24:00 of its last day, and an hour limit as its time', () => {
    // Three working days after Tuesday 24/11/2026 end at 24:00 of Friday 27/11, 00:00 of the 28th.
    expect(dueShown(at('2026-11-28 00:00'), 'Asia/Ho_Chi_Minh')).toEqual({ day: '27/11/2026', time: '24:00' });
    expect(dueShown(at('2026-11-24 13:30'), 'Asia/Ho_Chi_Minh')).toEqual({ day: '24/11/2026', time: '13:30' });
  });
});
