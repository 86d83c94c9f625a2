// Every day of 2025 and 2026 against the official schedules, worked out by hand from the texts:
// Government Office letter 8726/VPCP-KGVX of 26/11/2024 (2025), letter 12729/VPCP-KGVX of
// 25/12/2025 (New Year 2026) and Ministry of Home Affairs notice 9441/TB-BNV of 16/10/2025 (Tết
// and National Day 2026), with the Labour Code 2019 art. 111(3) and 112 for the rest. The
// expected days are written out here, not read from config/holidays.yaml, and asserted through
// what the hub uses: the shipped file as read, the holiday calendar, and the working time the
// procedures catalogue builds from a hall file over a real database.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hallFromText } from '../../server/config/hall-file.js';
import { readHolidayFile } from '../../server/config/holiday-file.js';
import { openDatabase, type Db } from '../../server/db/database.js';
import { ProcedureRepository } from '../../server/db/procedure-repository.js';
import { HolidayCalendar, type HolidayYear } from '../../server/domain/calendar/holidays.js';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import { PROJECT_ROOT } from '../../server/paths.js';
import { LiveState } from '../../server/services/live-state.js';
import { ProcedureCatalog } from '../../server/services/procedure-catalog.js';

const TZ = 'Asia/Ho_Chi_Minh';

interface Occasion {
  name: string;
  /** Weekdays the halls close. */
  off: string[];
  /** Saturdays worked in exchange for a swapped weekday. */
  worked: string[];
  /** Ordinary days around the break: the working day before it and the one after it. */
  ordinary: string[];
  /** Weekend days inside the break (closed as any weekend). */
  weekend: string[];
}

const OFFICIAL: Record<string, Occasion[]> = {
  '2025': [
    // 8726/VPCP-KGVX: New Year on Wednesday, one day.
    { name: 'Tết Dương lịch 2025', off: ['2025-01-01'], worked: [], ordinary: ['2024-12-31', '2025-01-02'], weekend: [] },
    // 8726/VPCP-KGVX: Monday 27/1 (28 Chạp) to Friday 31/1 (mùng 3), nine days with the
    // weekends, nothing swapped: Saturday 8/2 is an ordinary Saturday.
    {
      name: 'Tết Ất Tỵ',
      off: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
      worked: [],
      ordinary: ['2025-01-24', '2025-02-03'],
      weekend: ['2025-01-25', '2025-01-26', '2025-02-01', '2025-02-02'],
    },
    // 10/3 lunar is Monday 7/4: three days with the weekend before.
    { name: 'Giỗ Tổ Hùng Vương 2025', off: ['2025-04-07'], worked: [], ordinary: ['2025-04-04', '2025-04-08'], weekend: ['2025-04-05', '2025-04-06'] },
    // 8726/VPCP-KGVX: Wednesday 30/4 to Sunday 4/5, Friday 2/5 swapped with Saturday 26/4.
    {
      name: '30/4 - 1/5/2025',
      off: ['2025-04-30', '2025-05-01', '2025-05-02'],
      worked: ['2025-04-26'],
      ordinary: ['2025-04-25', '2025-04-29', '2025-05-05'],
      weekend: ['2025-05-03', '2025-05-04'],
    },
    // 8726/VPCP-KGVX: Saturday 30/8 to Tuesday 2/9, the adjacent day being Monday 1/9.
    { name: 'Quốc khánh 2025', off: ['2025-09-01', '2025-09-02'], worked: [], ordinary: ['2025-08-29', '2025-09-03'], weekend: ['2025-08-30', '2025-08-31'] },
  ],
  '2026': [
    // 12729/VPCP-KGVX: Thursday 1/1 to Sunday 4/1, Friday 2/1 swapped with Saturday 10/1.
    {
      name: 'Tết Dương lịch 2026',
      off: ['2026-01-01', '2026-01-02'],
      worked: ['2026-01-10'],
      ordinary: ['2025-12-31', '2026-01-05', '2026-01-09', '2026-01-12'],
      weekend: ['2026-01-03', '2026-01-04'],
    },
    // 9441/TB-BNV: Monday 16/2 (29 Chạp) to Friday 20/2 (mùng 4), nine days with the weekends.
    {
      name: 'Tết Bính Ngọ',
      off: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
      worked: [],
      ordinary: ['2026-02-13', '2026-02-23'],
      weekend: ['2026-02-14', '2026-02-15', '2026-02-21', '2026-02-22'],
    },
    // 10/3 lunar is Sunday 26/4: compensated on Monday 27/4 (art. 111(3)).
    { name: 'Giỗ Tổ Hùng Vương 2026', off: ['2026-04-27'], worked: [], ordinary: ['2026-04-24', '2026-04-28', '2026-04-29'], weekend: ['2026-04-25', '2026-04-26'] },
    // Thursday 30/4 and Friday 1/5, then the weekend; nothing swapped.
    { name: '30/4 - 1/5/2026', off: ['2026-04-30', '2026-05-01'], worked: [], ordinary: ['2026-04-29', '2026-05-04'], weekend: ['2026-05-02', '2026-05-03'] },
    // 9441/TB-BNV: Saturday 29/8 to Wednesday 2/9, Monday 31/8 swapped with Saturday 22/8.
    {
      name: 'Quốc khánh 2026',
      off: ['2026-08-31', '2026-09-01', '2026-09-02'],
      worked: ['2026-08-22'],
      ordinary: ['2026-08-21', '2026-08-24', '2026-08-28', '2026-09-03'],
      weekend: ['2026-08-29', '2026-08-30'],
    },
  ],
};

