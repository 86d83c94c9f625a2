// The hall's vocabulary as plain data. No I/O here: these types are shared by the
// queue engine, the store, the HTTP API and (through server/contract) every page.

import type { HolidaySchedules } from './holidays.js';
import { DEFAULT_WORKING_HOURS, type WorkingPeriod } from './working-time.js';
import type { StatusSourceSettings } from './dossier.js';

/** Text shown to people: Vietnamese first, English for the language toggle. */
export interface LocalizedText {
  vi: string;
  en: string;
}

/** Opening hours in the hall's local time, "HH:MM" 24-hour. */
export interface OpeningHours {
  open: string;
  close: string;
}

/** A legal priority category (war invalids, elderly, pregnant women, ...). */
export interface PriorityCategory {
  code: string;
  name: LocalizedText;
}

/**
 * strict: a waiting priority ticket is always called first.
 * interleaved: one priority ticket after every `regularPerPriority` regular calls at a counter.
 */
export type PriorityPolicy =
  | { mode: 'strict' }
  | { mode: 'interleaved'; regularPerPriority: number };

/** How a service's daily series is shown: "A001" (prefix) or "1023" (number block 1001-1999). */
export type Numbering =
  | { kind: 'prefix'; prefix: string; digits: number }
  | { kind: 'block'; from: number; to: number };

export interface ServiceDef {
  id: string;
  name: LocalizedText;
  /** Kiosk grouping and colour, as the hall arranges its screen. */
  group: string | null;
  color: string | null;
  /** Where the citizen goes (floor, wing), printed on the ticket. */
  location: LocalizedText | null;
  numbering: Numbering;
  /** At most this many tickets a day; null = only the series limit. */
  dailyMax: number | null;
  /** Service time assumed until the day has measured ones. */
  defaultServiceMinutes: number;
  /** Overrides the hall's hours for taking numbers; null = the hall's. */
  hours: OpeningHours | null;
  active: boolean;
}

/** How a counter chooses among the services it serves. */
export type ServiceSelection = 'longest_wait' | 'in_order';

export interface CounterServiceLink {
  serviceId: string;
  /** With 'longest_wait', waiting time is multiplied by this weight. */
  weight: number;
}

export interface CounterDef {
  id: number;
  name: LocalizedText;
  location: LocalizedText | null;
  /** In the hall's preferred order (used by 'in_order'). */
  services: CounterServiceLink[];
  selection: ServiceSelection;
  active: boolean;
}

export type TransferPosition = 'keep_arrival' | 'front';

/** A heading on the kiosk under which services are grouped. */
export interface ServiceGroup {
  id: string;
  name: LocalizedText;
}

export interface HallSettings {
  name: string;
  nameEn: string;
  /** National standard agency code, e.g. 000.00.14.H56. */
  agencyCode: string;
  timeZone: string;
  /** null = numbers can be taken around the clock; waiting tickets close at midnight. */
  hours: OpeningHours | null;
  priorityCategories: PriorityCategory[];
  priorityPolicy: PriorityPolicy;
  /** How long after a no-show the clerk can still put the ticket back in the queue. */
  noShowRestoreMinutes: number;
  /**
   * Maximum wait guard: a ticket waiting this long is called first by any counter serving its
   * service, whatever the counter's weights or order. null: off (the default).
   */
  maxWaitMinutes: number | null;
  transferPosition: TransferPosition;
  /** Short text printed at the bottom of each ticket. */
  ticketFooter: LocalizedText;
  /** Headings of the kiosk's service groups, in screen order. */
  serviceGroups: ServiceGroup[];
  /** Address phones use to reach the hub (printed in the ticket's QR); null = found at start. */
  publicUrl: string | null;
  /** The notice that scrolls along the bottom of the hall displays; null = none. */
  displayNotice: LocalizedText | null;
  /** Keys (KeyboardEvent.code) that do each counter action: shortcuts and USB keypads. */
  counterKeys: CounterKeyMap;
  /** A clerk's session ends after this long without any action. */
  sessionIdleMinutes: number;
  /** ... and at the latest this long after signing in. */
  sessionMaxHours: number;
  /** Voice announcements: the phrase and a hall's own recorded clips. */
  voice: VoiceSettings;
  /** The /boards page may press simulated keypads' keys (off for a hall in service). */
  simulator: boolean;
  /** How many times a kiosk may print one ticket again. */
  reprintsPerTicket: number;
  /** Working hours that count towards dossier deadlines (eight hours make a working day). */
  workingHours: WorkingPeriod[];
  /** The hall's own official holiday schedules by year, over those shipped in config/holidays.yaml. */
  holidays: HolidaySchedules;
  /** The service whose counters return results; null: the dossier's own service. */
  returnService: string | null;
  /** Where the status of dossiers received in the province's system is read; null: nowhere. */
  statusSource: StatusSourceSettings | null;
}

/** Defaults of the access settings, also for settings stored by an older version. */
export const DEFAULT_ACCESS_SETTINGS = { simulator: true, reprintsPerTicket: 2 } as const;
/** Defaults of the queue guard, also for settings stored by an older version. */
export const DEFAULT_GUARD_SETTINGS: { maxWaitMinutes: number | null } = { maxWaitMinutes: null };
/** Defaults of the working-time settings, also for settings stored by an older version. */
export const DEFAULT_WORKING_SETTINGS: { workingHours: WorkingPeriod[]; holidays: HolidaySchedules; returnService: string | null; statusSource: StatusSourceSettings | null } = {
  workingHours: DEFAULT_WORKING_HOURS,
  holidays: {},
  returnService: null,
  statusSource: null,
};

