// The wire contract between the hub and every page: event names, payloads and snapshot.
// Pages import these types (and the one helper below); the hub emits exactly these shapes.

import type { CounterDef, HallSettings, TransferPosition, VoiceSettings } from '../domain/hall/hall-definition.js';
import type { CounterState, Ticket } from '../domain/queue/queue-state.js';
import type { LocalizedText } from '../domain/localized-text.js';
import type { OpeningHours } from '../domain/calendar/hall-clock.js';
import type { Dossier } from '../domain/dossier/dossier.js';
import type { Rating } from '../domain/rating/rating.js';

export type { CounterDef, HallSettings, PriorityCategory, ServiceGroup } from '../domain/hall/hall-definition.js';
export type { CounterState, Ticket } from '../domain/queue/queue-state.js';
export type { LocalizedText } from '../domain/localized-text.js';

// ---- What public pages may read (Decree 13/2023/NĐ-CP) ----
// Displays, phones and kiosks are read by anyone on the hall's network. They learn whether a
// ticket is a priority one, never its category (which can reveal a disability), and no text a
// clerk typed (a cancel or pause reason may hold an ID or a phone number). Staff read the full
// shapes through routes that need their credential (docs/access.md).

/** A ticket as public pages see it: `priority` says only whether it is a priority ticket. */
export type PublicTicket = Omit<Ticket, 'priority' | 'endReason'> & { priority: boolean };

/** A counter's state as public pages see it: paused or not, without the typed reason. */
export type PublicCounterState = Omit<CounterState, 'pauseReason'>;

/** The hall's settings without the hub's file paths. */
export type PublicHallSettings = Omit<HallSettings, 'voice'> & { voice: Omit<VoiceSettings, 'packDir'> };

/**
 * What each kind of change carries. Every ticket and counter is its state after the change.
 * `T` and `C` are the full shapes in the event log and the public shapes on the wire.
 */
export interface EventPayloadsOf<T, C, D> {
  'ticket:issued': { ticket: T };
  'ticket:called': { ticket: T; counter: C; outOfOrder: boolean };
  'ticket:recalled': { ticket: T; counter: C };
  'ticket:serving': { ticket: T; counter: C };
  'ticket:no-show': { ticket: T; counter: C };
  'ticket:restored': { ticket: T };
  'ticket:transferred': {
    ticket: T;
    counter: C;
    from: { serviceId: string; counterId: number };
    to: { serviceId: string; counterId: number | null };
    position: TransferPosition;
  };
  'ticket:finished': { ticket: T; counter: C };
  /** `reason` is the clerk's text in the log; always null on the wire. */
  'ticket:cancelled': { ticket: T; counter: C | null; reason: string | null };
  'ticket:priority-changed': { ticket: T };
  'counter:opened': { counter: C };
  'counter:closed': { counter: C };
  'counter:paused': { counter: C };
  'counter:resumed': { counter: C };
  'day:closed': { day: string; tickets: T[]; counters: C[] };
  /** A dossier was received, linked or changed status; `action` says which. */
  'dossier:changed': { dossier: D; action: string };
  /** A citizen rated the service of a ticket (pages hear it without the clerk's name). */
  'ticket:rated': { rating: Omit<Rating, 'clerk'> & { clerk?: string | null } };
}

/** A dossier as pages hear of it: no applicant, no papers. */
export interface DossierSignal {
  code: string;
  status: number;
  counterId: number | null;
  serviceId: string | null;
  dueAt: number | null;
}

/** Payloads as the engine makes them and the event log keeps them (staff reads). */
export type HallEventPayloads = EventPayloadsOf<Ticket, CounterState, Dossier>;
/** Payloads as they travel to pages. */
export type PublicEventPayloads = EventPayloadsOf<PublicTicket, PublicCounterState, DossierSignal>;

export type HallEventType = keyof HallEventPayloads;

/** A change as the engine produces it, before it is numbered and logged. */
export type DomainEvent = {
  [K in HallEventType]: { type: K; data: HallEventPayloads[K] };
}[HallEventType];

