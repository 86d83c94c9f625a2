// The hall display's list of calls: the snapshot's recent calls, then every call and recall
// as it happens, newest first. Pure, so the order rules are tested without a browser.

import { callRecordOf, type CallRecord, type HallEvent } from '../../server/contract/events.js';

export const CALLS_KEPT = 10;

/** Adds the calls that a batch of events carries; a recall moves its call back to the top. */
export function applyCallEvents(calls: readonly CallRecord[], events: readonly HallEvent[]): CallRecord[] {
  let next = [...calls];
  for (const event of events) {
    const call = callRecordOf(event);
    if (!call) continue;
    next = [call, ...next.filter((c) => c.ticketId !== call.ticketId)];
  }
  return next.slice(0, CALLS_KEPT);
}

/** One entry per ticket (the snapshot lists recalls separately), newest first. */
export function distinctCalls(calls: readonly CallRecord[]): CallRecord[] {
  const seen = new Set<string>();
  return calls.filter((c) => !seen.has(c.ticketId) && seen.add(c.ticketId)).slice(0, CALLS_KEPT);
}

/** Reads ?services=HT,DD&counters=1,2 (one floor, one wing) into a subscription filter. */
export function filterFromQuery(search: string): { services?: string[]; counters?: number[] } {
  const params = new URLSearchParams(search);
  const list = (name: string) =>
    (params.get(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const services = list('services');
  const counters = list('counters')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return { ...(services.length ? { services } : {}), ...(counters.length ? { counters } : {}) };
}
