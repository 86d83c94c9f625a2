// Calls are spoken one after another, never over each other. Used by the display page (in
// the browser) and by the hub's own speaker. Pure: the caller gives the way to play.

export interface Announcement {
  ticketId: string;
  number: string;
  counterId: number;
  recall: boolean;
}

/** Past this many waiting, the oldest are dropped: a call from minutes ago helps nobody. */
const MAX_WAITING = 8;

export class AnnouncementQueue<T extends Announcement = Announcement> {
  private readonly waiting: T[] = [];
  private playing: T | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly play: (item: T) => Promise<void>,
    private readonly onChange: (playing: T | null, waiting: readonly T[]) => void = () => {},
  ) {}

  enqueue(item: T): void {
    this.waiting.push(item);
    if (this.waiting.length > MAX_WAITING) this.waiting.splice(0, this.waiting.length - MAX_WAITING);
    this.onChange(this.playing, this.waiting);
    if (!this.playing) void this.next();
  }

  private async next(): Promise<void> {
    const item = this.waiting.shift();
    this.playing = item ?? null;
    this.onChange(this.playing, this.waiting);
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
