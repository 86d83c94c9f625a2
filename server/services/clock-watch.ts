// Whether the system clock is synchronised (NTP): ticket numbers, the day's turn and dossier
// deadlines all follow it. Read from systemd (`timedatectl show -p NTPSynchronized`, the kernel's
// own flag) without a native module; unknown where there is no timedatectl.

import { execFile } from 'node:child_process';

export interface ClockState {
  /** true or false as the system says; null when it cannot be read here. */
  synchronized: boolean | null;
  message: string | null;
  messageEn: string | null;
}

export const CLOCK_UNKNOWN: ClockState = { synchronized: null, message: null, messageEn: null };

const NOT_SYNCED: ClockState = {
  synchronized: false,
  message: 'Đồng hồ của máy chủ chưa được đồng bộ (NTP): số thứ tự, ngày làm việc và hạn hồ sơ dựa vào nó. Chạy "luot doctor" để biết cách sửa.',
  messageEn: 'The hub\'s clock is not synchronised (NTP): ticket numbers, the day\'s turn and dossier deadlines rely on it. Run "luot doctor" to see how to fix it.',
};

/** Parses what `timedatectl show -p NTPSynchronized --value` prints. */
export function clockStateOf(output: string): ClockState {
  const value = output.trim();
  if (value === 'yes') return { synchronized: true, message: null, messageEn: null };
  if (value === 'no') return NOT_SYNCED;
  return CLOCK_UNKNOWN;
}

export function readClockState(command = 'timedatectl'): Promise<ClockState> {
  return new Promise((resolve) => {
    execFile(command, ['show', '-p', 'NTPSynchronized', '--value'], { timeout: 5000 }, (error, stdout) => {
      resolve(error ? CLOCK_UNKNOWN : clockStateOf(stdout));
    });
  });
}

/** Keeps the last reading, for /api/health. */
export class ClockWatch {
  private state: ClockState = CLOCK_UNKNOWN;

  constructor(private readonly read: () => Promise<ClockState> = () => readClockState()) {}

  current(): ClockState {
    return this.state;
  }

  /** Reads the clock's state again; returns it when it changed since the last reading. */
  async check(): Promise<ClockState | null> {
    const next = await this.read();
    const changed = next.synchronized !== this.state.synchronized;
    this.state = next;
    return changed ? next : null;
  }
}
