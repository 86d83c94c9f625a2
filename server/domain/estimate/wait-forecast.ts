// Waits predicted by the hall's own rules: the engine's choice of the next ticket (pickNext)
// played forward from the present, each open counter taking its next ticket when the citizen
// it serves is expected to leave. Whatever the counters' services, weights, in-order rule,
// priority policy, pauses or maximum wait guard, the forecast calls tickets in the order the
// counters will. Pure: the caller gives the state and the expected service times.

import type { CounterDef, PriorityPolicy } from '../hall/hall-definition.js';
import type { CounterState, Ticket } from '../queue/queue-state.js';
import { newTicket } from '../queue/queue-engine.js';
import { pickNext, queueKeyOf, queuesOf, type QueueKey } from '../queue/queue-order.js';

/** A counter as the forecast needs it: only open counters will call. */
export interface ForecastCounter {
  def: CounterDef;
  state: CounterState;
  /** The ticket it holds (called or serving), or null. */
  current: Ticket | null;
}

export interface ForecastInput {
  now: number;
  counters: readonly ForecastCounter[];
  /** Today's waiting tickets, every queue. */
  waiting: readonly Ticket[];
  /** Expected seconds one citizen of this service takes at this counter. */
  serviceSeconds(serviceId: string, counterId: number): number;
  policy: PriorityPolicy;
  maxWaitMs: number | null;
  /** When today's waiting tickets stop being called (closing time), or null. */
  closingAt: number | null;
  /** Services to predict a ticket taken now for. */
  services: readonly string[];
  /** Citizens who will not come when called; none when absent. */
  noShow?: NoShowAllowance;
  /** How spread a service's times are (a lognormal's sigma), where the past days showed it. */
  serviceSpread?: (serviceId: string) => number | null;
}

/** The share of called citizens who do not come, and how long a counter waits for one. */
export interface NoShowAllowance {
  share: number;
  seconds: number;
}

/** One predicted call: when, at which counter, the how-manieth of its queue. */
export interface ForecastCall {
  at: number;
  counterId: number;
  /** Tickets of the same queue called before it. */
  ahead: number;
}

export interface Forecast {
  /** Predicted call of each waiting ticket; absent: no open counter will call it. */
  calls: Map<string, ForecastCall>;
  /** Predicted call of a ticket of each service taken now; absent: none will. */
  newTicket: Map<string, ForecastCall>;
}

/**
 * Spread assumed for service times (the sigma of a lognormal) until the past days show a
 * service's own: counter work is skewed, a few long cases among many short ones. It sets how long
 * a citizen still stays once at the counter.
 */
const SERVICE_SIGMA = 0.5;

/** Standard normal cumulative distribution (Abramowitz-Stegun 7.1.26, error below 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Expected time still to go for a citizen served for `elapsed` of a service whose mean is
 * `mean`, service times being lognormal: E[X - t | X > t]. Longer than mean - elapsed, and never
 * zero: a citizen past the average time is likely one of the long cases.
 */
export function expectedRemaining(mean: number, elapsed: number, sigma = SERVICE_SIGMA): number {
  if (elapsed <= 0) return mean;
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  const z = (Math.log(elapsed) - mu) / sigma;
  const stillThere = normalCdf(-z);
  if (stillThere < 1e-9) return mean * 0.1;
  return (mean * normalCdf(sigma - z)) / stillThere - elapsed;
}
/** Ids of the tickets imagined for "a ticket taken now". */
const PROBE = '\u0000probe:';

interface Desk {
  def: CounterDef;
  state: CounterState;
  freeAt: number;
  queues: QueueKey[];
}

/** When a counter holding `current` is expected to be free again. */
function freeAtOf(counter: ForecastCounter, input: ForecastInput): number {
  const { current } = counter;
  if (!current) return input.now;
  const began = current.servingAt ?? current.calledAt ?? input.now;
  const expected = input.serviceSeconds(current.serviceId, counter.def.id) * 1000;
  return input.now + expectedRemaining(expected, input.now - began, input.serviceSpread?.(current.serviceId) ?? SERVICE_SIGMA);
}

/** A ticket of the service taken now, last of its queue; it takes no counter time. */
function probeFor(serviceId: string, now: number): Ticket {
  return newTicket({ id: PROBE + serviceId, day: '', serviceId, seq: Number.MAX_SAFE_INTEGER, number: '', priority: null, source: 'api', at: now });
}