const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();

function daysOfYear(year: number): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Whether the halls work a day of `year`, from the occasions written out above. */
function expectedWorking(year: string, day: string): boolean {
  const occasions = OFFICIAL[year]!;
  if (occasions.some((o) => o.worked.includes(day))) return true;
  if (occasions.some((o) => o.off.includes(day))) return false;
  return weekday(day) !== 0 && weekday(day) !== 6;
}

describe('the official schedules of 2025 and 2026', () => {
  const shipped = readHolidayFile();
  const calendar = new HolidayCalendar(shipped);

  it('ships exactly the announced days off and worked Saturdays, each year citing its texts', () => {
    for (const [year, occasions] of Object.entries(OFFICIAL)) {
      expect(shipped[year]!.daysOff, year).toEqual(occasions.flatMap((o) => o.off).sort());
      expect(shipped[year]!.workingDays, year).toEqual(occasions.flatMap((o) => o.worked).sort());
      expect(calendar.isOfficial(Number(year))).toBe(true);
    }
    expect(shipped['2025']!.source).toContain('8726/VPCP-KGVX');
    expect(shipped['2026']!.source).toContain('12729/VPCP-KGVX');
    expect(shipped['2026']!.source).toContain('9441/TB-BNV');
    // Every swap is a weekday off made up by a Saturday of the same year.
    for (const occasions of Object.values(OFFICIAL)) {
      for (const day of occasions.flatMap((o) => o.off)) expect([1, 2, 3, 4, 5], day).toContain(weekday(day));
      for (const day of occasions.flatMap((o) => o.worked)) expect(weekday(day), day).toBe(6);
    }
  });

  it('closes every official day off, opens every swapped Saturday, and leaves the days around them ordinary', () => {
    for (const occasions of Object.values(OFFICIAL)) {
      for (const o of occasions) {
        for (const day of o.off) expect(calendar.isWorkingDay(day), `${o.name}: ${day} off`).toBe(false);
        for (const day of o.weekend) expect(calendar.isWorkingDay(day), `${o.name}: ${day} weekend`).toBe(false);
        for (const day of o.worked) expect(calendar.isWorkingDay(day), `${o.name}: ${day} worked`).toBe(true);
        for (const day of o.ordinary) expect(calendar.isWorkingDay(day), `${o.name}: ${day} ordinary`).toBe(true);
      }
    }
    // Tết Ất Tỵ was not swapped: nothing is made up on Saturday 8/2/2025 (nor on any Saturday
    // of 2025 but 26/4).
    expect(calendar.isWorkingDay('2025-02-08')).toBe(false);
  });

  it('agrees on every day of both years: 250 working days each, the swaps keeping the count', () => {
    for (const year of ['2025', '2026']) {
      const days = daysOfYear(Number(year));
      expect(days).toHaveLength(365);
      const wrong = days.filter((day) => calendar.isWorkingDay(day) !== expectedWorking(year, day));
      expect(wrong, year).toEqual([]);
      // 261 weekdays in each year; 2025 closes 12 of them and works 1 Saturday, 2026 closes 13
      // and works 2 Saturdays.
      expect(days.filter((d) => calendar.isWorkingDay(d)).length, year).toBe(250);
    }
  });

  it('counts the public days off the announcements count: 22 in 2025, 25 in 2026', () => {
    // 2025: 1 (New Year) + 9 (Tết) + 3 (Hùng Kings with the weekend) + 5 (30/4-4/5) + 4 (30/8-2/9).
    // 2026: 4 (New Year) + 9 (Tết) + 3 (25-27/4) + 4 (30/4-3/5) + 5 (29/8-2/9).
    for (const [year, total] of [
      ['2025', 22],
      ['2026', 25],
    ] as const) {
      const closed = OFFICIAL[year]!.flatMap((o) => [...o.off, ...o.weekend]);
      expect(new Set(closed).size, year).toBe(total);
      expect(
        closed.filter((d) => calendar.isWorkingDay(d)),
        year,
      ).toEqual([]);
    }
  });
});

