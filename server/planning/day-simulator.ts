// A working day of a hall on a simulated clock: citizens arrive (a Poisson stream with a
// morning peak and a lunch dip), take numbers, are called by the real engine as clerks press
// "next" when a citizen leaves, and some never come to the counter. Service times are drawn
// from a lognormal around each service's true mean, which only the simulator knows.
// It drives the hub's own code (LiveState, applyCommand, HallQueries), so what it measures is
// what a hall would see. Seeded: the same seed gives the same day. Used by the benchmark to
// measure the wait estimate's accuracy, and meant for planning ("how many counters tomorrow").

import type { HallCalendar, Period } from '../domain/calendar/hall-calendar.js';
import { localTime } from '../domain/calendar/hall-clock.js';
import type { HallDefinition } from '../domain/hall/hall-definition.js';
import type { Ticket } from '../domain/queue/queue-state.js';
import { applyCommand, type Change, type Command } from '../domain/queue/queue-engine.js';
import { peopleAhead, queueKeyOf } from '../domain/queue/queue-order.js';
import { serviceDurationMs } from '../domain/estimate/wait-estimate.js';
import { HallQueries } from '../services/hall-queries.js';
import { LiveState } from '../services/live-state.js';

/** What the simulator knows of a service that the hall does not. */
export interface SimulatedService {
  id: string;
  /** Share of the day's arrivals. */
  share: number;
  /** True mean service time, minutes. */
  meanMinutes: number;
  /** Spread of the lognormal (its sigma); 0.5 is typical of counter work. */
  sigma: number;
}

export interface DayPlan {
  hall: HallDefinition;
  services: SimulatedService[];
  /** Citizens arriving over the day. */
  arrivals: number;
  /** Share of them with a priority category. */
  priorityShare: number;
  /** Share who do not come when called (the clerk presses no-show after `noShowWaitMinutes`). */
  noShowShare: number;
  noShowWaitMinutes: number;
  /** Numbers are taken from `open` to `lastTicket`, minutes after midnight, hall time. */
  open: number;
  lastTicket: number;
  seed: number;
  /** The start of the simulated day, as a timestamp at midnight hall time. */
  midnight: number;
  /** Share of calls the clerk repeats once before the citizen comes (default none). */
  recallShare?: number;
  /** Share of citizens whom the clerk marks as being served when they sit down (default none). */
  startShare?: number;
  /** How long each counter's clerk takes against the service's mean (1, the default: the mean). */
  counterPace?: (counterId: number) => number;
  /** Relative arrival rate by minute of the day (default `arrivalWeight`: a morning peak, a lunch dip). */
  arrivalProfile?: (minute: number) => number;
  /** Service times measured on the days before, per service, in ms (what the hub reads from its
   *  database to know what a service usually takes); none by default, as on a hall's first day. */
  pastDurations?: Map<string, number[]>;
  /** The hall's hours: numbers are taken and counters call only while a service is open (a
   *  clerk finishes the citizen at the counter into the break, then waits for the reopening);
   *  whoever is left at closing is not served. None: the hall serves until its queue is empty. */
  calendar?: HallCalendar;
  /** Whether a clerk works at a counter that day (default: every counter). A counter without
   *  one is left open with no clerk, as the hub left every counter before counters started
   *  the day closed: only the forecast's staffing tells it from a staffed one. */
  staffed?: (counterId: number) => boolean;
}

/** A working day as the benchmark's halls have it: numbers from 7:30 to 16:30, 5 % of citizens
 *  not there when called, the clerk waiting 2 minutes for them. */
export const WORKING_DAY: Pick<DayPlan, 'open' | 'lastTicket' | 'noShowShare' | 'noShowWaitMinutes'> = {
  open: 7 * 60 + 30,
  lastTicket: 16 * 60 + 30,
  noShowShare: 0.05,
  noShowWaitMinutes: 2,
};

/** What one estimator told one citizen when the number was taken. */
export type Estimator = (ticket: Ticket, context: EstimateContext) => number | null;

export interface EstimateContext {
  live: LiveState;
  queries: HallQueries;
  now: number;
  /** The hall's hours the day follows (DayPlan.calendar), or null. */
  calendar: HallCalendar | null;
  /** True mean seconds of a service at a counter (what only the simulator knows). */
  trueSeconds(serviceId: string, counterId: number): number;
}

export interface Outcome {
  ticketId: string;
  serviceId: string;
  priority: boolean;
  issuedAt: number;
  /** Citizens before it in its queue when the number was taken. */
  ahead: number;
  /** Seconds from the number to the call; null when never called (closing). */
  waited: number | null;
  /** Its service time as the hub measures it, in ms; null when it was not served. */
  servedMs: number | null;
  /** Each estimator's figure at the moment the number was taken. */
  predicted: Record<string, number | null>;
}

