// Runs every command of the hall, queue and dossier alike. The engines decide; the command's rows and log entries
// are written in their own savepoint; the reply and the events wait for the fsync of the
// commit that holds them. Commands that arrive in the same instant share one commit (group
// commit): each stays atomic, none is acknowledged or published before it is on disk.

import { serviceFigures, type DomainEvent, type CommittedEvent, type ServiceFigures } from '../contract/events.js';
import type { Db } from '../db/database.js';
import type { EventLog } from '../db/event-log.js';
import type { QueueRepository } from '../db/queue-repository.js';
import type { DossierRepository } from '../db/dossier-repository.js';
import type { RatingRepository } from '../db/rating-repository.js';
import type { CalendarRepository } from '../db/calendar-repository.js';
import type { CalendarChange } from '../domain/calendar/hall-days.js';
import { rate, type RatingCommand, type RatingView, type Rating } from '../domain/rating/rating.js';
import { checkScope, type Actor } from '../domain/access/actor.js';
import { applyDossierCommand, isDossierCommand, type DossierCommand, type DossierView } from '../domain/dossier/dossier-engine.js';
import { dayOf } from '../domain/calendar/hall-clock.js';
import type { PriorState } from '../domain/events/log-entry.js';
import { applyCommand, type Change, type Command } from '../domain/queue/queue-engine.js';
import type { HallQueries } from './hall-queries.js';
import type { LiveState } from './live-state.js';

export type EventListener = (events: CommittedEvent[]) => void;

export interface CommandOutcome {
  change: Change;
  events: CommittedEvent[];
}

export interface Logger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** The disk refused the commit: nothing of the batch was kept, and the caller is told. */
export class CommitError extends Error {
  constructor(cause: unknown) {
    super('the change could not be saved to disk', { cause });
    this.name = 'CommitError';
  }
}

function ratingChange(rating: Rating): Change {
  return { tickets: [], counters: [], series: [], ratings: [rating], events: [{ type: 'ticket:rated', data: { rating } }] };
}

/** Services whose queue figures a change may have moved. */
function affectedServices(events: DomainEvent[], live: LiveState): Set<string> {
  const ids = new Set<string>();
  for (const e of events) {
    const data = e.data as { ticket?: { serviceId: string }; tickets?: { serviceId: string }[]; counter?: { id: number } | null };
    if (data.ticket) ids.add(data.ticket.serviceId);
    for (const t of data.tickets ?? []) ids.add(t.serviceId);
    if (e.type === 'ticket:transferred') ids.add(e.data.from.serviceId);
    // The calendar opens or closes services: all of them get fresh figures.
    if (e.type === 'calendar:changed') for (const id of live.allServiceIds()) ids.add(id);
    // Opening, pausing or closing a counter changes the estimates of what it serves.
    if (e.type.startsWith('counter:') && data.counter) {
      for (const l of live.counter(data.counter.id)?.services ?? []) ids.add(l.serviceId);
    }
  }
  return ids;
}

/** What the command service writes to and reads from. */
export interface QueueServiceDeps {
  db: Db;
  /** Tickets, counters' states and numbering series as stored. */
  tickets: QueueRepository;
  log: EventLog;
  live: LiveState;
  queries: HallQueries;
  clock: () => number;
  logger: Logger;
  /** Rebuilds the live state from the database after a failed commit. */
  reloadLive: () => void;
  dossiers: DossierRepository;
  /** What the dossier engine reads. */
  dossierView: DossierView;
  ratings: RatingRepository;
  /** What the rating rules read. */
  ratingView: RatingView;
  /** The hall's own calendar days and loaded years. */
  calendar: CalendarRepository;
}

interface Staged {
  change: Change;
  /** Services whose figures its events carry. */
  services: Set<string>;
  actor: string | null;
  at: number;
  seqs: number[];
  resolve: (outcome: CommandOutcome) => void;
  reject: (error: unknown) => void;
}

interface Batch {
  staged: Staged[];
  done: Promise<void>;
  finish: () => void;
}