/**
 * One queue split four ways (priority or not, sent to the front or not), each in arrival order.
 * The engine only ever picks the first of one of them, so a pick looks at four tickets per
 * queue instead of the whole queue: a forecast costs O(W log W), not O(W²).
 */
class Lanes {
  private readonly lanes: Ticket[][] = [[], [], [], []];
  private readonly heads = [0, 0, 0, 0];

  private static laneOf(t: Ticket): number {
    return (t.priority !== null ? 2 : 0) + (t.front ? 1 : 0);
  }

  add(t: Ticket): void {
    this.lanes[Lanes.laneOf(t)]!.push(t);
  }

  sort(): void {
    for (const lane of this.lanes) lane.sort((a, b) => a.queueAt - b.queueAt || a.seq - b.seq);
  }

  /** The first of each lane. */
  firsts(into: Ticket[]): void {
    for (let i = 0; i < 4; i++) {
      const t = this.lanes[i]![this.heads[i]!];
      if (t) into.push(t);
    }
  }

  /** Takes a ticket that firsts() gave. */
  take(t: Ticket): void {
    this.heads[Lanes.laneOf(t)]! += 1;
  }
}

export function forecastCalls(input: ForecastInput): Forecast {
  const queues = new Map<QueueKey, Lanes>();
  const enqueue = (t: Ticket) => {
    const key = queueKeyOf(t);
    let lanes = queues.get(key);
    if (!lanes) {
      lanes = new Lanes();
      queues.set(key, lanes);
    }
    lanes.add(t);
  };
  for (const t of input.waiting) enqueue(t);
  for (const id of input.services) enqueue(probeFor(id, input.now));
  for (const lanes of queues.values()) lanes.sort();

  const desks: Desk[] = input.counters
    .filter((c) => c.def.active && c.state.mode === 'open')
    .map((c) => ({ def: c.def, state: { ...c.state }, freeAt: freeAtOf(c, input), queues: queuesOf(c.def) }));

  const calls = new Map<string, ForecastCall>();
  const newTicket = new Map<string, ForecastCall>();
  const calledIn = new Map<QueueKey, number>();
  // Some of those called will not come: the counter then waits for them instead of serving.
  const absent = input.noShow ?? { share: 0, seconds: 0 };
  let left = input.waiting.length + input.services.length;
  while (left > 0 && desks.length > 0) {
    // The counter free soonest takes its next ticket (ties: the lower counter number).
    let index = 0;
    for (let i = 1; i < desks.length; i++) {
      if (desks[i]!.freeAt < desks[index]!.freeAt || (desks[i]!.freeAt === desks[index]!.freeAt && desks[i]!.def.id < desks[index]!.def.id)) index = i;
    }
    const desk = desks[index]!;
    const at = desk.freeAt;
    const candidates: Ticket[] = [];
    for (const key of desk.queues) queues.get(key)?.firsts(candidates);
    const next = pickNext(candidates, desk.def, desk.state, input.policy, at, input.maxWaitMs);
    if (!next) {
      // Nothing it may call is left: no arrivals in a forecast, so it stays idle.
      desks.splice(index, 1);
      continue;
    }
    const key = queueKeyOf(next);
    queues.get(key)!.take(next);
    left--;
    const call = { at, counterId: desk.def.id, ahead: calledIn.get(key) ?? 0 };
    if (next.id.startsWith(PROBE)) {
      newTicket.set(next.serviceId, call);
      continue;
    }
    calls.set(next.id, call);
    calledIn.set(key, call.ahead + 1);
    desk.state.regularSincePriority = next.priority !== null ? 0 : desk.state.regularSincePriority + 1;
    desk.freeAt = at + ((1 - absent.share) * input.serviceSeconds(next.serviceId, desk.def.id) + absent.share * absent.seconds) * 1000;
  }
  return { calls, newTicket };
}

/** Seconds from now to a predicted call; null when it is not predicted or falls after closing. */
export function waitFromForecast(call: ForecastCall | undefined, now: number, closingAt: number | null): { seconds: number | null; beyondClosing: boolean } {
  if (!call) return { seconds: null, beyondClosing: false };
  if (closingAt !== null && call.at > closingAt) return { seconds: null, beyondClosing: true };
  return { seconds: Math.max(0, Math.round((call.at - now) / 1000)), beyondClosing: false };
}
