// Tickets, counter states and daily series as rows. Writes happen inside the caller's
// transaction (see QueueStore.commit); reads load the live queue at start.

import type { Change, SeriesUpdate } from '../domain/queue/queue-engine.js';
import type { CounterMode, CounterState, Ticket, TicketSource, TicketStatus } from '../domain/queue/queue-state.js';
import { durationsByService } from '../domain/estimate/wait-estimate.js';
import type { Db } from './database.js';

export interface TicketRow {
  id: string;
  day: string;
  service_id: string;
  seq: number;
  number: string;
  priority: string | null;
  status: TicketStatus;
  source: TicketSource;
  issued_at: number;
  queue_at: number;
  front: number;
  target_counter_id: number | null;
  counter_id: number | null;
  called_at: number | null;
  recall_count: number;
  serving_at: number | null;
  ended_at: number | null;
  transfer_count: number;
  end_reason: string | null;
}

interface CounterStateRow {
  counter_id: number;
  mode: CounterMode;
  pause_reason: string | null;
  clerk: string | null;
  current_ticket_id: string | null;
  regular_since_priority: number;
  since: number;
}

export function ticketFromRow(r: TicketRow): Ticket {
  return {
    id: r.id,
    day: r.day,
    serviceId: r.service_id,
    seq: r.seq,
    number: r.number,
    priority: r.priority,
    status: r.status,
    source: r.source,
    issuedAt: r.issued_at,
    queueAt: r.queue_at,
    front: r.front === 1,
    targetCounterId: r.target_counter_id,
    counterId: r.counter_id,
    calledAt: r.called_at,
    recallCount: r.recall_count,
    servingAt: r.serving_at,
    endedAt: r.ended_at,
    transferCount: r.transfer_count,
    endReason: r.end_reason,
  };
}

function counterStateFromRow(r: CounterStateRow): CounterState {
  return {
    id: r.counter_id,
    mode: r.mode,
    pauseReason: r.pause_reason,
    clerk: r.clerk,
    currentTicketId: r.current_ticket_id,
    regularSincePriority: r.regular_since_priority,
    since: r.since,
  };
}

const TICKET_COLUMNS =
  'id, day, service_id, seq, number, priority, status, source, issued_at, queue_at, front, target_counter_id, counter_id, called_at, recall_count, serving_at, ended_at, transfer_count, end_reason';

export class QueueRepository {
  private readonly upsertTicket;
  private readonly upsertCounter;
  private readonly upsertSeries;
  private readonly selectSeries;
  private readonly selectTicket;

  constructor(private readonly db: Db) {
    // Deliberate: a ticket's row is written whole at each change. The update lands only on the
    // same ticket (same day, number in its series and issue time); saveTicket throws otherwise.
    this.upsertTicket = db.prepare(
      `INSERT INTO tickets (${TICKET_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET service_id = excluded.service_id, priority = excluded.priority,
         status = excluded.status, queue_at = excluded.queue_at, front = excluded.front,
         target_counter_id = excluded.target_counter_id, counter_id = excluded.counter_id,
         called_at = excluded.called_at, recall_count = excluded.recall_count, serving_at = excluded.serving_at,
         ended_at = excluded.ended_at, transfer_count = excluded.transfer_count, end_reason = excluded.end_reason
       WHERE tickets.day = excluded.day AND tickets.seq = excluded.seq AND tickets.issued_at = excluded.issued_at`,
    );
    this.upsertCounter = db.prepare(
      `UPDATE counter_state SET mode = ?, pause_reason = ?, clerk = ?, current_ticket_id = ?,
         regular_since_priority = ?, since = ? WHERE counter_id = ?`,
    );
    // Deliberate: one row per day and service, moved on by each number given, never back.
    this.upsertSeries = db.prepare(
      `INSERT INTO ticket_series (day, service_id, last_seq) VALUES (?, ?, ?)
       ON CONFLICT(day, service_id) DO UPDATE SET last_seq = excluded.last_seq
       WHERE excluded.last_seq > ticket_series.last_seq`,
    );
    this.selectSeries = db.prepare('SELECT last_seq FROM ticket_series WHERE day = ? AND service_id = ?').pluck();
    this.selectTicket = db.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = ?`);
  }

  /** A change's tickets, counter states and numbering series, in the caller's transaction. */
  saveRows(change: Pick<Change, 'tickets' | 'counters' | 'series'>): void {
    for (const t of change.tickets) this.saveTicket(t);
    for (const c of change.counters) this.saveCounterState(c);
    for (const s of change.series) this.saveSeries(s);
  }

  saveTicket(t: Ticket): void {
    // In the order of TICKET_COLUMNS.
    const written = this.upsertTicket.run(
      t.id,
      t.day,
      t.serviceId,
      t.seq,
      t.number,
      t.priority,
      t.status,
      t.source,
      t.issuedAt,
      t.queueAt,
      t.front ? 1 : 0,
      t.targetCounterId,
      t.counterId,
      t.calledAt,
      t.recallCount,
      t.servingAt,
      t.endedAt,
      t.transferCount,
      t.endReason,
    );
    if (written.changes === 0) throw new Error(`ticket ${t.id} is stored as another ticket; nothing was written over it`);
  }

  saveCounterState(c: CounterState): void {
    this.upsertCounter.run(c.mode, c.pauseReason, c.clerk, c.currentTicketId, c.regularSincePriority, c.since, c.id);
  }

  saveSeries(s: SeriesUpdate): void {
    this.upsertSeries.run(s.day, s.serviceId, s.lastSeq);
  }

  lastSeq(day: string, serviceId: string): number {
    return (this.selectSeries.get(day, serviceId) as number | undefined) ?? 0;
  }

  ticket(id: string): Ticket | null {
    const row = this.selectTicket.get(id) as TicketRow | undefined;
    return row ? ticketFromRow(row) : null;
  }

  /** The day's tickets and every earlier one that is still open. */
  liveTickets(today: string): Ticket[] {
    const rows = this.db
      .prepare(
        // Two indexed reads (by day, and through the partial index tickets_open, whose condition
        // must be written as it is) rather than one OR that scans years of tickets.
        `SELECT ${TICKET_COLUMNS} FROM tickets WHERE day >= ?
         UNION
         SELECT ${TICKET_COLUMNS} FROM tickets
         WHERE status IN ('waiting','called','serving','no_show') AND status <> 'no_show'
         ORDER BY issued_at, id`,
      )
      .all(today) as TicketRow[];
    return rows.map(ticketFromRow);
  }

  ticketsOfDay(day: string): Ticket[] {
    const rows = this.db.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE day = ? ORDER BY issued_at, id`).all(day) as TicketRow[];
    return rows.map(ticketFromRow);
  }

  /** Measured service times of the days from `fromDay` up to (not with) `beforeDay`, per service, in ms. */
  serviceDurations(fromDay: string, beforeDay: string): Map<string, number[]> {
    const rows = this.db
      .prepare(
        `SELECT service_id AS serviceId, status, called_at AS calledAt, serving_at AS servingAt, ended_at AS endedAt,
                end_reason AS endReason
         FROM tickets WHERE day >= ? AND day < ? AND status = 'done'`,
      )
      .all(fromDay, beforeDay) as Pick<Ticket, 'serviceId' | 'status' | 'calledAt' | 'servingAt' | 'endedAt' | 'endReason'>[];
    return durationsByService(rows);
  }

  counterStates(): CounterState[] {
    const rows = this.db.prepare('SELECT * FROM counter_state ORDER BY counter_id').all() as CounterStateRow[];
    return rows.map(counterStateFromRow);
  }
}
