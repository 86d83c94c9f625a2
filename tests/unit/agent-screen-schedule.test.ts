// The device agent's screen schedule, worked by hand: the hall's opening days as the hub sends
// them (here made by the hub's own calendar from config/holidays.yaml and the Labour Code, for a
// ward centre open 07:30-11:30 and 13:30-17:00 Monday to Friday), with the screen on 30
// minutes before opening and off 30 minutes after closing, and fixed times of the agent's own.
// Instants are UTC; the hall is at UTC+7 (07:00 in the hall is 00:00 UTC).

import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../agent/src/config.js';
import { hoursOf, keepHours, keptHours } from '../../agent/src/hall-hours.js';
import { hallWindow, localClock, screenOnAt, screenShouldBeOn, screenWeekFromTimes } from '../../agent/src/screen-schedule.js';
import type { AgentHallHours } from '../../server/contract/agent.js';
import { readHolidayFile } from '../../server/config/holiday-file.js';
import type { HallDayChange } from '../../server/domain/calendar/hall-calendar.js';
import { DEFAULT_WEEK, hallCalendarOf } from '../../server/domain/hall/hall-calendar-of.js';
import { hallOpeningDays } from '../../server/use-cases/hall/opening-days.js';
import { tempDataDir } from '../helpers/test-hub.js';

const h = (hh: number, mm = 0) => hh * 60 + mm;
const MON = 1;
const SAT = 6;
const SUN = 0;
const TZ = 'Asia/Ho_Chi_Minh';
const rule = { kind: 'hall', leadMinutes: 30, trailMinutes: 30 } as const;

/** What the hub sends at `at` (UTC), for the ward centre with its own closures. */
function sent(at: string, changes: HallDayChange[] = []): AgentHallHours {
  const calendar = hallCalendarOf({ timeZone: TZ, hours: DEFAULT_WEEK, workingHours: null }, [], { official: readHolidayFile(), changes });
  return hallOpeningDays({ live: { calendar, settings: { timeZone: TZ }, allServiceIds: () => [] } as never, clock: () => Date.parse(at) });
}
/** The screen at the hall's local "YYYY-MM-DD HH:MM". */
const on = (hall: AgentHallHours | null, local: string, r: Parameters<typeof screenShouldBeOn>[0] = rule) =>
  screenShouldBeOn(r, hall, Date.parse(`${local.replace(' ', 'T')}:00+07:00`), 'UTC');

