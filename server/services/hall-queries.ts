// Read models built from the live state: service figures with estimated waits, a ticket's
// place in the queue, a counter's view and the snapshot pages start from.

import type { CounterView, HallSnapshot, PublicTicketView, ServiceSummary, SubscriptionFilter, TicketView, WaitingEntry } from '../contract/events.js';
import { publicCounterView, publicSettings, publicTicket } from '../domain/queue/public-view.js';
import { dayOf } from '../domain/calendar/hall-clock.js';
import type { ClosedReason, HallCalendar } from '../domain/calendar/hall-calendar.js';
import { hallCalendarOf } from '../domain/hall/hall-calendar-of.js';
import type { HallSettings, ServiceDef } from '../domain/hall/hall-definition.js';
import type { ServiceClosedReason } from '../domain/queue/service-summary.js';
import type { CounterState, Ticket } from '../domain/queue/queue-state.js';
import { dailyLimit } from '../domain/queue/numbering.js';
import { compareInService, maxWaitMsOf, peopleAhead, queueKeyOf, queuesOf, type QueueKey } from '../domain/queue/queue-order.js';
import { averageServiceSeconds, counterPace, effectiveCounters, noShowAllowance } from '../domain/estimate/wait-estimate.js';
import { forecastCalls, waitFromForecast, type Forecast, type ForecastInput } from '../domain/estimate/wait-forecast.js';
import type { LiveState } from './live-state.js';

/** Whether someone is at a counter to call: a clerk signed in, or its keypad. */
export type Staffing = (counterId: number, state: CounterState) => boolean;

/** Without sign-in sessions to ask (the day simulator): a counter opened with a clerk's name is staffed. */
export const clerkNamed: Staffing = (_id, state) => state.clerk !== null;

/**
 * The hall's hours as a calendar, from its week and each service's own, without official
 * schedules or closures (the simulator's and the tests'); null for a hall open around the clock,
 * which has no last call. The hub gives the forecast its full calendar instead.
 */
export function calendarOfSettings(
  settings: Pick<HallSettings, 'timeZone' | 'hours'> & Partial<Pick<HallSettings, 'workingHours'>>,
  services: readonly Pick<ServiceDef, 'id' | 'hours'>[] = [],
): HallCalendar | null {
  if (!settings.hours) return null;
  return hallCalendarOf({ timeZone: settings.timeZone, hours: settings.hours, workingHours: settings.workingHours ?? null }, services, { official: {}, changes: [] });
}

export interface ForecastContext {
  /** Who is at each counter (default: clerkNamed). */
  staffed?: Staffing;
  /** The hall's hours (default: none, open around the clock). */
  calendar?: HallCalendar | null;
}

/**
 * What the forecast reads from the live hall at `now`: today's waiting tickets, every counter
 * with the ticket it holds and whether someone is at it, the hall's rules and hours, today's
 * no-shows, how the services' times spread. The expected service times and the services to
 * predict a new ticket for are the caller's (the hub's measured means, or a simulator's truth).
 */
export function forecastInputOf(live: LiveState, now: number, serviceSeconds: ForecastInput['serviceSeconds'], services: readonly string[], context: ForecastContext = {}): ForecastInput {
  const { settings } = live;
  const today = dayOf(now, settings.timeZone);
  const staffed = context.staffed ?? clerkNamed;
  return {
    now,
    counters: live.allCounters().map(({ def, state }) => ({
      def,
      state,
      current: state.currentTicketId === null ? null : (live.ticket(state.currentTicketId) ?? null),
      staffed: staffed(def.id, state),
    })),
    waiting: [...live.openTickets()].filter((t) => t.status === 'waiting' && t.day === today),
    serviceSeconds,
    policy: settings.priorityPolicy,
    maxWaitMs: maxWaitMsOf(settings),
    calendar: context.calendar ?? null,
    services,
    noShow: noShowAllowance(live.callOutcomes()),
    serviceShape: (serviceId) => live.serviceShape(serviceId, today),
  };
}

/** The page's code for why the calendar closes a service now. */
function serviceClosedReasonOf(reason: ClosedReason): ServiceClosedReason {
  return reason.kind === 'holiday' || reason.kind === 'closure' || reason.kind === 'break' ? reason.kind : 'hours';
}

