// The hall's definition (settings, services, counters) as stored rows.

import { DEFAULT_VOICE } from '../domain/announcement/announcement.js';
import { DEFAULT_SESSION_POLICY } from '../domain/access/staff-sessions.js';
import { DEFAULT_ACCESS_SETTINGS, DEFAULT_GUARD_SETTINGS, DEFAULT_WORKING_SETTINGS } from '../domain/hall/hall-definition.js';
import type { RatingTabletDef } from '../domain/hall/hall-definition.js';
import type { CounterDef, HallDefinition, HallSettings, KioskDef, SerialBusDef, ServiceDef, StaffDef, VoiceSettings } from '../domain/hall/hall-definition.js';
import type { LocalizedText } from '../domain/localized-text.js';
import { DEFAULT_COUNTER_KEYS } from '../domain/hall/counter-keys.js';
import { weekHoursOf } from '../domain/hall/hall-calendar-of.js';
import type { Db } from './database.js';
import { dropDeviceOverridesTheFileChanges, layDeviceOverrides } from './device-repository.js';

/** Settings a manager may change while the hall runs, kept apart from the hall file's. */
export interface HallOverrides {
  displayNotice?: LocalizedText | null;
  name?: string;
  nameEn?: string;
  agencyCode?: string;
  publicUrl?: string | null;
  returnService?: string | null;
  /** The kiosk's headings of service groups, as a hall file imported in the console gave them. */
  serviceGroups?: HallSettings['serviceGroups'];
  /** The hall's week, as an admin set it in the console (null: around the clock). */
  hours?: HallSettings['hours'];
  /** The voice of the calls, as an admin set it in the console. */
  voice?: VoiceSettings;
}

/** The hall settings an admin may change in the console (besides the notice a manager posts); service groups by importing a hall file. */
export const CONFIGURED_SETTINGS = ['name', 'nameEn', 'agencyCode', 'publicUrl', 'returnService', 'serviceGroups', 'hours'] as const;
export type ConfiguredSetting = (typeof CONFIGURED_SETTINGS)[number];

/** What the console changed: a service or a counter, as its whole new definition. */
export type ConfiguredItem = { kind: 'service'; def: ServiceDef } | { kind: 'counter'; def: CounterDef };

/** What settings stored by an older version lack. */
const SETTINGS_DEFAULTS: Partial<HallSettings> = {
  serviceGroups: [],
  publicUrl: null,
  displayNotice: null,
  counterKeys: DEFAULT_COUNTER_KEYS,
  sessionIdleMinutes: DEFAULT_SESSION_POLICY.idleMinutes,
  sessionMaxHours: DEFAULT_SESSION_POLICY.maxHours,
  voice: DEFAULT_VOICE,
  ...DEFAULT_ACCESS_SETTINGS,
  ...DEFAULT_WORKING_SETTINGS,
  ...DEFAULT_GUARD_SETTINGS,
};
export class HallRepository {
  constructor(private readonly db: Db) {}

  load(): HallDefinition | null {
    const row = this.db.prepare('SELECT settings FROM hall_settings WHERE id = 1').get() as { settings: string } | undefined;
    if (!row) return null;
    const services = this.db.prepare('SELECT def FROM services ORDER BY position').all() as { def: string }[];
    const counters = this.db.prepare('SELECT def FROM counters ORDER BY position').all() as { def: string }[];
    const kiosks = this.db.prepare('SELECT def FROM kiosks ORDER BY position').all() as { def: string }[];
    const buses = this.db.prepare('SELECT def FROM serial_buses ORDER BY position').all() as { def: string }[];
    const staff = this.db.prepare('SELECT def FROM staff ORDER BY position').all() as { def: string }[];
    const tablets = this.db.prepare('SELECT def FROM rating_tablets ORDER BY position').all() as { def: string }[];
    const stored = JSON.parse(row.settings) as Partial<HallSettings>;
    // Hours stored by an older version are { open, close }: read as those hours Monday to Friday.
    const settings = { ...SETTINGS_DEFAULTS, ...stored, hours: weekHoursOf(stored.hours), ...this.overrides() } as HallSettings;
    return layDeviceOverrides(this.db, {
      settings,
      services: services.map((r) => {
        const def = JSON.parse(r.def) as ServiceDef;
        return { ...def, hours: weekHoursOf(def.hours) };
      }),
      counters: counters.map((r) => JSON.parse(r.def) as CounterDef),
      kiosks: kiosks.map((r) => JSON.parse(r.def) as KioskDef),
      // Buses stored before LED protocols could be chosen spoke luot.
      serialBuses: buses.map((r) => ({ protocol: 'luot', ...(JSON.parse(r.def) as Partial<SerialBusDef>) }) as SerialBusDef),
      staff: staff.map((r) => JSON.parse(r.def) as StaffDef),
      ratingTablets: tablets.map((r) => JSON.parse(r.def) as RatingTabletDef),
    });
  }

