// The wire contract between the hub and every page: event names, payloads and snapshot.
// Pages import these types (and the one helper below); the hub emits exactly these shapes.

import type {
  CounterDef,
  CounterState,
  HallSettings,
  LocalizedText,
  OpeningHours,
  Ticket,
  TransferPosition,
} from '../domain/model.js';

export type { CounterDef, CounterState, HallSettings, LocalizedText, PriorityCategory, ServiceGroup, Ticket } from '../domain/model.js';

/** What each kind of change carries. Every ticket and counter is its state after the change. */
export interface HallEventPayloads {
  'ticket:issued': { ticket: Ticket };
  'ticket:called': { ticket: Ticket; counter: CounterState; outOfOrder: boolean };
  'ticket:recalled': { ticket: Ticket; counter: CounterState };
  'ticket:serving': { ticket: Ticket; counter: CounterState };
  'ticket:no-show': { ticket: Ticket; counter: CounterState };
  'ticket:restored': { ticket: Ticket };
  'ticket:transferred': {
    ticket: Ticket;
    counter: CounterState;
    from: { serviceId: string; counterId: number };
    to: { serviceId: string; counterId: number | null };
    position: TransferPosition;
  };
  'ticket:finished': { ticket: Ticket; counter: CounterState };
  'ticket:cancelled': { ticket: Ticket; counter: CounterState | null; reason: string | null };
  'ticket:priority-changed': { ticket: Ticket };
  'counter:opened': { counter: CounterState };
  'counter:closed': { counter: CounterState };
  'counter:paused': { counter: CounterState };
  'counter:resumed': { counter: CounterState };
  'day:closed': { day: string; tickets: Ticket[]; counters: CounterState[] };
}

export type HallEventType = keyof HallEventPayloads;

/** A change as the engine produces it, before it is numbered and logged. */
export type DomainEvent = {
  [K in HallEventType]: { type: K; data: HallEventPayloads[K] };
}[HallEventType];

/** A change as it travels: numbered by the event log, with the queues it touched. */
export type HallEvent = {
  [K in HallEventType]: {
    type: K;
    /** Event log sequence number; only grows, also across restarts. */
    seq: number;
    /**
     * Sequence number of the previous event sent to the same subscription. A page that
     * last saw `lastSeq` has missed something when `prevSeq > lastSeq`: it asks for a snapshot.
     */
    prevSeq: number;
    at: number;
    actor: string | null;
    data: HallEventPayloads[K];
    /** Fresh figures of the services this change touched (names and colours are in the snapshot). */
    services: ServiceFigures[];
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
  /** Seconds a ticket taken now would wait; null when no counter serves it now. */
  estimatedWaitSeconds: number | null;
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
    averageServiceSeconds: s.averageServiceSeconds,
  };
}

export interface CounterView {
  def: CounterDef;
  state: CounterState;
  current: Ticket | null;
}

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
  hall: HallSettings;
  services: ServiceSummary[];
  counters: CounterView[];
  /** Today's waiting tickets, in queue order per service. */
  waiting: Ticket[];
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

/** The one reply shape of every socket request. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string; message: string; messageEn: string };

export interface ServerToClientEvents {
  'hall:snapshot': (snapshot: HallSnapshot) => void;
  /** The changes of one commit, oldest first (often one, several when commands arrive together). */
  'hall:events': (events: HallEvent[]) => void;
  /** A device's health changed (sent to every page; also in /api/health). */
  'device:status': (status: DeviceStatus) => void;
  /** A manager changed settings while the hall runs (the display notice). */
  'hall:settings': (settings: HallSettings) => void;
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
