// The hall's definition (settings, services, counters) as stored rows.

import type { CounterDef, HallDefinition, HallSettings, KioskDef, SerialBusDef, ServiceDef } from '../domain/model.js';
import type { Db } from './database.js';

export class HallRepository {
  constructor(private readonly db: Db) {}

  load(): HallDefinition | null {
    const row = this.db.prepare('SELECT settings FROM hall_settings WHERE id = 1').get() as { settings: string } | undefined;
    if (!row) return null;
    const services = this.db.prepare('SELECT def FROM services ORDER BY position').all() as { def: string }[];
    const counters = this.db.prepare('SELECT def FROM counters ORDER BY position').all() as { def: string }[];
    const kiosks = this.db.prepare('SELECT def FROM kiosks ORDER BY position').all() as { def: string }[];
    const buses = this.db.prepare('SELECT def FROM serial_buses ORDER BY position').all() as { def: string }[];
    // Settings stored by an older version lack the newer fields.
    const settings: HallSettings = { serviceGroups: [], publicUrl: null, displayNotice: null, ...(JSON.parse(row.settings) as Partial<HallSettings>) } as HallSettings;
    return {
      settings,
      services: services.map((r) => JSON.parse(r.def) as ServiceDef),
      counters: counters.map((r) => JSON.parse(r.def) as CounterDef),
      kiosks: kiosks.map((r) => JSON.parse(r.def) as KioskDef),
      serialBuses: buses.map((r) => JSON.parse(r.def) as SerialBusDef),
    };
  }

  /**
   * Stores a hall description. Services and counters it no longer lists are kept, marked
   * inactive, because past tickets and events still name them.
   */
  save(hall: HallDefinition, now: number): void {
    const db = this.db;
    db.transaction(() => {
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
      hall.services.forEach((s, i) => upsertService.run(s.id, i, JSON.stringify(s)));
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
      const ensureState = db.prepare(
        `INSERT OR IGNORE INTO counter_state (counter_id, mode, regular_since_priority, since) VALUES (?, 'open', 0, ?)`,
      );
      hall.counters.forEach((c, i) => {
        upsertCounter.run(c.id, i, JSON.stringify(c));
        ensureState.run(c.id, now);
      });
      for (const row of storedCounters.filter((r) => !listedCounters.has(r.id))) {
        const def = { ...(JSON.parse(row.def) as CounterDef), active: false };
        upsertCounter.run(row.id, hall.counters.length + 1000, JSON.stringify(def));
      }

      // Devices no longer listed are forgotten (a kiosk loses its token): nothing historical refers to them.
      this.replaceAll('kiosks', hall.kiosks);
      this.replaceAll('serial_buses', hall.serialBuses);
    })();
  }

  private replaceAll(table: 'kiosks' | 'serial_buses', defs: { id: string }[]): void {
    this.db.prepare(`DELETE FROM ${table}`).run();
    const insert = this.db.prepare(`INSERT INTO ${table} (id, position, def) VALUES (?, ?, ?)`);
    defs.forEach((d, i) => insert.run(d.id, i, JSON.stringify(d)));
  }
}
