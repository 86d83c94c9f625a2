// Opens the hall's SQLite file: WAL, foreign keys, full sync (a power cut loses nothing that
// was acknowledged), a busy timeout, then the schema migrations with a backup first.

import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, appliedVersion, bundledMigrations, pendingMigrations, type Migration } from './migrate.js';

export type Db = Database.Database;

export const DATABASE_FILE = 'luot.sqlite';

export interface OpenedDatabase {
  db: Db;
  path: string;
  /** Set when migrations ran on a database that already had data. */
  backupPath: string | null;
  schemaVersion: number;
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Copies the live database with SQLite's online backup API, never by copying the file. */
export async function backupDatabase(db: Db, dataDir: string, label: string): Promise<string> {
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = join(dir, `luot-${label}-${stamp}.sqlite`);
  await db.backup(path);
  return path;
}

/**
 * One copy per working day (`backups/luot-day-YYYY-MM-DD.sqlite`), the newest `keep` kept.
 * Returns the new copy's path, or null when today's already exists.
 */
export async function dailyBackup(db: Db, dataDir: string, day: string, keep = 14): Promise<string | null> {
  const dir = join(dataDir, 'backups');
  const path = join(dir, `luot-day-${day}.sqlite`);
  if (existsSync(path)) return null;
  mkdirSync(dir, { recursive: true });
  await db.backup(path);
  const days = readdirSync(dir).filter((f) => /^luot-day-\d{4}-\d{2}-\d{2}\.sqlite$/.test(f)).sort();
  for (const old of days.slice(0, Math.max(0, days.length - keep))) rmSync(join(dir, old));
  return path;
}

export async function openDatabase(dataDir: string, migrations: Migration[] = bundledMigrations()): Promise<OpenedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DATABASE_FILE);
  const db = new Database(path);
  try {
    configure(db);
    const pending = pendingMigrations(db, migrations);
    let backupPath: string | null = null;
    if (pending.length > 0 && appliedVersion(db) > 0) {
      backupPath = await backupDatabase(db, dataDir, `before-schema-${pending[0]!.version}`);
    }
    applyMigrations(db, pending);
    return { db, path, backupPath, schemaVersion: appliedVersion(db) };
  } catch (error) {
    db.close();
    throw error;
  }
}
