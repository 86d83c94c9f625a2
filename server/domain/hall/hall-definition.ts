// The hall as its description file and its manager set it up: settings, services, counters,
// kiosks and their printers, serial buses, staff and rating tablets. Plain data, no I/O: these
// types are shared by the engines, the store, the HTTP API and (through server/contract) every page.

import type { WeekHours } from '../calendar/hall-calendar.js';
import type { LocalizedText } from '../localized-text.js';
import type { CounterKeyMap } from './counter-keys.js';
import type { HolidaySchedules } from '../calendar/holidays.js';
import type { WorkingPeriod } from '../calendar/working-time.js';
import type { StatusSourceSettings } from '../dossier/dossier.js';

/** A legal priority category (war invalids, elderly, pregnant women, ...). */
export interface PriorityCategory {
  code: string;
  name: LocalizedText;
}

/**
 * strict: a waiting priority ticket is always called first.
 * interleaved: one priority ticket after every `regularPerPriority` regular calls at a counter.
 */
export type PriorityPolicy = { mode: 'strict' } | { mode: 'interleaved'; regularPerPriority: number };

/** How a service's daily series is shown: "A001" (prefix) or "1023" (number block 1001-1999). */
export type Numbering = { kind: 'prefix'; prefix: string; digits: number } | { kind: 'block'; from: number; to: number };

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
  /** The service's own week (e.g. civil status also on Saturday morning); null = the hall's. */
  hours: WeekHours | null;
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
  /**
   * The hall's week: opening periods per weekday, Sunday (0) to Saturday (6), with breaks;
   * holidays and the hall's own closures close it. null: open around the clock, every day.
   */
  hours: WeekHours | null;
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
  /**
   * Working hours of a working day for deadlines counted in hours; null: the hall's weekday
   * hours (or 07:30-11:30 and 13:30-17:00 for a hall open around the clock).
   */
  workingHours: WorkingPeriod[] | null;
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
export const DEFAULT_WORKING_SETTINGS: { workingHours: WorkingPeriod[] | null; holidays: HolidaySchedules; returnService: string | null; statusSource: StatusSourceSettings | null } = {
  workingHours: null,
  holidays: {},
  returnService: null,
  statusSource: null,
};

export interface VoiceSettings {
  /** With {number} and {counter}; every other word must have a clip. */
  phrase: string;
  /** A folder of the hall's own clips (word.wav); missing words come from the default pack. */
  packDir: string | null;
  /** Also play calls on the hub PC's own speaker. */
  hubSpeaker: boolean;
  /** Say the ticket number twice, with a short pause between, as many halls do. */
  sayNumberTwice: boolean;
  /** Loudness of the spoken call, 0 to 100 percent of the clips' own (100 when absent). */
  volume?: number;
}

/** clerk: at a counter; back_office: processes dossiers, takes no counter; manager: the live hall, alerts, notices, the day; admin: also users and devices. */
export type StaffRole = 'clerk' | 'back_office' | 'manager' | 'admin';

/** A person who signs in: a clerk at a counter, back-office staff, or a manager. */
export interface StaffDef {
  user: string;
  name: string;
  role: StaffRole;
  /** scrypt$N$r$p$salt$hash (see server/services/password-hash.ts). */
  passwordHash: string;
  /** Counters this clerk may take; empty = any. */
  counters: number[];
  /**
   * The fields (lĩnh vực of the procedures catalogue) whose dossiers this person handles.
   * With `services` empty too, a clerk handles those of the counter they sit at.
   * Absent from accounts stored by an older version.
   */
  fields?: string[];
  /** The hall's services (an outside agency is one) whose dossiers this person handles. */
  services?: string[];
  active: boolean;
}

/**
 * simulated: each ticket is saved as PNG and ESC/POS bytes under the data folder. agent: the
 * printer is on the kiosk's own PC, and the kiosk's device agent prints what the hub sends it.
 */
export type PrinterKind = 'simulated' | 'epson' | 'star' | 'agent';

export interface PrinterDef {
  kind: PrinterKind;
  /** "tcp://host:9100" or a device file such as /dev/usb/lp0; null for the simulated and agent printers. */
  address: string | null;
  /** The command set of an agent's printer (EPSON's ESC/POS or STAR's Line Mode); absent for other kinds. */
  model?: 'epson' | 'star';
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
  /**
   * Its printer stands where only staff reach it (behind the reception counters), so dossier
   * slips with personal data may be printed on it. Absent or false: a public kiosk.
   */
  slips?: boolean;
  /** The services its screen offers; absent or empty: every service of the hall. */
  services?: string[];
  /**
   * A kiosk paired from the manager console keeps only its token's SHA-256 here (its `token` is
   * empty); null once it was unpaired. Absent: the hall file's `token` is the token.
   */
  tokenHash?: string | null;
  active: boolean;
}

/** A tablet at a counter on which citizens rate the service, paired with its own token. */
export interface RatingTabletDef {
  id: string;
  counterId: number;
  token: string;
  /** As a kiosk's: the SHA-256 of a token given by pairing, or null once unpaired. */
  tokenHash?: string | null;
  active: boolean;
}

/** A hall display paired from the manager console (displays need no token to show the hall). */
export interface DisplayDef {
  id: string;
  name: LocalizedText;
  /** The SHA-256 of the token pairing gave it; null before pairing and once unpaired. */
  tokenHash: string | null;
  active: boolean;
}

/** The devices the console pairs. */
export type PairedDeviceKind = 'kiosk' | 'ratingTablet' | 'display';

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
  /** Displays paired from the manager console (the hall file does not list displays). */
  displays?: DisplayDef[];
  /** The procedures catalogue file a hall file names (read at start), resolved to a path. */
  catalogFile?: string | null;
}
