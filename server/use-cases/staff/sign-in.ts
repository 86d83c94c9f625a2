// Staff signing in and out. A clerk signing in takes a counter (opening it if closed); signing
// out leaves it (closing it when it holds no ticket).

import type { SessionView } from '../../contract/events.js';
import { atCounter, type Actor } from '../../domain/access/actor.js';
import type { LiveState } from '../../services/live-state.js';
import type { StaffActor, StaffService } from '../../services/staff-service.js';
import type { CommandRunner } from '../ports.js';

export interface SignInDeps {
  staff: Pick<StaffService, 'signIn'>;
  live: Pick<LiveState, 'counterState'>;
  queue: Pick<CommandRunner, 'execute'>;
}

export interface SignInAttempt {
  user: string;
  password: string;
  /** The counter a clerk takes; a manager may name none. */
  counterId: number | null;
  /** Where the attempt comes from (sign-in delays are per user and address). */
  address: string;
}

/** Checks the password, opens a session and opens the clerk's counter if it was closed. */
export async function signIn(deps: SignInDeps, c: SignInAttempt): Promise<{ token: string; session: SessionView }> {
  const signedIn = await deps.staff.signIn(c.user.trim().toLowerCase(), c.password, c.counterId, c.address);
  if (c.counterId !== null && deps.live.counterState(c.counterId)?.mode === 'closed') {
    const clerk = signedIn.session.name;
    await deps.queue.execute({ type: 'openCounter', counterId: c.counterId, clerk }, atCounter(clerk, c.counterId));
  }
  return signedIn;
}

export interface SignOutDeps {
  staff: Pick<StaffService, 'signOut'>;
  live: Pick<LiveState, 'counterState'>;
  queue: Pick<CommandRunner, 'execute'>;
}

/** Ends the session; the counter it held is closed when it holds no ticket (`closer`: who closes it, asked only then). */
export async function signOut(deps: SignOutDeps, staff: StaffActor, closer: () => Actor): Promise<{ closedCounter: boolean }> {
  deps.staff.signOut(staff);
  const state = staff.counterId !== null ? deps.live.counterState(staff.counterId) : undefined;
  if (!state || state.mode === 'closed' || state.currentTicketId !== null) return { closedCounter: false };
  await deps.queue.execute({ type: 'closeCounter', counterId: state.id }, closer());
  return { closedCounter: true };
}

export interface SessionDeps {
  staff: Pick<StaffService, 'session'>;
}

/** The session behind the caller's token, with when it ends. */
export function sessionOf(deps: SessionDeps, staff: StaffActor): SessionView {
  return deps.staff.session(staff);
}

export interface CounterChoicesDeps {
  staff: Pick<StaffService, 'holders'>;
  live: Pick<LiveState, 'allCounters'>;
}

/** Counters a clerk can choose at sign-in, with who works at each now. */
export function counterChoices(deps: CounterChoicesDeps) {
  const holders = deps.staff.holders();
  return deps.live
    .allCounters()
    .filter(({ def }) => def.active)
    .map(({ def }) => ({ id: def.id, name: def.name, holder: holders.get(def.id) ?? null }));
}
