// Signing staff in and out, and checking who may act on a counter. A clerk holds one counter
// at a time and a counter has one clerk; a manager may act anywhere. Scripts and integrations
// use the hub's API token (data/api-token), which acts as a manager.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionView } from '../contract/events.js';
import { DomainError } from '../domain/domain-error.js';
import { counterHolder, isSessionLive, sessionExpiresAt, type SessionPolicy, type StaffSession } from '../domain/access/staff-sessions.js';
import type { StaffRole } from '../domain/hall/hall-definition.js';
import type { StaffRepository } from '../db/staff-repository.js';
import type { LimitsService } from './limits-service.js';
import type { LiveState } from './live-state.js';
import { verifyPassword } from './password-hash.js';

/** Who is acting, as the routes see it. */
export interface StaffActor {
  user: string;
  name: string;
  role: StaffRole;
  counterId: number | null;
  /** null for the API token. */
  tokenHash: string | null;
  /** The fields and services whose dossiers they handle, as the hall file lists them (a manager: all). */
  fields: readonly string[];
  services: readonly string[];
}

/** last_seen is written at most this often; expiry is counted in minutes. */
const TOUCH_EVERY_MS = 30_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The hub's own token for scripts, made once per data folder and readable only by its owner. */
export function apiTokenOf(dataDir: string): string {
  const file = join(dataDir, 'api-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

export class StaffService {
  private readonly apiTokenHash: Buffer;

  constructor(
    private readonly repo: StaffRepository,
    private readonly live: LiveState,
    private readonly clock: () => number,
    apiToken: string,
    private readonly limits: LimitsService,
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
  async signIn(user: string, password: string, counterId: number | null, address: string): Promise<{ token: string; session: SessionView }> {
    // Delays are per user and address: a stranger guessing elsewhere cannot lock the clerk out.
    this.limits.checkSignIn(user, address);
    const account = this.repo.account(user);
    // A missing account costs the same time as a wrong password, so names cannot be probed.
    const good = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    const now = this.clock();
    if (!account?.active || !good) {
      this.limits.signInFailed(user, address);
      throw new DomainError('sign_in_failed');
    }
    this.limits.signInSucceeded(user, address);
    if (account.role === 'clerk' && counterId === null) throw new DomainError('counter_required');
    if (account.role === 'back_office' && counterId !== null) throw new DomainError('back_office_no_counter', { user: account.user, counterId });
    if (counterId !== null) this.checkCounterFree(account.user, account.counters, counterId, now);

    // A person holds one place at a time: signing in again ends the earlier session.
    for (const s of this.repo.openSessions()) if (s.user === account.user) this.repo.end(s.tokenHash, now);
    const token = randomBytes(24).toString('base64url');
    const session = { tokenHash: hashToken(token), user: account.user, role: account.role, counterId, createdAt: now, lastSeen: now };
    this.repo.insert(session);
    return { token, session: this.view({ ...session, name: account.name, endedAt: null }) };
  }

  /** The live session in which a clerk holds this counter, if any. */
  clerkAt(counterId: number): StaffSession | null {
    return counterHolder(this.repo.openSessions(), counterId, this.clock(), this.policy());
  }

  /** Refuses unless the account may take the counter and nobody else holds it (as at sign-in). */
  checkMayTake(user: string, counterId: number): void {
    const account = this.repo.account(user);
    if (!account?.active) throw new DomainError('user_not_found', { user });
    this.checkCounterFree(account.user, account.counters, counterId, this.clock());
  }

  private checkCounterFree(user: string, allowed: number[], counterId: number, now: number): void {
    const def = this.live.counter(counterId);
    if (!def?.active) throw new DomainError('counter_not_found', { counterId });
    if (allowed.length > 0 && !allowed.includes(counterId)) throw new DomainError('counter_not_allowed', { user, counterId });
    const holder = counterHolder(this.repo.openSessions(), counterId, now, this.policy());
    if (holder && holder.user !== user) throw new DomainError('counter_taken', { counterId, holder: holder.name });
  }

  /**
   * The staff member behind a bearer token: null when the token is not staff's, 'expired'
   * when its session ran out. Touching counts as activity.
   */
  identify(token: string, touch: boolean): StaffActor | 'expired' | { movedTo: number } | null {
    if (timingSafeEqual(createHash('sha256').update(token).digest(), this.apiTokenHash)) {
      return { user: 'api', name: 'API', role: 'manager', counterId: null, tokenHash: null, fields: [], services: [] };
    }
    const session = this.repo.session(hashToken(token));
    if (!session) return null;
    const now = this.clock();
    if (session.movedTo !== null && session.movedTo !== undefined) return { movedTo: session.movedTo };
    if (!isSessionLive(session, now, this.policy())) return 'expired';
    if (touch) this.touch(session.tokenHash, session.lastSeen, now);
    const account = this.repo.account(session.user);
    return {
      user: session.user,
      name: session.name,
      role: session.role,
      counterId: session.counterId,
      tokenHash: session.tokenHash,
      fields: account?.fields ?? [],
      services: account?.services ?? [],
    };
  }

  /** Marks the session as used now (at most every half minute, to spare the disk). */
  private touch(tokenHash: string, lastSeen: number, now: number): void {
    if (now - lastSeen >= TOUCH_EVERY_MS) this.repo.touch(tokenHash, now);
  }

  /** The caller's own session, with when it ends. */
  session(actor: StaffActor): SessionView {
    const session = actor.tokenHash ? this.repo.session(actor.tokenHash) : null;
    if (!session) return { user: actor.user, name: actor.name, role: actor.role, counterId: null, expiresAt: Number.MAX_SAFE_INTEGER };
    return this.view(session);
  }

  /** Ends the caller's session (the API token has none). */
  signOut(actor: StaffActor): void {
    if (actor.tokenHash) this.repo.end(actor.tokenHash, this.clock());
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