export const COUNTER_ACTIONS = ['callNext', 'recall', 'start', 'noShow', 'finish', 'transfer', 'pause'] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];
export type CounterKeyMap = Record<CounterAction, string[]>;

export interface VoiceSettings {
  /** With {number} and {counter}; every other word must have a clip. */
  phrase: string;
  /** A folder of the hall's own clips (word.wav); missing words come from the default pack. */
  packDir: string | null;
  /** Also play calls on the hub PC's own speaker. */
  hubSpeaker: boolean;
  /** Say the ticket number twice, with a short pause between, as many halls do. */
  sayNumberTwice: boolean;
}

export type StaffRole = 'clerk' | 'manager';

/** A person who signs in: a clerk at a counter, or a manager. */
export interface StaffDef {
  user: string;
  name: string;
  role: StaffRole;
  /** scrypt$N$r$p$salt$hash (see server/services/password-hash.ts). */
  passwordHash: string;
  /** Counters this clerk may take; empty = any. */
  counters: number[];
  active: boolean;
}

/** simulated: each ticket is saved as PNG and ESC/POS bytes under the data folder. */
export type PrinterKind = 'simulated' | 'epson' | 'star';

export interface PrinterDef {
  kind: PrinterKind;
  /** "tcp://host:9100" or a device file such as /dev/usb/lp0; null for the simulated printer. */
  address: string | null;
  /** Paper roll width in millimetres. */
  paperWidth: 58 | 80;
}

/** A ticket kiosk: a registered device with its own secret token and printer. */
export interface KioskDef {
  id: string;
  name: LocalizedText;
  token: string;
  /** Tickets this kiosk may issue in any 60 seconds. */
  ticketsPerMinute: number;
  printer: PrinterDef;
  active: boolean;
}

/** A tablet at a counter on which citizens rate the service, paired with its own token. */
export interface RatingTabletDef {
  id: string;
  counterId: number;
  token: string;
  active: boolean;
}

/** A board on a serial bus: one counter's number, or the hall's last calls. */
export type LedBoardDef = { address: number; kind: 'counter'; counterId: number } | { address: number; kind: 'hall'; calls: number };

/** One RS-485 line with counter keypads and LED boards (docs/serial-protocol.md). */
/** The LED board protocols a bus can speak; each has a driver in hardware/led/led-drivers.ts. */
export const LED_PROTOCOLS = ['luot', 'modbus-text'] as const;
export type LedProtocol = (typeof LED_PROTOCOLS)[number];

export interface SerialBusDef {
  id: string;
  /** The serial port, e.g. /dev/ttyUSB0. */
  port: string;
  baudRate: number;
  /** How the bus's LED boards are spoken to (hardware/led/led-drivers.ts). */
  protocol: LedProtocol;
  /** Which counter each keypad address works for. */
  keypads: { address: number; counterId: number }[];
  ledBoards: LedBoardDef[];
}

export interface HallDefinition {
  settings: HallSettings;
  services: ServiceDef[];
  counters: CounterDef[];
  kiosks: KioskDef[];
  serialBuses: SerialBusDef[];
  staff: StaffDef[];
  ratingTablets: RatingTabletDef[];
  /** The procedures catalogue file a hall file names (read at start), resolved to a path. */
  catalogFile?: string | null;
}

export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'cancelled',
  'not_served',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses from which a ticket never moves again (no_show can still be restored for a while). */
export const FINAL_STATUSES: ReadonlySet<TicketStatus> = new Set(['done', 'cancelled', 'not_served']);

export type TicketSource = 'kiosk' | 'counter' | 'api';

export interface Ticket {
  /** `<yyyymmdd>-<serviceId>-<seq>`: unique, stable, printed in the QR link. */
  id: string;
  /** Hall-local working day, YYYY-MM-DD. */
  day: string;
  serviceId: string;
  /** Position in the service's daily series, from 1. */
  seq: number;
  /** What the citizen sees and hears: "A012", "1023". */
  number: string;
  /** Priority category code, or null for a regular ticket. */
  priority: string | null;
  status: TicketStatus;
  source: TicketSource;
  issuedAt: number;
  /** Orders the queue: arrival time, kept or reset by a transfer. */
  queueAt: number;
  /** Put at the front of its queue by a transfer. */
  front: boolean;
  /** Only this counter may call it (transfer to a specific counter). */
  targetCounterId: number | null;
  /** The counter holding it (called/serving), or the last one that did. */
  counterId: number | null;
  calledAt: number | null;
  recallCount: number;
  servingAt: number | null;
  /** When it reached done, no_show, cancelled or not_served. */
  endedAt: number | null;
  transferCount: number;
  /** Why it ended, for cancelled and not_served. */
  endReason: string | null;
}

export type CounterMode = 'open' | 'paused' | 'closed';

export interface CounterState {
  id: number;
  mode: CounterMode;
  pauseReason: string | null;
  clerk: string | null;
  currentTicketId: string | null;
  /** Regular calls since the last priority call, for the interleaved policy. */
  regularSincePriority: number;
  since: number;
}
