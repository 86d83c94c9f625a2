// Waits predicted by the hall's own rules: the engine's choice of the next ticket (pickNext)
// played forward from the present, each open counter taking its next ticket when the citizen
// it serves is expected to leave. Whatever the counters' services, weights, in-order rule,
// priority policy, pauses or maximum wait guard, the forecast calls tickets in the order the
// counters will. Only counters with someone at them call (a clerk signed in, or a keypad that
// called), and only while the hall's calendar has them open: a counter free at the lunch break
// calls its next citizen when the hall reopens. Pure: the caller gives the state, the calendar
// and the expected service times.

import type { HallCalendar } from '../calendar/hall-calendar.js';
import { localTime } from '../calendar/hall-clock.js';
import { localInstant } from '../calendar/working-time.js';
import type { CounterDef, PriorityPolicy } from '../hall/hall-definition.js';
import type { CounterState, Ticket } from '../queue/queue-state.js';
import { newTicket } from '../queue/queue-engine.js';
import { pickNext, queueKeyOf, queuesOf, type QueueKey } from '../queue/queue-order.js';

/** A counter as the forecast needs it: only open counters with someone at them will call. */
export interface ForecastCounter {
  def: CounterDef;
  state: CounterState;
  /** The ticket it holds (called or serving), or null. */
  current: Ticket | null;
  /** A clerk is signed in at it, or its keypad has called: someone will press "next". */
  staffed: boolean;
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
  /**
   * The hall's hours: counters call only inside their services' opening periods of today (a
   * break or a closing in between waits for the next period), and a call after a service's
   * last period is "may not be served today". Null: open around the clock, no last call.
   */
  calendar: HallCalendar | null;
  /** Services to predict a ticket taken now for. */
  services: readonly string[];
  /** Citizens who will not come when called; none when absent. */
  noShow?: NoShowAllowance;
  /**
   * Measured service times of a service (or of the hall, where the service has too few), each
   * divided by the mean of them, in ascending order: what remains of the citizen at the
   * counter is read from them. Null: none measured yet.
   */
  serviceShape?: (serviceId: string) => readonly number[] | null;
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
  /** Each service's last call time today (the end of its last opening period); absent: none. */
  lastCall: Map<string, number>;
}

/**
 * Spread assumed for service times (the sigma of a lognormal) on a hall's first days, until
 * enough service times are measured to read the rest of a citizen's time from them.
 */
const SERVICE_SIGMA = 0.5;

/** A conditional mean read from fewer measured services than this is mostly chance. */
export const TAIL_SAMPLES = 5;

/** Standard normal cumulative distribution (Abramowitz-Stegun 7.1.26, error below 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Expected time still to go for a citizen served for `elapsed` of a service whose mean is
 * `mean`, service times being lognormal: E[X - t | X > t]. Longer than mean - elapsed, and never
 * zero: a citizen past the average time is likely one of the long cases. Used only until
 * service times have been measured (residualFromShape).
 */
export function expectedRemaining(mean: number, elapsed: number, sigma = SERVICE_SIGMA): number {
  if (elapsed <= 0) return mean;
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  const z = (Math.log(elapsed) - mu) / sigma;
  const stillThere = normalCdf(-z);
  if (stillThere < 1e-9) return mean * 0.1;
  return (mean * normalCdf(sigma - z)) / stillThere - elapsed;
}
/**
 * Expected time still to go for a citizen served for `elapsed` of a service whose mean is
 * `mean`, read from measured service times: of the past citizens who had been at the counter
 * that long, the mean of what remained. `shape` holds the measured times divided by their mean,
 * ascending, so that a counter slower or a day longer than the week scales them (`mean` is this
 * counter's expected time). Past all but the TAIL_SAMPLES longest, what remained of those
 * longest beyond the shortest of them: the tail is taken to go on as it was last seen.
 */
export function residualFromShape(shape: readonly number[], mean: number, elapsed: number): number {
  if (elapsed <= 0 || shape.length === 0) return mean;
  const at = elapsed / mean;
  // The first measured time longer than `at` (binary search).
  let lo = 0;
  let hi = shape.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (shape[mid]! > at) hi = mid;
    else lo = mid + 1;
  }
  const from = Math.min(lo, Math.max(0, shape.length - TAIL_SAMPLES));
  const threshold = lo === from ? at : shape[from]!;
  let sum = 0;
  for (let i = from; i < shape.length; i++) sum += shape[i]! - threshold;
  return (sum / (shape.length - from)) * mean;
}

