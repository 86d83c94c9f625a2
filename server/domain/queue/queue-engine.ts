// The queue engine: every command a kiosk, clerk or manager can give, as a pure function
// from the hall's current state to a Change (new ticket and counter states plus events).
// It never mutates the state it reads; the caller persists the Change, then applies it.

import type { DomainEvent } from '../events/hall-events.js';
import type { Dossier } from '../dossier/dossier.js';
import type { Rating } from '../rating/rating.js';
import { ACTION_WORDS, STATUS_WORDS } from './queue-errors.js';
import { DomainError } from '../domain-error.js';
import { compactDay, dayOf } from '../calendar/hall-clock.js';
import type { HallCalendar } from '../calendar/hall-calendar.js';
import { closedWords } from '../calendar/closed-words.js';
import type { CounterDef, HallSettings, ServiceDef, TransferPosition } from '../hall/hall-definition.js';
import type { CounterState, Ticket, TicketSource, TicketStatus } from './queue-state.js';
import { dailyLimit, formatTicketNumber } from './numbering.js';
import { candidatesFor, maxWaitMsOf, pickNext, type QueueKey, servesService } from './queue-order.js';

/** What the engine may read. The store implements it over its in-memory state. */
export interface QueueView {
  readonly settings: HallSettings;
  /** The hall's calendar: when each service is open, and why not. */
  readonly calendar: HallCalendar;
  /** Every service's id, for the calendar's per-service hours. */
  allServiceIds(): string[];
  service(id: string): ServiceDef | undefined;
  counter(id: number): CounterDef | undefined;
  counterState(id: number): CounterState | undefined;
  ticket(id: string): Ticket | undefined;
  /** Tickets not final yet (waiting, called, serving, no-show), of any day. */
  openTickets(): Iterable<Ticket>;
  /** Waiting tickets of one queue, of any day. */
  waitingIn(queue: QueueKey): Iterable<Ticket>;
  lastSeq(day: string, serviceId: string): number;
}

export interface SeriesUpdate {
  day: string;
  serviceId: string;
  lastSeq: number;
}

export interface Change {
  tickets: Ticket[];
  counters: CounterState[];
  series: SeriesUpdate[];
  events: DomainEvent[];
  /** Dossiers a dossier command changed, and the day's code series it used. */
  dossiers?: Dossier[];
  dossierSeries?: { day: string; lastSeq: number }[];
  /** A rating a citizen gave. */
  ratings?: Rating[];
}

export type Command =
  | { type: 'issue'; serviceId: string; priority?: string | null; source?: TicketSource }
  | { type: 'callNext'; counterId: number; finishCurrent?: boolean }
  | { type: 'callTicket'; counterId: number; ticketId: string }
  | { type: 'recall'; counterId: number; ticketId?: string }
  | { type: 'start'; counterId: number; ticketId?: string }
  | { type: 'noShow'; counterId: number; ticketId?: string }
  | { type: 'finish'; counterId: number; ticketId?: string }
  | {
      type: 'transfer';
      counterId: number;
      ticketId?: string;
      toServiceId?: string;
      toCounterId?: number;
      position?: TransferPosition;
    }
  | { type: 'restore'; ticketId: string }
  | { type: 'cancel'; ticketId: string; reason?: string | null }
  | { type: 'setPriority'; ticketId: string; priority: string | null }
  | { type: 'openCounter'; counterId: number; clerk?: string | null }
  | { type: 'closeCounter'; counterId: number }
  | { type: 'pause'; counterId: number; reason?: string | null }
  | { type: 'resume'; counterId: number }
  | { type: 'closeDay'; includeToday: boolean };

export type CommandType = Command['type'];

export interface CommandContext {
  now: number;
}

const EMPTY: Change = { tickets: [], counters: [], series: [], events: [] };

// ---- look-ups that refuse with a clear reason ----

function requireService(view: QueueView, serviceId: string): ServiceDef {
  const service = view.service(serviceId);
  if (!service) throw new DomainError('service_not_found', { serviceId });
  return service;
}