interface Numbered<K extends HallEventType, D> {
  type: K;
  /** Event log sequence number; only grows, also across restarts. */
  seq: number;
  at: number;
  actor: string | null;
  data: D;
  /** Fresh figures of the services this change touched (names and colours are in the snapshot). */
  services: ServiceFigures[];
}

/** A change once committed, numbered, with its full payload: what the hub's own parts hear. */
export type CommittedEvent = { [K in HallEventType]: Numbered<K, HallEventPayloads[K]> }[HallEventType];

/**
 * A change as it travels to pages: numbered, public payload, with its subscription's chain.
 * Without its actor: who pressed the key (a clerk's name) is for staff reads only. In one
 * message, a service's figures come with the last of its events (earlier ones would be
 * overwritten by the page anyway).
 */
export type HallEvent = {
  [K in HallEventType]: Omit<Numbered<K, PublicEventPayloads[K]>, 'actor'> & {
    /**
     * Sequence number of the previous event sent to the same subscription. A page that
     * last saw `lastSeq` has missed something when `prevSeq > lastSeq`: it asks for a snapshot.
     */
    prevSeq: number;
  };
}[HallEventType];

export interface ServiceSummary {
  id: string;
  name: LocalizedText;
  group: string | null;
  color: string | null;
  location: LocalizedText | null;
  active: boolean;
  /** Taking numbers right now (active and within opening hours, below the daily maximum). */
  open: boolean;
  /** Why it is not open, as a code the pages translate: inactive, hours, daily_max. */
  closedReason: 'inactive' | 'hours' | 'daily_max' | null;
  hours: OpeningHours | null;
  waiting: number;
  waitingPriority: number;
  issuedToday: number;
  /** Tickets it can still give today. */
  remainingToday: number;
  /** Open counters that serve it now. */
  openCounters: number;
  /** Seconds a ticket taken now would wait; null when no counter serves it now or closing comes first. */
  estimatedWaitSeconds: number | null;
  /** A ticket taken now is not expected to be called before closing ("may not be served today"). */
  beyondClosing: boolean;
  /** Mean service time the estimate uses. */
  averageServiceSeconds: number;
}

/** The parts of a ServiceSummary that change as the queue moves. */
export type ServiceFigures = Pick<
  ServiceSummary,
  | 'id'
  | 'open'
  | 'closedReason'
  | 'waiting'
  | 'waitingPriority'
  | 'issuedToday'
  | 'remainingToday'
  | 'openCounters'
  | 'estimatedWaitSeconds'
  | 'beyondClosing'
  | 'averageServiceSeconds'
>;

export function serviceFigures(s: ServiceSummary): ServiceFigures {
  return {
    id: s.id,
    open: s.open,
    closedReason: s.closedReason,
    waiting: s.waiting,
    waitingPriority: s.waitingPriority,
    issuedToday: s.issuedToday,
    remainingToday: s.remainingToday,
    openCounters: s.openCounters,
    estimatedWaitSeconds: s.estimatedWaitSeconds,
    beyondClosing: s.beyondClosing,
    averageServiceSeconds: s.averageServiceSeconds,
  };
}

/** A counter as staff see it (GET /api/counters/:id, command replies). */
export interface CounterView {
  def: CounterDef;
  state: CounterState;
  current: Ticket | null;
}

/** A counter as public pages see it (snapshot, GET /api/counters). */
export interface PublicCounterView {
  def: CounterDef;
  state: PublicCounterState;
  current: PublicTicket | null;
}

/** One ticket with where it stands: `T` is Ticket for staff, PublicTicket for everyone else. */
export interface TicketViewOf<T> {
  ticket: T;
  service: { id: string; name: LocalizedText; location: LocalizedText | null };
  /** Waiting tickets before this one in its queue; null unless it is waiting. */
  peopleAhead: number | null;
  estimatedWaitSeconds: number | null;
  /** Not expected to be called before closing ("may not be served today"). */
  beyondClosing: boolean;
  counter: { id: number; name: LocalizedText; location: LocalizedText | null } | null;
}
export type TicketView = TicketViewOf<Ticket>;
/** GET /api/tickets/:id, the phone page and the kiosk's reply. */
export type PublicTicketView = TicketViewOf<PublicTicket>;