describe('the screen following the hall, day by day', () => {
  const tet = sent('2027-02-01T03:00:00Z');

  it('a working day: on from 07:00, over the lunch break, until 17:29; off at 06:59 and 17:30', () => {
    expect(on(tet, '2027-02-04 06:59')).toBe(false);
    expect(on(tet, '2027-02-04 07:00')).toBe(true);
    expect(on(tet, '2027-02-04 12:15')).toBe(true);
    expect(on(tet, '2027-02-04 17:29')).toBe(true);
    expect(on(tet, '2027-02-04 17:30')).toBe(false);
  });

  it('Tết 2027: off all of Friday 5/2 to Thursday 11/2 (a normal Friday and Monday to Thursday otherwise), on again Friday 12/2 at 07:00', () => {
    for (const day of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']) {
      expect([day, on(tet, `${day} 09:00`)]).toEqual([day, false]);
      expect([day, on(tet, `${day} 14:00`)]).toEqual([day, false]);
    }
    expect(on(tet, '2027-02-12 06:59')).toBe(false);
    expect(on(tet, '2027-02-12 07:00')).toBe(true);
  });

  it('2026: the working Saturday 22/8 lights up at 07:00 like a weekday; an ordinary Saturday (15/8) stays dark; 2/9 is off, 3/9 on', () => {
    const august = sent('2026-08-14T03:00:00Z');
    expect(on(august, '2026-08-15 09:00')).toBe(false);
    expect(on(august, '2026-08-22 06:59')).toBe(false);
    expect(on(august, '2026-08-22 07:00')).toBe(true);
    expect(on(august, '2026-08-22 17:29')).toBe(true);
    expect(on(august, '2026-08-31 09:00')).toBe(false);
    expect(on(august, '2026-09-02 09:00')).toBe(false);
    expect(on(august, '2026-09-03 07:00')).toBe(true);
  });

  it("the hall's own closure (a typhoon on Thursday 10/12/2026) keeps the screen off that day only", () => {
    const storm = sent('2026-12-07T03:00:00Z', [{ day: '2026-12-10', kind: 'closed', reason: { vi: 'Bão', en: 'Typhoon' } }]);
    expect(on(storm, '2026-12-09 09:00')).toBe(true);
    expect(on(storm, '2026-12-10 09:00')).toBe(false);
    expect(on(storm, '2026-12-11 09:00')).toBe(true);
  });

  it('windows cross midnight: a day open from 00:00 lights the screen at 23:30 the evening before; one open to 24:00 keeps it on to 00:30', () => {
    const hall: AgentHallHours = {
      timeZone: TZ,
      days: [
        { day: '2026-12-06', periods: [], closed: 'dayOff', note: null },
        { day: '2026-12-07', periods: [{ start: 0, end: 1440 }], closed: null, note: null },
        { day: '2026-12-08', periods: [], closed: 'closure', note: 'Bão' },
      ],
    };
    expect(hallWindow(hall.days[1]!, 30, 30)).toEqual([-30, 1470]);
    expect(on(hall, '2026-12-06 23:29')).toBe(false);
    expect(on(hall, '2026-12-06 23:30')).toBe(true);
    expect(on(hall, '2026-12-08 00:29')).toBe(true);
    expect(on(hall, '2026-12-08 00:30')).toBe(false);
  });

  it('before the hub was ever heard, and past the last day kept (an agent cut off for weeks), the screen stays on; SCREEN=always never goes off', () => {
    expect(on(null, '2027-02-06 09:00')).toBe(true);
    expect(tet.days.at(-1)!.day).toBe('2027-03-06');
    // Saturday 6/3, the last day kept, is a day off; Sunday 7/3 is not known any more.
    expect(on(tet, '2027-03-05 20:00')).toBe(false);
    expect(on(tet, '2027-03-06 09:00')).toBe(false);
    expect(on(tet, '2027-03-07 00:00')).toBe(true);
    expect(on(tet, '2027-02-06 09:00', { kind: 'always' })).toBe(true);
  });

  it("reads the hall's day, weekday and minute in its time zone (UTC+7)", () => {
    expect(localClock(Date.parse('2026-12-07T00:00:00Z'), TZ)).toEqual({ day: '2026-12-07', weekday: MON, minute: h(7) });
    expect(localClock(Date.parse('2026-12-06T17:00:00Z'), TZ)).toEqual({ day: '2026-12-07', weekday: MON, minute: 0 });
  });
});

describe("the agent's own times and the hall's days", () => {
  const own = { kind: 'own', on: h(6, 45), off: h(18), days: [1, 2, 3, 4, 5] } as const;

  it('own times keep to the hall: off on a holiday and a closure, on the working Saturday although SCREEN_DAYS is mon-fri', () => {
    const august = sent('2026-08-14T03:00:00Z');
    expect(on(august, '2026-08-21 06:45', own)).toBe(true);
    expect(on(august, '2026-08-22 06:45', own)).toBe(true);
    expect(on(august, '2026-08-15 09:00', own)).toBe(false);
    expect(on(august, '2026-09-01 09:00', own)).toBe(false);
    // SCREEN_DAYS takes in the hall's weekly day off: a display of a mon-sat screen on an ordinary Saturday.
    expect(on(august, '2026-08-15 09:00', { ...own, days: [1, 2, 3, 4, 5, 6] })).toBe(true);
  });

  it("without the hall's days, SCREEN_DAYS in the agent's own time zone", () => {
    expect(screenShouldBeOn(own, null, Date.parse('2026-12-07T00:30:00Z'), TZ)).toBe(true);
    expect(screenShouldBeOn(own, null, Date.parse('2026-12-07T00:30:00Z'), 'UTC')).toBe(false);
  });
});

describe('the opening days kept by the agent', () => {
  it('are kept on disk and read back; a shape it does not know is refused whole', () => {
    const dir = tempDataDir();
    const hours = sent('2027-02-01T03:00:00Z');
    expect(keptHours(dir)).toBeNull();
    keepHours(dir, hours);
    expect(keptHours(dir)).toEqual(hours);
    expect(hoursOf({ timeZone: 'Mars/Olympus', days: [] })).toBeNull();
    expect(hoursOf({ timeZone: TZ, days: [{ day: '2027-02-05', periods: [{ start: 900, end: 100 }], closed: null, note: null }] })).toBeNull();
    expect(hoursOf({ timeZone: TZ, days: [{ day: '2027-02-05', periods: [], closed: 'party', note: null }] })).toBeNull();
  });
});

