// A manager moves a clerk from one counter to another (the console's "move a clerk"). Each
// counter has its own PC, keypad and board, so the clerk walks to the new desk and signs in
// there: the session at the old counter ends, and the page left there says where they were
// sent. A number the old counter holds is never dropped: while it holds one the move is
// refused with the number named (counter_busy), and the clerk finishes, skips or transfers it
// first. The old counter is closed in the same commit as the session ends and the move is
// logged (staff:changed, change "moved", with who moved whom from where to where).

import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/domain-error.js';
import type { DomainEvent } from '../../domain/events/hall-events.js';
import type { StaffRepository } from '../../db/staff-repository.js';
import type { LiveState } from '../../services/live-state.js';
import type { QueueService } from '../../services/queue-service.js';
import type { StaffService } from '../../services/staff-service.js';
import { accountView } from '../users/manage-users.js';

export interface MoveClerkDeps {
  staff: Pick<StaffService, 'clerkAt' | 'checkMayTake'>;
  accounts: Pick<StaffRepository, 'account' | 'endMoved'>;
  live: Pick<LiveState, 'counter' | 'counterState' | 'ticket'>;
  queue: Pick<QueueService, 'executeWith' | 'record'>;
  clock: () => number;
}

export interface ClerkMoved {
  user: string;
  name: string;
  fromCounterId: number;
  toCounterId: number;
  /** Whether the old counter was closed (it was open or paused). */
  closedCounter: boolean;
}

export async function moveClerk(deps: MoveClerkDeps, fromCounterId: number, toCounterId: number, by: Actor): Promise<ClerkMoved> {
  const from = deps.live.counterState(fromCounterId);
  if (!deps.live.counter(fromCounterId)?.active || !from) throw new DomainError('counter_not_found', { counterId: fromCounterId });
  const session = deps.staff.clerkAt(fromCounterId);
  if (!session) throw new DomainError('no_clerk_at_counter', { counterId: fromCounterId });
  if (toCounterId === fromCounterId) throw new DomainError('move_to_same_counter', { counterId: fromCounterId });
  if (!deps.live.counter(toCounterId)?.active) throw new DomainError('counter_not_found', { counterId: toCounterId });
  // The held number stays where it is, with its clerk, until they are done with it.
  if (from.currentTicketId !== null) {
    const held = deps.live.ticket(from.currentTicketId);
    throw new DomainError('counter_busy', { counterId: fromCounterId, number: held?.number ?? from.currentTicketId });
  }
  deps.staff.checkMayTake(session.user, toCounterId);
  const account = deps.accounts.account(session.user);
  if (!account) throw new DomainError('user_not_found', { user: session.user });

  const now = deps.clock();
  const logged: DomainEvent[] = [{ type: 'staff:changed', data: { account: accountView(account), change: 'moved', move: { from: fromCounterId, to: toCounterId } } }];
  const endSession = () => deps.accounts.endMoved(session.tokenHash, now, toCounterId);
  const closedCounter = from.mode !== 'closed';
  if (closedCounter) await deps.queue.executeWith({ type: 'closeCounter', counterId: fromCounterId }, by, logged, endSession);
  else await deps.queue.record(logged, by, endSession);
  return { user: session.user, name: session.name, fromCounterId, toCounterId, closedCounter };
}
