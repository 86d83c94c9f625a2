// Benchmark part 5: a year of a busy hall on disk. Whole days of a 60-counter centre taking
// 5,000 numbers a day are run by the day simulator and written as the hub writes them (ticket
// rows, counter states, numbering series, the event log's entries); the simulated days are then
// repeated, dates, times and ticket ids moved, until the file holds a year. Printed: the size
// of a day's log kept as full states (the former format) and as changes, the year's file size,
// and how long the hub takes to start on it against an empty data folder.

import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hallFromText } from '../server/config/hall-file.js';
import { DATABASE_FILE, openDatabase, type Db } from '../server/db/database.js';
import { bundledMigrations } from '../server/db/migrate.js';
import { EventLog } from '../server/db/event-log.js';
import { HallRepository } from '../server/db/hall-repository.js';
import { compareLogWithTables } from '../server/db/log-replay.js';
import { QueueRepository } from '../server/db/queue-repository.js';
import { dayOf } from '../server/domain/calendar/hall-clock.js';
import type { HallDefinition } from '../server/domain/hall/hall-definition.js';
import { DEMO_HALL_FILE } from '../server/paths.js';
import type { Change } from '../server/domain/queue/queue-engine.js';
import { simulateDay, WORKING_DAY, type ChangeObserver, type DayPlan } from '../server/planning/day-simulator.js';
import { killed, startHubProcess } from '../tests/helpers/hub-process.js';
import { line, verdict } from './bench-figures.js';

const YEAR_DAYS = Number(process.env.BENCH_YEAR_DAYS ?? 365);
/** Days run by the simulator; the rest of the year repeats them. */
const SIMULATED_DAYS = 5;
const TICKETS_A_DAY = 5000;
const DAY_MS = 86_400_000;

/** The demo hall's services at 60 counters: three of each of its counters. */
function busyCentre(): HallDefinition {
  const hall = hallFromText(readFileSync(DEMO_HALL_FILE, 'utf8'), DEMO_HALL_FILE);
  hall.settings.hours = null;
  const base = hall.counters;
  hall.counters = [0, 1, 2].flatMap((round) =>
    base.map((c) => ({ ...c, id: c.id + round * base.length, name: { vi: `Quầy ${c.id + round * base.length}`, en: `Counter ${c.id + round * base.length}` } })),
  );
  return hall;
}

function plan(hall: HallDefinition, midnight: number, seed: number): DayPlan {
  return {
    hall,
    services: hall.services.map((s, i) => ({ id: s.id, share: i < 6 ? 3 : 1, meanMinutes: s.defaultServiceMinutes, sigma: 0.5 })),
    arrivals: TICKETS_A_DAY,
    priorityShare: 0.08,
    ...WORKING_DAY,
    seed,
    midnight,
    recallShare: 0.1,
    startShare: 0.8,
  };
}

const actorOf = (change: Change) => {
  const counterId = (change.events[0]?.data as { counter?: { id: number } } | undefined)?.counter?.id;
  return { counterId, actor: counterId === undefined ? 'kiosk:K1' : `Cán bộ quầy ${counterId}` };
};

/** Writes each simulated change as QueueService.stage does: the log entry first, then the rows. */
function hubWriter(db: Db): ChangeObserver {
  const log = new EventLog(db);
  const rows = new QueueRepository(db);
  return (change, now, live) => {
    const prior = { ticket: (id: string) => live.ticket(id), counterState: (id: number) => live.counterState(id), dossier: () => undefined };
    log.appendChange(change.events, prior, now, actorOf(change).actor, dayOf(now, live.settings.timeZone));
    rows.saveRows(change);
  };
}

/** The former log (schema 8): every event's full states, kind and actor as text. */
function formerWriter(db: Db): ChangeObserver {
  const rows = new QueueRepository(db);
  const insert = db.prepare('INSERT INTO events (at, type, ticket_id, counter_id, service_id, actor, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  return (change, now) => {
    const { counterId, actor } = actorOf(change);
    for (const e of change.events) {
      const d = e.data as { ticket?: { id: string; serviceId: string } };
      insert.run(now, e.type, d.ticket?.id ?? null, counterId ?? null, d.ticket?.serviceId ?? null, actor, JSON.stringify(e.data));
    }
    rows.saveRows(change);
  };
}

const fileBytes = (dir: string) => statSync(join(dir, DATABASE_FILE)).size + (statSync(join(dir, `${DATABASE_FILE}-wal`), { throwIfNoEntry: false })?.size ?? 0);

async function freshDatabase(dir: string, hall: HallDefinition, at: number, schema = bundledMigrations().at(-1)!.version): Promise<Db> {
  const { db } = await openDatabase(
    dir,
    bundledMigrations().filter((m) => m.version <= schema),
  );
  new HallRepository(db).save(hall, at);
  return db;
}