  overrides(): HallOverrides {
    const rows = this.db.prepare('SELECT key, value FROM hall_overrides').all() as { key: keyof HallOverrides; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
  }

  setOverride<K extends keyof HallOverrides>(key: K, value: HallOverrides[K], now: number, by: string | null): void {
    // Deliberate: one row per setting a manager changed; the latest change is the setting.
    this.db
      .prepare(
        `INSERT INTO hall_overrides (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(key, JSON.stringify(value), now, by);
  }

  /**
   * Stores a hall description. Services and counters it no longer lists are kept, marked
   * inactive, because past tickets and events still name them. Returns the devices changed in
   * the console whose change the file overrode (it says something new about them).
   */
  save(fileHall: HallDefinition, now: number): string[] {
    const db = this.db;
    return db.transaction(() => {
      const hall = this.keepHeldSecrets(fileHall);
      this.dropOverridesTheFileChanges(hall.settings);
      const droppedDevices = dropDeviceOverridesTheFileChanges(db, hall);
      // Deliberate upserts below: the hall file given at start is the hall's description, and a
      // service or counter keeps its row (past tickets name it) with the file's new definition.
      db.prepare(
        `INSERT INTO hall_settings (id, settings, updated_at) VALUES (1, ?, ?)
         ON CONFLICT(id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
      ).run(JSON.stringify(hall.settings), now);

      const listedServices = new Set(hall.services.map((s) => s.id));
      const stored = db.prepare('SELECT id, def FROM services').all() as { id: string; def: string }[];
      const upsertService = db.prepare(
        `INSERT INTO services (id, position, def) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET position = excluded.position, def = excluded.def`,
      );
      hall.services.forEach((s, i) => {
        upsertService.run(s.id, i, JSON.stringify(s));
      });
      for (const row of stored.filter((r) => !listedServices.has(r.id))) {
        const def = { ...(JSON.parse(row.def) as ServiceDef), active: false };
        upsertService.run(row.id, hall.services.length + 1000, JSON.stringify(def));
      }

      const listedCounters = new Set(hall.counters.map((c) => c.id));
      const storedCounters = db.prepare('SELECT id, def FROM counters').all() as { id: number; def: string }[];
      const upsertCounter = db.prepare(
        `INSERT INTO counters (id, position, def) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET position = excluded.position, def = excluded.def`,
      );
      const ensureState = db.prepare(`INSERT OR IGNORE INTO counter_state (counter_id, mode, regular_since_priority, since) VALUES (?, 'closed', 0, ?)`);
      hall.counters.forEach((c, i) => {
        upsertCounter.run(c.id, i, JSON.stringify(c));
        ensureState.run(c.id, now);
      });
      for (const row of storedCounters.filter((r) => !listedCounters.has(r.id))) {
        const def = { ...(JSON.parse(row.def) as CounterDef), active: false };
        upsertCounter.run(row.id, hall.counters.length + 1000, JSON.stringify(def));
      }

      // Devices no longer listed are forgotten (a kiosk loses its token): nothing historical refers to them.
      this.replaceAll(
        'kiosks',
        'id',
        hall.kiosks.map((k) => [k.id, k]),
      );
      this.replaceAll(
        'rating_tablets',
        'id',
        hall.ratingTablets.map((t) => [t.id, t]),
      );
      this.replaceAll(
        'serial_buses',
        'id',
        hall.serialBuses.map((b) => [b.id, b]),
      );
      this.replaceAll(
        'staff',
        'user',
        hall.staff.map((s) => [s.user, s]),
      );
      this.layStaffOverrides(hall.staff);
      this.layConfigOverrides(hall, now);
      return droppedDevices;
    })();
  }

