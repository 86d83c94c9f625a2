// The procedures catalogue as rows: replaced whole on import, read whole at start.

import type { Procedure } from '../domain/dossier/procedures.js';
import type { Db } from './database.js';

export class ProcedureRepository {
  constructor(private readonly db: Db) {}

  all(): Procedure[] {
    const rows = this.db.prepare('SELECT def FROM procedures ORDER BY position').all() as { def: string }[];
    return rows.map((r) => JSON.parse(r.def) as Procedure);
  }

  /** Replaces the catalogue in one transaction: a failed import leaves the old one. */
  replaceAll(list: readonly Procedure[]): void {
    const insert = this.db.prepare('INSERT INTO procedures (code, position, def) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM procedures').run();
      list.forEach((p, i) => {
        insert.run(p.code, i, JSON.stringify(p));
      });
    })();
  }
}
