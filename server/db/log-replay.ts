// Replays the event log from its first entry and compares what it describes with the tables:
// every ticket, every counter the log names, every dossier. The tables are what the hub runs
// on; the log is the history. They are written in the same transaction, so any difference is
// a defect (npm run check-log).

import type { HallEventType } from '../contract/events.js';
import { emptyReplay, replayEntry, type ReplayedState } from '../domain/log-entry.js';
import type { Db } from './database.js';
import { entryOfRow } from './event-log.js';
import { ticketFromRow, type TicketRow } from './queue-repository.js';

export function replayLog(db: Db, upToSeq = Number.MAX_SAFE_INTEGER): ReplayedState {
  const state = emptyReplay();
  const sql = 'SELECT e.seq, e.at, t.name AS type, e.ticket_id, e.counter_id, e.full_state, e.data FROM events e JOIN event_types t ON t.id = e.type WHERE e.seq <= ? ORDER BY e.seq';
  const rows = db.prepare(sql).iterate(upToSeq) as Iterable<{ seq: number; at: number; type: HallEventType; ticket_id: string | null; counter_id: number | null; full_state: number | null; data: string }>;
  for (const row of rows) replayEntry(state, { seq: row.seq, ticketId: row.ticket_id, data: entryOfRow(row) });
  return state;
}

export interface LogMismatch {
  kind: 'ticket' | 'counter' | 'dossier';
  id: string;
  stored: unknown;
  replayed: unknown;
}

/** Key order aside, are two states the same? */
function sameState(a: object | undefined, b: object | undefined): boolean {
  const sortedJson = (o: object | undefined) => (o === undefined ? 'undefined' : JSON.stringify(o, Object.keys(o).sort()));
  return sortedJson(a) === sortedJson(b);
}

/** Where the replayed log and the tables differ; empty when the log is exact. */
export function compareLogWithTables(db: Db, replayed: ReplayedState = replayLog(db)): LogMismatch[] {
  const mismatches: LogMismatch[] = [];
  const tickets = db.prepare('SELECT * FROM tickets').iterate() as Iterable<TicketRow>;
  const seen = new Set<string>();
  for (const row of tickets) {
    const stored = ticketFromRow(row);
    seen.add(stored.id);
    const replay = replayed.tickets.get(stored.id);
    if (!sameState(stored, replay)) mismatches.push({ kind: 'ticket', id: stored.id, stored, replayed: replay });
  }
  for (const [id, replay] of replayed.tickets) if (!seen.has(id)) mismatches.push({ kind: 'ticket', id, stored: undefined, replayed: replay });

  const counters = db.prepare('SELECT counter_id AS id, mode, pause_reason AS pauseReason, clerk, current_ticket_id AS currentTicketId, regular_since_priority AS regularSincePriority, since FROM counter_state').all() as { id: number }[];
  for (const stored of counters) {
    const replay = replayed.counters.get(stored.id);
    // A counter no event has named yet is as the hall file made it.
    if (replay && !sameState(stored, replay)) mismatches.push({ kind: 'counter', id: String(stored.id), stored, replayed: replay });
  }

  const dossiers = db.prepare('SELECT code, data FROM dossiers').all() as { code: string; data: string }[];
  for (const row of dossiers) {
    const stored = JSON.parse(row.data) as object;
    const replay = replayed.dossiers.get(row.code);
    if (!sameState(stored, replay)) mismatches.push({ kind: 'dossier', id: row.code, stored, replayed: replay });
  }
  return mismatches;
}
