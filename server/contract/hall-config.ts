// The hall's configuration as the manager console reads and changes it while the hall runs:
// the same fields as the hall file (docs/hall-file.md), checked by the hub with the hall file's
// own rules (server/config/hall-file.ts, hall-rules.ts), never by a copy of them here.

/** A text in both languages, or one text for both. */
export type LocalizedInput = string | { vi: string; en: string };

/** The week: { "mon-fri": ["07:30-11:30", "13:30-17:00"], sat: [...] }. */
export type HoursInput = { open: string; close: string } | Record<string, string[]>;

/** A service as the hall file writes it. */
export interface ServiceInput {
  id: string;
  name: LocalizedInput;
  group?: string;
  color?: string;
  location?: LocalizedInput;
  numbering: { prefix: string; digits?: number } | { from: number; to: number };
  dailyMax?: number;
  defaultServiceMinutes?: number;
  hours?: HoursInput;
  active?: boolean;
}

/** A counter as the hall file writes it: the services it serves, in order, each with its weight. */
export interface CounterInput {
  id: number;
  name?: LocalizedInput;
  location?: LocalizedInput;
  services: (string | { service: string; weight?: number })[];
  selection?: 'longest_wait' | 'in_order';
  active?: boolean;
}

/** A change of some fields; null takes an optional field away (back to the hall file's default). */
export type ChangeOf<T> = { [K in keyof T]?: T[K] | null };

/** The hall's own settings the console changes. */
export interface HallSettingsInput {
  name?: string;
  nameEn?: string;
  agencyCode?: string;
  /** null: found at start. */
  publicUrl?: string | null;
  /** The service whose counters return results; null: each dossier's own. */
  returnService?: string | null;
  /** The hall's week (services without their own hours follow it); null: around the clock. */
  hours?: HoursInput | null;
}

/** The running configuration, as the console's forms show it. */
export interface HallConfiguration {
  hall: {
    name: string;
    nameEn: string;
    agencyCode: string;
    publicUrl: string | null;
    returnService: string | null;
    hours: HoursInput | null;
    serviceGroups: { id: string; name: { vi: string; en: string } }[];
  };
  /** The services in service, each with how many citizens wait for it now. */
  services: (ServiceInput & { waiting: number })[];
  /** The counters in service, each with its state now (closed, open, paused). */
  counters: (CounterInput & { mode: string })[];
}

// ---- the whole configuration as a hall file: export, and import with a preview ----

/** Parts of a hall file, in the file's order. */
export type HallFileSection = 'hall' | 'services' | 'counters' | 'kiosks' | 'ratingTablets' | 'serialBuses' | 'staff';

/** One field that differs, as the file writes it (null: not there). */
export interface HallFileFieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** A service, counter, device or account the file adds, changes or removes (the hall's settings: id "hall"). */
export interface HallFileItemChange {
  id: string;
  /** Its name, to show (Vietnamese). */
  name: string;
  change: 'added' | 'changed' | 'removed';
  fields: HallFileFieldChange[];
  /** Applied by "Apply" (false: shown only, with how to make it; see `notLive`). */
  live: boolean;
}

export interface HallFileSectionChanges {
  section: HallFileSection;
  items: HallFileItemChange[];
}

/** What importing a hall file would change, against the running configuration; nothing changed yet. */
export interface HallFilePreview {
  /** Give it back to apply this preview (once, before `expiresAt`, while the configuration is as it was). */
  previewId: string;
  expiresAt: number;
  /** Only the sections that differ. */
  sections: HallFileSectionChanges[];
  /** How many differences "Apply" makes, and how many it cannot make while the hall runs. */
  live: number;
  notLive: number;
}

/** What applying a preview did. */
export interface HallFileApplied {
  applied: number;
  notApplied: number;
  configuration: HallConfiguration;
}
