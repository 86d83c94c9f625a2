// At closing the hub asks for a copy off the machine. It may not mount a USB stick or reach a
// share itself (it runs unprivileged, ProtectSystem=strict), so it writes the day into a request
// file in its data folder; the systemd path unit luot-backup-closing.path sees the change and
// runs `luot backup --offsite --label closing` as root. The request is written once a day.

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CLOSING_REQUEST_FILE = 'closing-copy.request';

export interface ClosingRequest {
  day: string;
  at: number;
}

/** Asks for today's closing copy when the hall has closed and it was not asked yet; true when asked now. */
export function requestClosingCopy(dataDir: string, day: string, closed: boolean, now: number): boolean {
  if (!closed) return false;
  const file = join(dataDir, CLOSING_REQUEST_FILE);
  if (lastRequestedDay(file) === day) return false;
  const request: ClosingRequest = { day, at: now };
  // Written whole, then renamed: the path unit never sees half a request.
  writeFileSync(`${file}.new`, `${JSON.stringify(request)}\n`);
  renameSync(`${file}.new`, file);
  return true;
}

function lastRequestedDay(file: string): string | null {
  if (!existsSync(file)) return null;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as ClosingRequest).day;
  } catch {
    return null;
  }
}