/** Mulberry32: small, fast, seeded. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A lognormal draw with the given mean (its median is lower by exp(sigma²/2)). */
function lognormal(random: () => number, mean: number, sigma: number): number {
  return mean * Math.exp(sigma * normal(random) - (sigma * sigma) / 2);
}

/** Arrival rate over the day, relative: a morning peak from 8:00 to 10:00, a dip over lunch. */
export function arrivalWeight(minute: number): number {
  if (minute >= 8 * 60 && minute < 10 * 60) return 2.2;
  if (minute >= 11 * 60 + 30 && minute < 13 * 60 + 30) return 0.35;
  return 1;
}

/** Arrival times over [open, lastTicket), by thinning a Poisson stream at the peak rate. */
function arrivalMinutes(plan: DayPlan, random: () => number): number[] {
  const profile = plan.arrivalProfile ?? arrivalWeight;
  let area = 0;
  let peak = 0;
  for (let m = plan.open; m < plan.lastTicket; m++) {
    area += profile(m);
    peak = Math.max(peak, profile(m));
  }
  const peakRate = (plan.arrivals / area) * peak;
  const times: number[] = [];
  for (let t = plan.open; ; ) {
    t += -Math.log(1 - random()) / peakRate;
    if (t >= plan.lastTicket) break;
    if (random() < profile(Math.floor(t)) / peak) times.push(t);
  }
  return times;
}

function pick<T extends { share: number }>(items: readonly T[], random: () => number): T {
  let r = random() * items.reduce((s, i) => s + i.share, 0);
  for (const item of items) {
    r -= item.share;
    if (r <= 0) return item;
  }
  return items.at(-1)!;
}

type Happening = { at: number; kind: 'arrive' } | { at: number; kind: 'reopen' } | { at: number; kind: 'leave' | 'absent' | 'recall' | 'start'; counterId: number; ticketId: string };

/** What a clerk presses for a held citizen, by what happens to them. */
const CLERK_COMMANDS = { leave: 'finish', absent: 'noShow', recall: 'recall', start: 'start' } as const;

/**
 * Sees each change before the hall's state takes it, while the state before it can still be
 * read from `live` (e.g. to write it as the hub does, with its log entry).
 */
export type ChangeObserver = (change: Change, now: number, live: LiveState) => void;