function requireCounter(view: QueueView, counterId: number): { def: CounterDef; state: CounterState } {
  const def = view.counter(counterId);
  const state = view.counterState(counterId);
  if (!def || !state || !def.active) throw new DomainError('counter_not_found', { counterId });
  return { def, state };
}

function requireTicket(view: QueueView, ticketId: string): Ticket {
  const ticket = view.ticket(ticketId);
  if (!ticket) throw new DomainError('ticket_not_found', { ticketId });
  return ticket;
}

function requirePriority(settings: HallSettings, priority: string | null | undefined): string | null {
  if (priority === null || priority === undefined) return null;
  if (!settings.priorityCategories.some((c) => c.code === priority)) {
    throw new DomainError('priority_unknown', { priority });
  }
  return priority;
}

function wrongStatus(ticket: Ticket, action: keyof typeof ACTION_WORDS): DomainError {
  const status = STATUS_WORDS[ticket.status]!;
  const act = ACTION_WORDS[action]!;
  return new DomainError('ticket_wrong_status', {
    number: ticket.number,
    status: status.en,
    statusVi: status.vi,
    action: act.en,
    actionVi: act.vi,
  });
}

function requireStatus(ticket: Ticket, allowed: TicketStatus[], action: keyof typeof ACTION_WORDS): void {
  if (!allowed.includes(ticket.status)) throw wrongStatus(ticket, action);
}

/** A counter that may call: open, not paused. */
function requireCallable(view: QueueView, counterId: number): { def: CounterDef; state: CounterState } {
  const counter = requireCounter(view, counterId);
  if (counter.state.mode === 'closed') throw new DomainError('counter_closed', { counterId });
  if (counter.state.mode === 'paused') throw new DomainError('counter_paused', { counterId });
  return counter;
}

/** The ticket a counter holds (called or serving), checked against the one the clerk named. */
function heldTicket(view: QueueView, counterId: number, ticketId: string | undefined, action: keyof typeof ACTION_WORDS): { ticket: Ticket; state: CounterState } {
  const { state } = requireCounter(view, counterId);
  const id = ticketId ?? state.currentTicketId;
  if (id === null) throw new DomainError('counter_idle', { counterId });
  const ticket = requireTicket(view, id);
  if (ticket.status !== 'called' && ticket.status !== 'serving') throw wrongStatus(ticket, action);
  if (ticket.counterId !== counterId || state.currentTicketId !== ticket.id) {
    throw new DomainError('ticket_held_elsewhere', {
      number: ticket.number,
      holder: ticket.counterId ?? '?',
      counterId,
    });
  }
  return { ticket, state };
}

function freeCounter(state: CounterState): CounterState {
  return { ...state, currentTicketId: null };
}

// ---- commands ----

function serviceClosedReason(view: QueueView, service: ServiceDef, now: number): DomainError | null {
  const label = service.name.vi;
  if (!service.active) return new DomainError('service_inactive', { service: label });
  const state = view.calendar.stateAt(now, service.id);
  if (!state.open) return new DomainError('service_closed_hours', { service: label, ...closedWords(state, view.settings.timeZone, now) });
  return null;
}

function issue(view: QueueView, cmd: Extract<Command, { type: 'issue' }>, { now }: CommandContext): Change {
  const service = requireService(view, cmd.serviceId);
  const closed = serviceClosedReason(view, service, now);
  if (closed) throw closed;
  const priority = requirePriority(view.settings, cmd.priority);
  const day = dayOf(now, view.settings.timeZone);
  const seq = view.lastSeq(day, service.id) + 1;
  const limit = dailyLimit(service.numbering, service.dailyMax);
  if (seq > limit) throw new DomainError('service_daily_max', { service: service.name.vi, max: limit });
  const ticket = newTicket({
    id: `${compactDay(day)}-${service.id}-${seq}`,
    day,
    serviceId: service.id,
    seq,
    number: formatTicketNumber(service.numbering, seq),
    priority,
    source: cmd.source ?? 'api',
    at: now,
  });
  return {
    tickets: [ticket],
    counters: [],
    series: [{ day, serviceId: service.id, lastSeq: seq }],
    events: [{ type: 'ticket:issued', data: { ticket } }],
  };
}

