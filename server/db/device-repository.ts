// Kiosks, rating tablets and displays added, changed, paired or unpaired in the manager console,
// the pairing codes it showed (migration 016), and the serial buses it added, changed or removed
// (migration 018), as rows. The hall file's devices are written to the kiosks, rating_tablets
// and serial_buses tables at each start; the console's are laid over them when the hall is read,
// each until the hall file itself says something new about that device.

import type { DisplayDef, HallDefinition, KioskDef, PairedDeviceKind, RatingTabletDef, SerialBusDef } from '../domain/hall/hall-definition.js';
import type { Db } from './database.js';

export type PairedDeviceDef = { kind: 'kiosk'; def: KioskDef } | { kind: 'ratingTablet'; def: RatingTabletDef } | { kind: 'display'; def: DisplayDef };

export interface PairingRow {
  kind: PairedDeviceKind;
  id: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

const FILE_TABLES = { kiosk: 'kiosks', ratingTablet: 'rating_tablets' } as const;

const hasTable = (db: Db, name: string) => Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));

export class DeviceRepository {
  constructor(private readonly db: Db) {}

  /** The console's devices, in the order they were first stored. */
  overrides(): PairedDeviceDef[] {
    if (!hasTable(this.db, 'device_overrides')) return [];
    const rows = this.db.prepare('SELECT kind, def FROM device_overrides ORDER BY rowid').all() as { kind: PairedDeviceKind; def: string }[];
    return rows.map((r) => ({ kind: r.kind, def: JSON.parse(r.def) }) as PairedDeviceDef);
  }

