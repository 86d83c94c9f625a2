// A cap on how many things one source may do in a sliding window of time (tickets per kiosk
// per minute). Pure: the caller passes the clock.

export class RateWindow {
  private readonly taken = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  /** Milliseconds until `key` may act again under `limit`; 0 when it may act now. */
  waitFor(key: string, limit: number, now: number): number {
    const times = this.recent(key, now);
    return times.length < limit ? 0 : times[times.length - limit]! + this.windowMs - now;
  }

  record(key: string, now: number): void {
    const times = this.recent(key, now);
    times.push(now);
    this.taken.set(key, times);
  }

  private recent(key: string, now: number): number[] {
    return (this.taken.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }
}
