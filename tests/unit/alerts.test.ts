// Which alerts stand, decided from the hall's state alone.

import { describe, expect, it } from 'vitest';
import { HallCalendar, parsePeriod } from '../../server/domain/calendar/hall-calendar.js';
import {
  alertChanges,
  DEFAULT_ALERT_THRESHOLDS,
  dossierDueHorizon,
  standingAlerts,
  thresholdOutOfBounds,
  withDefaultThresholds,
  type AlertInputs,
} from '../../server/domain/alerts/alerts.js';

const MIN = 60_000;
const now = Date.parse('2026-12-03T03:00:00Z');
const device = (id: string, kind: string, ok: boolean, code: string | null, minutesAgo: number): AlertInputs['devices'][number] => ({
  id,
  kind,
  ok,
  code,
  message: code === 'paper_out' ? 'Máy in hết giấy.' : null,
  messageEn: code === 'paper_out' ? 'The printer is out of paper.' : null,
  since: now - minutesAgo * MIN,
});

describe('standing alerts', () => {
  it('raises each trouble past its threshold, and nothing below it', () => {
    const alerts = standingAlerts({
      now,
      thresholds: DEFAULT_ALERT_THRESHOLDS,
      services: [
        { id: 'HT', name: 'Hộ tịch', waiting: 4, oldestWaitingSince: now - 31 * MIN },
        { id: 'DD', name: 'Đất đai', waiting: 2, oldestWaitingSince: now - 29 * MIN },
      ],
      counters: [
        { id: 1, name: 'Quầy 1', held: { number: 'A001', since: now - 20 * MIN } },
        { id: 2, name: 'Quầy 2', held: { number: 'B002', since: now - 19 * MIN } },
      ],
      devices: [
        device('printer:K1', 'printer', true, 'paper_out', 0),
        device('printer:K2', 'printer', true, 'paper_near_end', 5),
        device('bus:B1', 'serial-bus', false, 'unreachable', 3),
        device('board:B1:2', 'led-board', false, 'unreachable', 1),
        device('disk', 'disk', false, 'disk_low', 0),
        device('backup-offsite', 'backup', false, 'stale', 0),
      ],
    });
    expect(alerts.map((a) => a.key)).toEqual(['printer:K1:paper_out', 'disk', 'backup:backup-offsite', 'device_silent:bus:B1', 'long_wait:HT', 'ticket_held:1']);
    expect(alerts[0]).toMatchObject({ message: 'Máy in K1: Máy in hết giấy.', messageEn: 'Printer K1: The printer is out of paper.' });
    expect(alerts.find((a) => a.kind === 'long_wait')!.message).toBe('Hộ tịch: người chờ lâu nhất đã chờ 31 phút (ngưỡng 30 phút), 4 người đang chờ.');
  });

  it('tells what to raise and what to clear against the alerts already open', () => {
    const standing = standingAlerts({ now, thresholds: DEFAULT_ALERT_THRESHOLDS, services: [], counters: [], devices: [device('printer:K1', 'printer', false, 'unreachable', 0)] });
    expect(alertChanges([{ key: 'printer:K1:unreachable' }, { key: 'long_wait:HT' }], standing)).toEqual({ raise: [], clear: ['long_wait:HT'] });
    expect(alertChanges([], standing).raise.map((a) => a.key)).toEqual(['printer:K1:unreachable']);
  });

  it('a queue waiting with no counter open for it, from when it waited or the last counter left, whichever came last', () => {
    const t = { ...DEFAULT_ALERT_THRESHOLDS, noCounterMinutes: 10 };
    const svc = (id: string, waitedMin: number | null, open: number, leftMinAgo: number | null) => ({
      id,
      name: id,
      waiting: waitedMin === null ? 0 : 3,
      oldestWaitingSince: waitedMin === null ? null : now - waitedMin * MIN,
      openCounters: open,
      counterLeftAt: leftMinAgo === null ? null : now - leftMinAgo * MIN,
    });
    const alerts = standingAlerts({
      now,
      thresholds: t,
      services: [
        svc('A', 25, 0, 12), // waited 25 min, the last counter closed 12 min ago: 12 ≥ 10
        svc('B', 25, 0, 9), // the last counter closed 9 min ago: not yet
        svc('C', 10, 0, null), // no counter all day, waited exactly 10 min: raised
        svc('D', 40, 1, 60), // a counter is open: no alert (the long wait is the other alert)
        svc('E', null, 0, 100), // nobody waits: none
      ],
      counters: [],
      devices: [],
    });
    const noCounter = alerts.filter((a) => a.kind === 'no_counter');
    expect(noCounter.map((a) => [a.key, a.since])).toEqual([
      ['no_counter:A', now + (10 - 12) * MIN],
      ['no_counter:C', now],
    ]);
    expect(noCounter[0]!.message).toBe('A: 3 người đang chờ mà không quầy nào mở phục vụ đã 12 phút (ngưỡng 10 phút).');
    // A counter opens for A: its alert clears.
    const after = standingAlerts({ now, thresholds: t, services: [svc('A', 25, 1, 12), svc('C', 10, 0, null)], counters: [], devices: [] });
    expect(alertChanges(noCounter, after).clear).toEqual(['no_counter:A']);
  });

  it('a counter open and idle while a queue it may call waits, from the later of the two', () => {
    const t = { ...DEFAULT_ALERT_THRESHOLDS, counterIdleMinutes: 5 };
    const counter = (id: number, held: boolean, idleMinAgo: number, waitMinAgo: number | null, calling = true) => ({
      id,
      name: `Quầy ${id}`,
      held: held ? { number: 'A001', since: now - MIN } : null,
      calling: calling ? { idleSince: now - idleMinAgo * MIN, queueWaitingSince: waitMinAgo === null ? null : now - waitMinAgo * MIN } : null,
    });
    const alerts = standingAlerts({
      now,
      thresholds: t,
      services: [],
      counters: [
        counter(1, false, 30, 6), // idle 30 min, a ticket waiting 6 min: 6 ≥ 5
        counter(2, false, 4, 60), // idle only 4 min: not yet
        counter(3, true, 30, 60), // holds a ticket: not idle
        counter(4, false, 30, null), // nobody waits for it
        counter(5, false, 30, 60, false), // paused or not staffed: not calling
      ],
      devices: [],
    });
    expect(alerts.map((a) => [a.key, a.since])).toEqual([['counter_idle:1', now - MIN]]);
    expect(alerts[0]!.message).toBe('Quầy 1 đang mở nhưng không gọi số đã 6 phút trong khi có người chờ (ngưỡng 5 phút).');
    // It calls the next one: the alert clears.
    expect(alertChanges(alerts, standingAlerts({ now, thresholds: t, services: [], counters: [counter(1, true, 30, 6)], devices: [] })).clear).toEqual(['counter_idle:1']);
  });

  it('one alert a day for the dossiers due within the working hours ahead and not ready; late ones are not in it', () => {
    const H = 60 * MIN;
    const due = (code: string, hours: number) => ({ code, dueAt: now + hours * H });
    const dossiers = { day: '2026-12-03', dueBy: now + 8 * H, due: [due('X-3', 7.5), due('X-1', 2), due('X-2', 8), due('X-4', 8.5), due('X-5', -1)] };
    const alerts = standingAlerts({ now, thresholds: DEFAULT_ALERT_THRESHOLDS, services: [], counters: [], devices: [], dossiers });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      key: 'dossiers_due:2026-12-03',
      kind: 'dossiers_due',
      message: '3 hồ sơ sắp trễ hạn: đến hạn trong 8 giờ làm việc tới mà chưa có kết quả (sớm nhất: X-1).',
      messageEn: '3 dossiers about to be late: due within the next 8 working hours with no result yet (soonest: X-1).',
    });
    // The next day is another alert; none due soon clears it.
    const nextDay = standingAlerts({ now, thresholds: DEFAULT_ALERT_THRESHOLDS, services: [], counters: [], devices: [], dossiers: { ...dossiers, day: '2026-12-04' } });
    expect(alertChanges(alerts, nextDay)).toMatchObject({ clear: ['dossiers_due:2026-12-03'], raise: [{ key: 'dossiers_due:2026-12-04' }] });
    expect(standingAlerts({ now, thresholds: DEFAULT_ALERT_THRESHOLDS, services: [], counters: [], devices: [], dossiers: { ...dossiers, due: [due('X-4', 8.5)] } })).toEqual([]);
  });

  it('about to be late reaches to the end of the day the working hours ahead end in (weekends and holidays skipped)', () => {
    // Weekdays 07:30-11:30 and 13:30-17:00 (7.5 working hours); 2026-12-03 is a Thursday.
    const hours = ['07:30-11:30', '13:30-17:00'].map(parsePeriod);
    const calendar = new HallCalendar({ timeZone: 'Asia/Ho_Chi_Minh', week: [[], hours, hours, hours, hours, hours, []], official: {}, changes: [] });
    const at = (local: string) => Date.parse(`${local}:00+07:00`);
    // Thu 10:00 + 8 h: 1.5 + 3.5 on Thursday, 3 on Friday (to 10:30): to the end of Friday.
    expect(dossierDueHorizon(calendar, at('2026-12-03T10:00'), 8)).toBe(at('2026-12-05T00:00'));
    // Thu 10:00 + 2 h: 1.5 to 11:30, 0.5 from 13:30: 14:00 Thursday, to the end of Thursday.
    expect(dossierDueHorizon(calendar, at('2026-12-03T10:00'), 2)).toBe(at('2026-12-04T00:00'));
    // Fri 15:00 + 8 h: 2 on Friday, the weekend skipped, 6 on Monday (to 15:30): to the end of Monday.
    expect(dossierDueHorizon(calendar, at('2026-12-04T15:00'), 8)).toBe(at('2026-12-08T00:00'));
  });

  it('fills thresholds stored before the newer ones with their defaults', () => {
    expect(withDefaultThresholds({ longestWaitMinutes: 10, ticketHeldMinutes: 5, deviceSilentMinutes: 3 })).toEqual({
      ...DEFAULT_ALERT_THRESHOLDS,
      longestWaitMinutes: 10,
      ticketHeldMinutes: 5,
      deviceSilentMinutes: 3,
    });
    expect(withDefaultThresholds(null)).toEqual(DEFAULT_ALERT_THRESHOLDS);
  });

  it('names the threshold out of bounds', () => {
    expect(thresholdOutOfBounds({ ...DEFAULT_ALERT_THRESHOLDS, dossierDueWorkingHours: 81 })).toEqual({ field: 'dossierDueWorkingHours', min: 1, max: 80 });
    expect(thresholdOutOfBounds({ ...DEFAULT_ALERT_THRESHOLDS, counterIdleMinutes: 0 })).toEqual({ field: 'counterIdleMinutes', min: 1, max: 600 });
    expect(thresholdOutOfBounds(DEFAULT_ALERT_THRESHOLDS)).toBeNull();
    expect(thresholdOutOfBounds({ ...DEFAULT_ALERT_THRESHOLDS, ticketHeldMinutes: 0 })).toEqual({ field: 'ticketHeldMinutes', min: 1, max: 600 });
  });
});
