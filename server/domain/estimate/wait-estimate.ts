// Estimated waits, from the day's measured service times and the counters open now.
// The method is described in the README ("How the wait is estimated"); keep both in step.

import type { CounterDef } from '../hall/hall-definition.js';
import type { CounterState, Ticket } from '../queue/queue-state.js';
import type { NoShowAllowance } from './wait-forecast.js';

/** Below this many measured services, the estimate leans on the configured default. */
export const MIN_SAMPLES = 5;
/** The average follows the most recent services only. */
export const MAX_SAMPLES = 30;
/** A service longer than this many times the median counts as this long (one long case or a
 *  forgotten "finish" must not move every estimate). */
export const OUTLIER_FACTOR = 3;

/** How long one service took: from the call (or the start, when pressed) to the finish. */
export function serviceDurationMs(ticket: Pick<Ticket, 'status' | 'endedAt' | 'endReason' | 'servingAt' | 'calledAt'>): number | null {
  if (ticket.status !== 'done' || ticket.endedAt === null || ticket.endReason === 'closing') return null;
  const began = ticket.servingAt ?? ticket.calledAt;
  if (began === null) return null;
  return Math.max(0, ticket.endedAt - began);
}

/** Measured service times per service, in ms, of the tickets given (those with none are left out). */
export function durationsByService(tickets: Iterable<Pick<Ticket, 'serviceId' | 'status' | 'endedAt' | 'endReason' | 'servingAt' | 'calledAt'>>): Map<string, number[]> {
  const durations = new Map<string, number[]>();
  for (const t of tickets) {
    const ms = serviceDurationMs(t);
    if (ms === null) continue;
    const list = durations.get(t.serviceId) ?? [];
    list.push(ms);
    durations.set(t.serviceId, list);
  }
  return durations;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A service's usual time is learned from its services over this many days before today. */
export const HISTORY_DAYS = 7;
/**
 * How many of today's services the usual time weighs as: today's own figures take over as the
 * day goes on, but a few unlucky long cases in the morning do not carry every estimate. More
 * weight helps an ordinary day a little and hurts a day when everything is slow (bench part 4).
 */
export const HISTORY_WEIGHT = 10;

/** Mean of durations in seconds, each capped at OUTLIER_FACTOR times their median. */
function cappedMean(seconds: readonly number[]): number {
  const cap = OUTLIER_FACTOR * median(seconds);
  return seconds.reduce((sum, s) => sum + Math.min(s, cap), 0) / seconds.length;
}

/** Below this many services on the past days, a service's shape is not read from them. */
export const SHAPE_MIN_SAMPLES = 30;
/**
 * A time longer than this many times the median is left out of a service's shape: a "finish"
 * pressed hours late is not a citizen still at the counter. (Lognormal times spread as counter
 * work is, sigma 0.5, pass it once in several thousand.)
 */
export const SHAPE_OUTLIER_FACTOR = 6;

/** What a service usually takes over the past days: its mean, and how its times spread. */
export interface UsualService {
  /** Mean, each time capped as today's are; seconds. */
  seconds: number;
  /** The times divided by their mean, ascending (residualFromShape reads what remains of a
   *  citizen at the counter from them); null below SHAPE_MIN_SAMPLES. */
  shape: number[] | null;
}

/** Measured times divided by their mean, ascending, without the ones past SHAPE_OUTLIER_FACTOR times the median. */
export function shapeOf(ms: readonly number[]): number[] {
  const cap = SHAPE_OUTLIER_FACTOR * median(ms);
  const kept = ms.filter((x) => x <= cap);
  const mean = kept.reduce((sum, x) => sum + x, 0) / kept.length;
  return mean > 0 ? kept.map((x) => x / mean).sort((x, y) => x - y) : [];
}

/** What a service usually takes, from its services over the past days; null until MIN_SAMPLES of them. */
export function usualService(pastMs: readonly number[]): UsualService | null {
  if (pastMs.length < MIN_SAMPLES) return null;
  const seconds = cappedMean(pastMs.map((ms) => ms / 1000));
  return { seconds, shape: pastMs.length < SHAPE_MIN_SAMPLES ? null : shapeOf(pastMs) };
}

/** The shapes of the hall's services pooled (each already divided by its own mean): the shape
 *  of a service with too few times of its own. Null below SHAPE_MIN_SAMPLES in all. */
export function pooledShape(shapes: Iterable<readonly number[]>): number[] | null {
  const all = [...shapes].flat().sort((x, y) => x - y);
  return all.length < SHAPE_MIN_SAMPLES ? null : all;
}

/**
 * Mean of the most recent measured durations, each capped at OUTLIER_FACTOR times their
 * median, blended with what the service usually takes (as if it were HISTORY_WEIGHT more
 * services) or, in a hall without past days, with the configured default while there are
 * fewer than MIN_SAMPLES of them: neither the first citizen of the morning nor one very long
 * case swings every estimate.
 */
export function averageServiceSeconds(recentMs: readonly number[], defaultMinutes: number, usualSeconds: number | null = null): number {
  const samples = recentMs.slice(-MAX_SAMPLES).map((ms) => ms / 1000);
  const total = samples.length > 0 ? cappedMean(samples) * samples.length : 0;
  if (usualSeconds !== null) return (total + HISTORY_WEIGHT * usualSeconds) / (samples.length + HISTORY_WEIGHT);
  const missing = Math.max(0, MIN_SAMPLES - samples.length);
  return (total + missing * defaultMinutes * 60) / (samples.length + missing);
}

/**
 * How many citizens' worth of "as the mean" a counter's pace starts from. One citizen's time
 * spreads by half its mean and more, so a pace learned from a few is mostly chance: measured over
 * simulated days (bench part 4), a weaker prior made the forecast worse, not better.
 */
export const PACE_PRIOR = 20;

/**
 * How long a counter takes against each service's mean (1: as the mean), from the citizens it
 * served today: the mean ratio of each one's time to its service's mean (capped at
 * OUTLIER_FACTOR), blended with 1 as if that were PACE_PRIOR more citizens. Pooled over the
 * counter's services, a clerk much faster or slower than the others shows within the morning;
 * one long case moves it little.
 */
export function counterPace(samples: readonly { serviceId: string; ms: number }[], serviceSeconds: (serviceId: string) => number): number {
  let ratios = 0;
  for (const { serviceId, ms } of samples.slice(-MAX_SAMPLES)) ratios += Math.min(OUTLIER_FACTOR, ms / 1000 / serviceSeconds(serviceId));
  return (ratios + PACE_PRIOR) / (Math.min(samples.length, MAX_SAMPLES) + PACE_PRIOR);
}

/** Called citizens who came, who did not, and how long counters waited for those, in ms. */
export interface CallOutcomes {
  came: number;
  absent: number;
  absentMs: number;
}

/** Until this many citizens have been called, the no-show share leans toward none. */
const NO_SHOW_PRIOR = 10;

/**
 * What each citizen ahead costs a counter besides a service: some do not come when called, and
 * the clerk waits for them, then presses "no-show". The share of them among today's called
 * citizens (blended with none as if NO_SHOW_PRIOR more had come) and their mean wait.
 */
export function noShowAllowance({ came, absent, absentMs }: CallOutcomes): NoShowAllowance {
  return { share: absent / (came + absent + NO_SHOW_PRIOR), seconds: absent > 0 ? absentMs / absent / 1000 : 0 };
}

/**
 * Counters working on a service now, each open counter counted as the share of its time
 * the service gets: 1 divided by the number of its services that have people waiting.
 */
export function effectiveCounters(serviceId: string, counters: readonly { def: CounterDef; state: CounterState }[], servicesWithQueue: ReadonlySet<string>): number {
  let total = 0;
  for (const { def, state } of counters) {
    if (!def.active || state.mode !== 'open') continue;
    if (!def.services.some((l) => l.serviceId === serviceId)) continue;
    const busy = def.services.filter((l) => l.serviceId === serviceId || servicesWithQueue.has(l.serviceId)).length;
    total += 1 / Math.max(1, busy);
  }
  return total;
}

/** Seconds until a citizen with `ahead` people before them is called; null when nobody serves. */
export function estimateWaitSeconds(ahead: number, averageSeconds: number, counters: number): number | null {
  if (counters <= 0) return null;
  return Math.round((ahead * averageSeconds) / counters);
}

/**
 * The wait as people are told it: whole minutes, rounded up, to 5 minutes beyond 10 so that
 * a figure on paper does not pretend to a precision it lacks. 0 means "next".
 */
export function waitMinutesToShow(seconds: number | null): number | null {
  if (seconds === null) return null;
  if (seconds <= 0) return 0;
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 10 ? minutes : Math.ceil(minutes / 5) * 5;
}
