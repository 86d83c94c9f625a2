// The append-only log of every state change. Its row number is the sequence number that
// pages follow; triggers in the schema refuse updates and deletes.

import type { DomainEvent, HallEventType } from '../contract/events.js';
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

export class EventLog {
  private readonly insert;
  private readonly selectLast;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      'INSERT INTO events (at, type, ticket_id, counter_id, service_id, actor, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectLast = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck();
  }

  /** Appends inside the caller's transaction and returns the sequence number given. */
  append(event: DomainEvent, at: number, actor: string | null): number {
    const s = subjects(event);
    const result = this.insert.run(at, event.type, s.ticketId, s.counterId, s.serviceId, actor, JSON.stringify(event.data));
    return Number(result.lastInsertRowid);
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