describe("a hall's working time, as the hub builds it from its hall file and the shipped schedules", () => {
  const dir = mkdtempSync(join(tmpdir(), 'luot-holidays-'));
  const opened: Db[] = [];
  afterAll(() => {
    for (const db of opened) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const HALL = `
hall:
  name: "Trung tâm Phục vụ hành chính công phường An Khánh"
  agencyCode: "000.00.31.H40"
  timeZone: Asia/Ho_Chi_Minh
services:
  - { id: HT, name: "Tư pháp - Hộ tịch", numbering: { prefix: A } }
counters:
  - { id: 1, services: [HT] }
`;

  async function hallTime(yaml: string, name: string) {
    const hall = hallFromText(yaml, join(dir, `${name}.yaml`));
    const { db } = await openDatabase(join(dir, name));
    opened.push(db);
    const live = new LiveState(hall, [], [], { lastSeq: () => 0, ticket: () => null, serviceDurations: () => new Map() });
    new ProcedureCatalog(new ProcedureRepository(db), live);
    live.setCalendarInputs({ shipped: readHolidayFile(), loaded: {}, changes: [] });
    // The hall's calendar as the hub builds it: open at an instant of its week, shut on days off.
    return { isWorkingInstant: (at: number) => live.calendar.stateAt(at).open };
  }
  const nineOClock = (day: string) => localInstant(day, 9 * 60, TZ);

  it('is closed at 09:00 on every official day off and open on every swapped Saturday and ordinary day', async () => {
    const time = await hallTime(HALL, 'plain');
    for (const year of ['2025', '2026']) {
      const wrong = daysOfYear(Number(year)).filter((day) => time.isWorkingInstant(nineOClock(day)) !== expectedWorking(year, day));
      expect(wrong, year).toEqual([]);
    }
  });

  it("closes 24/11/2026 for a hall whose file adds it to the year's schedule, and nothing else changes", async () => {
    const shipped2026 = readHolidayFile()['2026']!;
    // The hall's own 2026 is the shipped one with 24/11 added: a hall's year replaces the
    // shipped year whole, so it repeats every day of it.
    const yaml = `
hall:
  name: "Trung tâm Phục vụ hành chính công phường An Khánh"
  agencyCode: "000.00.31.H40"
  timeZone: Asia/Ho_Chi_Minh
  holidays:
    "2026":
      source: "Lịch nghỉ năm 2026 và Ngày Văn hóa Việt Nam (thứ Ba 24/11)"
      daysOff: [${[...shipped2026.daysOff, '2026-11-24'].join(', ')}]
      workingDays: [${shipped2026.workingDays.join(', ')}]
services:
  - { id: HT, name: "Tư pháp - Hộ tịch", numbering: { prefix: A } }
counters:
  - { id: 1, services: [HT] }
`;
    const time = await hallTime(yaml, 'culture-day');
    expect(time.isWorkingInstant(nineOClock('2026-11-24'))).toBe(false);
    expect(time.isWorkingInstant(nineOClock('2026-11-23'))).toBe(true);
    expect(time.isWorkingInstant(nineOClock('2026-11-25'))).toBe(true);
    const changed = daysOfYear(2026).filter((day) => time.isWorkingInstant(nineOClock(day)) !== expectedWorking('2026', day));
    expect(changed).toEqual(['2026-11-24']);
    // 2025 still follows the shipped schedule.
    expect(daysOfYear(2025).filter((day) => time.isWorkingInstant(nineOClock(day)) !== expectedWorking('2025', day))).toEqual([]);
  });

  it('the documented 24 November example is the shipped 2026 with that one day added', () => {
    const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'procedures.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### 24 November'));
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBeDefined();
    const example = (parse(block!) as { hall: { holidays: Record<string, HolidayYear> } }).hall.holidays['2026']!;
    const shipped2026 = readHolidayFile()['2026']!;
    expect(example.daysOff).toEqual([...shipped2026.daysOff, '2026-11-24']);
    expect(example.workingDays).toEqual(shipped2026.workingDays);
  });
});
