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
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly linkStmt;
  private readonly byCodeStmt;
  private readonly byShortCodeStmt;
  private readonly byTicketStmt;
  private readonly dueBeforeStmt;
  private readonly openStmt;
  private readonly seriesStmt;
  private readonly saveSeriesStmt;

  constructor(db: Db) {
    // No upsert: a new dossier is a plain INSERT, which a code already stored refuses, and a
    // change is an UPDATE of the same dossier only (same code, origin, first ticket and opening
    // time). A write can never turn one dossier's row into another's. The check code is written
    // once, when the row is made: an update never changes it.
    this.insertStmt = db.prepare(
      `INSERT INTO dossiers (code, kind, status, ticket_id, counter_id, service_id, opened_at, due_at, check_code, data)
       VALUES (@code, @kind, @status, @ticketId, @counterId, @serviceId, @openedAt, @dueAt, @checkCode, @data)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE dossiers SET status = @status, counter_id = @counterId, due_at = @dueAt, data = @data
       WHERE code = @code AND kind = @kind AND ticket_id IS @ticketId AND opened_at = @openedAt`,
    );
    // Deliberate: a dossier's return tickets are written again with each change; those already linked stay.
    this.linkStmt = db.prepare('INSERT OR IGNORE INTO dossier_tickets (ticket_id, code) VALUES (?, ?)');
    this.byCodeStmt = db.prepare('SELECT data, check_code AS checkCode FROM dossiers WHERE code = ?');
    // substr(code, -11) is the expression of the index dossiers_by_short_code.
    this.byShortCodeStmt = db.prepare('SELECT data, check_code AS checkCode FROM dossiers WHERE substr(code, -11) = ? LIMIT 10');
    this.byTicketStmt = db.prepare(
      `SELECT data, check_code AS checkCode FROM dossiers WHERE ticket_id = @ticketId
       UNION SELECT d.data, d.check_code FROM dossier_tickets t JOIN dossiers d ON d.code = t.code WHERE t.ticket_id = @ticketId`,
    );
    this.dueBeforeStmt = db.prepare(
      `SELECT data, check_code AS checkCode FROM dossiers WHERE status NOT IN (3, 7, 8, 9, 10) AND due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, code LIMIT ? OFFSET ?`,
    );
    this.openStmt = db.prepare(`SELECT data, check_code AS checkCode FROM dossiers WHERE status NOT IN (3, 7, 8, 10) ORDER BY due_at IS NULL, due_at, opened_at, code LIMIT ? OFFSET ?`);
    this.seriesStmt = db.prepare('SELECT last_seq FROM dossier_series WHERE day = ?').pluck();
    // Deliberate: one row per day, moved on by each code given, never back.
    this.saveSeriesStmt = db.prepare(
      `INSERT INTO dossier_series (day, last_seq) VALUES (?, ?)
       ON CONFLICT (day) DO UPDATE SET last_seq = excluded.last_seq WHERE excluded.last_seq > dossier_series.last_seq`,
    );
  }

  /**
   * Stores a dossier the engine made or changed. A write that would land on another dossier's
   * row (a code already taken by a different dossier) throws, and the command is undone.
   */
  save(d: Dossier): void {
    const { checkCode, ...stored } = d;
    const row = {
      code: d.code,
      kind: d.kind,
      status: d.status,
      ticketId: d.ticketId,
      counterId: d.counterId,
      serviceId: d.serviceId,
      openedAt: d.openedAt,
      dueAt: d.dueAt,
      checkCode,
      data: JSON.stringify(stored),
    };
    if (this.updateStmt.run(row).changes === 0) {
      try {
        this.insertStmt.run(row);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          throw new Error(`dossier ${d.code} is stored as another dossier; nothing was written over it`, { cause: error });
        }
        throw error;
      }
    }
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

  /** Open dossiers due by `before`, soonest first (a page of them: `offset` skips the first ones). */
  dueBefore(before: number, limit: number, offset = 0): Dossier[] {
    return (this.dueBeforeStmt.all(before, limit, offset) as Row[]).map(fromRow);
  }

  /** Every open dossier due by `before` (overdue ones included), soonest first. */
  everyDueBefore(before: number): Dossier[] {
    return this.dueBefore(before, -1); // SQLite: a negative LIMIT has no bound
  }

  /** Every dossier still open, in the order of `open`. */
  everyOpen(): Dossier[] {
    return this.open(-1);
  }

  /** Dossiers still open (result ready but not handed over included), soonest due first, undated last; a page of them. */
  open(limit: number, offset = 0): Dossier[] {
    return (this.openStmt.all(limit, offset) as Row[]).map(fromRow);
  }
}
