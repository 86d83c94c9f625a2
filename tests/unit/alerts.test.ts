// Which alerts stand, decided from the hall's state alone.

import { describe, expect, it } from 'vitest';
import { alertChanges, DEFAULT_ALERT_THRESHOLDS, standingAlerts, thresholdOutOfBounds, type AlertInputs } from '../../server/domain/alerts/alerts.js';

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

  it('names the threshold out of bounds', () => {
    expect(thresholdOutOfBounds(DEFAULT_ALERT_THRESHOLDS)).toBeNull();
    expect(thresholdOutOfBounds({ ...DEFAULT_ALERT_THRESHOLDS, ticketHeldMinutes: 0 })).toEqual({ field: 'ticketHeldMinutes', min: 1, max: 600 });
  });
});
