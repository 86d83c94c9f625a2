// Staff accounts (written from the hall file) and their sessions, as rows.

import type { StaffDef, StaffRole } from '../domain/hall/hall-definition.js';
import type { StaffSession } from '../domain/access/staff-sessions.js';
import type { Db } from './database.js';

interface SessionRow {
  token_hash: string;
  user: string;
  role: StaffRole;
  counter_id: number | null;
  created_at: number;
  last_seen: number;
  ended_at: number | null;
  moved_to: number | null;
}

export class StaffRepository {
  private readonly accountStmt;
  private readonly sessionStmt;
  private readonly openStmt;
  private readonly insertStmt;
  private readonly touchStmt;
  private readonly endStmt;

  constructor(private readonly db: Db) {
    this.accountStmt = db.prepare('SELECT def FROM staff WHERE user = ?');
    this.sessionStmt = db.prepare('SELECT * FROM staff_sessions WHERE token_hash = ?');
    this.openStmt = db.prepare('SELECT * FROM staff_sessions WHERE ended_at IS NULL');
    this.insertStmt = db.prepare(
      `INSERT INTO staff_sessions (token_hash, user, role, counter_id, created_at, last_seen, ended_at)
       VALUES (@tokenHash, @user, @role, @counterId, @createdAt, @lastSeen, NULL)`,
    );
    this.touchStmt = db.prepare('UPDATE staff_sessions SET last_seen = ? WHERE token_hash = ?');
    this.endStmt = db.prepare('UPDATE staff_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL');
  }

  /** Every account, in the hall file's order, those added in the console after. */
  accounts(): StaffDef[] {
    return (this.db.prepare('SELECT def FROM staff ORDER BY position, user').all() as { def: string }[]).map((r) => JSON.parse(r.def) as StaffDef);
  }

  /**
   * Stores an account changed in the console: in the staff table the hub reads, and as an
   * override that a new start with the same hall file lays over the file's accounts again.
   */
  saveAccount(def: StaffDef, now: number, by: string): void {
    const existing = this.db.prepare('SELECT position FROM staff WHERE user = ?').get(def.user) as { position: number } | undefined;
    const position = existing?.position ?? (this.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 FROM staff').pluck().get() as number);
    this.db.prepare('INSERT INTO staff (user, position, def) VALUES (?, ?, ?) ON CONFLICT(user) DO UPDATE SET def = excluded.def').run(def.user, position, JSON.stringify(def));
    const override = this.db.prepare('SELECT file_def FROM staff_overrides WHERE user = ?').get(def.user) as { file_def: string | null } | undefined;
    // What the hall file said of the user before the console first changed it.
    const fileDef = override
      ? override.file_def
      : ((this.db.prepare('SELECT file_def FROM staff_file_defs WHERE user = ?').get(def.user) as { file_def: string } | undefined)?.file_def ?? null);
    this.db
      .prepare(
        `INSERT INTO staff_overrides (user, def, file_def, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(user) DO UPDATE SET def = excluded.def, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(def.user, JSON.stringify(def), fileDef, now, by);
  }

  /** Ends every open session of a user (disabled, or their role changed). */
  endSessionsOf(user: string, now: number): void {
    this.db.prepare('UPDATE staff_sessions SET ended_at = ? WHERE user = ? AND ended_at IS NULL').run(now, user);
  }

  account(user: string): StaffDef | null {
    const row = this.accountStmt.get(user) as { def: string } | undefined;
    return row ? (JSON.parse(row.def) as StaffDef) : null;
  }

  session(tokenHash: string): StaffSession | null {
    const row = this.sessionStmt.get(tokenHash) as SessionRow | undefined;
    return row ? this.toSession(row) : null;
  }

  /** Sessions not signed out (some may have run out of time). */
  openSessions(): StaffSession[] {
    return (this.openStmt.all() as SessionRow[]).map((r) => this.toSession(r));
  }

  insert(session: Omit<StaffSession, 'name' | 'endedAt'>): void {
    this.insertStmt.run(session);
  }

  touch(tokenHash: string, now: number): void {
    this.touchStmt.run(now, tokenHash);
  }

  end(tokenHash: string, now: number): void {
    this.endStmt.run(now, tokenHash);
  }

  /** Ends a session because a manager moved its clerk to another counter. */
  endMoved(tokenHash: string, now: number, toCounterId: number): void {
    this.db.prepare('UPDATE staff_sessions SET ended_at = ?, moved_to = ? WHERE token_hash = ? AND ended_at IS NULL').run(now, toCounterId, tokenHash);
  }

  private toSession(row: SessionRow): StaffSession {
    return {
      tokenHash: row.token_hash,
      user: row.user,
      name: this.account(row.user)?.name ?? row.user,
      role: row.role,
      counterId: row.counter_id,
      createdAt: row.created_at,
      lastSeen: row.last_seen,
      endedAt: row.ended_at,
      movedTo: row.moved_to ?? null,
    };
  }
}
