// The changes of the hall as its engines make them (DomainEvent), and as they are once
// committed and numbered (CommittedEvent). The wire shapes pages receive are built from these
// in public-view.ts (queue/) and server/contract/events.ts.

import type { AlertKind, AlertThresholds } from '../alerts/alerts.js';
import type { CalendarChange } from '../calendar/hall-days.js';
import type { Dossier } from '../dossier/dossier.js';
import type { CounterDef, HallSettings, PairedDeviceKind, ServiceDef, StaffRole, VoiceSettings } from '../hall/hall-definition.js';
import type { LocalizedText } from '../localized-text.js';
import type { TransferPosition } from '../hall/hall-definition.js';
import type { CounterState, Ticket } from '../queue/queue-state.js';
import type { ServiceFigures } from '../queue/service-summary.js';
import type { Rating } from '../rating/rating.js';

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
  /** A citizen rated the service of a ticket (pages hear it without the clerk's name and the dossier codes). */
  'ticket:rated': { rating: Omit<Rating, 'clerk' | 'dossierCodes'> & { clerk?: string | null; dossierCodes?: string[] } };
  /** The hall's own calendar changed: one of its days added or removed, or a year's official schedule loaded. */
  'calendar:changed': CalendarChange;
  /** An account was added or changed in the console (never its password or hash). Staff only: not on the pages' feed. */
  'staff:changed': { account: StaffAccountView; change: StaffChangeKind; move?: { from: number; to: number } };
  /** The console raised an alert from the hall's state (staff only, as all alert:* kinds). */
  'alert:raised': { alert: { id: number; key: string; kind: AlertKind; message: string; messageEn: string } };
  /** A person saw the alert and took it in hand. */
  'alert:acknowledged': { alert: { id: number; key: string } };
  /** The trouble behind the alert is over. */
  'alert:cleared': { alert: { id: number; key: string } };
  /** A manager set the alerts' thresholds. */
  'alert:thresholds': { thresholds: AlertThresholds };
  /**
   * An admin changed the hall's configuration while it runs: its settings, a service or a
   * counter (`subject`: the service's code or the counter's number), as it is after the change.
   * Staff only; pages get a fresh snapshot instead.
   */
  'hall:configured': { change: HallConfigChange; subject: string | null; after: ConfiguredDefinition };
  /** An admin applied a previewed procedures catalogue: which codes it added, changed and removed. */
  'catalog:replaced': { count: number; added: string[]; changed: string[]; removed: string[] };
  /** An admin changed the voice of the calls (pack, volume, saying the number twice...). */
  'voice:changed': { voice: VoiceSettings };
  /** A kiosk, rating tablet, display or serial bus was added, changed, removed, given a pairing code, paired or unpaired in the console (never a token or code). Staff only. */
  'device:changed': { device: DeviceChangeView; change: DeviceChangeKind };
}

export type HallConfigChange = 'hall' | 'service_added' | 'service_changed' | 'service_removed' | 'counter_added' | 'counter_changed' | 'counter_removed' | 'hall_file_imported';

/**
 * added: created in the console; changed: its settings (a kiosk's printer and services, a bus's
 * port, protocol, keypads and boards) changed; removed: a serial bus taken away; pairing: a
 * pairing code was shown; paired: the device took its token; unpaired: its token stopped working.
 */
export type DeviceChangeKind = 'added' | 'changed' | 'removed' | 'pairing' | 'paired' | 'unpaired';

/** A device as the log shows it: no token, no code. */
export interface DeviceChangeView {
  kind: PairedDeviceKind | 'serialBus';
  id: string;
  name: LocalizedText;
}

/** What a configuration change left: the hall's settings it changed, or the whole service or counter. */
export type ConfiguredDefinition = Partial<Pick<HallSettings, 'name' | 'nameEn' | 'agencyCode' | 'publicUrl' | 'returnService' | 'hours'>> | ServiceDef | CounterDef | HallFileImported;

/** A hall file imported in the console: the settings it changed, and the services and counters it added, changed and removed. */
export interface HallFileImported {
  settings: Partial<Pick<HallSettings, 'name' | 'nameEn' | 'agencyCode' | 'publicUrl' | 'returnService' | 'serviceGroups' | 'hours'>>;
  services: { added: string[]; changed: string[]; removed: string[] };
  counters: { added: number[]; changed: number[]; removed: number[] };
  /** Differences shown in the preview that were not applied (not changed while the hall runs). */
  notApplied: number;
}

/** Kinds of change that are the staff's business only: the pages' public feed leaves them out. */
export const STAFF_ONLY_EVENTS: ReadonlySet<HallEventType> = new Set([
  'staff:changed',
  'alert:raised',
  'alert:acknowledged',
  'alert:cleared',
  'alert:thresholds',
  'hall:configured',
  'catalog:replaced',
  'voice:changed',
  'device:changed',
]);

export type StaffChangeKind = 'added' | 'changed' | 'password_reset' | 'disabled' | 'enabled' | 'moved';

/** An account as the console and the log show it: no password hash. */
export interface StaffAccountView {
  user: string;
  name: string;
  role: StaffRole;
  counters: number[];
  /** The fields (lĩnh vực) and services whose dossiers they handle; both empty: their counter's. */
  fields: string[];
  services: string[];
  active: boolean;
}

/** Payloads as the engine makes them and the event log keeps them (staff reads). */
export type HallEventPayloads = EventPayloadsOf<Ticket, CounterState, Dossier>;

export type HallEventType = keyof HallEventPayloads;

/** A change as the engine produces it, before it is numbered and logged. */
export type DomainEvent = {
  [K in HallEventType]: { type: K; data: HallEventPayloads[K] };
}[HallEventType];

/** A change with its place in the event log. */
export interface Numbered<K extends HallEventType, D> {
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
