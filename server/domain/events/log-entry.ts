// What the event log keeps of each change: not the full state of every ticket, counter and
// dossier an event names (about 600 bytes an event), but the fields that changed since the state
// before it. Folding the entries in order (replayEntry) gives back every state exactly.
//
// An entry has the event's payload keys; a ticket, counter or dossier in it holds only what
// changed, with its key (a ticket's id is the log row's ticket_id and is left out of `ticket`).
// A ticket's first entry, when it is issued, holds every field that is not at its blank value.
// A counter's first entry of each day (and after each start of the hub) holds its whole state,
// so that a day can be replayed on its own. On disk an entry is shortened further (storedEntry,
// entryFromRow, below). Older logs kept full states, which read as entries that change every
// field.

import type { DomainEvent, HallEventPayloads, HallEventType } from './hall-events.js';
import type { Dossier } from '../dossier/dossier.js';
import type { CounterState, Ticket, TicketStatus } from '../queue/queue-state.js';
import { UNTOUCHED_TICKET } from '../queue/queue-engine.js';

export type Entry = Record<string, unknown>;

/** The state before the first of a change's events (the hub's live state, the dossier store). */
export interface PriorState {
  ticket(id: string): Ticket | undefined;
  counterState(id: number): CounterState | undefined;
  dossier(code: string): Dossier | undefined | null;
}

/** A ticket's fields before it is issued: an issue entry leaves out those still at this value. */
const TICKET_BLANK: Partial<Ticket> = { priority: null, ...UNTOUCHED_TICKET };

/**
 * On disk, an entry is smaller still:
 * - the times of tickets and counters are milliseconds from the entry's own time: most are that
 *   very time (0), a digit instead of thirteen;
 * - a ticket's status is left out when it is the one its event's kind gives (a call makes it
 *   "called");
 * - a call's `outOfOrder` is left out when false;
 * - a counter the event changed nothing of is left out: the row's counter_id names it.
 */
const TIME_FIELDS = new Set(['issuedAt', 'queueAt', 'calledAt', 'servingAt', 'endedAt', 'since']);

const STATUS_OF_KIND: Partial<Record<HallEventType, TicketStatus>> = {
  'ticket:issued': 'waiting',
  'ticket:called': 'called',
  'ticket:recalled': 'called',
  'ticket:serving': 'serving',
  'ticket:finished': 'done',
  'ticket:no-show': 'no_show',
  'ticket:restored': 'waiting',
  'ticket:transferred': 'waiting',
  'ticket:cancelled': 'cancelled',
};

/** Where the row's counter_id is the counter of the event. */
interface RowSubjects {
  at: number;
  counterId: number | null;
}

function diskForm(entry: Entry, type: HallEventType, row: RowSubjects, storing: boolean): Entry {
  const at = row.at;
  const sign = storing ? 1 : -1;
  const implied = STATUS_OF_KIND[type];
  const shift = (state: unknown, isTicket: boolean) => {
    if (!state || typeof state !== 'object') return state;
    const out = { ...(state as Record<string, unknown>) };
    for (const key of Object.keys(out)) if (TIME_FIELDS.has(key) && typeof out[key] === 'number') out[key] = (out[key] as number) - sign * at;
    if (isTicket && implied) {
      if (storing && out.status === implied) delete out.status;
      else if (!storing && !('status' in out)) out.status = implied;
    }
    return out;
  };
  const out: Entry = { ...entry };
  if ('ticket' in out) out.ticket = shift(out.ticket, true);
  if ('counter' in out) out.counter = shift(out.counter, false);
  if (Array.isArray(out.tickets)) out.tickets = (out.tickets as unknown[]).map((t) => shift(t, false));
  if (Array.isArray(out.counters)) out.counters = (out.counters as unknown[]).map((c) => shift(c, false));
  if (type === 'ticket:called') {
    if (storing && out.outOfOrder === false) delete out.outOfOrder;
    else if (!storing && !('outOfOrder' in out)) out.outOfOrder = false;
  }
  if (storing) {
    const counter = out.counter as { id?: number } | null | undefined;
    if (counter && Object.keys(counter).length === 1 && counter.id === row.counterId) delete out.counter;
  } else if (!('counter' in out) && row.counterId !== null && KINDS_WITH_COUNTER.has(type)) {
    out.counter = { id: row.counterId };
  }
  return out;
}

const KINDS_WITH_COUNTER = new Set<HallEventType>([
  'ticket:called',
  'ticket:recalled',
  'ticket:serving',
  'ticket:no-show',
  'ticket:transferred',
  'ticket:finished',
  'ticket:cancelled',
  'counter:opened',
  'counter:closed',
  'counter:paused',
  'counter:resumed',
]);