/** A waiting ticket as the counter page lists it. */
export interface WaitingEntry {
  ticketId: string;
  number: string;
  serviceId: string;
  priority: boolean;
  /** Transferred to this counter by name. */
  forThisCounter: boolean;
}

/** A staff session as the hub describes it (sign-in, GET /api/staff/session). */
export interface SessionView {
  user: string;
  name: string;
  role: 'clerk' | 'manager';
  counterId: number | null;
  /** When it ends unless used again (ms since 1970). */
  expiresAt: number;
}

/** GET /api/counters/:id: what the counter page shows. */
export interface CounterDetail extends CounterView {
  services: ServiceSummary[];
  waiting: WaitingEntry[];
  today: { counterId: number; done: number; noShow: number; averageServiceSeconds: number | null };
}

export interface CallRecord {
  ticketId: string;
  number: string;
  serviceId: string;
  counterId: number;
  at: number;
  recall: boolean;
}

/** Which services and counters a page follows; empty or missing lists follow everything. */
export interface SubscriptionFilter {
  services?: string[];
  counters?: number[];
}

export interface HallSnapshot {
  seq: number;
  at: number;
  day: string;
  hall: PublicHallSettings;
  services: ServiceSummary[];
  counters: PublicCounterView[];
  /** Today's waiting tickets, in queue order per service. */
  waiting: PublicTicket[];
  /** The newest calls first. */
  recentCalls: CallRecord[];
  filter: SubscriptionFilter;
}

/** Health of one device of the hall (a kiosk's printer, a keypad, an LED board). */
export interface DeviceStatus {
  /** "printer:K1" is kiosk K1's printer. */
  id: string;
  kind: string;
  /** false: the device cannot do its job now (an alert). */
  ok: boolean;
  /** Stable code pages translate: unreachable, offline, paper_out, paper_near_end, cover_open, printer_error, print_failed. */
  code: string | null;
  message: string | null;
  messageEn: string | null;
  since: number;
}

/** The device id under which a kiosk's printer reports its health. */
export function printerDeviceId(kioskId: string): string {
  return `printer:${kioskId}`;
}

/** The body of every HTTP refusal: a stable code, Vietnamese first, English second. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  messageEn: string;
}

/** What happened to a ticket's print (POST /api/kiosk/tickets and its reprint). */
export interface PrintOutcome {
  ok: boolean;
  /** Why it did not print: a printer problem code, or print_failed. */
  code: string | null;
  message: string | null;
  messageEn: string | null;
}

/** The call a `ticket:called` or `ticket:recalled` event makes; null for other events. */
export function callRecordOf(event: { type: string; at: number; data: unknown }): CallRecord | null {
  if (event.type !== 'ticket:called' && event.type !== 'ticket:recalled') return null;
  const { ticket, counter } = event.data as { ticket: { id: string; number: string; serviceId: string }; counter: { id: number } };
  return { ticketId: ticket.id, number: ticket.number, serviceId: ticket.serviceId, counterId: counter.id, at: event.at, recall: event.type === 'ticket:recalled' };
}

/** The one reply shape of every socket request. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string; message: string; messageEn: string };

export interface ServerToClientEvents {
  'hall:snapshot': (snapshot: HallSnapshot) => void;
  /** The changes of one commit, oldest first (often one, several when commands arrive together). */
  'hall:events': (events: HallEvent[]) => void;
  /** A device's health changed (sent to every page; also in /api/health). */
  'device:status': (status: DeviceStatus) => void;
  /** A manager changed settings while the hall runs (the display notice). */
  'hall:settings': (settings: PublicHallSettings) => void;
}

export interface ClientToServerEvents {
  /** Follow only some services or counters; answers with a fresh snapshot for that filter. */
  'hall:subscribe': (filter: SubscriptionFilter, reply: (r: Reply<HallSnapshot>) => void) => void;
  /** Ask again for a snapshot, e.g. after seeing a gap in sequence numbers. */
  'hall:resync': (reply: (r: Reply<HallSnapshot>) => void) => void;
}

type WithoutPrevSeq<T> = T extends unknown ? Omit<T, 'prevSeq'> : never;
/** An event as the hub publishes it, before each subscription gives it its prevSeq. */
export type PublishedEvent = WithoutPrevSeq<HallEvent>;