function callTicketAt(ticket: Ticket, state: CounterState, now: number, outOfOrder: boolean): { ticket: Ticket; counter: CounterState; events: DomainEvent[] } {
  const called: Ticket = {
    ...ticket,
    status: 'called',
    counterId: state.id,
    calledAt: now,
    recallCount: 0,
    servingAt: null,
    endedAt: null,
    front: false,
    targetCounterId: null,
  };
  const counter: CounterState = {
    ...state,
    currentTicketId: called.id,
    regularSincePriority: called.priority !== null ? 0 : state.regularSincePriority + 1,
  };
  return { ticket: called, counter, events: [{ type: 'ticket:called', data: { ticket: called, counter, outOfOrder } }] };
}

/** What a ticket holds before anything has happened to it but being taken. */
export const UNTOUCHED_TICKET = {
  front: false,
  targetCounterId: null,
  counterId: null,
  calledAt: null,
  recallCount: 0,
  servingAt: null,
  endedAt: null,
  transferCount: 0,
  endReason: null,
} as const satisfies Partial<Ticket>;

/** A ticket just taken: waiting at the end of its service's queue. */
export function newTicket(t: Pick<Ticket, 'id' | 'day' | 'serviceId' | 'seq' | 'number' | 'priority' | 'source'> & { at: number }): Ticket {
  return {
    id: t.id,
    day: t.day,
    serviceId: t.serviceId,
    seq: t.seq,
    number: t.number,
    priority: t.priority,
    status: 'waiting',
    source: t.source,
    issuedAt: t.at,
    queueAt: t.at,
    ...UNTOUCHED_TICKET,
  };
}

/** Finish what the counter holds so that "call next" can be one key press. */
function finishCurrentFirst(view: QueueView, counterId: number, now: number): Change {
  const { state } = requireCounter(view, counterId);
  if (state.currentTicketId === null) return EMPTY;
  return finish(view, { type: 'finish', counterId }, { now });
}

function requireIdle(view: QueueView, state: CounterState): void {
  if (state.currentTicketId === null) return;
  const current = view.ticket(state.currentTicketId);
  throw new DomainError('counter_busy', { counterId: state.id, number: current?.number ?? state.currentTicketId });
}

function callNext(view: QueueView, cmd: Extract<Command, { type: 'callNext' }>, ctx: CommandContext): Change {
  const { def, state } = requireCallable(view, cmd.counterId);
  const finished = cmd.finishCurrent ? finishCurrentFirst(view, cmd.counterId, ctx.now) : EMPTY;
  const counterNow = finished.counters[0] ?? state;
  requireIdle(view, counterNow);
  const today = dayOf(ctx.now, view.settings.timeZone);
  const next = pickNext(
    candidatesFor(def, (key) => view.waitingIn(key), today),
    def,
    counterNow,
    view.settings.priorityPolicy,
    ctx.now,
    maxWaitMsOf(view.settings),
  );
  // "Next" with nobody waiting still ends the service of the citizen at the counter: otherwise
  // they stay held and the idle time after them is counted as their service.
  if (!next && finished.tickets.length > 0) return finished;
  if (!next) throw new DomainError('queue_empty', { counterId: cmd.counterId });
  const called = callTicketAt(next, counterNow, ctx.now, false);
  return {
    tickets: [...finished.tickets, called.ticket],
    counters: [called.counter],
    series: [],
    events: [...finished.events, ...called.events],
  };
}

