// How a page keeps its copy of the hall in step: take a snapshot, then apply events in
// order; an event whose prevSeq is newer than what the page has seen means one was missed.
// Shared by every front-end; no DOM or Node APIs here.

import type { HallEvent } from './events.js';

export type EventVerdict = 'apply' | 'duplicate' | 'gap';

export class EventSequencer {
  private lastSeq = -1;

  /** After a snapshot (on connect, reconnect or resync): start again from its seq. */
  reset(snapshotSeq: number): void {
    this.lastSeq = snapshotSeq;
  }

  get seq(): number {
    return this.lastSeq;
  }

  /** Decide what to do with an incoming event; advances only on 'apply'. */
  accept(event: Pick<HallEvent, 'seq' | 'prevSeq'>): EventVerdict {
    if (this.lastSeq < 0 || event.prevSeq > this.lastSeq) return 'gap';
    if (event.seq <= this.lastSeq) return 'duplicate';
    this.lastSeq = event.seq;
    return 'apply';
  }
}
