// The hall's queue as it is now, held in memory so that reads and "who is next" cost no
// SQL. It changes only through apply(), after the same change was committed to SQLite.
// Only tickets still open are kept; a finished one is read back from the store when asked
// for, so memory stays the size of the queue, not of the day.

import { callRecordOf, type CallRecord, type DomainEvent } from '../contract/events.js';
import { FINAL_STATUSES } from '../domain/queue/queue-state.js';
import type { DisplayDef, RatingTabletDef } from '../domain/hall/hall-definition.js';
import type { CounterDef, HallDefinition, HallSettings, KioskDef, SerialBusDef, ServiceDef } from '../domain/hall/hall-definition.js';
import type { CounterState, Ticket } from '../domain/queue/queue-state.js';
import type { Change, QueueView } from '../domain/queue/queue-engine.js';
import { compactDay, daysBefore } from '../domain/calendar/hall-clock.js';
import type { HallCalendar } from '../domain/calendar/hall-calendar.js';
import type { CalendarChange, HallDay } from '../domain/calendar/hall-days.js';
import type { HolidaySchedules } from '../domain/calendar/holidays.js';
import { hallCalendarOf } from '../domain/hall/hall-calendar-of.js';
import { queueKeyOf, type QueueKey } from '../domain/queue/queue-order.js';
import { HISTORY_DAYS, MAX_SAMPLES, pooledShape, serviceDurationMs, shapeOf, usualService, type CallOutcomes, type UsualService } from '../domain/estimate/wait-estimate.js';

const RECENT_CALLS = 30;

/** What the calendar is built from besides the hall's description. */
export interface CalendarInputs {
  /** The official schedules shipped (config/holidays.yaml) and in the data folder (holidays.yaml). */
  shipped: HolidaySchedules;
  /** Years loaded through the API: over the hall file's own. */
  loaded: HolidaySchedules;
  /** The hall's own closures and extra working days. */
  changes: readonly HallDay[];
}

export class LiveState implements QueueView {
  settings: HallSettings;
  kiosks: KioskDef[] = [];
  ratingTablets: RatingTabletDef[] = [];
  displays: DisplayDef[] = [];
  serialBuses: SerialBusDef[] = [];
  private services = new Map<string, ServiceDef>();
  private counters = new Map<number, CounterDef>();
  private counterStates = new Map<number, CounterState>();
  /** Tickets not final yet: waiting, called, serving, no-show. */
  private open = new Map<string, Ticket>();
  /** Waiting tickets by the queue they stand in, so that no read scans the whole day. */
  private waiting = new Map<QueueKey, Map<string, Ticket>>();
  private durations = new Map<string, number[]>();
  /** The same by counter, with the service of each: clerks differ. */
  private counterSamples = new Map<number, { serviceId: string; ms: number }[]>();
  private calls: CallRecord[] = [];
  /** Today's called citizens who came and who did not, and how long counters waited for those. */
  private outcomes: CallOutcomes = { came: 0, absent: 0, absentMs: 0 };
  /** Last number given per `day|service`, as read or changed: every figure reads it. */
  private series = new Map<string, number>();
  /** What each service usually takes, learned from the days before `day`. */
  private usual: { day: string; services: Map<string, UsualService>; hallShape: number[] | null } | null = null;
  private calendarInputs: CalendarInputs = { shipped: {}, loaded: {}, changes: [] };
  private builtCalendar: HallCalendar | null = null;
  private calendarBuiltFor: HallSettings | null = null;

  constructor(
    hall: HallDefinition,
    counterStates: CounterState[],
    tickets: Ticket[],
    private readonly store: {
      lastSeq(day: string, serviceId: string): number;
      /** A ticket no longer open, from the database. */
      ticket(id: string): Ticket | null;
      /** Measured service times of past days, from `fromDay` up to `beforeDay`, per service. */
      serviceDurations(fromDay: string, beforeDay: string): Map<string, number[]>;
    },
  ) {
    this.settings = hall.settings;
    this.reset(hall, counterStates, tickets);
  }

