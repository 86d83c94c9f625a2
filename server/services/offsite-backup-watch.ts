// The outcome of the last copy off the machine (`luot backup --offsite`, nightly), reported
// as the device `backup` in /api/health and to pages: a failed copy, or none for a day and a
// half while a target is set, is an alert. The copy itself is made by the luot command.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceRegistry } from './device-registry.js';

export const OFFSITE_DEVICE = 'backup';
export const OFFSITE_STATUS_FILE = 'offsite-backup.json';
/** A nightly copy older than this is missing. */
const STALE_MS = 36 * 3600_000;

export interface OffsiteStatus {
  ok: boolean;
  at: number;
  target: string;
  file: string | null;
  message: string | null;
}

export function offsiteReport(target: string | undefined, last: OffsiteStatus | null, now: number, startedAt: number) {
  if (!target) return null;
  if (last && !last.ok) {
    return {
      ok: false,
      code: 'backup_failed',
      message: `Sao lưu ra ngoài máy thất bại (${target}): ${last.message ?? ''}. Kiểm tra ổ đĩa sao lưu rồi chạy "sudo luot backup --offsite".`,
      messageEn: `The copy off the machine failed (${target}): ${last.message ?? ''}. Check the backup disk, then run "sudo luot backup --offsite".`,
    };
  }
  const since = last?.at ?? startedAt;
  if (now - since > STALE_MS) {
    return {
      ok: false,
      code: 'backup_missing',
      message: `Chưa có bản sao lưu ra ngoài máy trong 36 giờ qua (${target}). Kiểm tra "systemctl status luot-backup.timer".`,
      messageEn: `No copy off the machine in the last 36 hours (${target}). Check "systemctl status luot-backup.timer".`,
    };
  }
  return { ok: true };
}

export function checkOffsiteBackup(devices: DeviceRegistry, dataDir: string, target: string | undefined, now: number, startedAt: number): void {
  const file = join(dataDir, OFFSITE_STATUS_FILE);
  let last: OffsiteStatus | null = null;
  try {
    if (existsSync(file)) last = JSON.parse(readFileSync(file, 'utf8')) as OffsiteStatus;
  } catch {
    last = { ok: false, at: now, target: target ?? '', file: null, message: `${file} cannot be read` };
  }
  const report = offsiteReport(target, last, now, startedAt);
  if (report) devices.report(OFFSITE_DEVICE, 'backup', report);
}