  /** Stores a device the console added or changed; `write` runs inside the caller's commit. */
  save(device: PairedDeviceDef, now: number, by: string): void {
    const { kind, def } = device;
    const override = this.db.prepare('SELECT file_def FROM device_overrides WHERE kind = ? AND id = ?').get(kind, def.id) as { file_def: string | null } | undefined;
    // What the hall file said of the device before the console first changed it.
    const fileDef = override ? override.file_def : kind === 'display' ? null : this.fileDef(kind, def.id);
    this.db
      .prepare(
        `INSERT INTO device_overrides (kind, id, def, file_def, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(kind, id) DO UPDATE SET def = excluded.def, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(kind, def.id, JSON.stringify(def), fileDef, now, by);
  }

  /** The console's serial buses, in the order they were first stored; def null: a file's bus removed. */
  busOverrides(): { id: string; def: SerialBusDef | null }[] {
    if (!hasTable(this.db, 'serial_bus_overrides')) return [];
    const rows = this.db.prepare('SELECT id, def FROM serial_bus_overrides ORDER BY rowid').all() as { id: string; def: string | null }[];
    return rows.map((r) => ({ id: r.id, def: r.def === null ? null : (JSON.parse(r.def) as SerialBusDef) }));
  }

  /** Stores a serial bus the console added or changed, or (def null) removed; within the caller's commit. */
  saveBus(id: string, def: SerialBusDef | null, now: number, by: string): void {
    const override = this.db.prepare('SELECT file_def FROM serial_bus_overrides WHERE id = ?').get(id) as { file_def: string | null } | undefined;
    const fileDef = override ? override.file_def : ((this.db.prepare('SELECT def FROM serial_buses WHERE id = ?').get(id) as { def: string } | undefined)?.def ?? null);
    // A bus the console added and then removed leaves nothing to lay over the file.
    if (def === null && fileDef === null) {
      this.db.prepare('DELETE FROM serial_bus_overrides WHERE id = ?').run(id);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO serial_bus_overrides (id, def, file_def, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET def = excluded.def, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(id, def === null ? null : JSON.stringify(def), fileDef, now, by);
  }

  private fileDef(kind: 'kiosk' | 'ratingTablet', id: string): string | null {
    const row = this.db.prepare(`SELECT def FROM ${FILE_TABLES[kind]} WHERE id = ?`).get(id) as { def: string } | undefined;
    return row?.def ?? null;
  }

  /** A new pairing code for a device; the device's earlier codes not yet used stop working. */
  addPairing(codeHash: string, kind: PairedDeviceKind, id: string, now: number, expiresAt: number, by: string): void {
    this.db.prepare('DELETE FROM device_pairings WHERE kind = ? AND id = ? AND used_at IS NULL').run(kind, id);
    this.db
      .prepare('INSERT INTO device_pairings (code_hash, kind, id, created_at, expires_at, used_at, created_by) VALUES (?, ?, ?, ?, ?, NULL, ?)')
      .run(codeHash, kind, id, now, expiresAt, by);
  }

  pairing(codeHash: string): PairingRow | null {
    const row = this.db.prepare('SELECT kind, id, created_at, expires_at, used_at FROM device_pairings WHERE code_hash = ?').get(codeHash) as
      | { kind: PairedDeviceKind; id: string; created_at: number; expires_at: number; used_at: number | null }
      | undefined;
    return row ? { kind: row.kind, id: row.id, createdAt: row.created_at, expiresAt: row.expires_at, usedAt: row.used_at } : null;
  }

  /** Marks a code used; false when it was used already (two devices opening one code at once). */
  usePairing(codeHash: string, now: number): boolean {
    return this.db.prepare('UPDATE device_pairings SET used_at = ? WHERE code_hash = ? AND used_at IS NULL').run(now, codeHash).changes === 1;
  }

  /** Codes of a device not yet used stop working (it was unpaired). */
  dropPairingsOf(kind: PairedDeviceKind, id: string): void {
    this.db.prepare('DELETE FROM device_pairings WHERE kind = ? AND id = ? AND used_at IS NULL').run(kind, id);
  }
}

/**
 * The hall's devices with the console's laid over the file's: a console device replaces the
 * file's of the same id, or comes after them.
 */
export function layDeviceOverrides(db: Db, hall: HallDefinition): HallDefinition {
  const repository = new DeviceRepository(db);
  const overrides = repository.overrides();
  const buses = repository.busOverrides();
  const serialBuses = [
    ...hall.serialBuses.flatMap((b) => {
      const mine = buses.find((m) => m.id === b.id);
      if (!mine) return [b];
      return mine.def ? [mine.def] : [];
    }),
    ...buses.flatMap((m) => (m.def && !hall.serialBuses.some((b) => b.id === m.id) ? [m.def] : [])),
  ];
  if (overrides.length === 0) return { ...hall, serialBuses, displays: hall.displays ?? [] };
  const lay = <T extends { id: string }>(fileDefs: T[], mine: T[]) => [
    ...fileDefs.map((d) => mine.find((m) => m.id === d.id) ?? d),
    ...mine.filter((m) => !fileDefs.some((d) => d.id === m.id)),
  ];
  const of = <K extends PairedDeviceKind>(kind: K) => overrides.filter((o): o is Extract<PairedDeviceDef, { kind: K }> => o.kind === kind).map((o) => o.def);
  return {
    ...hall,
    kiosks: lay(hall.kiosks, of('kiosk') as KioskDef[]),
    ratingTablets: lay(hall.ratingTablets, of('ratingTablet') as RatingTabletDef[]),
    displays: of('display') as DisplayDef[],
    serialBuses,
  };
}

/**
 * A hall file applied at start wins over the console for a device it now says something new
 * about (it was added, changed or removed in the file since): that device's console change is
 * dropped. Returns the devices dropped, so that the start says so.
 */
export function dropDeviceOverridesTheFileChanges(db: Db, hall: HallDefinition): string[] {
  if (!hasTable(db, 'device_overrides')) return [];
  const fileDefs = new Map<string, string>([
    ...hall.kiosks.map((k) => [`kiosk|${k.id}`, JSON.stringify(k)] as const),
    ...hall.ratingTablets.map((t) => [`ratingTablet|${t.id}`, JSON.stringify(t)] as const),
  ]);
  const rows = db.prepare("SELECT kind, id, file_def FROM device_overrides WHERE kind != 'display'").all() as { kind: PairedDeviceKind; id: string; file_def: string | null }[];
  const dropped: string[] = [];
  for (const row of rows) {
    if ((fileDefs.get(`${row.kind}|${row.id}`) ?? null) === row.file_def) continue;
    db.prepare('DELETE FROM device_overrides WHERE kind = ? AND id = ?').run(row.kind, row.id);
    dropped.push(`${row.kind}:${row.id}`);
  }
  if (!hasTable(db, 'serial_bus_overrides')) return dropped;
  const fileBuses = new Map(hall.serialBuses.map((b) => [b.id, JSON.stringify(b)]));
  for (const row of db.prepare('SELECT id, file_def FROM serial_bus_overrides').all() as { id: string; file_def: string | null }[]) {
    if ((fileBuses.get(row.id) ?? null) === row.file_def) continue;
    db.prepare('DELETE FROM serial_bus_overrides WHERE id = ?').run(row.id);
    dropped.push(`serialBus:${row.id}`);
  }
  return dropped;
}