/** Ids of the tickets imagined for "a ticket taken now". */
const PROBE = '\u0000probe:';

interface Desk {
  def: CounterDef;
  state: CounterState;
  freeAt: number;
  queues: QueueKey[];
  /** Today's periods in which it calls, as instants, in order; null: at any time. */
  periods: readonly Period[] | null;
}

interface Period {
  start: number;
  end: number;
}

/** What remains of the citizen at the counter, in ms. */
function remainingOf(current: Ticket, counterId: number, input: ForecastInput): number {
  const began = current.servingAt ?? current.calledAt ?? input.now;
  const expected = input.serviceSeconds(current.serviceId, counterId) * 1000;
  const shape = input.serviceShape?.(current.serviceId) ?? null;
  return shape && shape.length > 0 ? residualFromShape(shape, expected, input.now - began) : expectedRemaining(expected, input.now - began);
}

/**
 * The first moment at or after `at` when a counter may call: `at` inside one of its periods,
 * the start of the next one after a break or before opening, `at` itself past the last one
 * (the forecast goes on past closing to tell "may not be served today").
 */
function callableFrom(at: number, periods: readonly Period[] | null): number {
  if (periods === null) return at;
  for (const p of periods) {
    if (at < p.end) return Math.max(at, p.start);
  }
  return at;
}

/** Today's opening periods of each service of the hall, as instants (asked once a forecast). */
function servicePeriods(calendar: HallCalendar, day: string, serviceIds: Iterable<string>): Map<string, Period[]> {
  const tz = calendar.rules.timeZone;
  const periods = new Map<string, Period[]>();
  for (const id of serviceIds) {
    periods.set(
      id,
      calendar.openPeriods(day, id).map((p) => ({ start: localInstant(day, p.start, tz), end: localInstant(day, p.end, tz) })),
    );
  }
  return periods;
}

/** The periods of some services merged: a counter calls while any of its services is open. */
function merged(lists: readonly (readonly Period[])[]): Period[] {
  const all = lists.flat().sort((a, b) => a.start - b.start);
  const result: Period[] = [];
  for (const p of all) {
    const last = result.at(-1);
    if (last && p.start <= last.end) last.end = Math.max(last.end, p.end);
    else result.push({ ...p });
  }
  return result;
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

  const { calendar } = input;
  const day = calendar ? localTime(input.now, calendar.rules.timeZone).day : '';
  const staffed = input.counters.filter((c) => c.def.active && c.state.mode === 'open' && c.staffed);
  const ids = new Set([...input.services, ...input.waiting.map((t) => t.serviceId), ...staffed.flatMap((c) => c.def.services.map((l) => l.serviceId))]);
  const periodsById = calendar ? servicePeriods(calendar, day, ids) : new Map<string, Period[]>();
  const lastCall = new Map<string, number>();
  for (const [id, periods] of periodsById) {
    const last = periods.at(-1);
    if (last) lastCall.set(id, last.end);
  }
  const desks: Desk[] = staffed.map((c) => {
    // A counter none of whose services opens today calls at any time (a clerk at work on a
    // day the calendar has closed).
    const own = merged(c.def.services.map((l) => periodsById.get(l.serviceId) ?? []));
    const periods = calendar && own.length > 0 ? own : null;
    // The citizen at the counter is served to the end, even into a break; then the counter
    // waits for its next period.
    const free = input.now + (c.current ? remainingOf(c.current, c.def.id, input) : 0);
    return { def: c.def, state: { ...c.state }, freeAt: callableFrom(free, periods), queues: queuesOf(c.def), periods };
  });

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
    desk.freeAt = callableFrom(at + ((1 - absent.share) * input.serviceSeconds(next.serviceId, desk.def.id) + absent.share * absent.seconds) * 1000, desk.periods);
  }
  return { calls, newTicket, lastCall };
}

/**
 * Seconds from now to a predicted call; null when it is not predicted or falls after the
 * service's last call time (`lastCallAt`, from Forecast.lastCall; undefined or null: none).
 */
export function waitFromForecast(call: ForecastCall | undefined, now: number, lastCallAt: number | null | undefined): { seconds: number | null; beyondClosing: boolean } {
  if (!call) return { seconds: null, beyondClosing: false };
  if (lastCallAt != null && call.at > lastCallAt) return { seconds: null, beyondClosing: true };
  return { seconds: Math.max(0, Math.round((call.at - now) / 1000)), beyondClosing: false };
}