  /**
   * Stores what an admin changed in the console (call it within the change's commit): a hall
   * setting as an override of the file's, a service or counter in its table and as an override
   * that a new start with the same hall file lays over the file's again.
   */
  saveConfigured(settings: Partial<Pick<HallOverrides, ConfiguredSetting>>, items: ConfiguredItem[], now: number, by: string): void {
    for (const key of CONFIGURED_SETTINGS) if (key in settings) this.setOverride(key, settings[key], now, by);
    for (const item of items) {
      const id = String(item.def.id);
      const table = item.kind === 'service' ? 'services' : 'counters';
      const existing = this.db.prepare(`SELECT position FROM ${table} WHERE id = ?`).get(item.def.id) as { position: number } | undefined;
      // A new one goes after the file's (and before those the file no longer lists, at 1000 and after).
      const position = existing?.position ?? (this.db.prepare(`SELECT COALESCE(MAX(position), -1) + 1 FROM ${table} WHERE position < 1000`).pluck().get() as number);
      this.db.prepare(`INSERT INTO ${table} (id, position, def) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET def = excluded.def`).run(item.def.id, position, JSON.stringify(item.def));
      if (item.kind === 'counter') {
        this.db.prepare(`INSERT OR IGNORE INTO counter_state (counter_id, mode, regular_since_priority, since) VALUES (?, 'closed', 0, ?)`).run(item.def.id, now);
      }
      const override = this.db.prepare('SELECT file_def FROM config_overrides WHERE kind = ? AND id = ?').get(item.kind, id) as { file_def: string | null } | undefined;
      // What the hall file said of it before the console first changed it.
      const fileDef = override
        ? override.file_def
        : ((this.db.prepare('SELECT file_def FROM config_file_defs WHERE kind = ? AND id = ?').get(item.kind, id) as { file_def: string } | undefined)?.file_def ?? null);
      this.db
        .prepare(
          `INSERT INTO config_overrides (kind, id, def, file_def, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(kind, id) DO UPDATE SET def = excluded.def, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(item.kind, id, JSON.stringify(item.def), fileDef, now, by);
    }
  }

  /**
   * A hall file may leave out a device's token or an account's password hash (an exported file
   * does: secrets never leave the hub). Such a device or account keeps what the hub holds for
   * it: the pairing made in the console, the token or hash of an earlier file, the console's
   * password. The file's other fields win, as usual.
   */
  private keepHeldSecrets(hall: HallDefinition): HallDefinition {
    const db = this.db;
    const has = (table: string) => Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table));
    const devices = has('device_overrides');
    const device = <T extends KioskDef | RatingTabletDef>(kind: 'kiosk' | 'ratingTablet', table: 'kiosks' | 'rating_tablets', def: T): T => {
      if (def.token !== '' || def.tokenHash !== null) return def;
      const paired = devices ? (db.prepare('SELECT def FROM device_overrides WHERE kind = ? AND id = ?').get(kind, def.id) as { def: string } | undefined) : undefined;
      if (paired) {
        const held = JSON.parse(paired.def) as T;
        const kept = { ...def, token: held.token, tokenHash: held.tokenHash };
        // The console's pairing stays, with the file's fields: the file says nothing new about it.
        db.prepare('UPDATE device_overrides SET def = ?, file_def = ? WHERE kind = ? AND id = ?').run(JSON.stringify(kept), JSON.stringify(def), kind, def.id);
        return def;
      }
      const stored = db.prepare(`SELECT def FROM ${table} WHERE id = ?`).get(def.id) as { def: string } | undefined;
      const held = stored ? (JSON.parse(stored.def) as T) : null;
      if (!held || (held.token === '' && !held.tokenHash)) return def;
      return held.tokenHash === undefined ? ({ ...def, token: held.token, tokenHash: undefined } as T) : { ...def, token: held.token, tokenHash: held.tokenHash };
    };
    const staffOverride = has('staff_overrides') ? db.prepare('SELECT def FROM staff_overrides WHERE user = ?') : null;
    const account = (def: StaffDef): StaffDef => {
      if (def.passwordHash !== '') return def;
      const row = (staffOverride?.get(def.user) ?? db.prepare('SELECT def FROM staff WHERE user = ?').get(def.user)) as { def: string } | undefined;
      const held = row ? (JSON.parse(row.def) as StaffDef).passwordHash : '';
      return held ? { ...def, passwordHash: held } : def;
    };
    return {
      ...hall,
      kiosks: hall.kiosks.map((k) => device('kiosk', 'kiosks', k)),
      ratingTablets: hall.ratingTablets.map((t) => device('ratingTablet', 'rating_tablets', t)),
      staff: hall.staff.map(account),
    };
  }

  /** Forgets every change the console made to the hall, its services and counters (the file alone stands). */
  forgetConfiguration(): void {
    this.db.prepare('DELETE FROM config_overrides').run();
    this.db.prepare(`DELETE FROM hall_overrides WHERE key IN (${CONFIGURED_SETTINGS.map(() => '?').join(', ')})`).run(...CONFIGURED_SETTINGS);
  }

  /**
   * Services and counters the console changed are laid over the file's, unless the file now
   * says something new about that service or counter: then the file wins and the change is dropped.
   */
  private layConfigOverrides(hall: HallDefinition, now: number): void {
    const db = this.db;
    // A database of an older schema (before migration 014), as a tool may still open: nothing to lay.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'config_overrides'").get()) return;
    const fileDefs = new Map<string, string>([
      ...hall.services.map((s): [string, string] => [`service|${s.id}`, JSON.stringify(s)]),
      ...hall.counters.map((c): [string, string] => [`counter|${c.id}`, JSON.stringify(c)]),
    ]);
    const overrides = db.prepare('SELECT kind, id, def, file_def FROM config_overrides ORDER BY updated_at').all() as {
      kind: 'service' | 'counter';
      id: string;
      def: string;
      file_def: string | null;
    }[];
    overrides.forEach((o, i) => {
      if ((fileDefs.get(`${o.kind}|${o.id}`) ?? null) !== o.file_def) {
        db.prepare('DELETE FROM config_overrides WHERE kind = ? AND id = ?').run(o.kind, o.id);
        return;
      }
      const table = o.kind === 'service' ? 'services' : 'counters';
      const key = o.kind === 'service' ? o.id : Number(o.id);
      const listed = hall[o.kind === 'service' ? 'services' : 'counters'].findIndex((x) => String(x.id) === o.id);
      // One the file does not list (added in the console) goes after the file's.
      const position = listed >= 0 ? listed : (o.kind === 'service' ? hall.services.length : hall.counters.length) + i;
      db.prepare(`INSERT INTO ${table} (id, position, def) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET position = excluded.position, def = excluded.def`).run(key, position, o.def);
      if (o.kind === 'counter') db.prepare(`INSERT OR IGNORE INTO counter_state (counter_id, mode, regular_since_priority, since) VALUES (?, 'closed', 0, ?)`).run(key, now);
    });
    db.prepare('DELETE FROM config_file_defs').run();
    const remember = db.prepare('INSERT INTO config_file_defs (kind, id, file_def) VALUES (?, ?, ?)');
    for (const [k, def] of fileDefs) {
      const [kind, id] = k.split('|') as [string, string];
      remember.run(kind, id, def);
    }
  }

  /**
   * Accounts an admin changed in the console are laid over the file's, unless the file now
   * says something new about that user: then the file wins and the console's change is dropped.
   */
  private layStaffOverrides(fileStaff: StaffDef[]): void {
    const db = this.db;
    // A database of an older schema (before migration 010), as a tool may still open: nothing to lay.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'staff_overrides'").get()) return;
    const fileDefs = new Map(fileStaff.map((s) => [s.user, JSON.stringify(s)]));
    const overrides = db.prepare('SELECT user, def, file_def FROM staff_overrides').all() as { user: string; def: string; file_def: string | null }[];
    const upsert = db.prepare('INSERT INTO staff (user, position, def) VALUES (?, ?, ?) ON CONFLICT(user) DO UPDATE SET def = excluded.def');
    overrides.forEach((o, i) => {
      if ((fileDefs.get(o.user) ?? null) === o.file_def) upsert.run(o.user, fileStaff.length + 1000 + i, o.def);
      else db.prepare('DELETE FROM staff_overrides WHERE user = ?').run(o.user);
    });
    db.prepare('DELETE FROM staff_file_defs').run();
    const remember = db.prepare('INSERT INTO staff_file_defs (user, file_def) VALUES (?, ?)');
    for (const [user, def] of fileDefs) remember.run(user, def);
  }

  /** A manager's change stands until the hall file itself says something new about that setting. */
  private dropOverridesTheFileChanges(next: HallSettings): void {
    const row = this.db.prepare('SELECT settings FROM hall_settings WHERE id = 1').get() as { settings: string } | undefined;
    const previous = row ? (JSON.parse(row.settings) as Partial<HallSettings>) : {};
    // Hours stored by an older version are { open, close }: compared as the week they mean.
    const was = { ...previous, hours: weekHoursOf(previous.hours) } as Partial<HallSettings>;
    for (const key of ['displayNotice', ...CONFIGURED_SETTINGS] as const) {
      if (JSON.stringify(was[key] ?? null) !== JSON.stringify(next[key] ?? null)) {
        this.db.prepare('DELETE FROM hall_overrides WHERE key = ?').run(key);
      }
    }
    if (JSON.stringify(previous.voice ?? null) !== JSON.stringify(next.voice)) {
      this.db.prepare("DELETE FROM hall_overrides WHERE key = 'voice'").run();
    }
  }

  private replaceAll(table: 'kiosks' | 'rating_tablets' | 'serial_buses' | 'staff', keyColumn: 'id' | 'user', rows: [string, unknown][]): void {
    this.db.prepare(`DELETE FROM ${table}`).run();
    const insert = this.db.prepare(`INSERT INTO ${table} (${keyColumn}, position, def) VALUES (?, ?, ?)`);
    rows.forEach(([key, def], i) => {
      insert.run(key, i, JSON.stringify(def));
    });
  }
}