function callTicket(view: QueueView, cmd: Extract<Command, { type: 'callTicket' }>, { now }: CommandContext): Change {
  const { def, state } = requireCallable(view, cmd.counterId);
  requireIdle(view, state);
  const ticket = requireTicket(view, cmd.ticketId);
  requireToday(view, ticket, now);
  if (ticket.status === 'no_show') requireRestorable(view, ticket, now);
  else requireStatus(ticket, ['waiting'], 'call');
  if (ticket.targetCounterId !== null && ticket.targetCounterId !== def.id) {
    throw new DomainError('ticket_for_other_counter', { number: ticket.number, target: ticket.targetCounterId });
  }
  if (ticket.targetCounterId === null && !servesService(def, ticket.serviceId)) {
    throw new DomainError('counter_not_serving_service', { counterId: def.id, number: ticket.number });
  }
  const called = callTicketAt(ticket, state, now, true);
  return { tickets: [called.ticket], counters: [called.counter], series: [], events: called.events };
}

function recall(view: QueueView, cmd: Extract<Command, { type: 'recall' }>): Change {
  const { ticket, state } = heldTicket(view, cmd.counterId, cmd.ticketId, 'recall');
  requireStatus(ticket, ['called'], 'recall');
  const recalled: Ticket = { ...ticket, recallCount: ticket.recallCount + 1 };
  return {
    tickets: [recalled],
    counters: [],
    series: [],
    events: [{ type: 'ticket:recalled', data: { ticket: recalled, counter: state } }],
  };
}

function start(view: QueueView, cmd: Extract<Command, { type: 'start' }>, { now }: CommandContext): Change {
  const { ticket, state } = heldTicket(view, cmd.counterId, cmd.ticketId, 'start');
  requireStatus(ticket, ['called'], 'start');
  const serving: Ticket = { ...ticket, status: 'serving', servingAt: now };
  return {
    tickets: [serving],
    counters: [],
    series: [],
    events: [{ type: 'ticket:serving', data: { ticket: serving, counter: state } }],
  };
}

function noShow(view: QueueView, cmd: Extract<Command, { type: 'noShow' }>, { now }: CommandContext): Change {
  const { ticket, state } = heldTicket(view, cmd.counterId, cmd.ticketId, 'noShow');
  requireStatus(ticket, ['called'], 'noShow');
  const skipped: Ticket = { ...ticket, status: 'no_show', endedAt: now };
  const counter = freeCounter(state);
  return {
    tickets: [skipped],
    counters: [counter],
    series: [],
    events: [{ type: 'ticket:no-show', data: { ticket: skipped, counter } }],
  };
}

function finish(view: QueueView, cmd: Extract<Command, { type: 'finish' }>, { now }: CommandContext): Change {
  const { ticket, state } = heldTicket(view, cmd.counterId, cmd.ticketId, 'finish');
  const done: Ticket = { ...ticket, status: 'done', endedAt: now };
  const counter = freeCounter(state);
  return {
    tickets: [done],
    counters: [counter],
    series: [],
    events: [{ type: 'ticket:finished', data: { ticket: done, counter } }],
  };
}

function transfer(view: QueueView, cmd: Extract<Command, { type: 'transfer' }>, { now }: CommandContext): Change {
  const { ticket, state } = heldTicket(view, cmd.counterId, cmd.ticketId, 'transfer');
  if (cmd.toServiceId === undefined && cmd.toCounterId === undefined) {
    throw new DomainError('transfer_target_missing');
  }
  const service = requireService(view, cmd.toServiceId ?? ticket.serviceId);
  if (!service.active) throw new DomainError('service_inactive', { service: service.name.vi });
  const target = cmd.toCounterId === undefined ? null : requireCounter(view, cmd.toCounterId).def.id;
  if (target === null && service.id === ticket.serviceId) {
    throw new DomainError('transfer_same_place', { number: ticket.number });
  }
  const position = cmd.position ?? view.settings.transferPosition;
  const moved: Ticket = {
    ...ticket,
    status: 'waiting',
    serviceId: service.id,
    targetCounterId: target,
    front: position === 'front',
    queueAt: position === 'front' ? now : ticket.queueAt,
    calledAt: null,
    servingAt: null,
    recallCount: 0,
    transferCount: ticket.transferCount + 1,
  };
  const counter = freeCounter(state);
  return {
    tickets: [moved],
    counters: [counter],
    series: [],
    events: [
      {
        type: 'ticket:transferred',
        data: {
          ticket: moved,
          counter,
          from: { serviceId: ticket.serviceId, counterId: state.id },
          to: { serviceId: service.id, counterId: target },
          position,
        },
      },
    ],
  };
}