describe('fixed times of the agent config', () => {
  it('SCREEN_ON=06:45 SCREEN_OFF=18:00 on mon-sat', () => {
    const week = screenWeekFromTimes(h(6, 45), h(18), [1, 2, 3, 4, 5, 6]);
    expect(screenOnAt(week, SAT, h(6, 44))).toBe(false);
    expect(screenOnAt(week, SAT, h(6, 45))).toBe(true);
    expect(screenOnAt(week, SAT, h(17, 59))).toBe(true);
    expect(screenOnAt(week, SUN, h(12))).toBe(false);
  });

  it('an evening that runs past midnight: Friday 22:00 to 02:00 is on Saturday at 01:59, off at 02:00', () => {
    const week = screenWeekFromTimes(h(22), h(2), [5]);
    expect(screenOnAt(week, 5, h(21, 59))).toBe(false);
    expect(screenOnAt(week, 5, h(23))).toBe(true);
    expect(screenOnAt(week, SAT, h(1, 59))).toBe(true);
    expect(screenOnAt(week, SAT, h(2))).toBe(false);
    expect(screenOnAt(week, 4, h(1))).toBe(false);
  });
});

describe('the agent config', () => {
  const kiosk = 'HUB=http://192.168.10.10:8080\nROLE=kiosk\nTOKEN=a-long-random-secret\nDEVICE=K1\nPRINTER=/dev/usb/lp0\n';

  it('reads a kiosk: the page with its id and token, the printer, the screen following the hall', () => {
    const config = parseConfig(kiosk);
    expect(config).toMatchObject({
      hub: 'http://192.168.10.10:8080',
      role: 'kiosk',
      page: 'http://192.168.10.10:8080/kiosk/?device=K1&token=a-long-random-secret',
      printer: { kind: 'file', path: '/dev/usb/lp0' },
      screen: { kind: 'hall', leadMinutes: 30, trailMinutes: 30 },
    });
  });

  it('reads a serial printer, a display, and fixed screen times', () => {
    expect(parseConfig(`${kiosk}PRINTER=serial:/dev/ttyUSB0\nPRINTER_BAUD=19200\n`).printer).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 });
    const display = parseConfig('HUB=http://10.0.0.2:8080/\nROLE=display\nSCREEN_ON=06:45\nSCREEN_OFF=18:00\nSCREEN_DAYS=mon-fri\n');
    expect(display).toMatchObject({ page: 'http://10.0.0.2:8080/display/', token: null, printer: null, screen: { kind: 'own', on: 405, off: 1080, days: [1, 2, 3, 4, 5] } });
  });

  it('reads comments after values, and quoted values as they are', () => {
    const config = parseConfig('HUB=http://10.0.0.2:8080     # the hub\nROLE=kiosk # a kiosk\nDEVICE=K1\nTOKEN="secret # with a hash"\n');
    expect(config).toMatchObject({ hub: 'http://10.0.0.2:8080', role: 'kiosk', token: 'secret # with a hash' });
  });

  it('says what is wrong, by name', () => {
    expect(() => parseConfig('ROLE=kiosk')).toThrow(/HUB is missing/);
    expect(() => parseConfig('HUB=http://h:8080\nROLE=kiosk\nDEVICE=K1')).toThrow(/TOKEN is missing/);
    expect(() => parseConfig('HUB=http://h:8080\nROLE=screen')).toThrow(/ROLE must be kiosk or display/);
    expect(() => parseConfig(`${kiosk}PRINTER=lp0`)).toThrow(/PRINTER must be a device file/);
    expect(() => parseConfig(`${kiosk}SCREEN_ON=7h`)).toThrow(/SCREEN_ON and SCREEN_OFF go together/);
    expect(() => parseConfig(`${kiosk}SCREEN_ON=7h\nSCREEN_OFF=17:00`)).toThrow(/SCREEN_ON must be a time of day/);
    expect(() => parseConfig(`${kiosk}SCREEN_ON=07:00\nSCREEN_OFF=17:00\nSCREEN_DAYS=lun-ven`)).toThrow(/SCREEN_DAYS must list days/);
    expect(() => parseConfig(`${kiosk}just words`)).toThrow(/line 6: "just words" is not KEY=value/);
  });
});
