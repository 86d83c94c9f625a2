// The device agent's screen schedule, worked by hand: the demo hall's hours (Monday to Friday
// 07:30-11:30 and 13:30-17:00, Saturday 07:30-11:30) with the screen on 30 minutes before
// opening and off 30 minutes after closing, and fixed times of the agent's own config.

import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../agent/src/config.js';
import { localClock, screenOnAt, screenShouldBeOn, screenWeekFromHours, screenWeekFromTimes } from '../../agent/src/screen-schedule.js';

const h = (hh: number, mm = 0) => hh * 60 + mm;
const weekdays = [
  [
    { start: h(7, 30), end: h(11, 30) },
    { start: h(13, 30), end: h(17) },
  ],
];
const DEMO = [[], ...weekdays, ...weekdays, ...weekdays, ...weekdays, ...weekdays, [{ start: h(7, 30), end: h(11, 30) }]];
const MON = 1;
const SAT = 6;
const SUN = 0;

describe('the screen week from the hall hours', () => {
  const week = screenWeekFromHours(DEMO, 30, 30);

  it('is on from 07:00 to 17:30 on weekdays, 07:00 to 12:00 on Saturday, off on Sunday', () => {
    expect(week).toEqual([null, [420, 1050], [420, 1050], [420, 1050], [420, 1050], [420, 1050], [420, 720]]);
  });

  it('switches at the minute: off at 06:59, on at 07:00, on over the lunch break, on at 17:29, off at 17:30', () => {
    expect(screenOnAt(week, MON, h(6, 59))).toBe(false);
    expect(screenOnAt(week, MON, h(7))).toBe(true);
    expect(screenOnAt(week, MON, h(12, 15))).toBe(true);
    expect(screenOnAt(week, MON, h(17, 29))).toBe(true);
    expect(screenOnAt(week, MON, h(17, 30))).toBe(false);
    expect(screenOnAt(week, MON, h(23, 59))).toBe(false);
  });

  it('keeps Saturday afternoon and all of Sunday dark', () => {
    expect(screenOnAt(week, SAT, h(11, 59))).toBe(true);
    expect(screenOnAt(week, SAT, h(12))).toBe(false);
    expect(screenOnAt(week, SUN, h(10))).toBe(false);
  });

  it('never reaches into the day before or after: a day open from midnight is on from midnight to midnight', () => {
    const allDay = screenWeekFromHours([[], [{ start: 0, end: h(24) }], [], [], [], [], []], 45, 45);
    expect(allDay![MON]).toEqual([0, 1440]);
    expect(screenOnAt(allDay, SUN, h(23, 59))).toBe(false);
    expect(screenOnAt(allDay, MON, 0)).toBe(true);
  });

  it('a hall open around the clock (no hours) keeps the screen on', () => {
    expect(screenWeekFromHours(null, 30, 30)).toBeNull();
    expect(screenOnAt(null, SUN, h(3))).toBe(true);
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

describe('at an instant, in the hall time zone', () => {
  const rule = { kind: 'hall', leadMinutes: 30, trailMinutes: 30 } as const;
  const hall = { hours: DEMO, timeZone: 'Asia/Ho_Chi_Minh' };

  it('reads the weekday and minute in the hall time zone (UTC+7)', () => {
    expect(localClock(Date.parse('2026-12-07T00:00:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({ weekday: MON, minute: h(7) });
    expect(localClock(Date.parse('2026-12-06T03:00:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({ weekday: SUN, minute: h(10) });
    expect(localClock(Date.parse('2026-12-06T17:00:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({ weekday: MON, minute: 0 });
  });

  it('Monday 7 December 2026: on at 07:00 (00:00 UTC), still on at 17:29, off at 17:30; Sunday 10:00 off', () => {
    expect(screenShouldBeOn(rule, hall, Date.parse('2026-12-06T23:59:00Z'), 'UTC')).toBe(false);
    expect(screenShouldBeOn(rule, hall, Date.parse('2026-12-07T00:00:00Z'), 'UTC')).toBe(true);
    expect(screenShouldBeOn(rule, hall, Date.parse('2026-12-07T10:29:00Z'), 'UTC')).toBe(true);
    expect(screenShouldBeOn(rule, hall, Date.parse('2026-12-07T10:30:00Z'), 'UTC')).toBe(false);
    expect(screenShouldBeOn(rule, hall, Date.parse('2026-12-06T03:00:00Z'), 'UTC')).toBe(false);
  });

  it('before the hub has answered, a screen that follows the hall stays on; SCREEN=always never goes off', () => {
    expect(screenShouldBeOn(rule, null, Date.parse('2026-12-06T03:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(true);
    expect(screenShouldBeOn({ kind: 'always' }, hall, Date.parse('2026-12-06T03:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(true);
  });

  it("own times are read in the agent's time zone when the hall's is not known", () => {
    const own = { kind: 'own', on: h(7), off: h(17), days: [1, 2, 3, 4, 5] } as const;
    expect(screenShouldBeOn(own, null, Date.parse('2026-12-07T00:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe(true);
    expect(screenShouldBeOn(own, null, Date.parse('2026-12-07T00:30:00Z'), 'UTC')).toBe(false);
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
