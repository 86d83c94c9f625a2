// Health of the hall's devices (printers, keypads, boards). A failed device is reported
// here and in /api/health, never fatal to the hub.

export interface DeviceStatus {
  id: string;
  kind: string;
  ok: boolean;
  message: string | null;
  since: number;
}

export class DeviceRegistry {
  private readonly devices = new Map<string, DeviceStatus>();

  constructor(private readonly clock: () => number = Date.now) {}

  report(id: string, kind: string, ok: boolean, message: string | null = null): void {
    const before = this.devices.get(id);
    if (before && before.ok === ok && before.message === message) return;
    this.devices.set(id, { id, kind, ok, message, since: this.clock() });
  }

  list(): DeviceStatus[] {
    return [...this.devices.values()];
  }
}
