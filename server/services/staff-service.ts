// Signing staff in and out, and checking who may act on a counter. A clerk holds one counter
// at a time and a counter has one clerk; a manager may act anywhere. Scripts and integrations
// use the hub's API token (data/api-token), which acts as a manager.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionView } from '../contract/events.js';
import { DomainError } from '../domain/errors.js';
import { RateWindow } from '../domain/rate-window.js';
import { counterHolder, isSessionLive, sessionExpiresAt, type SessionPolicy, type StaffSession } from '../domain/staff-sessions.js';
import type { StaffRepository } from '../db/staff-repository.js';
import type { LiveState } from './live-state.js';
import { verifyPassword } from './password-hash.js';

/** Who is acting, as the routes see it. */
export interface StaffActor {
  user: string;
  name: string;
  role: 'clerk' | 'manager';
  counterId: number | null;
  /** null for the API token. */
  tokenHash: string | null;
}

const FAILED_TRIES_PER_MINUTE = 5;
/** last_seen is written at most this often; expiry is counted in minutes. */
const TOUCH_EVERY_MS = 30_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function bearer(header: string | undefined): string | null {
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
}

/** The hub's own token for scripts, made once per data folder and readable only by its owner. */
export function apiTokenOf(dataDir: string): string {
  const file = join(dataDir, 'api-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

export class StaffService {
  private readonly failures = new RateWindow(60_000);
  private readonly apiTokenHash: Buffer;

  constructor(
    private readonly repo: StaffRepository,
    private readonly live: LiveState,
    private readonly clock: () => number,
    apiToken: string,
  ) {
    this.apiTokenHash = createHash('sha256').update(apiToken).digest();
  }

  private policy(): SessionPolicy {
    return { idleMinutes: this.live.settings.sessionIdleMinutes, maxHours: this.live.settings.sessionMaxHours };
  }

  view(session: StaffSession): SessionView {
    const { user, name, role, counterId } = session;
    return { user, name, role, counterId, expiresAt: sessionExpiresAt(session, this.policy()) };
  }

  /** Checks the password and opens a session; the clerk takes the counter. Returns the token once. */
  async signIn(user: string, password: string, counterId: number | null): Promise<{ token: string; session: SessionView }> {
    const now = this.clock();
    const wait = this.failures.waitFor(user, FAILED_TRIES_PER_MINUTE, now);
    if (wait > 0) throw new DomainError('sign_in_rate_limited', { seconds: Math.ceil(wait / 1000) });
    const account = this.repo.account(user);
    // A missing account costs the same time as a wrong password, so names cannot be probed.
    const good = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !account.active || !good) {
      this.failures.record(user, now);
      throw new DomainError('sign_in_failed');
    }
    if (account.role === 'clerk' && counterId === null) throw new DomainError('counter_required');
    if (counterId !== null) this.checkCounterFree(account.user, account.counters, counterId, now);

    // A person holds one place at a time: signing in again ends the earlier session.
    for (const s of this.repo.openSessions()) if (s.user === account.user) this.repo.end(s.tokenHash, now);
    const token = randomBytes(24).toString('base64url');
    const session = { tokenHash: hashToken(token), user: account.user, role: account.role, counterId, createdAt: now, lastSeen: now };
    this.repo.insert(session);
    return { token, session: this.view({ ...session, name: account.name, endedAt: null }) };
  }

  private checkCounterFree(user: string, allowed: number[], counterId: number, now: number): void {
    const def = this.live.counter(counterId);
    if (!def || !def.active) throw new DomainError('counter_not_found', { counterId });
    if (allowed.length > 0 && !allowed.includes(counterId)) throw new DomainError('counter_not_allowed', { user, counterId });
    const holder = counterHolder(this.repo.openSessions(), counterId, now, this.policy());
    if (holder && holder.user !== user) throw new DomainError('counter_taken', { counterId, holder: holder.name });
  }

  /**
   * The live session behind an Authorization header; 401 when there is none or it ran out.
   * `touch`: this counts as activity (a mere "am I still signed in?" does not).
   */
  authenticate(authorization: string | undefined, touch = true): StaffActor {
    const token = bearer(authorization);
    if (!token) throw new DomainError('not_signed_in');
    if (timingSafeEqual(createHash('sha256').update(token).digest(), this.apiTokenHash)) {
      return { user: 'api', name: 'API', role: 'manager', counterId: null, tokenHash: null };
    }
    const session = this.repo.session(hashToken(token));
    const now = this.clock();
    if (!session) throw new DomainError('not_signed_in');
    if (!isSessionLive(session, now, this.policy())) throw new DomainError('session_expired');
    if (touch && now - session.lastSeen >= TOUCH_EVERY_MS) this.repo.touch(session.tokenHash, now);
    return { user: session.user, name: session.name, role: session.role, counterId: session.counterId, tokenHash: session.tokenHash };
  }

  /** The actor allowed to act on this counter: its clerk, or a manager. */
  authorizeCounter(authorization: string | undefined, counterId: number): StaffActor {
    const actor = this.authenticate(authorization);
    if (actor.role === 'manager' || actor.counterId === counterId) return actor;
    throw new DomainError('counter_not_held', { counterId, held: actor.counterId ?? '-' });
  }

  authorizeManager(authorization: string | undefined): StaffActor {
    const actor = this.authenticate(authorization);
    if (actor.role !== 'manager') throw new DomainError('manager_only');
    return actor;
  }

  session(authorization: string | undefined): SessionView {
    const actor = this.authenticate(authorization, false);
    const session = actor.tokenHash ? this.repo.session(actor.tokenHash) : null;
    if (!session) return { user: actor.user, name: actor.name, role: actor.role, counterId: null, expiresAt: Number.MAX_SAFE_INTEGER };
    return this.view(session);
  }

  /** Ends the session; returns it so the caller can close the counter it held. */
  signOut(authorization: string | undefined): StaffActor {
    const actor = this.authenticate(authorization);
    if (actor.tokenHash) this.repo.end(actor.tokenHash, this.clock());
    return actor;
  }

  /** Who sits at each counter now (for the sign-in form). */
  holders(): Map<number, string> {
    const now = this.clock();
    const policy = this.policy();
    const live = this.repo.openSessions().filter((s) => s.counterId !== null && isSessionLive(s, now, policy));
    return new Map(live.map((s) => [s.counterId!, s.name]));
  }
}

// A hash of a random password, checked when the account does not exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