export class QueueService {
  private readonly listeners = new Set<EventListener>();
  private day: string;
  private seq: number;
  private batch: Batch | null = null;
  /** What the log's entries are made against: the live state and stored dossiers before a change. */
  private readonly prior: PriorState;

  private readonly db: Db;
  private readonly repo: QueueRepository;
  private readonly log: EventLog;
  readonly live: LiveState;
  readonly queries: HallQueries;
  private readonly clock: () => number;
  private readonly logger: Logger;
  private readonly reloadLive: () => void;
  private readonly dossiers: DossierRepository;
  private readonly dossierView: DossierView;
  private readonly ratings: RatingRepository;
  private readonly ratingView: RatingView;
  private readonly calendar: CalendarRepository;

  constructor(deps: QueueServiceDeps) {
    this.db = deps.db;
    this.repo = deps.tickets;
    this.log = deps.log;
    this.live = deps.live;
    this.queries = deps.queries;
    this.clock = deps.clock;
    this.logger = deps.logger;
    this.reloadLive = deps.reloadLive;
    this.dossiers = deps.dossiers;
    this.dossierView = deps.dossierView;
    this.ratings = deps.ratings;
    this.ratingView = deps.ratingView;
    this.calendar = deps.calendar;
    const { live, dossiers } = this;
    this.prior = { ticket: (id) => live.ticket(id), counterState: (id) => live.counterState(id), dossier: (code) => dossiers.get(code) };
    this.seq = this.log.lastSeq();
    this.day = dayOf(this.clock(), live.settings.timeZone);
  }

  /** Sequence number of the last committed event. */
  lastSeq(): number {
    return this.seq;
  }

