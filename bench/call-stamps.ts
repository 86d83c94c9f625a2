// When each call left, shared by the thread that makes calls and the threads that hear them:
// call k of counter c is at [c * callsPerCounter + k], in ms since the epoch.

import { performance } from 'node:perf_hooks';

export const now = (): number => performance.timeOrigin + performance.now();

export class CallStamps {
  readonly sentAt: Float64Array;
  private readonly callIndex = new Map<number, number>();

  constructor(
    counters: number,
    readonly callsPerCounter: number,
  ) {
    this.sentAt = new Float64Array(new SharedArrayBuffer(8 * (counters + 1) * callsPerCounter));
  }

  /** Notes that the next call of a counter leaves now. */
  stamp(counter: number): void {
    const k = this.callIndex.get(counter) ?? 0;
    if (k >= this.callsPerCounter) throw new Error(`counter ${counter} called more often than planned`);
    this.callIndex.set(counter, k + 1);
    this.sentAt[counter * this.callsPerCounter + k] = now();
  }

  /** When call k of a counter left. */
  sentTime(counter: number, k: number): number {
    return this.sentAt[counter * this.callsPerCounter + k]!;
  }
}
