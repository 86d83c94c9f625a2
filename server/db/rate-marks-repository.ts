// Marks the hub's limits count (a failed sign-in, a ticket a kiosk gave, a reprint, a public
// dossier lookup that found nothing), as rows.

import type { Db } from './database.js';

export type RateMarkKind = 'sign_in_failure' | 'sign_in_failure_address' | 'kiosk_ticket' | 'reprint' | 'lookup_failure' | 'pairing_failure';

export class RateMarksRepository {
  private readonly insertStmt;
  private readonly sinceStmt;
  private readonly clearStmt;
  private readonly pruneStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO rate_marks (kind, key, at) VALUES (?, ?, ?)');
    this.sinceStmt = db.prepare('SELECT at FROM rate_marks WHERE kind = ? AND key = ? AND at > ? ORDER BY at').pluck();
    this.clearStmt = db.prepare('DELETE FROM rate_marks WHERE kind = ? AND key = ?');
    this.pruneStmt = db.prepare('DELETE FROM rate_marks WHERE at < ?');
  }

  add(kind: RateMarkKind, key: string, at: number): void {
    this.insertStmt.run(kind, key, at);
  }

  /** Times of the marks after `after`, oldest first. */
  since(kind: RateMarkKind, key: string, after: number): number[] {
    return this.sinceStmt.all(kind, key, after) as number[];
  }

  clear(kind: RateMarkKind, key: string): void {
    this.clearStmt.run(kind, key);
  }

  /** Forgets marks older than `before`: no limit looks back that far. */
  prune(before: number): void {
    this.pruneStmt.run(before);
  }
}