/** An entry as the log's row keeps it. */
export const storedEntry = (entry: Entry, type: HallEventType, row: RowSubjects): Entry => diskForm(entry, type, row, true);
/** An entry from the log's row, as it was made. */
export const entryFromRow = (data: Entry, type: HallEventType, row: RowSubjects): Entry => diskForm(data, type, row, false);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `after` that differ from `before`, with `keep` always kept. */
function changed<T extends object>(before: Partial<T>, after: T, keep: readonly (keyof T)[] = []): Partial<T> {
  const delta: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (keep.includes(key) || !same(before[key], after[key])) delta[key] = after[key];
  }
  return delta;
}

/**
 * The log entries of a change's events, in order. `wholeCounter` says whether a counter's
 * entry must hold its whole state (its first of the day).
 */
export function logEntriesOf(events: readonly DomainEvent[], prior: PriorState, wholeCounter: (id: number) => boolean): Entry[] {
  // Each event's states are after that event: later events of the change diff against them.
  const tickets = new Map<string, Ticket>();
  const counters = new Map<number, CounterState>();
  const dossiers = new Map<string, Dossier>();
  const ticketEntry = (t: Ticket, withId: boolean): Partial<Ticket> => {
    const before = tickets.get(t.id) ?? prior.ticket(t.id) ?? { ...TICKET_BLANK };
    tickets.set(t.id, t);
    // The status is always kept: on disk it is left out only where the event's kind gives it.
    const delta = changed<Ticket>(before, t, withId ? ['id', 'status'] : ['status']);
    if (!withId) delete delta.id;
    return delta;
  };
  const counterEntry = (c: CounterState): Partial<CounterState> => {
    const before = counters.get(c.id) ?? (wholeCounter(c.id) ? {} : prior.counterState(c.id)) ?? {};
    counters.set(c.id, c);
    return changed<CounterState>(before, c, ['id']);
  };
  const dossierEntry = (d: Dossier): Partial<Dossier> => {
    const before = dossiers.get(d.code) ?? prior.dossier(d.code) ?? {};
    dossiers.set(d.code, d);
    // The check code is the citizen's secret for the public lookup: the log never holds it.
    const { checkCode: _check, ...delta } = changed<Dossier>(before, d, ['code']);
    return delta;
  };

  return events.map((event) => {
    const data = event.data as Partial<Record<string, unknown>> & Partial<HallEventPayloads['day:closed']>;
    const entry: Entry = { ...data };
    if ('ticket' in data) entry.ticket = ticketEntry(data.ticket as Ticket, false);
    if ('counter' in data) entry.counter = data.counter ? counterEntry(data.counter as CounterState) : null;
    if (data.tickets) entry.tickets = data.tickets.map((t) => ticketEntry(t, true));
    if (data.counters) entry.counters = data.counters.map(counterEntry);
    if ('dossier' in data) entry.dossier = dossierEntry(data.dossier as Dossier);
    return entry;
  });
}

/** The states the log describes, as folded so far. */
export interface ReplayedState {
  tickets: Map<string, Ticket>;
  counters: Map<number, CounterState>;
  dossiers: Map<string, Dossier>;
}

export function emptyReplay(): ReplayedState {
  return { tickets: new Map(), counters: new Map(), dossiers: new Map() };
}

/** One logged entry, as read back (entryFromRow): its row's ticket and what it set. */
export interface StoredEntry {
  seq: number;
  ticketId: string | null;
  data: unknown;
}

/** Folds one entry into the state: every state it names becomes as it was after that event.
 *  Returns the ids of the tickets it set. */
export function replayEntry(state: ReplayedState, entry: StoredEntry): string[] {
  const data = entry.data as {
    ticket?: Partial<Ticket>;
    tickets?: Partial<Ticket>[];
    counter?: Partial<CounterState> | null;
    counters?: Partial<CounterState>[];
    dossier?: Partial<Dossier>;
  };
  const named: string[] = [];
  const foldTicket = (delta: Partial<Ticket>, id: string | null | undefined) => {
    if (!id) throw new Error(`log entry ${entry.seq} names a ticket without its id`);
    state.tickets.set(id, { ...TICKET_BLANK, ...state.tickets.get(id), ...delta, id } as Ticket);
    named.push(id);
  };
  const foldCounter = (delta: Partial<CounterState>) => {
    state.counters.set(delta.id!, { ...state.counters.get(delta.id!), ...delta } as CounterState);
  };
  if (data.ticket) foldTicket(data.ticket, data.ticket.id ?? entry.ticketId);
  for (const t of data.tickets ?? []) foldTicket(t, t.id);
  if (data.counter) foldCounter(data.counter);
  for (const c of data.counters ?? []) foldCounter(c);
  if (data.dossier) state.dossiers.set(data.dossier.code!, { ...state.dossiers.get(data.dossier.code!), ...data.dossier } as Dossier);
  return named;
}
