// Opens the hall's SQLite file: WAL, foreign keys, full sync (a power cut loses nothing that
// was acknowledged), a busy timeout, then the schema migrations with a backup first.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statfsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { planDailyCopy, upgradeCopyRefusal } from '../domain/storage/disk-space.js';
import { applyMigrations, appliedVersion, bundledMigrations, MigrationError, pendingMigrations, type Migration } from './migrate.js';

export type Db = Database.Database;

export const DATABASE_FILE = 'luot.sqlite';

export interface OpenedDatabase {
  db: Db;
  path: string;
  /** Set when migrations ran on a database that already had data. */
  backupPath: string | null;
  schemaVersion: number;
}

/**
 * Keeps every prepared statement for the database's life, one per SQL text.
 *
 * Why: from Node 24.19, a better-sqlite3 12 object (Statement, Backup) finalised by a garbage
 * collection that runs outside JavaScript aborts the process (node::RemoveEnvironmentCleanupHook
 * finds no environment; nodejs/node#65446). Statements that are never collected cannot trip it,
 * and the hall's SQL is a fixed set, so the cache stays small. Pragmas go through exec(),
 * which makes no such object, and copies through a child process (copyDatabase).
 * better-sqlite3 13 is free of this but needs Node 22.
 * Callers writing the same SQL share one statement, its pluck() or raw() mode included: give a
 * query read in another mode its own text.
 */
export function retainStatements(db: Db): Db {
  const prepare = db.prepare.bind(db);
  const kept = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = kept.get(sql);
    if (!statement) {
      statement = prepare(sql);
      kept.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
  return db;
}

function configure(db: Db): void {
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
}

/** Node 24 and later: better-sqlite3 12's Backup object must not be made (see retainStatements). */
const BACKUP_OBJECT_UNSAFE = Number(process.versions.node.split('.')[0]) >= 24;

/**
 * Copies the live database, consistent as of one instant, never by copying the file (which could
 * catch a write half done): with the online backup API, which copies in steps between other
 * work; on Node 24, with VACUUM INTO in a child process of its own, as that statement copies in
 * one step and would hold the hub for seconds on a year of data.
 */
async function copyDatabase(db: Db, path: string): Promise<void> {
  if (BACKUP_OBJECT_UNSAFE) await vacuumIntoByChild(db.name, path);
  else await db.backup(path);
}

/** The child opens the file read-only: a reader of a WAL database sees one committed instant. */
const VACUUM_CHILD = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2], { readonly: true, fileMustExist: true });
db.exec('VACUUM INTO ' + "'" + process.argv[3].replaceAll("'", "''") + "'");
db.close();`;

function vacuumIntoByChild(source: string, target: string): Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', VACUUM_CHILD, driver, source, target], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve();
      rmSync(target, { force: true });
      reject(new Error(`the database could not be copied to ${target} (${signal ?? `exit ${code}`}): ${errors.trim().split('\n').at(-1) ?? ''}`));
    });
  });
}

export async function backupDatabase(db: Db, dataDir: string, label: string): Promise<string> {
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = join(dir, `luot-${label}-${stamp}.sqlite`);
  await copyDatabase(db, path);
  return path;
}

/** The newest copy of the database in the data folder's backups/, if any. */
export function lastBackupIn(dataDir: string): { file: string; at: number } | null {
  const dir = join(dataDir, 'backups');
  if (!existsSync(dir)) return null;
  let newest: { file: string; at: number } | null = null;
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.sqlite')) continue;
    const at = statSync(join(dir, file)).mtimeMs;
    if (!newest || at > newest.at) newest = { file, at: Math.round(at) };
  }
  return newest;
}

/** Bytes the disk holding `path` still has for this process. */
export function diskFreeBytes(path: string): number {
  const disk = statfsSync(path);
  return disk.bavail * disk.bsize;
}

/** The database's size on disk, its write-ahead log included. */
export function databaseBytes(db: Db): number {
  const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
  return size(db.name) + size(`${db.name}-wal`);
}

export interface DailyBackup {
  /** The new copy, or null when none was made. */
  path: string | null;
  /** Older daily copies deleted: beyond the number kept, or to leave the disk its reserve. */
  removed: string[];
  /** Today's copy was not made, as the disk would have dropped below its reserve. */
  noRoom: boolean;
}

/**
 * One copy per working day (`backups/luot-day-YYYY-MM-DD.sqlite`), the newest `keep` kept, fewer
 * when the disk needs the room (server/domain/storage/disk-space.ts). Nothing is made when today's
 * already exists.
 */
export async function dailyBackup(
  db: Db,
  dataDir: string,
  day: string,
  { keep = 14, freeBytes = diskFreeBytes }: { keep?: number; freeBytes?: (path: string) => number } = {},
): Promise<DailyBackup> {
  const dir = join(dataDir, 'backups');
  const path = join(dir, `luot-day-${day}.sqlite`);
  if (existsSync(path)) return { path: null, removed: [], noRoom: false };
  mkdirSync(dir, { recursive: true });
  const copies = readdirSync(dir)
    .filter((f) => /^luot-day-\d{4}-\d{2}-\d{2}\.sqlite$/.test(f))
    .sort()
    .map((name) => ({ name, bytes: statSync(join(dir, name)).size }));
  const plan = planDailyCopy(copies, freeBytes(dir), databaseBytes(db), keep);
  if (!plan.copy) return { path: null, removed: [], noRoom: true };
  for (const name of plan.removeFirst) rmSync(join(dir, name));
  await copyDatabase(db, path);
  for (const name of plan.removeAfter) rmSync(join(dir, name));
  return { path, removed: [...plan.removeFirst, ...plan.removeAfter], noRoom: false };
}

export async function openDatabase(
  dataDir: string,
  migrations: Migration[] = bundledMigrations(),
  { freeBytes = diskFreeBytes }: { freeBytes?: (path: string) => number } = {},
): Promise<OpenedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DATABASE_FILE);
  const db = retainStatements(new Database(path));
  try {
    configure(db);
    const pending = pendingMigrations(db, migrations);
    let backupPath: string | null = null;
    if (pending.length > 0 && appliedVersion(db) > 0) {
      const refusal = upgradeCopyRefusal(freeBytes(dataDir), databaseBytes(db), dataDir);
      if (refusal) throw new MigrationError(refusal);
      backupPath = await backupDatabase(db, dataDir, `before-schema-${pending[0]!.version}`);
    }
    applyMigrations(db, pending);
    return { db, path, backupPath, schemaVersion: appliedVersion(db) };
  } catch (error) {
    db.close();
    throw error;
  }
}
