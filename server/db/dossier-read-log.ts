// The log of who read which dossier's personal data, and when (migration 010).

import type { Db } from './database.js';

/** view: the full dossier; list: a list with applicants' ID numbers; slip: its PDF; print: on a staff printer. */
export type DossierReadKind = 'view' | 'list' | 'slip' | 'print';

export interface DossierRead {
  at: number;
  user: string;
  name: string;
  code: string;
  what: DossierReadKind;
}

/** The same person reading the same dossier the same way again within this is logged once. */
export const READ_LOGGED_ONCE_WITHIN_MS = 10 * 60_000;

export class DossierReadLog {
  private readonly insertStmt;
  private readonly listStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO dossier_reads (at, user, name, code, what)
       SELECT @at, @user, @name, @code, @what
       WHERE NOT EXISTS (SELECT 1 FROM dossier_reads WHERE user = @user AND code = @code AND what = @what AND at > @since)`,
    );
    this.listStmt = db.prepare(
      `SELECT at, user, name, code, what FROM dossier_reads
       WHERE at >= @from AND at < @to AND (@code IS NULL OR code = @code) AND (@user IS NULL OR user = @user)
       ORDER BY at DESC, id DESC LIMIT @limit`,
    );
  }

  /** Records reads of some dossiers by one person at one moment. */
  record(reader: { user: string; name: string }, codes: readonly string[], what: DossierReadKind, at: number): void {
    for (const code of codes) this.insertStmt.run({ at, user: reader.user, name: reader.name, code, what, since: at - READ_LOGGED_ONCE_WITHIN_MS });
  }

  /** Reads between two moments, newest first, optionally of one dossier or one person. */
  list(filter: { from: number; to: number; code?: string; user?: string; limit: number }): DossierRead[] {
    return this.listStmt.all({ from: filter.from, to: filter.to, code: filter.code ?? null, user: filter.user ?? null, limit: filter.limit }) as DossierRead[];
  }
}