  onEvents(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `read` once no commit is in flight, so that it sees only what is on disk. The check
   * and the read happen in the same turn: no command can slip in between.
   */
  async read<T>(read: () => T): Promise<T> {
    while (this.batch) await this.batch.done;
    return read();
  }

  /**
   * Runs one command for `actor`. Rejects with DomainError, changing nothing, when the rules
   * or the actor's scope refuse it;
   * resolves once the change is committed and its events are published.
   */
  async execute(command: Command | DossierCommand | RatingCommand, actor: Actor): Promise<CommandOutcome> {
    const now = this.clock();
    this.rollOver(now);
    checkScope(this.live, actor, command);
    const change: Change =
      command.type === 'rateTicket'
        ? ratingChange(rate(this.ratingView, command, now))
        : isDossierCommand(command)
          ? applyDossierCommand(this.dossierView, command, { now, by: actor.name })
          : applyCommand(this.live, command, { now });
    return this.stage(change, actor.name, now);
  }

  /**
   * Runs a queue command and, in the same commit, logs other changes and stores their rows
   * (`write`): a counter closed and its clerk's session ended are kept together or not at all.
   */
  async executeWith(command: Command, actor: Actor, also: DomainEvent[], write: () => void): Promise<CommandOutcome> {
    const now = this.clock();
    this.rollOver(now);
    checkScope(this.live, actor, command);
    const change = applyCommand(this.live, command, { now });
    return this.stage({ ...change, events: [...change.events, ...also] }, actor.name, now, write);
  }

  /**
   * Logs changes that are not the queue's (accounts, alerts) through the same commit path:
   * `write` stores their rows in the same savepoint as their log entries, so both or neither
   * are kept; resolves once they are on disk.
   */
  async record(events: DomainEvent[], actor: Actor, write: () => void): Promise<CommandOutcome> {
    const now = this.clock();
    this.rollOver(now);
    return this.stage({ tickets: [], counters: [], series: [], events }, actor.name, now, write);
  }

  /**
   * Records a change of the hall's own calendar (checked by its use case) with who made it; the
   * calendar follows at once, and every page hears the services' new figures.
   */
  recordCalendarChange(change: CalendarChange, actor: Actor): Promise<CommandOutcome> {
    const now = this.clock();
    this.rollOver(now);
    return this.stage({ tickets: [], counters: [], series: [], events: [{ type: 'calendar:changed', data: change }] }, actor.name, now);
  }

  /**
   * Closes what the day left open: earlier days' tickets, and today's waiting ones once
   * closing time has passed. Run by a timer; harmless when there is nothing to close.
   */
  async sweep(): Promise<CommittedEvent[]> {
    const now = this.clock();
    this.rollOver(now);
    return (await this.stage(applyCommand(this.live, { type: 'closeDay', includeToday: false }, { now }), null, now)).events;
  }

  private rollOver(now: number): void {
    const today = dayOf(now, this.live.settings.timeZone);
    if (today === this.day) return;
    this.day = today;
    this.stage(applyCommand(this.live, { type: 'closeDay', includeToday: false }, { now }), null, now).catch((error: unknown) =>
      this.logger.error({ err: error }, 'closing the previous day failed'),
    );
    this.live.startDay(today);
    this.logger.info({ day: today }, 'new working day: numbering restarts');
  }

  private openBatch(): Batch {
    if (this.batch) return this.batch;
    this.db.exec('BEGIN IMMEDIATE');
    let finish = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    const batch: Batch = { staged: [], done, finish };
    this.batch = batch;
    // Everything that arrives before the event loop turns joins this commit.
    setImmediate(() => this.flush(batch));
    return batch;
  }

  private stage(change: Change, actor: string | null, at: number, write?: () => void): Promise<CommandOutcome> {
    if (change.events.length === 0) return Promise.resolve({ change, events: [] });
    const batch = this.openBatch();
    this.db.exec('SAVEPOINT command');
    let seqs: number[];
    try {
      // The log keeps what changed: it is written first, against the state before the change.
      seqs = this.log.appendChange(change.events, this.prior, at, actor, this.day);
      this.repo.saveRows(change);
      for (const d of change.dossiers ?? []) this.dossiers.save(d);
      for (const s of change.dossierSeries ?? []) this.dossiers.saveSeries(s.day, s.lastSeq);
      for (const r of change.ratings ?? []) this.ratings.save(r);
      write?.();
      for (const e of change.events) if (e.type === 'calendar:changed') this.calendar.save(e.data, at, actor);
      this.db.exec('RELEASE command');
    } catch (error) {
      this.log.forgetUnwritten();
      this.db.exec('ROLLBACK TO command');
      this.db.exec('RELEASE command');
      return Promise.reject(error);
    }
    // Later commands of the same batch must see this one.
    this.live.apply(
      change,
      change.events.map((event) => ({ event, at })),
    );
    const services = affectedServices(change.events, this.live);
    return new Promise((resolve, reject) => batch.staged.push({ change, services, actor, at, seqs, resolve, reject }));
  }

  private flush(batch: Batch): void {
    this.batch = null;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      this.logger.error({ err: error }, 'commit failed; the batch is rolled back');
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.log.forgetUnwritten();
      this.reloadLive();
      for (const s of batch.staged) s.reject(new CommitError(error));
      batch.finish();
      return;
    }
    // Every command of the batch may have been refused while writing: nothing to publish.
    if (batch.staged.length === 0) {
      batch.finish();
      return;
    }
    const figures = this.figuresFor(batch.staged);
    const outcomes = batch.staged.map((s) => {
      const services = [...s.services].flatMap((id) => figures.get(id) ?? []);
      const events = s.change.events.map((e, i) => ({ ...e, seq: s.seqs[i]!, at: s.at, actor: s.actor, services }) as CommittedEvent);
      return { staged: s, events };
    });
    this.seq = batch.staged.at(-1)!.seqs.at(-1)!;
    this.publish(outcomes.flatMap((o) => o.events));
    for (const { staged, events } of outcomes) staged.resolve({ change: staged.change, events });
    batch.finish();
  }

  /** Fresh figures of every service the batch touched, computed once for the whole batch. */
  private figuresFor(staged: Staged[]): Map<string, ServiceFigures> {
    const ids = new Set<string>();
    for (const s of staged) for (const id of s.services) ids.add(id);
    return new Map(this.queries.serviceSummaries(ids).map((summary) => [summary.id, serviceFigures(summary)]));
  }

  private publish(events: CommittedEvent[]): void {
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        // A page or device that fails to hear an event must not undo a committed command.
        this.logger.error({ err: error }, 'an event listener failed');
      }
    }
  }
}
