// Who is next: the ordering rules of the hall, kept apart from the commands so that the
// kiosk's "people ahead" and the counter's "call next" always agree.

import type { CounterDef, HallSettings, PriorityPolicy } from '../hall/hall-definition.js';
import type { CounterState, Ticket } from './queue-state.js';

export function servesService(counter: CounterDef, serviceId: string): boolean {
  return counter.services.some((link) => link.serviceId === serviceId);
}

/**
 * The queue a waiting ticket stands in: its service's, or one counter's own when it was
 * transferred to that counter by name.
 */
export type QueueKey = `service:${string}` | `counter:${number}`;

export function queueKeyOf(ticket: Pick<Ticket, 'serviceId' | 'targetCounterId'>): QueueKey {
  return ticket.targetCounterId === null ? `service:${ticket.serviceId}` : `counter:${ticket.targetCounterId}`;
}

/** The queues a counter calls from. */
export function queuesOf(counter: CounterDef): QueueKey[] {
  return [`counter:${counter.id}`, ...counter.services.map((l) => `service:${l.serviceId}` as const)];
}

/** Waiting tickets of `day` that this counter may call. */
export function candidatesFor(counter: CounterDef, waitingIn: (key: QueueKey) => Iterable<Ticket>, day: string): Ticket[] {
  const result: Ticket[] = [];
  for (const key of queuesOf(counter)) {
    for (const t of waitingIn(key)) if (t.day === day) result.push(t);
  }
  return result;
}

/** Earlier in the queue first: front-of-queue transfers, then arrival, then number. */
function byQueuePlace(a: Ticket, b: Ticket): number {
  return Number(b.front) - Number(a.front) || a.queueAt - b.queueAt || a.seq - b.seq;
}

/** Order inside one service's queue, as the kiosk and phone page explain it. */
export function compareInService(a: Ticket, b: Ticket): number {
  return Number(b.priority !== null) - Number(a.priority !== null) || byQueuePlace(a, b);
}

function firstInQueue(tickets: Ticket[]): Ticket | null {
  let best: Ticket | null = null;
  for (const t of tickets) if (best === null || byQueuePlace(t, best) < 0) best = t;
  return best;
}

/** Should this call take a priority ticket, under the hall's policy? */
export function priorityTurn(policy: PriorityPolicy, regularSincePriority: number): boolean {
  return policy.mode === 'strict' || regularSincePriority >= policy.regularPerPriority;
}

function choosePool(candidates: Ticket[], policy: PriorityPolicy, state: CounterState): Ticket[] {
  const priority = candidates.filter((t) => t.priority !== null);
  const regular = candidates.filter((t) => t.priority === null);
  if (priority.length === 0) return regular;
  if (regular.length === 0) return priority;
  return priorityTurn(policy, state.regularSincePriority) ? priority : regular;
}

function pickInOrder(pool: Ticket[], counter: CounterDef): Ticket | null {
  const targeted = firstInQueue(pool.filter((t) => t.targetCounterId === counter.id));
  if (targeted) return targeted;
  for (const link of counter.services) {
    const next = firstInQueue(pool.filter((t) => t.serviceId === link.serviceId));
    if (next) return next;
  }
  return null;
}

function pickLongestWeightedWait(pool: Ticket[], counter: CounterDef, now: number): Ticket | null {
  const weights = new Map(counter.services.map((l) => [l.serviceId, l.weight]));
  // A ticket sent to this counter by name weighs as much as its heaviest service.
  const targetWeight = Math.max(1, ...weights.values());
  let best: Ticket | null = null;
  let bestScore = -Infinity;
  for (const t of pool) {
    const weight = t.targetCounterId === counter.id ? targetWeight : (weights.get(t.serviceId) ?? 1);
    const score = Math.max(0, now - t.queueAt) * weight;
    if (score > bestScore || (score === bestScore && best !== null && byQueuePlace(t, best) < 0)) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The ticket a counter calls next: with the hall's maximum wait guard on, the longest-waiting
 * overdue ticket first; then the priority policy picks the pool, a front-of-queue transfer goes
 * first, then the counter's service selection decides.
 */
export function pickNext(candidates: Ticket[], counter: CounterDef, state: CounterState, policy: PriorityPolicy, now: number, maxWaitMs: number | null = null): Ticket | null {
  const overdue = maxWaitMs === null ? null : firstInQueue(candidates.filter((t) => now - t.queueAt >= maxWaitMs));
  if (overdue) return overdue;
  const pool = choosePool(candidates, policy, state);
  if (pool.length === 0) return null;
  const front = firstInQueue(pool.filter((t) => t.front));
  if (front) return front;
  return counter.selection === 'in_order' ? pickInOrder(pool, counter) : pickLongestWeightedWait(pool, counter, now);
}

/** The hall's maximum wait guard in milliseconds, or null when it is off (also for settings stored before it existed). */
export function maxWaitMsOf(settings: Pick<HallSettings, 'maxWaitMinutes'>): number | null {
  const minutes = settings.maxWaitMinutes ?? null;
  return minutes === null ? null : minutes * 60_000;
}

/** Waiting tickets placed before `ticket` (its "people ahead"), given the queue it stands in. */
export function peopleAhead(ticket: Ticket, itsQueue: Iterable<Ticket>): number {
  let ahead = 0;
  for (const t of itsQueue) {
    if (t.id === ticket.id || t.status !== 'waiting' || t.day !== ticket.day) continue;
    if (compareInService(t, ticket) < 0) ahead++;
  }
  return ahead;
}
