// The append-only log of every state change. Its row number is the sequence number that
// pages follow; triggers in the schema refuse updates and deletes. Each row keeps what the
// change set, not the full states (server/domain/events/log-entry.ts); its kind and its actor are
// numbers into event_types and actors (migration 009). Reads go through the view event_log,
// which names them.

import type { DomainEvent, HallEventType } from '../contract/events.js';
import { entryFromRow, logEntriesOf, storedEntry, type Entry, type PriorState } from '../domain/events/log-entry.js';
import type { Db } from './database.js';

export interface LoggedEvent {
  seq: number;
  at: number;
  type: HallEventType;
  ticketId: string | null;
  counterId: number | null;
  serviceId: string | null;
  actor: string | null;
  /** What the change set, times as they were (an entry of the former log holds full states). */
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
  full_state: number | null;
  data: string;
}

/** An entry's data as it was meant, from its row: relative times made absolute again. */
export function entryOfRow(row: { at: number; type: HallEventType; counter_id: number | null; full_state: number | null; data: string }): Entry {
  const data = JSON.parse(row.data) as Entry;
  return row.full_state === 1 ? data : entryFromRow(data, row.type, { at: row.at, counterId: row.counter_id });
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

function counterIdsOf(entry: Entry): number[] {
  const one = entry.counter as { id: number } | null | undefined;
  const many = (entry.counters as { id: number }[] | undefined) ?? [];
  return [...(one ? [one.id] : []), ...many.map((c) => c.id)];
}

export class EventLog {
  private readonly insert;
  private readonly selectLast;
  private readonly insertActor;
  private readonly typeIds: Map<string, number>;
  private readonly actorIds = new Map<string, number>();
  /** Counters whose whole state the log holds since the start of `day` or of this hub. */
  private readonly wholeCounters = new Set<number>();
  private day = '';

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO events (at, type, ticket_id, counter_id, service_id, actor, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.selectLast = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck();
    // Deliberate: gives a name's id, adding the name the first time (the update changes nothing).
    this.insertActor = db.prepare('INSERT INTO actors (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = name RETURNING id').pluck();
    this.typeIds = new Map(db.prepare('SELECT name, id FROM event_types').raw().all() as [string, number][]);
  }

  /**
   * Appends a change's events inside the caller's transaction, each as what it changed since
   * `prior` (the state before the change), and returns the sequence numbers given.
   */
  appendChange(events: readonly DomainEvent[], prior: PriorState, at: number, actor: string | null, day: string): number[] {
    if (day !== this.day) {
      this.wholeCounters.clear();
      this.day = day;
    }
    const entries = logEntriesOf(events, prior, (id) => !this.wholeCounters.has(id));
    const actorId = actor === null ? null : this.actorId(actor);
    return events.map((event, i) => {
      const type = this.typeIds.get(event.type);
      if (type === undefined) throw new Error(`the event kind ${event.type} has no number in event_types: add it in a migration`);
      const s = subjects(event);
      const result = this.insert.run(at, type, s.ticketId, s.counterId, s.serviceId, actorId, JSON.stringify(storedEntry(entries[i]!, event.type, { at, counterId: s.counterId })));
      for (const c of counterIdsOf(entries[i]!)) this.wholeCounters.add(c);
      return Number(result.lastInsertRowid);
    });
  }

  /**
   * After a write that did not reach the disk: the next entry of every counter holds its whole
   * state again (one too many is harmless, one missing would break a day's replay). Actor
   * numbers are looked up again too, as a rolled-back one is gone.
   */
  forgetUnwritten(): void {
    this.wholeCounters.clear();
    this.actorIds.clear();
  }

  private actorId(name: string): number {
    let id = this.actorIds.get(name);
    if (id === undefined) {
      id = this.insertActor.get(name) as number;
      this.actorIds.set(name, id);
    }
    return id;
  }

  /** Who made the last change of a kind to a ticket (e.g. who finished serving it). */
  lastActor(ticketId: string, type: HallEventType): string | null {
    const sql = 'SELECT actor FROM event_log WHERE ticket_id = ? AND type = ? ORDER BY seq DESC LIMIT 1';
    return (this.db.prepare(sql).pluck().get(ticketId, type) as string | undefined) ?? null;
  }

  lastSeq(): number {
    return this.selectLast.get() as number;
  }

  read(filter: { after?: number; ticketId?: string; limit: number }): LoggedEvent[] {
    const rows = (
      filter.ticketId !== undefined
        ? this.db.prepare('SELECT * FROM event_log WHERE ticket_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(filter.ticketId, filter.after ?? 0, filter.limit)
        : this.db.prepare('SELECT * FROM event_log WHERE seq > ? ORDER BY seq LIMIT ?').all(filter.after ?? 0, filter.limit)
    ) as EventRow[];
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      type: r.type,
      ticketId: r.ticket_id,
      counterId: r.counter_id,
      serviceId: r.service_id,
      actor: r.actor,
      data: entryOfRow(r),
    }));
  }
}
