// Replays the event log from its first entry and compares what it describes with the tables:
// every ticket, every counter the log names, every dossier. The tables are what the hub runs
// on; the log is the history. They are written in the same transaction, so any difference is
// a defect (npm run check-log).

import type { HallEventType } from '../contract/events.js';
import { emptyReplay, replayEntry, type ReplayedState } from '../domain/log-entry.js';
import type { Db } from './database.js';
import { entryOfRow } from './event-log.js';
import { QueueRepository, ticketFromRow, type TicketRow } from './queue-repository.js';

/** Rows read a page at a time by `key` (not iterate(): see retainStatements on Node 24). */
function* pages<T extends Record<K, number>, K extends string>(db: Db, sql: string, key: K): Generator<T> {
  const page = db.prepare(`${sql} WHERE ${key} > ? ORDER BY ${key} LIMIT ${PAGE}`);
  for (let after = 0; ; ) {
    const rows = page.all(after) as T[];
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)![key];
  }
}
const PAGE = 5000;

interface LogRow {
  seq: number;
  at: number;
  type: HallEventType;
  ticket_id: string | null;
  counter_id: number | null;
  full_state: number | null;
  data: string;
}

export function replayLog(db: Db): ReplayedState {
  const state = emptyReplay();
  const rows = pages<LogRow, 'seq'>(db, 'SELECT seq, at, type, ticket_id, counter_id, full_state, data FROM event_log', 'seq');
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
  const tickets = pages<TicketRow & { rowid: number }, 'rowid'>(db, 'SELECT rowid, * FROM tickets', 'rowid');
  const seen = new Set<string>();
  for (const row of tickets) {
    const stored = ticketFromRow(row);
    seen.add(stored.id);
    const replay = replayed.tickets.get(stored.id);
    if (!sameState(stored, replay)) mismatches.push({ kind: 'ticket', id: stored.id, stored, replayed: replay });
  }
  for (const [id, replay] of replayed.tickets) if (!seen.has(id)) mismatches.push({ kind: 'ticket', id, stored: undefined, replayed: replay });

  for (const stored of new QueueRepository(db).counterStates()) {
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