/** Runs the day; each estimator is asked at every number taken, and the outcomes returned. */
export function simulateDay(plan: DayPlan, estimators: Record<string, Estimator>, observe?: ChangeObserver): Outcome[] {
  const random = seededRandom(plan.seed);
  // The clerk's extra presses draw from their own stream: they change no time, nor the day's draws.
  const clerkRandom = seededRandom(plan.seed ^ 0x5eed);
  const series = new Map<string, number>();
  const stored = new Map<string, Ticket>();
  let seq = 0;
  let now = plan.midnight + plan.open * 60_000;
  const staffed = plan.staffed ?? (() => true);
  const states = plan.hall.counters.map((c) => ({
    id: c.id,
    mode: 'open' as const,
    pauseReason: null,
    clerk: staffed(c.id) ? `Cán bộ ${c.id}` : null,
    currentTicketId: null,
    regularSincePriority: 0,
    since: now,
  }));
  const live = new LiveState(plan.hall, states, [], {
    lastSeq: (day, id) => series.get(`${day}|${id}`) ?? 0,
    ticket: (id) => stored.get(id) ?? null,
    serviceDurations: () => plan.pastDurations ?? new Map(),
  });
  const calendar = plan.calendar ?? null;
  const queries = new HallQueries(
    live,
    () => now,
    () => seq,
    { calendar: () => calendar },
  );
  // The day's opening periods, in minutes: of each service, and of each counter (any of its services open).
  const day = localTime(plan.midnight + 12 * 3_600_000, plan.hall.settings.timeZone).day;
  const servicePeriods = new Map(plan.hall.services.map((s) => [s.id, calendar ? calendar.openPeriods(day, s.id) : null]));
  const counterPeriods = new Map(plan.hall.counters.map((c) => [c.id, calendar ? c.services.flatMap((l) => servicePeriods.get(l.serviceId) ?? []) : null]));
  const minuteOf = (at: number) => (at - plan.midnight) / 60_000;
  const inside = (periods: readonly Period[] | null | undefined, at: number) => !periods || periods.some((p) => minuteOf(at) >= p.start && minuteOf(at) < p.end);
  const trueSeconds = new Map(plan.services.map((s) => [s.id, s.meanMinutes * 60]));
  const pace = plan.counterPace ?? (() => 1);
  const context: EstimateContext = { live, queries, now, calendar, trueSeconds: (id, counterId) => (trueSeconds.get(id) ?? 300) * pace(counterId) };

  const run = (command: Command) => {
    const change = applyCommand(live, command, { now });
    observe?.(change, now, live);
    for (const s of change.series) series.set(`${s.day}|${s.serviceId}`, s.lastSeq);
    for (const t of change.tickets) stored.set(t.id, t);
    live.apply(
      change,
      change.events.map((event) => ({ event, at: now })),
    );
    seq += 1;
    return change;
  };

  const agenda: Happening[] = arrivalMinutes(plan, random).map((m) => ({ at: Math.round(plan.midnight + m * 60_000), kind: 'arrive' }));
  // Each opening of a period (the morning, after the break): the counters then free call.
  const openings = new Set([...counterPeriods.values()].flatMap((periods) => (periods ?? []).map((p) => p.start)));
  const outcomes = new Map<string, Outcome>();
  const categories = plan.hall.settings.priorityCategories;
  const schedule = (h: Happening) => {
    // Kept in time order; the agenda is short enough for an insertion.
    let i = agenda.length;
    while (i > 0 && agenda[i - 1]!.at > h.at) i--;
    agenda.splice(i, 0, h);
  };
  for (const minute of openings) schedule({ at: plan.midnight + minute * 60_000, kind: 'reopen' });
  /** A free counter calls the next citizen, if any; the citizen then comes or does not. */
  const callAt = (counterId: number) => {
    if (!staffed(counterId) || !inside(counterPeriods.get(counterId), now)) return;
    let called: Ticket | undefined;
    try {
      called = run({ type: 'callNext', counterId }).tickets.find((t) => t.status === 'called');
    } catch {
      return; // nobody it may call
    }
    if (!called) return;
    const outcome = outcomes.get(called.id);
    if (outcome) outcome.waited = Math.round((now - called.issuedAt) / 1000);
    const service = plan.services.find((s) => s.id === called!.serviceId)!;
    if (random() < plan.noShowShare) {
      schedule({ at: now + plan.noShowWaitMinutes * 60_000, kind: 'absent', counterId, ticketId: called.id });
    } else {
      const serviceMs = Math.round(lognormal(random, service.meanMinutes * 60_000 * pace(counterId), service.sigma));
      schedule({ at: now + serviceMs, kind: 'leave', counterId, ticketId: called.id });
      if (clerkRandom() < (plan.recallShare ?? 0)) schedule({ at: now + Math.min(20_000, Math.floor(serviceMs / 3)), kind: 'recall', counterId, ticketId: called.id });
      if (clerkRandom() < (plan.startShare ?? 0)) schedule({ at: now + Math.min(45_000, Math.floor((2 * serviceMs) / 3)), kind: 'start', counterId, ticketId: called.id });
    }
  };
  const idleCounters = () => live.allCounters().filter(({ state }) => state.mode === 'open' && state.currentTicketId === null);

  while (agenda.length > 0) {
    const happening = agenda.shift()!;
    now = happening.at;
    context.now = now;
    if (happening.kind === 'reopen') {
      for (const { def } of idleCounters()) callAt(def.id);
    } else if (happening.kind === 'arrive') {
      const service = pick(plan.services, random);
      const priority = random() < plan.priorityShare && categories.length > 0 ? categories[Math.floor(random() * categories.length)]!.code : null;
      // The kiosk gives no number for a service closed now (a break, or not its day).
      if (!inside(servicePeriods.get(service.id), now)) continue;
      const ticket = run({ type: 'issue', serviceId: service.id, priority }).tickets[0]!;
      const predicted: Record<string, number | null> = {};
      for (const [name, estimate] of Object.entries(estimators)) predicted[name] = estimate(ticket, context);
      const ahead = peopleAhead(ticket, live.waitingIn(queueKeyOf(ticket)));
      outcomes.set(ticket.id, { ticketId: ticket.id, serviceId: ticket.serviceId, priority: priority !== null, issuedAt: now, ahead, waited: null, servedMs: null, predicted });
      for (const { def } of idleCounters()) if (live.counterState(def.id)?.currentTicketId === null) callAt(def.id);
    } else if (happening.kind === 'recall' || happening.kind === 'start') {
      run({ type: CLERK_COMMANDS[happening.kind], counterId: happening.counterId });
    } else {
      run({ type: CLERK_COMMANDS[happening.kind], counterId: happening.counterId, ticketId: happening.ticketId });
      callAt(happening.counterId);
    }
  }
  // As the hub does at closing time: whoever was never called is closed as not served.
  run({ type: 'closeDay', includeToday: true });
  for (const outcome of outcomes.values()) outcome.servedMs = serviceDurationMs(stored.get(outcome.ticketId)!);
  return [...outcomes.values()];
}
