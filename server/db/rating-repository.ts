// Ratings as rows (written inside the command's transaction), and the last ticket a counter
// finished, which a rating key rates.

import type { Rating, RatingLevel } from '../domain/rating/rating.js';
import type { Db } from './database.js';

interface RatingRow {
  ticket_id: string;
  level: RatingLevel;
  at: number;
  counter_id: number;
  clerk: string | null;
  service_id: string;
  dossiers: string;
}

const fromRow = (r: RatingRow): Rating => ({
  ticketId: r.ticket_id,
  level: r.level,
  at: r.at,
  counterId: r.counter_id,
  clerk: r.clerk,
  serviceId: r.service_id,
  dossierCodes: JSON.parse(r.dossiers) as string[],
});

export class RatingRepository {
  private readonly insertStmt;
  private readonly byTicketStmt;
  private readonly betweenStmt;
  private readonly lastFinishedStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO ratings (ticket_id, level, at, counter_id, clerk, service_id, dossiers) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.byTicketStmt = db.prepare('SELECT * FROM ratings WHERE ticket_id = ?');
    this.betweenStmt = db.prepare('SELECT * FROM ratings WHERE at >= ? AND at < ? ORDER BY at');
    this.lastFinishedStmt = db.prepare("SELECT id FROM tickets WHERE counter_id = ? AND status = 'done' ORDER BY ended_at DESC LIMIT 1").pluck();
  }

  save(r: Rating): void {
    this.insertStmt.run(r.ticketId, r.level, r.at, r.counterId, r.clerk, r.serviceId, JSON.stringify(r.dossierCodes));
  }

  get(ticketId: string): Rating | undefined {
    const row = this.byTicketStmt.get(ticketId) as RatingRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  between(from: number, to: number): Rating[] {
    return (this.betweenStmt.all(from, to) as RatingRow[]).map(fromRow);
  }

  lastFinishedTicketId(counterId: number): string | undefined {
    return this.lastFinishedStmt.get(counterId) as string | undefined;
  }
}
