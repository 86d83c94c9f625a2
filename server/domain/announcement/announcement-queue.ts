// Calls are spoken one after another, never over each other. Used by the display page (in
// the browser) and by the hub's own speaker. Pure: the caller gives the way to play and the clock.
//
// The voice must keep up with the screen during a burst of calls:
// - a recall replaces a call of the same ticket still waiting to be said (it is said once);
// - when its turn comes, a call heard more than STALE_MS ago is skipped, unless it is still the
//   newest waiting for its counter (the citizen at that counter still needs to hear it);
// - past MAX_WAITING waiting, the oldest are dropped.

export interface Announcement {
  ticketId: string;
  number: string;
  counterId: number;
  recall: boolean;
}

/** Past this many waiting, the oldest are dropped: a call from minutes ago helps nobody. */
const MAX_WAITING = 8;
/** A call waiting longer than this is said only if nothing newer waits for its counter. */
export const STALE_MS = 15_000;

interface Waiting<T> {
  item: T;
  heardAt: number;
}

export interface QueueOptions {
  staleMs?: number;
  now?: () => number;
}

export class AnnouncementQueue<T extends Announcement = Announcement> {
  private waiting: Waiting<T>[] = [];
  private playing: T | null = null;
  private idleWaiters: (() => void)[] = [];
  private readonly staleMs: number;
  private readonly now: () => number;
  /** Calls skipped as stale or replaced, for maintainers and tests. */
  readonly skipped: T[] = [];

  constructor(
    private readonly play: (item: T) => Promise<void>,
    private readonly onChange: (playing: T | null, waiting: readonly T[]) => void = () => {},
    options: QueueOptions = {},
  ) {
    this.staleMs = options.staleMs ?? STALE_MS;
    this.now = options.now ?? Date.now;
  }

  enqueue(item: T): void {
    if (item.recall) {
      this.skipped.push(...this.waiting.filter((w) => w.item.ticketId === item.ticketId).map((w) => w.item));
      this.waiting = this.waiting.filter((w) => w.item.ticketId !== item.ticketId);
    }
    this.waiting.push({ item, heardAt: this.now() });
    if (this.waiting.length > MAX_WAITING) this.skipped.push(...this.waiting.splice(0, this.waiting.length - MAX_WAITING).map((w) => w.item));
    this.changed();
    if (!this.playing) void this.next();
  }

  private changed(): void {
    this.onChange(
      this.playing,
      this.waiting.map((w) => w.item),
    );
  }

  /** The next call worth saying now; stale ones with a newer call for their counter are dropped. */
  private take(): T | undefined {
    for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
      const stale = this.now() - next.heardAt > this.staleMs;
      const newerForCounter = this.waiting.some((w) => w.item.counterId === next!.item.counterId);
      if (!stale || !newerForCounter) return next.item;
      this.skipped.push(next.item);
    }
    return undefined;
  }

  private async next(): Promise<void> {
    const item = this.take();
    this.playing = item ?? null;
    this.changed();
    if (!item) {
      for (const w of this.idleWaiters.splice(0)) w();
      return;
    }
    try {
      await this.play(item);
    } catch {
      // A clip that cannot play must not stop the calls after it.
    }
    await this.next();
  }

  /** Resolves when nothing is playing or waiting. */
  idle(): Promise<void> {
    return this.playing ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  get length(): number {
    return this.waiting.length + (this.playing ? 1 : 0);
  }
}