function requireToday(view: QueueView, ticket: Ticket, now: number): void {
  const today = dayOf(now, view.settings.timeZone);
  if (ticket.day !== today) throw new DomainError('ticket_other_day', { number: ticket.number, day: ticket.day });
}

function requireRestorable(view: QueueView, ticket: Ticket, now: number): void {
  requireStatus(ticket, ['no_show'], 'restore');
  const minutes = view.settings.noShowRestoreMinutes;
  if (ticket.endedAt !== null && now - ticket.endedAt > minutes * 60_000) {
    throw new DomainError('restore_expired', { number: ticket.number, minutes });
  }
}

function restore(view: QueueView, cmd: Extract<Command, { type: 'restore' }>, { now }: CommandContext): Change {
  const ticket = requireTicket(view, cmd.ticketId);
  requireToday(view, ticket, now);
  requireRestorable(view, ticket, now);
  // It keeps its place in the queue: it was called once, so it is near the front.
  const back: Ticket = { ...ticket, status: 'waiting', endedAt: null, calledAt: null, recallCount: 0 };
  return { tickets: [back], counters: [], series: [], events: [{ type: 'ticket:restored', data: { ticket: back } }] };
}

function cancel(view: QueueView, cmd: Extract<Command, { type: 'cancel' }>, { now }: CommandContext): Change {
  const ticket = requireTicket(view, cmd.ticketId);
  requireStatus(ticket, ['waiting', 'called', 'no_show'], 'cancel');
  const reason = cmd.reason ?? null;
  const cancelled: Ticket = { ...ticket, status: 'cancelled', endedAt: now, endReason: reason };
  const holder = ticket.status === 'called' && ticket.counterId !== null ? view.counterState(ticket.counterId) : undefined;
  const counter = holder && holder.currentTicketId === ticket.id ? freeCounter(holder) : null;
  return {
    tickets: [cancelled],
    counters: counter ? [counter] : [],
    series: [],
    events: [{ type: 'ticket:cancelled', data: { ticket: cancelled, counter, reason } }],
  };
}

function setPriority(view: QueueView, cmd: Extract<Command, { type: 'setPriority' }>): Change {
  const ticket = requireTicket(view, cmd.ticketId);
  requireStatus(ticket, ['waiting'], 'setPriority');
  const priority = requirePriority(view.settings, cmd.priority);
  const changed: Ticket = { ...ticket, priority };
  return {
    tickets: [changed],
    counters: [],
    series: [],
    events: [{ type: 'ticket:priority-changed', data: { ticket: changed } }],
  };
}

function openCounter(view: QueueView, cmd: Extract<Command, { type: 'openCounter' }>, { now }: CommandContext): Change {
  const { state } = requireCounter(view, cmd.counterId);
  if (state.mode !== 'closed') throw new DomainError('counter_already_open', { counterId: cmd.counterId });
  const counter: CounterState = { ...state, mode: 'open', clerk: cmd.clerk ?? null, pauseReason: null, since: now };
  return { tickets: [], counters: [counter], series: [], events: [{ type: 'counter:opened', data: { counter } }] };
}

function closeCounter(view: QueueView, cmd: Extract<Command, { type: 'closeCounter' }>, { now }: CommandContext): Change {
  const { state } = requireCounter(view, cmd.counterId);
  if (state.mode === 'closed') throw new DomainError('counter_closed', { counterId: cmd.counterId });
  requireIdle(view, state);
  const counter: CounterState = { ...state, mode: 'closed', clerk: null, pauseReason: null, since: now };
  return { tickets: [], counters: [counter], series: [], events: [{ type: 'counter:closed', data: { counter } }] };
}