/** A forecast stays good until the queue changes or this long has passed. */
const FORECAST_TTL_MS = 15_000;
/**
 * Under a flood of changes, a new forecast waits this many times as long as the last one took:
 * forecasting never takes more than a tenth of the hub's time. In a hall's normal pace (a change
 * every few seconds) every read gets a fresh one.
 */
const FORECAST_SPACING = 10;

interface CachedForecast {
  seq: number;
  bucket: number;
  forecast: Forecast;
  now: number;
  /** The counters staffed when it was made: a sign-in at an open counter changes no queue. */
  staffedKey: string;
  /** performance.now() when it was made, and how long it took. */
  madeAt: number;
  tookMs: number;
}

export class HallQueries {
  private cached: CachedForecast | null = null;

  constructor(
    private readonly live: LiveState,
    private readonly clock: () => number,
    private readonly lastSeq: () => number,
    private readonly hours: {
      /** Who is at each counter, asked once a forecast: the hub asks the sign-in sessions (default: clerkNamed). */
      staffing?: () => Staffing;
      /** The hall's calendar (default: calendarOfSettings of the live settings). */
      calendar?: () => HallCalendar | null;
    } = {},
  ) {}

  /** The calendar the forecast follows, made again only when the settings change. */
  private calendarMemo: { settings: HallSettings; calendar: HallCalendar | null } | null = null;
  private calendar(): HallCalendar | null {
    if (this.hours.calendar) return this.hours.calendar();
    const { settings } = this.live;
    if (this.calendarMemo?.settings !== settings) this.calendarMemo = { settings, calendar: calendarOfSettings(settings, this.live.allServices()) };
    return this.calendarMemo.calendar;
  }

  /** Whether someone is at a counter, as the forecast counts it (a clerk's session or its keypad). */
  staffing(): Staffing {
    return this.hours.staffing?.() ?? clerkNamed;
  }

  /** The day's calls played forward by the hall's rules (wait-forecast.ts), once per change. */
  /** `fresh`: made now whatever the spacing (a ticket the last forecast cannot stand for). */
  private forecast(fresh = false): CachedForecast {
    const now = this.clock();
    const seq = this.lastSeq();
    const bucket = Math.floor(now / FORECAST_TTL_MS);
    const cached = this.cached;
    const staffed = this.hours.staffing?.() ?? clerkNamed;
    const staffedKey = this.live
      .allCounters()
      .filter(({ def, state }) => staffed(def.id, state))
      .map(({ def }) => def.id)
      .join(',');
    const recent = cached !== null && !fresh && performance.now() - cached.madeAt < FORECAST_SPACING * cached.tookMs;
    if (cached && cached.bucket === bucket && cached.staffedKey === staffedKey && (cached.seq === seq || recent)) return cached;
    const services = this.live.allServices();
    const today = dayOf(now, this.live.settings.timeZone);
    // Outside the timing that spaces forecasts: the first of a day reads the past week from the database.
    const averages = new Map(services.map((s) => [s.id, this.averageServiceSeconds(s, today)]));
    const started = performance.now();
    // Each service's mean, times each counter's own pace as it has shown today.
    const mean = (serviceId: string) => averages.get(serviceId) ?? 300;
    const paces = new Map(this.live.allCounters().map(({ def }) => [def.id, counterPace(this.live.counterDurations(def.id), mean)]));
    const input = forecastInputOf(
      this.live,
      now,
      (serviceId, counterId) => mean(serviceId) * (paces.get(counterId) ?? 1),
      services.map((s) => s.id),
      { staffed, calendar: this.calendar() },
    );
    const forecast = forecastCalls(input);
    this.cached = { seq, bucket, forecast, now, staffedKey, madeAt: performance.now(), tookMs: performance.now() - started };
    return this.cached;
  }

  today(): string {
    return dayOf(this.clock(), this.live.settings.timeZone);
  }

  /** The mean service time estimates use: today's, blended with what the service usually takes. */
  private averageServiceSeconds(service: ServiceDef, today: string): number {
    return averageServiceSeconds(this.live.serviceDurations(service.id), service.defaultServiceMinutes, this.live.usualService(service.id, today)?.seconds ?? null);
  }

