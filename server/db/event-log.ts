// The append-only log of every state change. Its row number is the sequence number that
// pages follow; triggers in the schema refuse updates and deletes. Each row keeps what the
// change set, not the full states (server/domain/log-entry.ts).

import type { DomainEvent, HallEventType } from '../contract/events.js';
import { logEntriesOf, type PriorState } from '../domain/log-entry.js';
import type { Db } from './database.js';

export interface LoggedEvent {
  seq: number;
  at: number;
  type: HallEventType;
  ticketId: string | null;
  counterId: number | null;
  serviceId: string | null;
  actor: string | null;
  data: unknown;
}

interface EventRow {
  seq: number;
  at: number;
  type: HallEventType;
  ticket_id: string | null;
  counter_id: number | null;
  service_id: string | null;
  actor: string | null;
  data: string;
}

/** The ticket, counter and service an event is about, for the log's columns. */
function subjects(event: DomainEvent): { ticketId: string | null; counterId: number | null; serviceId: string | null } {
  const data = event.data as {
    ticket?: { id: string; serviceId: string; counterId: number | null };
    counter?: { id: number } | null;
    dossier?: { ticketId: string | null; counterId: number | null; serviceId: string | null };
  };
  return {
    ticketId: data.ticket?.id ?? data.dossier?.ticketId ?? null,
    counterId: data.counter?.id ?? data.ticket?.counterId ?? data.dossier?.counterId ?? null,
    serviceId: data.ticket?.serviceId ?? data.dossier?.serviceId ?? null,
  };
}

function counterIdsOf(entry: Record<string, unknown>): number[] {
  const one = entry.counter as { id: number } | null | undefined;
  const many = (entry.counters as { id: number }[] | undefined) ?? [];
  return [...(one ? [one.id] : []), ...many.map((c) => c.id)];
}

export class EventLog {
  private readonly insert;
  private readonly selectLast;
  /** Counters whose whole state the log holds since the start of `day` or of this hub. */
  private readonly wholeCounters = new Set<number>();
  private day = '';

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      'INSERT INTO events (at, type, ticket_id, counter_id, service_id, actor, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectLast = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck();
  }

  /**
   * Appends a change's events inside the caller's transaction, each as what it changed since
   * `prior` (the state before the change), and returns the sequence numbers given.
   */
  appendChange(events: readonly DomainEvent[], prior: PriorState, at: number, actor: string | null, day: string): number[] {
    if (day !== this.day) this.forgetWholeCounters(day);
    const entries = logEntriesOf(events, prior, (id) => !this.wholeCounters.has(id));
    return events.map((event, i) => {
      const s = subjects(event);
      const result = this.insert.run(at, event.type, s.ticketId, s.counterId, s.serviceId, actor, JSON.stringify(entries[i]));
      for (const c of counterIdsOf(entries[i]!)) this.wholeCounters.add(c);
      return Number(result.lastInsertRowid);
    });
  }

  /**
   * After a write that did not reach the disk: the next entry of every counter holds its whole
   * state again (one too many is harmless, one missing would break a day's replay).
   */
  forgetWholeCounters(day = this.day): void {
    this.wholeCounters.clear();
    this.day = day;
  }

  /** Who made the last change of a kind to a ticket (e.g. who finished serving it). */
  lastActor(ticketId: string, type: HallEventType): string | null {
    return (this.db.prepare('SELECT actor FROM events WHERE ticket_id = ? AND type = ? ORDER BY seq DESC LIMIT 1').pluck().get(ticketId, type) as string | undefined) ?? null;
  }

  lastSeq(): number {
    return this.selectLast.get() as number;
  }

  read(filter: { after?: number; ticketId?: string; limit: number }): LoggedEvent[] {
    const rows = (
      filter.ticketId !== undefined
        ? this.db.prepare('SELECT * FROM events WHERE ticket_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(filter.ticketId, filter.after ?? 0, filter.limit)
        : this.db.prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?').all(filter.after ?? 0, filter.limit)
    ) as EventRow[];
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      type: r.type,
      ticketId: r.ticket_id,
      counterId: r.counter_id,
      serviceId: r.service_id,
      actor: r.actor,
      data: JSON.parse(r.data) as unknown,
    }));
  }
}
