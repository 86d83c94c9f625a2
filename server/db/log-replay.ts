// Replays the event log from its first entry and compares what it describes with the tables:
// every ticket, every counter the log names, every dossier. The tables are what the hub runs
// on; the log is the history. They are written in the same transaction, so any difference is
// a defect (npm run check-log).

import type { HallEventType } from '../contract/events.js';
import { emptyReplay, replayEntry } from '../domain/events/log-entry.js';
import { FINAL_STATUSES, type Ticket } from '../domain/queue/queue-state.js';
import type { Db } from './database.js';
import { entryOfRow } from './event-log.js';
import { QueueRepository } from './queue-repository.js';

interface LogRow {
  seq: number;
  at: number;
  type: HallEventType;
  ticket_id: string | null;
  counter_id: number | null;
  full_state: number | null;
  data: string;
}

const PAGE = 5000;

/** The log in order, a page of rows at a time (not iterate(): see retainStatements on Node 24). */
function* logRows(db: Db): Generator<LogRow> {
  const page = db.prepare(`SELECT seq, at, type, ticket_id, counter_id, full_state, data FROM event_log WHERE seq > ? ORDER BY seq LIMIT ${PAGE}`);
  for (let after = 0; ; ) {
    const rows = page.all(after) as LogRow[];
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.seq;
  }
}

export interface LogMismatch {
  kind: 'ticket' | 'counter' | 'dossier';
  id: string;
  stored: unknown;
  replayed: unknown;
}

/** Key order aside, are two states the same? */
function sameState(a: object | undefined | null, b: object | undefined | null): boolean {
  const sortedJson = (o: object | undefined | null) => (o == null ? 'undefined' : JSON.stringify(o, Object.keys(o).sort()));
  return sortedJson(a) === sortedJson(b);
}

/**
 * Where the replayed log and the tables differ; empty when the log is exact.
 * A ticket never changes once final (done, cancelled, not served), so it is compared with its
 * row as soon as the log makes it final and then forgotten: the replay holds only open tickets,
 * and years of a busy hall (millions of tickets) are checked in little memory. So is a skipped
 * ticket (no-show) once a ticket of a later day appears: the hub lets go of earlier days'
 * skipped tickets when its day turns, before it can issue one (LiveState.startDay), and never
 * loads them again. A ticket named again after it was forgotten would come back without its
 * earlier fields and be counted twice, so such a log still shows as different.
 */
export function compareLogWithTables(db: Db): LogMismatch[] {
  const mismatches: LogMismatch[] = [];
  const repo = new QueueRepository(db);
  const state = emptyReplay();
  let compared = 0;
  const compareTicket = (replayed: Ticket) => {
    const stored = repo.ticket(replayed.id);
    compared += 1;
    if (!sameState(stored, replayed)) mismatches.push({ kind: 'ticket', id: replayed.id, stored: stored ?? undefined, replayed });
  };

  let latestDay = '';
  for (const row of logRows(db)) {
    for (const id of replayEntry(state, { seq: row.seq, ticketId: row.ticket_id, data: entryOfRow(row) })) {
      const ticket = state.tickets.get(id)!;
      if (ticket.day > latestDay) {
        latestDay = ticket.day;
        for (const open of state.tickets.values()) {
          if (open.status !== 'no_show' || open.day >= latestDay) continue;
          compareTicket(open);
          state.tickets.delete(open.id);
        }
      }
      if (!FINAL_STATUSES.has(ticket.status)) continue;
      compareTicket(ticket);
      state.tickets.delete(id);
    }
  }
  for (const ticket of state.tickets.values()) compareTicket(ticket);
  // Every ticket the log made was looked for by its id; a row the log never made shows in the count.
  const storedCount = db.prepare('SELECT COUNT(*) FROM tickets').pluck().get() as number;
  if (storedCount !== compared) mismatches.push({ kind: 'ticket', id: '(number of tickets)', stored: storedCount, replayed: compared });

  for (const stored of repo.counterStates()) {
    const replay = state.counters.get(stored.id);
    // A counter no event has named yet is as the hall file made it.
    if (replay && !sameState(stored, replay)) mismatches.push({ kind: 'counter', id: String(stored.id), stored, replayed: replay });
  }

  const dossiers = db.prepare('SELECT code, data FROM dossiers').all() as { code: string; data: string }[];
  for (const row of dossiers) {
    const stored = JSON.parse(row.data) as object;
    const replay = state.dossiers.get(row.code);
    if (!sameState(stored, replay)) mismatches.push({ kind: 'dossier', id: row.code, stored, replayed: replay });
  }
  return mismatches;
}
