// Estimated waits, from the day's measured service times and the counters open now.
// The method is described in the README ("How the wait is estimated"); keep both in step.

import type { CounterDef, CounterState, Ticket } from './model.js';
import type { NoShowAllowance } from './wait-forecast.js';

/** Below this many measured services, the estimate leans on the configured default. */
export const MIN_SAMPLES = 5;
/** The average follows the most recent services only. */
export const MAX_SAMPLES = 30;
/** A service longer than this many times the median counts as this long (one long case or a
 *  forgotten "finish" must not move every estimate). */
export const OUTLIER_FACTOR = 3;

/** How long one service took: from the call (or the start, when pressed) to the finish. */
export function serviceDurationMs(ticket: Ticket): number | null {
  if (ticket.status !== 'done' || ticket.endedAt === null || ticket.endReason === 'closing') return null;
  const began = ticket.servingAt ?? ticket.calledAt;
  if (began === null) return null;
  return Math.max(0, ticket.endedAt - began);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Mean of the most recent measured durations, each capped at OUTLIER_FACTOR times their
 * median, and shrunk toward the default while there are fewer than MIN_SAMPLES of them, so
 * that neither the first citizen of the morning nor one very long case swings every estimate.
 */
export function averageServiceSeconds(recentMs: readonly number[], defaultMinutes: number): number {
  const samples = recentMs.slice(-MAX_SAMPLES).map((ms) => ms / 1000);
  const cap = samples.length > 0 ? OUTLIER_FACTOR * median(samples) : Infinity;
  const missing = Math.max(0, MIN_SAMPLES - samples.length);
  const total = samples.reduce((sum, s) => sum + Math.min(s, cap), 0) + missing * defaultMinutes * 60;
  return total / (samples.length + missing);
}

/**
 * How long a counter takes against each service's mean (1: as the mean), from the citizens it
 * served today: the mean ratio of each one's time to its service's mean (capped at
 * OUTLIER_FACTOR), blended with 1 as if that were MIN_SAMPLES more citizens. Pooled over the
 * counter's services, a faster or slower clerk shows after a few citizens; one long case moves
 * it little.
 */
export function counterPace(samples: readonly { serviceId: string; ms: number }[], serviceSeconds: (serviceId: string) => number): number {
  let ratios = 0;
  for (const { serviceId, ms } of samples.slice(-MAX_SAMPLES)) ratios += Math.min(OUTLIER_FACTOR, ms / 1000 / serviceSeconds(serviceId));
  return (ratios + MIN_SAMPLES) / (Math.min(samples.length, MAX_SAMPLES) + MIN_SAMPLES);
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
export function effectiveCounters(
  serviceId: string,
  counters: readonly { def: CounterDef; state: CounterState }[],
  servicesWithQueue: ReadonlySet<string>,
): number {
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
