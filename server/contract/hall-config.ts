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
}

/** The running configuration, as the console's forms show it. */
export interface HallConfiguration {
  hall: { name: string; nameEn: string; agencyCode: string; publicUrl: string | null; returnService: string | null; serviceGroups: { id: string; name: { vi: string; en: string } }[] };
  /** The services in service, each with how many citizens wait for it now. */
  services: (ServiceInput & { waiting: number })[];
  /** The counters in service, each with its state now (closed, open, paused). */
  counters: (CounterInput & { mode: string })[];
}
