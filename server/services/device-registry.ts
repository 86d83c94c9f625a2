// Health of the hall's devices (printers, keypads, boards). A failed device is reported
// here, in /api/health and to every page as a `device:status` event; it is never fatal.

import type { DeviceStatus } from '../contract/events.js';

export type { DeviceStatus };

export interface DeviceReport {
  ok: boolean;
  code?: string | null;
  message?: string | null;
  messageEn?: string | null;
}

export class DeviceRegistry {
  private readonly devices = new Map<string, DeviceStatus>();
  private readonly listeners: ((status: DeviceStatus) => void)[] = [];

  constructor(private readonly clock: () => number = Date.now) {}

  /** Records a device's state; listeners hear only real changes. */
  report(id: string, kind: string, report: DeviceReport): void {
    const before = this.devices.get(id);
    const code = report.code ?? null;
    const message = report.message ?? null;
    if (before && before.ok === report.ok && before.code === code && before.message === message) return;
    const status: DeviceStatus = { id, kind, ok: report.ok, code, message, messageEn: report.messageEn ?? null, since: this.clock() };
    this.devices.set(id, status);
    for (const listener of this.listeners) listener(status);
  }

  get(id: string): DeviceStatus | null {
    return this.devices.get(id) ?? null;
  }

  list(): DeviceStatus[] {
    return [...this.devices.values()];
  }

  onChange(listener: (status: DeviceStatus) => void): void {
    this.listeners.push(listener);
  }
}
