// The event log on disk: a hall upgraded from the former log (full states in every row) keeps
// its history, adds rows that hold only what changed, and the whole log still replays to the
// tables (checked again by the test hub when it stops).

import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hallFromText } from '../../server/config/hall-file.js';
import { openDatabase, retainStatements } from '../../server/db/database.js';
import { HallRepository } from '../../server/db/hall-repository.js';
import { compareLogWithTables } from '../../server/db/log-replay.js';
import { bundledMigrations } from '../../server/db/migrate.js';
import { QueueRepository } from '../../server/db/queue-repository.js';
import { HallFixture, hanoi } from '../helpers/hall-fixture.js';
import { staffCounters } from '../helpers/callers.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

const HALL = `
hall: { name: "UBND xã Tân Phú", agencyCode: "000.00.31.H40", hours: null }
services:
  - { id: HT, name: "Hộ tịch", numbering: { prefix: A } }
counters:
  - { id: 1, services: [HT] }
  - { id: 2, services: [HT] }
`;

/** A data folder as luot left it before the log kept changes: schema 8, full states in each row. */
async function formerHall(dataDir: string, clock: { now: number }): Promise<string> {
  const { db } = await openDatabase(
    dataDir,
    bundledMigrations().filter((m) => m.version <= 8),
  );
  const hall = hallFromText(HALL, 'hall.yaml');
  new HallRepository(db).save(hall, clock.now);
  const rows = new QueueRepository(db);
  const insert = db.prepare('INSERT INTO events (at, type, ticket_id, counter_id, service_id, actor, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const fixture = new HallFixture(hall, clock.now);
  fixture.beforeApply = (change) => {
    rows.saveRows(change);
    for (const e of change.events) {
      const data = e.data as { ticket?: { id: string; serviceId: string }; counter?: { id: number } };
      insert.run(fixture.now, e.type, data.ticket?.id ?? null, data.counter?.id ?? null, data.ticket?.serviceId ?? null, 'Nguyễn Thị Lan', JSON.stringify(e.data));
    }
  };
  const first = fixture.issue('HT');
  fixture.issue('HT');
  fixture.callNext(1);
  clock.now = fixture.now;
  db.close();
  return first.id;
}

describe('the event log', () => {
  it('upgrades a former log in place: old rows keep full states, new ones hold changes, all replay exactly', async () => {
    const dataDir = tempDataDir();
    const clock = { now: hanoi(8) };
    const firstId = await formerHall(dataDir, clock);
    hub = await startTestHub({ dataDir, clock: () => clock.now });
    expect(hub.hub.schemaVersion).toBe(bundledMigrations().at(-1)!.version);

    clock.now += 60_000;
    expect((await api(hub.url, 'POST', '/api/counters/1/finish')).status).toBe(200);
    clock.now += 60_000;
    const next = await api(hub.url, 'POST', '/api/counters/1/call-next');
    expect(next.body.ticket.number).toBe('A002');

    // The first ticket's history: its former entries whole, then the finish as a change.
    const history = (await api<any[]>(hub.url, 'GET', `/api/tickets/${firstId}/events`)).body;
    expect(history.map((e) => [e.type, e.actor])).toEqual([
      ['ticket:issued', 'Nguyễn Thị Lan'],
      ['ticket:called', 'Nguyễn Thị Lan'],
      ['ticket:finished', 'API'],
    ]);
    expect(history[0].data.ticket).toMatchObject({ id: firstId, status: 'waiting', number: 'A001', calledAt: null });
    // A counter's first entry after a start holds its whole state; times read back absolute.
    expect(history[2].data).toEqual({
      ticket: { status: 'done', endedAt: clock.now - 60_000 },
      counter: { id: 1, mode: 'open', pauseReason: null, clerk: null, currentTicketId: null, regularSincePriority: 1, since: hanoi(8) },
    });
    expect(history[2].at).toBe(clock.now - 60_000);
    // Its next entry only what moved.
    const called = (await api<any[]>(hub.url, 'GET', '/api/events?limit=100')).body.at(-1);
    expect(called.data).toEqual({
      ticket: { status: 'called', counterId: 1, calledAt: clock.now },
      counter: { id: 1, currentTicketId: next.body.ticket.id, regularSincePriority: 2 },
      outOfOrder: false,
    });
    expect(compareLogWithTables(hub.hub.db)).toEqual([]);

    // The view names kinds and actors for a maintainer with the sqlite3 shell.
    const viewed = hub.hub.db.prepare('SELECT type, actor, full_state FROM event_log ORDER BY seq').raw().all();
    expect(viewed).toEqual([
      ['ticket:issued', 'Nguyễn Thị Lan', 1],
      ['ticket:issued', 'Nguyễn Thị Lan', 1],
      ['ticket:called', 'Nguyễn Thị Lan', 1],
      ['ticket:finished', 'API', null],
      ['ticket:called', 'API', null],
    ]);
    // Numbering goes on after the migration: the log's sequence is not restarted.
    expect(next.body.seq).toBe(5);
  });

  it('npm run check-log says the log matches, names a difference, and explains a wrong folder', async () => {
    hub = await startTestHub();
    await staffCounters(hub, [1]);
    for (let i = 0; i < 3; i++) await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/counters/1/call-next', {});
    // A001 done, A002 called, A003 waiting.
    await api(hub.url, 'POST', '/api/counters/1/call-next', { finishCurrent: true });
    const { dataDir } = hub;
    await hub.stop();
    hub = null;
    const checkLog = (dir: string) => spawnSync('npx', ['tsx', 'server/cli/check-log.ts', '--data', dir], { encoding: 'utf8' });
    const good = checkLog(dataDir);
    expect(good.status).toBe(0);
    // Counter 1 opened at its clerk's sign-in, three issued, A001 called and finished, A002 called.
    expect(good.stdout).toContain('Nhật ký khớp với dữ liệu / the log matches the tables: 7 events replayed');

    // A ticket row changed behind the log's back is found.
    const db = retainStatements(new Database(join(dataDir, 'luot.sqlite')));
    db.prepare("UPDATE tickets SET status = 'done' WHERE number = 'A003'").run();
    db.close();
    const bad = checkLog(dataDir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('Nhật ký KHÔNG khớp với dữ liệu ở 1 chỗ / the log differs from the tables in 1 place');
    expect(bad.stdout).toMatch(/"kind":"ticket".*"status":"done".*"status":"waiting"/);

    // A finished ticket is compared as the log finishes it, and then forgotten; a row the log
    // never made shows in the count.
    const tampered = retainStatements(new Database(join(dataDir, 'luot.sqlite')));
    tampered.exec(`
      UPDATE tickets SET status = 'waiting' WHERE number = 'A003';
      UPDATE tickets SET ended_at = ended_at + 1000 WHERE number = 'A001';
      CREATE TEMP TABLE stray AS SELECT * FROM tickets WHERE number = 'A003';
      UPDATE stray SET id = id || '-stray', seq = 99, number = 'A099';
      INSERT INTO tickets SELECT * FROM stray;`);
    const finished = tampered.prepare("SELECT id, ended_at AS endedAt FROM tickets WHERE number = 'A001'").get() as { id: string; endedAt: number };
    expect(compareLogWithTables(tampered)).toMatchObject([
      { kind: 'ticket', id: finished.id, stored: { status: 'done', endedAt: finished.endedAt }, replayed: { status: 'done', endedAt: finished.endedAt - 1000 } },
      { kind: 'ticket', id: '(number of tickets)', stored: 4, replayed: 3 },
    ]);
    tampered.close();

    const none = checkLog(join(dataDir, 'nowhere'));
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no database at');
  }, 60_000);

  it('compares a skipped ticket once the next day begins, and still finds its row changed', async () => {
    const clock = { now: hanoi(8) };
    hub = await startTestHub({ clock: () => clock.now });
    await staffCounters(hub, [1]);
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    const skipped = (await api(hub.url, 'POST', '/api/counters/1/call-next', {})).body.ticket.id as string;
    clock.now += 60_000;
    expect((await api(hub.url, 'POST', '/api/counters/1/no-show', { ticketId: skipped })).status).toBe(200);
    // The next morning: the hub lets go of the skipped ticket, and so may the replay.
    clock.now = hanoi(8, 0, 24);
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    const { dataDir } = hub;
    await hub.stop(); // compares the untouched log and tables: no difference
    hub = null;
    const db = retainStatements(new Database(join(dataDir, 'luot.sqlite')));
    db.prepare('UPDATE tickets SET ended_at = ended_at + 1000 WHERE id = ?').run(skipped);
    const endedAt = (db.prepare('SELECT ended_at FROM tickets WHERE id = ?').pluck().get(skipped) as number) - 1000;
    // Found once, and counted once: no difference in the number of tickets.
    expect(compareLogWithTables(db)).toEqual([
      { kind: 'ticket', id: skipped, stored: expect.objectContaining({ status: 'no_show', endedAt: endedAt + 1000 }), replayed: expect.objectContaining({ status: 'no_show', endedAt }) },
    ]);
    db.close();
  });
});