function pause(view: QueueView, cmd: Extract<Command, { type: 'pause' }>, { now }: CommandContext): Change {
  const { state } = requireCallable(view, cmd.counterId);
  const counter: CounterState = { ...state, mode: 'paused', pauseReason: cmd.reason ?? null, since: now };
  return { tickets: [], counters: [counter], series: [], events: [{ type: 'counter:paused', data: { counter } }] };
}

function resume(view: QueueView, cmd: Extract<Command, { type: 'resume' }>, { now }: CommandContext): Change {
  const { state } = requireCounter(view, cmd.counterId);
  if (state.mode !== 'paused') throw new DomainError('counter_not_paused', { counterId: cmd.counterId });
  const counter: CounterState = { ...state, mode: 'open', pauseReason: null, since: now };
  return { tickets: [], counters: [counter], series: [], events: [{ type: 'counter:resumed', data: { counter } }] };
}

/** How a ticket left open at the end of its day is closed; null leaves it as it is. */
function closedAtDayEnd(ticket: Ticket, now: number): Ticket | null {
  switch (ticket.status) {
    case 'waiting':
    case 'called':
      return { ...ticket, status: 'not_served', endedAt: now, endReason: 'closing' };
    case 'serving':
      return { ...ticket, status: 'done', endedAt: now, endReason: 'closing' };
    default:
      return null;
  }
}

/**
 * Closes the queue: tickets of earlier days that are still open, and, after closing time
 * (or when a manager closes the day), today's waiting tickets. Counters let go of what closed.
 */
function closeDay(view: QueueView, cmd: Extract<Command, { type: 'closeDay' }>, { now }: CommandContext): Change {
  const today = dayOf(now, view.settings.timeZone);
  // The day ends when the last of the hall and its services closes (none in a hall open around the clock).
  const closings = view.settings.hours === null ? [] : [undefined, ...view.allServiceIds()].map((id) => view.calendar.closingOn(today, id)).filter((c): c is number => c !== null);
  const closing = cmd.includeToday || (closings.length > 0 && now >= Math.max(...closings));
  const closed: Ticket[] = [];
  for (const t of view.openTickets()) {
    const earlierDay = t.day < today;
    if (!earlierDay && !(closing && t.status === 'waiting')) continue;
    const after = closedAtDayEnd(t, now);
    if (after) closed.push(after);
  }
  if (closed.length === 0) return EMPTY;
  const freed = new Map<string, CounterState>();
  for (const t of closed) {
    const state = t.counterId === null ? undefined : view.counterState(t.counterId);
    if (state && state.currentTicketId === t.id) freed.set(t.id, freeCounter(state));
  }
  const days = [...new Set(closed.map((t) => t.day))].sort();
  return {
    tickets: closed,
    counters: [...freed.values()],
    series: [],
    events: days.map((day) => {
      const tickets = closed.filter((t) => t.day === day);
      const counters = tickets.flatMap((t) => freed.get(t.id) ?? []);
      return { type: 'day:closed' as const, data: { day, tickets, counters } };
    }),
  };
}

const HANDLERS: { [K in CommandType]: (view: QueueView, cmd: Extract<Command, { type: K }>, ctx: CommandContext) => Change } = {
  issue,
  callNext,
  callTicket,
  recall,
  start,
  noShow,
  finish,
  transfer,
  restore,
  cancel,
  setPriority,
  openCounter,
  closeCounter,
  pause,
  resume,
  closeDay,
};

/** Runs one command. Throws DomainError, and changes nothing, when the hall's rules refuse it. */
export function applyCommand(view: QueueView, command: Command, ctx: CommandContext): Change {
  const handler = HANDLERS[command.type] as (view: QueueView, cmd: Command, ctx: CommandContext) => Change;
  return handler(view, command, ctx);
}
