// When a staff session is still good, and who holds a counter. Pure: the caller passes the
// sessions and the clock.

import type { StaffRole } from '../hall/hall-definition.js';

export interface StaffSession {
  tokenHash: string;
  user: string;
  name: string;
  role: StaffRole;
  /** The counter this session holds; null for a manager at the console. */
  counterId: number | null;
  createdAt: number;
  lastSeen: number;
  endedAt: number | null;
  /** Where a manager sent the clerk when they ended this session by moving them; null otherwise. */
  movedTo?: number | null;
}

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/** An hour without any action, and a working day at most. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 60, maxHours: 12 };

/** The moment the session ends by itself: idle too long, or signed in too long ago. */
export function sessionExpiresAt(session: Pick<StaffSession, 'createdAt' | 'lastSeen'>, policy: SessionPolicy): number {
  return Math.min(session.lastSeen + policy.idleMinutes * 60_000, session.createdAt + policy.maxHours * 3_600_000);
}

export function isSessionLive(session: StaffSession, now: number, policy: SessionPolicy): boolean {
  return session.endedAt === null && now < sessionExpiresAt(session, policy);
}

/** The live session holding the counter, if any. */
export function counterHolder(sessions: StaffSession[], counterId: number, now: number, policy: SessionPolicy): StaffSession | null {
  return sessions.find((s) => s.counterId === counterId && isSessionLive(s, now, policy)) ?? null;
}
