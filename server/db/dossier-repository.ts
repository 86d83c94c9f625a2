// Dossiers as rows. Writes happen inside the command's transaction (QueueService.stage); the
// columns beside the JSON serve look-ups: by code, by its short form, by ticket, open ones by
// due date. The check code has its own column and is left out of the JSON, which the event log
// replays (server/db/log-replay.ts) and which never holds it.

import type { Dossier } from '../domain/dossier/dossier.js';
import type { Db } from './database.js';

interface Row {
  data: string;
  checkCode: string | null;
}

function fromRow(row: Row): Dossier {
  return { ...(JSON.parse(row.data) as Omit<Dossier, 'checkCode'>), checkCode: row.checkCode ?? '' };
}

export class DossierRepository {
  private readonly upsertStmt;
  private readonly linkStmt;
  private readonly byCodeStmt;
  private readonly byShortCodeStmt;
  private readonly byTicketStmt;
  private readonly dueBeforeStmt;
  private readonly seriesStmt;
  private readonly saveSeriesStmt;

  constructor(db: Db) {
    this.upsertStmt = db.prepare(
      `INSERT INTO dossiers (code, kind, status, ticket_id, counter_id, service_id, opened_at, due_at, check_code, data)
       VALUES (@code, @kind, @status, @ticketId, @counterId, @serviceId, @openedAt, @dueAt, @checkCode, @data)
       ON CONFLICT (code) DO UPDATE SET status = excluded.status, counter_id = excluded.counter_id, due_at = excluded.due_at, data = excluded.data`,
    );
    this.linkStmt = db.prepare('INSERT OR IGNORE INTO dossier_tickets (ticket_id, code) VALUES (?, ?)');
    this.byCodeStmt = db.prepare('SELECT data, check_code AS checkCode FROM dossiers WHERE code = ?');
    // substr(code, -11) is the expression of the index dossiers_by_short_code.
    this.byShortCodeStmt = db.prepare('SELECT data, check_code AS checkCode FROM dossiers WHERE substr(code, -11) = ? LIMIT 10');
    this.byTicketStmt = db.prepare(
      `SELECT data, check_code AS checkCode FROM dossiers WHERE ticket_id = @ticketId
       UNION SELECT d.data, d.check_code FROM dossier_tickets t JOIN dossiers d ON d.code = t.code WHERE t.ticket_id = @ticketId`,
    );
    this.dueBeforeStmt = db.prepare(`SELECT data, check_code AS checkCode FROM dossiers WHERE status NOT IN (3, 7, 8, 9, 10) AND due_at IS NOT NULL AND due_at <= ? ORDER BY due_at LIMIT ?`);
    this.seriesStmt = db.prepare('SELECT last_seq FROM dossier_series WHERE day = ?').pluck();
    this.saveSeriesStmt = db.prepare('INSERT INTO dossier_series (day, last_seq) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET last_seq = excluded.last_seq');
  }

  save(d: Dossier): void {
    const { checkCode, ...stored } = d;
    this.upsertStmt.run({
      code: d.code,
      kind: d.kind,
      status: d.status,
      ticketId: d.ticketId,
      counterId: d.counterId,
      serviceId: d.serviceId,
      openedAt: d.openedAt,
      dueAt: d.dueAt,
      // Written once, when the row is made: an update never changes a dossier's check code.
      checkCode,
      data: JSON.stringify(stored),
    });
    for (const ticketId of d.returnTicketIds) this.linkStmt.run(ticketId, d.code);
  }

  saveSeries(day: string, lastSeq: number): void {
    this.saveSeriesStmt.run(day, lastSeq);
  }

  lastSeq(day: string): number {
    return (this.seriesStmt.get(day) as number | undefined) ?? 0;
  }

  get(code: string): Dossier | undefined {
    const row = this.byCodeStmt.get(code) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** The dossiers whose code ends with this short form (its day and series, e.g. 261203-0007). */
  byShortCode(short: string): Dossier[] {
    return (this.byShortCodeStmt.all(short) as Row[]).map(fromRow);
  }

  /** The dossiers a ticket opened or came to collect. */
  ofTicket(ticketId: string): Dossier[] {
    return (this.byTicketStmt.all({ ticketId }) as Row[]).map(fromRow);
  }

  /** Open dossiers due by `before`, soonest first. */
  dueBefore(before: number, limit: number): Dossier[] {
    return (this.dueBeforeStmt.all(before, limit) as Row[]).map(fromRow);
  }
}