  /** Starts over from stored rows (at start, and after a commit the disk refused). */
  reset(hall: HallDefinition, counterStates: CounterState[], tickets: Ticket[]): void {
    this.setDefinition(hall);
    this.counterStates = new Map(counterStates.map((c) => [c.id, c]));
    this.open = new Map();
    this.waiting = new Map();
    this.durations = new Map();
    this.counterSamples = new Map();
    this.series = new Map();
    this.outcomes = { came: 0, absent: 0, absentMs: 0 };
    this.usual = null;
    for (const t of [...tickets].sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0))) this.putTicket(t);
    this.calls = tickets
      .filter((t) => t.calledAt !== null && t.counterId !== null)
      .sort((a, b) => b.calledAt! - a.calledAt!)
      .slice(0, RECENT_CALLS)
      .map((t) => ({ ticketId: t.id, number: t.number, serviceId: t.serviceId, counterId: t.counterId!, at: t.calledAt!, recall: false }));
  }

  setDefinition(hall: HallDefinition): void {
    this.settings = hall.settings;
    this.services = new Map(hall.services.map((s) => [s.id, s]));
    this.calendarBuiltFor = null;
    this.counters = new Map(hall.counters.map((c) => [c.id, c]));
    this.kiosks = hall.kiosks;
    this.ratingTablets = hall.ratingTablets;
    this.displays = hall.displays ?? [];
    this.serialBuses = hall.serialBuses;
  }

  /**
   * The hall's description changed while it runs (the console): services and counters as now
   * defined; every open ticket and every counter's state stay as they are, a new counter starts
   * with its stored (closed) state.
   */
  configure(hall: HallDefinition, counterStates: CounterState[]): void {
    this.setDefinition(hall);
    for (const c of counterStates) if (!this.counterStates.has(c.id)) this.counterStates.set(c.id, c);
  }

  /** The hall's kiosks, rating tablets, displays and serial buses again (a device was changed in the console). */
  setDevices(hall: Pick<HallDefinition, 'kiosks' | 'ratingTablets' | 'displays' | 'serialBuses'>): void {
    this.kiosks = hall.kiosks;
    this.ratingTablets = hall.ratingTablets;
    this.displays = hall.displays ?? [];
    this.serialBuses = hall.serialBuses;
  }

  /** The official schedules and the hall's own days the calendar is built from (besides the hall file's). */
  setCalendarInputs(inputs: CalendarInputs): void {
    this.calendarInputs = inputs;
    this.calendarBuiltFor = null;
  }

  /** The hall's own closures and extra working days. */
  hallDays(): readonly HallDay[] {
    return this.calendarInputs.changes;
  }

  /** The official years loaded through the API. */
  loadedYears(): HolidaySchedules {
    return this.calendarInputs.loaded;
  }

  private applyCalendar(change: CalendarChange): void {
    const { shipped, loaded, changes } = this.calendarInputs;
    if (change.action === 'dayAdded') this.setCalendarInputs({ shipped, loaded, changes: [...changes, change.hallDay] });
    else if (change.action === 'dayRemoved') this.setCalendarInputs({ shipped, loaded, changes: changes.filter((d) => d.id !== change.hallDay.id) });
    else this.setCalendarInputs({ shipped, loaded: { ...loaded, [String(change.year)]: change.schedule }, changes });
  }

  /** The hall's one calendar, rebuilt after the hall's description or its days changed. */
  get calendar(): HallCalendar {
    if (this.calendarBuiltFor !== this.settings || !this.builtCalendar) {
      const { shipped, loaded, changes } = this.calendarInputs;
      this.builtCalendar = hallCalendarOf(this.settings, [...this.services.values()], { official: { ...shipped, ...this.settings.holidays, ...loaded }, changes });
      this.calendarBuiltFor = this.settings;
    }
    return this.builtCalendar;
  }

  // ---- QueueView ----
  allServiceIds(): string[] {
    return [...this.services.keys()];
  }
  service(id: string): ServiceDef | undefined {
    return this.services.get(id);
  }
  counter(id: number): CounterDef | undefined {
    return this.counters.get(id);
  }
  counterState(id: number): CounterState | undefined {
    return this.counterStates.get(id);
  }
  ticket(id: string): Ticket | undefined {
    return this.open.get(id) ?? this.store.ticket(id) ?? undefined;
  }
  openTickets(): Iterable<Ticket> {
    return this.open.values();
  }
  waitingIn(queue: QueueKey): Iterable<Ticket> {
    return this.waiting.get(queue)?.values() ?? [];
  }
  lastSeq(day: string, serviceId: string): number {
    const key = `${day}|${serviceId}`;
    let seq = this.series.get(key);
    if (seq === undefined) {
      seq = this.store.lastSeq(day, serviceId);
      this.series.set(key, seq);
    }
    return seq;
  }

  // ---- read helpers ----
  /** Queues with someone waiting in them. */
  nonEmptyQueues(): QueueKey[] {
    return [...this.waiting].filter(([, tickets]) => tickets.size > 0).map(([key]) => key);
  }
  allServices(): ServiceDef[] {
    return [...this.services.values()];
  }
  allCounters(): { def: CounterDef; state: CounterState }[] {
    const result: { def: CounterDef; state: CounterState }[] = [];
    for (const def of this.counters.values()) {
      const state = this.counterStates.get(def.id);
      if (state) result.push({ def, state });
    }
    return result;
  }
  /** Measured service durations of a service today, oldest first. */
  serviceDurations(serviceId: string): readonly number[] {
    return this.durations.get(serviceId) ?? [];
  }
  /** What a service usually takes, from the HISTORY_DAYS before `today`; null without enough of them. */
  usualService(serviceId: string, today: string): UsualService | null {
    if (this.usual?.day !== today) this.learnUsual(today);
    return this.usual!.services.get(serviceId) ?? null;
  }
  /**
   * How a service's times spread, each divided by their mean, ascending: its own over the
   * HISTORY_DAYS before `today`, or the hall's services' pooled where it has too few; null
   * when the hall has too few too.
   */
  serviceShape(serviceId: string, today: string): number[] | null {
    if (this.usual?.day !== today) this.learnUsual(today);
    return this.usual!.services.get(serviceId)?.shape ?? this.usual!.hallShape;
  }
  /** Measured durations at one counter today, oldest first, with their services. */
  counterDurations(counterId: number): readonly { serviceId: string; ms: number }[] {
    return this.counterSamples.get(counterId) ?? [];
  }
  recentCalls(): readonly CallRecord[] {
    return this.calls;
  }
  /** Today's called citizens who came and who did not (as seen since the hub started). */
  callOutcomes(): CallOutcomes {
    return this.outcomes;
  }

  // ---- changes ----
  apply(change: Change, events: { event: DomainEvent; at: number }[]): void {
    for (const s of change.series) this.series.set(`${s.day}|${s.serviceId}`, Math.max(s.lastSeq, this.series.get(`${s.day}|${s.serviceId}`) ?? 0));
    for (const t of change.tickets) this.putTicket(t);
    for (const c of change.counters) this.counterStates.set(c.id, c);
    for (const { event, at } of events) {
      if (event.type === 'calendar:changed') this.applyCalendar(event.data);
      const call = callRecordOf({ ...event, at });
      if (call) this.calls.unshift(call);
    }
    if (this.calls.length > RECENT_CALLS) this.calls.length = RECENT_CALLS;
  }

  /** A new day: forget what is left of earlier days (skipped tickets, times, calls). */
  startDay(today: string): void {
    for (const [id, t] of this.open) {
      if (t.day < today && t.status === 'no_show') this.open.delete(id);
    }
    this.durations.clear();
    this.counterSamples.clear();
    this.series.clear();
    this.outcomes = { came: 0, absent: 0, absentMs: 0 };
    // At the day's turn (a timer, around midnight) rather than at the morning's first number.
    this.learnUsual(today);
    const prefix = compactDay(today);
    this.calls = this.calls.filter((c) => c.ticketId.startsWith(prefix));
  }

  /** Reads past days' service times from the store: once a day (some 50-150 ms on a busy hall's week). */
  private learnUsual(today: string): void {
    const services = new Map<string, UsualService>();
    const shapes: number[][] = [];
    for (const [id, ms] of this.store.serviceDurations(daysBefore(today, HISTORY_DAYS), today)) {
      const usual = usualService(ms);
      if (usual !== null) services.set(id, usual);
      if (ms.length > 0) shapes.push(usual?.shape ?? shapeOf(ms));
    }
    this.usual = { day: today, services, hallShape: pooledShape(shapes) };
  }

  private putTicket(t: Ticket): void {
    const before = this.open.get(t.id);
    if (before) this.noteOutcome(before, t);
    if (before?.status === 'waiting') this.waiting.get(queueKeyOf(before))?.delete(t.id);
    if (FINAL_STATUSES.has(t.status)) this.open.delete(t.id);
    else this.open.set(t.id, t);
    if (t.status === 'waiting') {
      const key = queueKeyOf(t);
      const queue = this.waiting.get(key) ?? new Map<string, Ticket>();
      queue.set(t.id, t);
      this.waiting.set(key, queue);
    }
    // A ticket reaches done once: this is the moment its service time is known.
    const duration = serviceDurationMs(t);
    if (duration !== null) {
      remember(this.durations, t.serviceId, duration);
      if (t.counterId !== null) remember(this.counterSamples, t.counterId, { serviceId: t.serviceId, ms: duration });
    }
  }

  /** A called citizen came or did not: counted as it happens, not from rows read at start.
   *  `before` is open, so never done already. */
  private noteOutcome(before: Ticket, t: Ticket): void {
    if (t.status === 'done') this.outcomes.came += 1;
    if (t.status === 'no_show' && before.status !== 'no_show' && t.calledAt !== null && t.endedAt !== null) {
      this.outcomes.absent += 1;
      this.outcomes.absentMs += t.endedAt - t.calledAt;
    }
  }
}

/** Keeps the newest MAX_SAMPLES durations under a key. */
function remember<K, T>(samples: Map<K, T[]>, key: K, sample: T): void {
  const list = samples.get(key) ?? [];
  list.push(sample);
  if (list.length > MAX_SAMPLES) list.shift();
  samples.set(key, list);
}