  /** Today's waiting tickets of one queue. */
  private waitingIn(key: QueueKey): Ticket[] {
    const today = this.today();
    return [...this.live.waitingIn(key)].filter((t) => t.day === today);
  }

  /** How many of today's tickets wait in one queue, and how many of them with a priority:
   *  counted in place, as every commit asks it of each service it touched. */
  private waitingCount(key: QueueKey, today: string): { all: number; priority: number } {
    let all = 0;
    let priority = 0;
    for (const t of this.live.waitingIn(key)) {
      if (t.day !== today) continue;
      all += 1;
      if (t.priority !== null) priority += 1;
    }
    return { all, priority };
  }

  /** Services whose own queue has someone waiting. */
  private servicesWithQueue(): Set<string> {
    return new Set(
      this.live
        .nonEmptyQueues()
        .filter((k) => k.startsWith('service:'))
        .map((k) => k.slice('service:'.length)),
    );
  }

  serviceSummaries(ids?: Iterable<string>): ServiceSummary[] {
    const now = this.clock();
    const today = this.today();
    const withQueue = this.servicesWithQueue();
    const counters = this.live.allCounters();
    const wanted = ids ? new Set(ids) : null;
    const { forecast } = this.forecast();
    return this.live
      .allServices()
      .filter((s) => (wanted ? wanted.has(s.id) : true))
      .map((s) => {
        const queue = this.waitingCount(`service:${s.id}`, today);
        const issued = this.live.lastSeq(today, s.id);
        const remaining = Math.max(0, dailyLimit(s.numbering, s.dailyMax) - issued);
        const state = this.live.calendar.stateAt(now, s.id);
        const calendarReason = state.open ? null : serviceClosedReasonOf(state.reason);
        const closedReason = !s.active ? 'inactive' : (calendarReason ?? (remaining === 0 ? 'daily_max' : null));
        const closedWords = !state.open && (state.reason.kind === 'holiday' || state.reason.kind === 'closure') ? state.reason.words : null;
        const average = this.averageServiceSeconds(s, today);
        const open = effectiveCounters(s.id, counters, withQueue);
        const wait = waitFromForecast(forecast.newTicket.get(s.id), now, forecast.lastCall.get(s.id));
        return {
          id: s.id,
          name: s.name,
          group: s.group,
          color: s.color,
          location: s.location,
          active: s.active,
          open: closedReason === null,
          closedReason,
          closedWords: closedReason === 'holiday' || closedReason === 'closure' ? closedWords : null,
          opensAt: calendarReason && s.active && !state.open ? state.nextOpening : null,
          waiting: queue.all,
          waitingPriority: queue.priority,
          issuedToday: issued,
          remainingToday: remaining,
          openCounters: Math.round(open * 100) / 100,
          estimatedWaitSeconds: wait.seconds,
          beyondClosing: wait.beyondClosing,
          averageServiceSeconds: Math.round(average),
        };
      });
  }

  /**
   * How many of each service's waiting tickets the forecast does not expect called before the
   * service's last call today ("may not be served today"), for the manager console. A ticket
   * taken since the forecast was made stands where a ticket taken now would.
   */
  mayNotBeServedToday(): Map<string, number> {
    const { forecast, now } = this.forecast();
    const today = this.today();
    const counts = new Map<string, number>();
    for (const key of this.live.nonEmptyQueues()) {
      for (const t of this.live.waitingIn(key)) {
        if (t.day !== today) continue;
        const call = forecast.calls.get(t.id) ?? (t.issuedAt >= now ? forecast.newTicket.get(t.serviceId) : undefined);
        if (waitFromForecast(call, now, forecast.lastCall.get(t.serviceId)).beyondClosing) counts.set(t.serviceId, (counts.get(t.serviceId) ?? 0) + 1);
      }
    }
    return counts;
  }

