// A pair of real serial ports joined back to back by socat: the hub opens one end with the
// native serialport binding, the test plays the device on the other. Killing socat is an unplug.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDataDir } from './test-hub.js';

export class PtyPair {
  readonly hubEnd: string;
  readonly deviceEnd: string;
  private socat: ChildProcess | null = null;

  constructor(dir = tempDataDir()) {
    this.hubEnd = join(dir, 'ttyHub');
    this.deviceEnd = join(dir, 'ttyDevice');
  }

  /**
   * Starts socat and waits until both ends exist. With `deviceFirst`, only the device end is
   * made at once and the hub's end appears when the device end is opened: like a real device,
   * which is listening before the hub can talk to it (what is written to a port before it is
   * opened is flushed away).
   */
  async plug({ deviceFirst = false }: { deviceFirst?: boolean } = {}): Promise<this> {
    const hub = `pty,raw,echo=0,link=${this.hubEnd}`;
    const device = `pty,raw,echo=0,link=${this.deviceEnd}`;
    this.socat = spawn('socat', deviceFirst ? [`${device},wait-slave`, hub] : [hub, device], { stdio: 'ignore' });
    const deadline = Date.now() + 5000;
    while (!(existsSync(this.deviceEnd) && (deviceFirst || existsSync(this.hubEnd)))) {
      if (Date.now() > deadline) throw new Error('socat did not create the pty pair (is socat installed?)');
      await new Promise((r) => setTimeout(r, 20));
    }
    return this;
  }

  /** Like pulling the adapter out: both ends disappear. */
  async unplug(): Promise<void> {
    const socat = this.socat;
    this.socat = null;
    if (!socat || socat.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      socat.once('exit', () => resolve());
      socat.kill('SIGTERM');
    });
    const deadline = Date.now() + 2000;
    while ((existsSync(this.hubEnd) || existsSync(this.deviceEnd)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }
}
