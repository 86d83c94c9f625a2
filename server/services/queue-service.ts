// Runs every command of the hall: the engine decides, one SQLite transaction stores the
// new states and the log entries, the live state follows, then listeners (sockets, devices)
// hear the numbered events. Nothing is published that was not committed.

import type { DomainEvent, PublishedEvent } from '../contract/events.js';
import type { Db } from '../db/database.js';
import type { EventLog } from '../db/event-log.js';
import type { QueueRepository } from '../db/queue-repository.js';
import { dayOf } from '../domain/hall-clock.js';
import { applyCommand, type Change, type Command } from '../domain/queue-engine.js';
import type { HallQueries } from './hall-queries.js';
import type { LiveState } from './live-state.js';

export type EventListener = (events: PublishedEvent[]) => void;

export interface CommandOutcome {
  change: Change;
  events: PublishedEvent[];
}

export interface Logger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Services whose queue figures a change may have moved. */
function affectedServices(events: DomainEvent[], live: LiveState): Set<string> {
  const ids = new Set<string>();
  for (const e of events) {
    const data = e.data as { ticket?: { serviceId: string }; tickets?: { serviceId: string }[]; counter?: { id: number } | null };
    if (data.ticket) ids.add(data.ticket.serviceId);
    for (const t of data.tickets ?? []) ids.add(t.serviceId);
    if (e.type === 'ticket:transferred') ids.add(e.data.from.serviceId);
    // Opening, pausing or closing a counter changes the estimates of what it serves.
    if (e.type.startsWith('counter:') && data.counter) {
      for (const l of live.counter(data.counter.id)?.services ?? []) ids.add(l.serviceId);
    }
  }
  return ids;
}

export class QueueService {
  private readonly listeners = new Set<EventListener>();
  private day: string;
  private seq: number;

  constructor(
    private readonly db: Db,
    private readonly repo: QueueRepository,
    private readonly log: EventLog,
    readonly live: LiveState,
    readonly queries: HallQueries,
    private readonly clock: () => number,
    private readonly logger: Logger,
  ) {
    this.seq = log.lastSeq();
    this.day = dayOf(clock(), live.settings.timeZone);
  }

  lastSeq(): number {
    return this.seq;
  }

  onEvents(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs one command as one transaction. Throws DomainError, changing nothing, when refused. */
  execute(command: Command, actor: string | null = null): CommandOutcome {
    const now = this.clock();
    this.rollOver(now);
    const change = applyCommand(this.live, command, { now });
    return { change, events: this.commit(change, actor, now) };
  }

  /**
   * Closes what the day left open: earlier days' tickets, and today's waiting ones once
   * closing time has passed. Run by a timer; harmless when there is nothing to close.
   */
  sweep(): PublishedEvent[] {
    const now = this.clock();
    this.rollOver(now);
    return this.commit(applyCommand(this.live, { type: 'closeDay', includeToday: false }, { now }), null, now);
  }

  private rollOver(now: number): void {
    const today = dayOf(now, this.live.settings.timeZone);
    if (today === this.day) return;
    this.day = today;
    this.commit(applyCommand(this.live, { type: 'closeDay', includeToday: false }, { now }), null, now);
    this.live.startDay(today);
    this.logger.info({ day: today }, 'new working day: numbering restarts');
  }

  private commit(change: Change, actor: string | null, now: number): PublishedEvent[] {
    if (change.events.length === 0) return [];
    const seqs = this.db.transaction(() => {
      for (const t of change.tickets) this.repo.saveTicket(t);
      for (const c of change.counters) this.repo.saveCounterState(c);
      for (const s of change.series) this.repo.saveSeries(s);
      return change.events.map((e) => this.log.append(e, now, actor));
    })();
    this.seq = seqs.at(-1)!;
    this.live.apply(
      change,
      change.events.map((event) => ({ event, at: now })),
    );
    const services = this.queries.serviceSummaries(affectedServices(change.events, this.live));
    const published = change.events.map((e, i) => ({ ...e, seq: seqs[i]!, at: now, actor, services }) as PublishedEvent);
    for (const listener of this.listeners) {
      try {
        listener(published);
      } catch (error) {
        // A page or device that fails to hear an event must not undo a committed command.
        this.logger.error({ err: error }, 'an event listener failed');
      }
    }
    return published;
  }
}