const compact = (day: string) => day.replaceAll('-', '');

/** Moves a stored value from one day to another: ticket ids and day names. */
function moved(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value === from ? to : value.startsWith(`${compact(from)}-`) ? compact(to) + value.slice(8) : value;
  if (Array.isArray(value)) return value.map((v) => moved(v, from, to));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, moved(v, from, to)]));
  return value;
}

/**
 * Writes `days` days into `year`, the last of them the simulated ones as they are, the earlier
 * ones repeating them, in the order of the calendar. A simulated day's events are those its run
 * wrote (`lastSeqs[i]`: the log's last seq after day i), the last citizens served after midnight
 * included.
 */
function fillYear(sim: Db, year: Db, simulated: number[], lastSeqs: number[], days: number, timeZone: string): void {
  const readEvents = sim.prepare('SELECT at, type, ticket_id, counter_id, service_id, actor, full_state, data FROM events WHERE seq > ? AND seq <= ? ORDER BY seq');
  const copyActor = year.prepare('INSERT INTO actors (id, name) VALUES (?, ?)');
  for (const [id, name] of sim.prepare('SELECT id, name FROM actors').raw().all() as [number, string][]) copyActor.run(id, name);
  const readTickets = sim.prepare('SELECT * FROM tickets WHERE day = ?');
  const readSeries = sim.prepare('SELECT service_id, last_seq FROM ticket_series WHERE day = ?');
  const source = simulated.map((midnight, i) => {
    const day = dayOf(midnight + 12 * 3_600_000, timeZone);
    return {
      day,
      midnight,
      events: readEvents.all(i === 0 ? 0 : lastSeqs[i - 1], lastSeqs[i]) as Record<string, unknown>[],
      tickets: readTickets.all(day) as Record<string, unknown>[],
      series: readSeries.all(day) as { service_id: string; last_seq: number }[],
    };
  });
  const columns = Object.keys(source[0]!.tickets[0]!);
  const insertTicket = year.prepare(`INSERT INTO tickets (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const insertSeries = year.prepare('INSERT INTO ticket_series (day, service_id, last_seq) VALUES (?, ?, ?)');
  const insertEvent = year.prepare('INSERT INTO events (at, type, ticket_id, counter_id, service_id, actor, full_state, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const first = simulated[0]! - (days - simulated.length) * DAY_MS;
  for (let i = 0; i < days; i++) {
    const from = source[(((i - (days - simulated.length)) % source.length) + source.length) % source.length]!;
    const midnight = first + i * DAY_MS;
    const to = dayOf(midnight + 12 * 3_600_000, timeZone);
    const offset = midnight - from.midnight;
    year.transaction(() => {
      for (const t of from.tickets) {
        const row = moved(t, from.day, to) as Record<string, unknown>;
        for (const k of ['issued_at', 'queue_at', 'called_at', 'serving_at', 'ended_at']) if (typeof row[k] === 'number') row[k] = (row[k] as number) + offset;
        insertTicket.run(...columns.map((c) => row[c]));
      }
      for (const s of from.series) insertSeries.run(to, s.service_id, s.last_seq);
      for (const e of from.events) {
        // Times in the entries are relative to their rows' (log-entry.ts): only ids and days move.
        const data = offset === 0 ? e.data : JSON.stringify(moved(JSON.parse(e.data as string), from.day, to));
        insertEvent.run((e.at as number) + offset, e.type, moved(e.ticket_id, from.day, to), e.counter_id, e.service_id, e.actor, e.full_state, data);
      }
    })();
  }
  // The counters stay as the last simulated day, written last and as it is, left them.
  const counters = new QueueRepository(year);
  for (const c of new QueueRepository(sim).counterStates()) counters.saveCounterState(c);
}

async function startSeconds(dataDir: string): Promise<number> {
  const started = performance.now();
  const hub = await startHubProcess(dataDir, [], { LUOT_LOG_LEVEL: 'warn' });
  const seconds = (performance.now() - started) / 1000;
  hub.child.kill('SIGTERM');
  await killed(hub.child);
  return seconds;
}

export async function yearOfDataPart(): Promise<void> {
  console.log(`\n5. Years of data: ${TICKETS_A_DAY} numbers a day at 60 counters, ${YEAR_DAYS} days`);
  const hall = busyCentre();
  const timeZone = hall.settings.timeZone;
  const today = dayOf(Date.now(), timeZone);
  const lastMidnight = Date.parse(`${today}T00:00:00+07:00`) - DAY_MS;
  const simulated = Array.from({ length: SIMULATED_DAYS }, (_, i) => lastMidnight - (SIMULATED_DAYS - 1 - i) * DAY_MS);
  const dirs = {
    full: mkdtempSync(join(tmpdir(), 'luot-bench-full-')),
    sim: mkdtempSync(join(tmpdir(), 'luot-bench-sim-')),
    year: mkdtempSync(join(tmpdir(), 'luot-bench-year-')),
    empty: mkdtempSync(join(tmpdir(), 'luot-bench-empty-')),
  };
  try {
    // One day written both ways, as the baseline of the log's size.
    const full = await freshDatabase(dirs.full, hall, simulated[0]!, 8);
    const sim = await freshDatabase(dirs.sim, hall, simulated[0]!);
    const dayWriters = [formerWriter(full), hubWriter(sim)];
    full.transaction(() =>
      sim.transaction(() =>
        simulateDay(plan(hall, simulated[0]!, 1), {}, (c, n, l) => {
          for (const w of dayWriters) w(c, n, l);
        }),
      )(),
    )();
    const logBytes = (db: Db) => db.prepare('SELECT COUNT(*) AS n, SUM(LENGTH(data)) AS bytes FROM events').get() as { n: number; bytes: number };
    const before = logBytes(full);
    const after = logBytes(sim);
    const dayTickets = sim.prepare('SELECT COUNT(*) FROM tickets').pluck().get() as number;
    for (const db of [full, sim]) db.pragma('wal_checkpoint(TRUNCATE)');
    full.close();
    const perTicket = { full: fileBytes(dirs.full) / dayTickets, changes: fileBytes(dirs.sim) / dayTickets };
    line('events in a day', String(after.n), `${(after.n / TICKETS_A_DAY).toFixed(2)} a ticket`);
    line('log data a day: full states (former)', `${(before.bytes / 1e6).toFixed(2)} MB`, `${Math.round(before.bytes / before.n)} bytes an event`);
    line(
      'log data a day: changes',
      `${(after.bytes / 1e6).toFixed(2)} MB`,
      `${Math.round(after.bytes / after.n)} bytes an event, ×${(after.bytes / before.bytes).toFixed(2)} of full states`,
    );
    line('database a ticket, one day: full states', `${Math.round(perTicket.full)} bytes`, `a year of it: ${((perTicket.full * TICKETS_A_DAY * YEAR_DAYS) / 1e9).toFixed(2)} GB`);
    line('database a ticket, one day: changes', `${Math.round(perTicket.changes)} bytes`, `×${(perTicket.changes / perTicket.full).toFixed(2)}`);

    const lastSeq = () => sim.prepare('SELECT MAX(seq) FROM events').pluck().get() as number;
    const lastSeqs = [lastSeq()];
    const writer = hubWriter(sim);
    for (let i = 1; i < SIMULATED_DAYS; i++) {
      sim.transaction(() => simulateDay(plan(hall, simulated[i]!, i + 1), {}, writer))();
      lastSeqs.push(lastSeq());
    }
    const mismatches = compareLogWithTables(sim);
    line('simulated days replayed against the tables', mismatches.length === 0 ? 'exact' : `${mismatches.length} differ`);

    const generating = performance.now();
    const year = await freshDatabase(dirs.year, hall, simulated[0]!);
    fillYear(sim, year, simulated, lastSeqs, YEAR_DAYS, timeZone);
    sim.close();
    year.pragma('wal_checkpoint(TRUNCATE)');
    const tickets = year.prepare('SELECT COUNT(*) FROM tickets').pluck().get() as number;
    const events = year.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
    year.close();
    const bytes = fileBytes(dirs.year);
    line(
      `year written (${((performance.now() - generating) / 1000).toFixed(0)} s)`,
      `${(bytes / 1e9).toFixed(2)} GB`,
      `${tickets} tickets, ${events} events; target under 1.5 GB: ${verdict(bytes < 1.5e9)}`,
    );
    line('  that is per ticket, all tables and indexes', `${Math.round(bytes / tickets)} bytes`);

    const empty = await freshDatabase(dirs.empty, hall, Date.now());
    empty.close();
    const baseline = await startSeconds(dirs.empty);
    const onYear = await startSeconds(dirs.year);
    line('hub start to first answer: empty data folder', `${baseline.toFixed(2)} s`);
    line('hub start to first answer: the year', `${onYear.toFixed(2)} s`, `×${(onYear / baseline).toFixed(2)}; target under 2 s: ${verdict(onYear < 2)}`);
  } finally {
    // BENCH_KEEP_YEAR=1 keeps the year's data folder, to try the hub on it: npm start -- --data DIR
    if (process.env.BENCH_KEEP_YEAR === '1') console.log(`  the year's data folder is kept: ${dirs.year}`);
    for (const [name, dir] of Object.entries(dirs)) if (name !== 'year' || process.env.BENCH_KEEP_YEAR !== '1') rmSync(dir, { recursive: true, force: true });
  }
}
