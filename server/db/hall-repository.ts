// The hall's definition (settings, services, counters) as stored rows.

import { DEFAULT_VOICE } from '../domain/announcement/announcement.js';
import { DEFAULT_SESSION_POLICY } from '../domain/access/staff-sessions.js';
import { DEFAULT_ACCESS_SETTINGS, DEFAULT_GUARD_SETTINGS, DEFAULT_WORKING_SETTINGS } from '../domain/hall/hall-definition.js';
import type { RatingTabletDef } from '../domain/hall/hall-definition.js';
import type { CounterDef, HallDefinition, HallSettings, KioskDef, SerialBusDef, ServiceDef, StaffDef } from '../domain/hall/hall-definition.js';
import type { LocalizedText } from '../domain/localized-text.js';
import { DEFAULT_COUNTER_KEYS } from '../domain/hall/counter-keys.js';
import { weekHoursOf } from '../domain/hall/hall-calendar-of.js';
import type { Db } from './database.js';
import { dropDeviceOverridesTheFileChanges, layDeviceOverrides } from './device-repository.js';

/** Settings a manager may change while the hall runs, kept apart from the hall file's. */
export interface HallOverrides {
  displayNotice?: LocalizedText | null;
}

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
  save(hall: HallDefinition, now: number): string[] {
    const db = this.db;
    return db.transaction(() => {
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
      return droppedDevices;
    })();
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
    if (JSON.stringify(previous.displayNotice ?? null) !== JSON.stringify(next.displayNotice)) {
      this.db.prepare("DELETE FROM hall_overrides WHERE key = 'displayNotice'").run();
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
