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
}

export class StaffRepository {
  private readonly accountStmt;
  private readonly sessionStmt;
  private readonly openStmt;
  private readonly insertStmt;
  private readonly touchStmt;
  private readonly endStmt;

  constructor(db: Db) {
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
    };
  }
}
