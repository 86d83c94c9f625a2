// What the event log keeps of each change: not the full state of every ticket, counter and
// dossier an event names (about 600 bytes an event), but the fields that changed since the state
// before it. Folding the entries in order (replayEntry) gives back every state exactly.
//
// An entry has the event's payload keys; a ticket, counter or dossier in it holds only what
// changed, with its key (a ticket's id is the log row's ticket_id and is left out of `ticket`).
// A ticket's first entry, when it is issued, holds every field that is not at its blank value.
// A counter's first entry of each day (and after each start of the hub) holds its whole state,
// so that a day can be replayed on its own. Older logs kept full states, which read as entries
// that change every field.

import type { DomainEvent, HallEventPayloads } from '../contract/events.js';
import type { Dossier } from './dossier.js';
import type { CounterState, Ticket } from './model.js';

/** The state before the first of a change's events (the hub's live state, the dossier store). */
export interface PriorState {
  ticket(id: string): Ticket | undefined;
  counterState(id: number): CounterState | undefined;
  dossier(code: string): Dossier | undefined | null;
}

/** A ticket's fields before it is issued: an issue entry leaves out those still at this value. */
const TICKET_BLANK: Omit<Ticket, 'id' | 'day' | 'serviceId' | 'seq' | 'number' | 'status' | 'source' | 'issuedAt' | 'queueAt'> = {
  priority: null,
  front: false,
  targetCounterId: null,
  counterId: null,
  calledAt: null,
  recallCount: 0,
  servingAt: null,
  endedAt: null,
  transferCount: 0,
  endReason: null,
};

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

type Entry = Record<string, unknown>;

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
    const delta = changed<Ticket>(before, t, withId ? ['id'] : []);
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
    return changed<Dossier>(before, d, ['code']);
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

/** One logged entry, as read back: its row's ticket and its stored data. */
export interface StoredEntry {
  seq: number;
  ticketId: string | null;
  data: unknown;
}

/** Folds one entry into the state: every state it names becomes as it was after that event. */
export function replayEntry(state: ReplayedState, entry: StoredEntry): void {
  const data = entry.data as { ticket?: Partial<Ticket>; tickets?: Partial<Ticket>[]; counter?: Partial<CounterState> | null; counters?: Partial<CounterState>[]; dossier?: Partial<Dossier> };
  const foldTicket = (delta: Partial<Ticket>, id: string | null | undefined) => {
    if (!id) throw new Error(`log entry ${entry.seq} names a ticket without its id`);
    state.tickets.set(id, { ...TICKET_BLANK, ...state.tickets.get(id), ...delta, id } as Ticket);
  };
  const foldCounter = (delta: Partial<CounterState>) => {
    state.counters.set(delta.id!, { ...state.counters.get(delta.id!), ...delta } as CounterState);
  };
  if (data.ticket) foldTicket(data.ticket, data.ticket.id ?? entry.ticketId);
  for (const t of data.tickets ?? []) foldTicket(t, t.id);
  if (data.counter) foldCounter(data.counter);
  for (const c of data.counters ?? []) foldCounter(c);
  if (data.dossier) state.dossiers.set(data.dossier.code!, { ...state.dossiers.get(data.dossier.code!), ...data.dossier } as Dossier);
}
