// Forward-only numbered SQL migrations (NNN_name.sql), applied at start in one transaction
// and recorded in schema_migrations. A database touched by a newer build is refused.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { MIGRATIONS_DIR } from '../paths.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function bundledMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

export function appliedVersion(db: Database.Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/** Migrations still to apply; refuses a database that a newer build already migrated. */
export function pendingMigrations(db: Database.Database, migrations: Migration[]): Migration[] {
  const current = appliedVersion(db);
  const known = migrations.at(-1)?.version ?? 0;
  if (current > known) {
    throw new MigrationError(
      `This database was updated by a newer version of luot (schema ${current}); this version knows schema ${known}. ` +
        'Install the newer version again, or restore a backup from the data folder.',
    );
  }
  return migrations.filter((m) => m.version > current);
}

export function applyMigrations(db: Database.Database, migrations: Migration[]): void {
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const m of migrations) {
      db.exec(m.sql);
      record.run(m.version, m.name, Date.now());
    }
  })();
}