  ticketView(ticket: Ticket): TicketView {
    const service = this.live.service(ticket.serviceId)!;
    let ahead: number | null = null;
    let wait: number | null = null;
    let beyondClosing = false;
    if (ticket.status === 'waiting') {
      let made = this.forecast();
      let call = made.forecast.calls.get(ticket.id);
      if (!call && ticket.issuedAt >= made.now) {
        // Taken since the forecast was made: a plain ticket stands where "a ticket taken now"
        // stood; a priority one, or one sent to a counter or the front, needs its own forecast.
        const plain = ticket.priority === null && ticket.targetCounterId === null && !ticket.front;
        if (!plain) made = this.forecast(true);
        call = plain ? made.forecast.newTicket.get(ticket.serviceId) : made.forecast.calls.get(ticket.id);
      }
      const { now } = made;
      // Those of its queue called before it, as the counters will call them (an interleaved
      // priority ticket can have regular ones ahead); its place in the queue when none calls.
      ahead = call?.ahead ?? peopleAhead(ticket, this.live.waitingIn(queueKeyOf(ticket)));
      ({ seconds: wait, beyondClosing } = waitFromForecast(call, now, made.forecast.lastCall.get(ticket.serviceId)));
    }
    const counterId = ticket.status === 'waiting' ? ticket.targetCounterId : ticket.counterId;
    const counter = counterId === null ? undefined : this.live.counter(counterId);
    return {
      ticket,
      service: { id: service.id, name: service.name, location: service.location },
      peopleAhead: ahead,
      estimatedWaitSeconds: wait,
      beyondClosing,
      counter: counter ? { id: counter.id, name: counter.name, location: counter.location } : null,
    };
  }

  /** Who this counter may call, in the order each queue stands (tickets sent to it by name first). */
  waitingFor(counterId: number): WaitingEntry[] {
    const def = this.live.counter(counterId);
    if (!def) return [];
    return queuesOf(def).flatMap((key) =>
      this.waitingIn(key)
        .sort(compareInService)
        .map((t) => ({ ticketId: t.id, number: t.number, serviceId: t.serviceId, priority: t.priority !== null, forThisCounter: t.targetCounterId === counterId })),
    );
  }

  publicTicketView(ticket: Ticket): PublicTicketView {
    const view = this.ticketView(ticket);
    return { ...view, ticket: publicTicket(view.ticket) };
  }

  counterView(id: number): CounterView | null {
    const def = this.live.counter(id);
    const state = this.live.counterState(id);
    if (!def || !state) return null;
    const current = state.currentTicketId === null ? null : (this.live.ticket(state.currentTicketId) ?? null);
    return { def, state, current };
  }

  snapshot(filter: SubscriptionFilter = {}): HallSnapshot {
    const services = filter.services?.length ? new Set(filter.services) : null;
    const counters = filter.counters?.length ? new Set(filter.counters) : null;
    // A page that follows counters sees the queues those counters serve.
    const servicesShown = new Set<string>(services ?? []);
    if (counters) {
      for (const id of counters) for (const l of this.live.counter(id)?.services ?? []) servicesShown.add(l.serviceId);
    }
    const showService = (id: string) => (!services && !counters) || servicesShown.has(id);
    const showCounter = (id: number, serviceIds: string[]) => (!services && !counters) || (counters?.has(id) ?? false) || serviceIds.some((s) => services?.has(s));

    return {
      seq: this.lastSeq(),
      at: this.clock(),
      day: this.today(),
      hall: publicSettings(this.live.settings),
      services: this.serviceSummaries().filter((s) => showService(s.id)),
      counters: this.live
        .allCounters()
        .filter(({ def }) =>
          showCounter(
            def.id,
            def.services.map((l) => l.serviceId),
          ),
        )
        .map(({ def }) => publicCounterView(this.counterView(def.id)!)),
      waiting: this.live
        .nonEmptyQueues()
        .flatMap((key) => this.waitingIn(key))
        .filter((t) => showService(t.serviceId) || (t.targetCounterId !== null && (counters?.has(t.targetCounterId) ?? false)))
        .sort((a, b) => a.serviceId.localeCompare(b.serviceId) || compareInService(a, b))
        .map(publicTicket),
      recentCalls: this.live.recentCalls().filter((c) => showService(c.serviceId) || (counters?.has(c.counterId) ?? false)),
      filter: { services: filter.services ?? [], counters: filter.counters ?? [] },
    };
  }
}
