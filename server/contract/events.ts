// The wire contract between the hub and every page: event names, payloads and snapshot.
// Pages import these types (and the one helper below); the hub emits exactly these shapes.

import type { Ticket } from '../domain/queue/queue-state.js';
import type { LocalizedText } from '../domain/localized-text.js';
import type { CounterView, PublicCounterView, PublicHallSettings, PublicTicket, PublishedEvent } from '../domain/queue/public-view.js';
import type { ServiceSummary } from '../domain/queue/service-summary.js';

export type { CounterDef, HallSettings, PriorityCategory, ServiceGroup } from '../domain/hall/hall-definition.js';
export type { CounterState, Ticket } from '../domain/queue/queue-state.js';
export type { LocalizedText } from '../domain/localized-text.js';
// The hall's changes and their public shapes are the domain's (server/domain/events/hall-events.ts,
// server/domain/queue/public-view.ts); pages read them from here.
export type { CommittedEvent, DomainEvent, EventPayloadsOf, HallEventPayloads, HallEventType } from '../domain/events/hall-events.js';
export type {
  CounterView,
  DossierSignal,
  PublicCounterState,
  PublicCounterView,
  PublicEventPayloads,
  PublicHallSettings,
  PublicTicket,
  PublishedEvent,
} from '../domain/queue/public-view.js';
export type { ServiceFigures, ServiceSummary } from '../domain/queue/service-summary.js';
export { serviceFigures } from '../domain/queue/service-summary.js';

type Chained<E> = E extends unknown
  ? E & {
      /**
       * Sequence number of the previous event sent to the same subscription. A page that
       * last saw `lastSeq` has missed something when `prevSeq > lastSeq`: it asks for a snapshot.
       */
      prevSeq: number;
    }
  : never;

/** A change as it travels to pages: a published event with its subscription's chain. */
export type HallEvent = Chained<PublishedEvent>;

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
  /** back_office: processes dossiers, takes no counter; admin: a manager who also manages users and devices. */
  role: 'clerk' | 'back_office' | 'manager' | 'admin';
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
  /** A configuration refused: each field that is wrong (e.g. services.DD.color), and why. */
  fields?: { field: string; message: string; messageEn: string }[];
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
  /** An admin asked for a sample call: the displays say it as they say a call (nothing is shown). */
  'voice:sample': (sample: { number: string; counterId: number }) => void;
}

export interface ClientToServerEvents {
  /** Follow only some services or counters; answers with a fresh snapshot for that filter. */
  'hall:subscribe': (filter: SubscriptionFilter, reply: (r: Reply<HallSnapshot>) => void) => void;
  /** Ask again for a snapshot, e.g. after seeing a gap in sequence numbers. */
  'hall:resync': (reply: (r: Reply<HallSnapshot>) => void) => void;
}
