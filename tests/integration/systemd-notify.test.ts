// The hub's messages to systemd, read back from a real unix datagram socket (socat stands for
// systemd's notify socket), and the clock's state as timedatectl prints it. The packaged hub
// under a real systemd is tested by npm run test:install.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clockStateOf, ClockWatch } from '../../server/services/clock-watch.js';
import { systemdNotifier, watchdogIntervalMs } from '../../server/services/systemd-notify.js';
import { offsiteReport } from '../../server/services/offsite-backup-watch.js';

const silent = { info() {}, error() {} };
let receiver: ChildProcess | null = null;
let dir: string | null = null;

afterEach(() => {
  receiver?.kill();
  receiver = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function notifySocket(): Promise<{ path: string; datagrams: string[] }> {
  dir = mkdtempSync(join(tmpdir(), 'luot-notify-'));
  const path = join(dir, 'notify');
  const datagrams: string[] = [];
  // Each datagram is printed on its own, framed so that multi-line messages stay whole.
  receiver = spawn('socat', ['-u', `UNIX-RECV:${path}`, '-'], { stdio: ['ignore', 'pipe', 'inherit'] });
  receiver.stdout!.on('data', (chunk: Buffer) => datagrams.push(chunk.toString()));
  for (let i = 0; i < 50 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 20));
  return { path, datagrams };
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('sd_notify', () => {
  it('sends READY with a status, keep-alives at half the watchdog interval, and STOPPING', async () => {
    const { path, datagrams } = await notifySocket();
    const notifier = systemdNotifier({ NOTIFY_SOCKET: path, WATCHDOG_USEC: '600000', PATH: process.env.PATH }, silent);
    notifier.ready('serving on port 8080');
    await until(() => datagrams.join('').includes('READY=1'));
    expect(datagrams.join('')).toContain('READY=1\nSTATUS=serving on port 8080');
    const started = Date.now();
    await until(() => (datagrams.join('').match(/WATCHDOG=1/g) ?? []).length >= 2);
    // Two keep-alives at 300 ms apart: not before 600 ms, well within a second and a half.
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(Date.now() - started).toBeLessThan(1500);
    notifier.stopping();
    await until(() => datagrams.join('').includes('STOPPING=1'));
    notifier.close();
  });

  it('stays silent outside systemd, and follows WATCHDOG_PID', () => {
    expect(() => systemdNotifier({}, silent).ready('x')).not.toThrow();
    expect(watchdogIntervalMs({})).toBeNull();
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '20000000' })).toBe(10_000);
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '20000000', WATCHDOG_PID: '1' }, 2)).toBeNull();
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '20000000', WATCHDOG_PID: '2' }, 2)).toBe(10_000);
  });
});

describe('the clock', () => {
  it('reads timedatectl: yes, no, or unknown', async () => {
    expect(clockStateOf('yes\n')).toEqual({ synchronized: true, message: null, messageEn: null });
    const no = clockStateOf('no\n');
    expect(no.synchronized).toBe(false);
    expect(no.message).toContain('Đồng hồ của máy chủ chưa được đồng bộ');
    expect(no.messageEn).toContain('not synchronised');
    expect(clockStateOf('').synchronized).toBeNull();
    const watch = new ClockWatch(async () => clockStateOf('no'));
    expect(await watch.check()).toMatchObject({ synchronized: false });
    expect(await watch.check()).toBeNull();
    expect(watch.current().synchronized).toBe(false);
  });
});

describe('copies off the machine', () => {
  const started = 1_000_000;
  it('are an alert when the last one failed, or none was made for 36 hours while a target is set', () => {
    expect(offsiteReport(undefined, null, started, started)).toBeNull();
    expect(offsiteReport('/mnt/b', null, started + 3600_000, started)).toEqual({ ok: true });
    const missing = offsiteReport('/mnt/b', null, started + 37 * 3600_000, started)!;
    expect(missing).toMatchObject({ ok: false, code: 'backup_missing' });
    expect(missing.message).toContain('Chưa có bản sao lưu ra ngoài máy');
    const failed = offsiteReport(
      'LABEL=LUOT-BACKUP',
      { ok: false, at: started, target: 'LABEL=LUOT-BACKUP', file: null, message: 'no disk labelled "LUOT-BACKUP" is plugged in' },
      started,
      started,
    )!;
    expect(failed).toMatchObject({ ok: false, code: 'backup_failed' });
    expect(failed.messageEn).toContain('no disk labelled');
    expect(offsiteReport('/mnt/b', { ok: true, at: started + 40 * 3600_000, target: '/mnt/b', file: 'x', message: null }, started + 41 * 3600_000, started)).toEqual({ ok: true });
  });
});
