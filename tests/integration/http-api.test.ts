import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseBytes, dailyBackup, openDatabase, retainStatements } from '../../server/db/database.js';
import { reserveBytes } from '../../server/domain/storage/disk-space.js';
import { DiskWatch } from '../../server/services/disk-watch.js';
import { bundledMigrations, MigrationError } from '../../server/db/migrate.js';
import { composeHub } from '../../server/composition-root.js';
import { renderLanding } from '../../server/http/routes/landing-routes.js';
import { hallOverview } from '../../server/use-cases/hall/hall-overview.js';
import { staffCounters } from '../helpers/callers.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

function dailyCopies(dataDir: string): string[] {
  return readdirSync(join(dataDir, 'backups'))
    .filter((f) => f.startsWith('luot-day-'))
    .sort();
}

describe('a fresh hub', () => {
  it('starts with the demo hall and answers health', async () => {
    hub = await startTestHub();
    const health = await api(hub.url, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, version: '0.1.0', database: { ok: true, schemaVersion: bundledMigrations().at(-1)!.version } });
    // The test hub reads no clock: unknown, not a warning.
    expect(health.body.clock).toEqual({ synchronized: null, message: null, messageEn: null });
    const services = await api<any[]>(hub.url, 'GET', '/api/services');
    expect(services.body.length).toBeGreaterThanOrEqual(10);
    expect(services.body.map((s) => s.name.vi)).toContain('Lao động, người có công');
    const counters = await api<any[]>(hub.url, 'GET', '/api/counters');
    expect(counters.body.length).toBeGreaterThanOrEqual(12);
    expect(counters.body.some((c) => c.def.services.length > 1)).toBe(true);
    const landing = await fetch(hub.url + '/');
    const html = await landing.text();
    expect(landing.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('Trung tâm Phục vụ hành chính công phường Hòa An');
    // Opened on the hub machine itself, the kiosks' registration links are there; elsewhere not.
    expect(html).toContain('/kiosk/?device=K1&amp;token=demo-kiosk-K1-token');
    expect(renderLanding(hallOverview(hub.hub), false)).not.toContain('demo-kiosk-K1-token');
    expect(renderLanding(hallOverview(hub.hub), false)).toContain('Máy lấy số sảnh chính');
    for (const link of ['/docs', '/api/health', '/api/hall', '/api/services', '/api/counters']) expect(html).toContain(`href="${link}"`);
    // Every page of the hall, and the JSON kept apart for technicians.
    for (const link of ['/kiosk/', '/counter/', '/display/', '/lookup/', '/rating/', '/manager/', '/boards', '/prints']) expect(html).toContain(`<a class="card" href="${link}"`);
    expect(html.indexOf('Dành cho kỹ thuật viên')).toBeLessThan(html.indexOf('href="/api/health"'));
    expect(html).toContain('/rating/?device=R1&amp;token=demo-rating-R1-token');
    expect(renderLanding(hallOverview(hub.hub), false)).not.toContain('demo-rating-R1-token');
    // Today's queues in short: nobody waiting yet in a fresh hall, and every counter closed
    // until its clerk signs in; the first one does.
    expect(html).toMatch(/data-figure="waiting"><span class="figure">0</);
    expect(html).toMatch(/data-figure="open"><span class="figure">0 <small>\/ 20<\/small>/);
    await staffCounters(hub, [1]);
    expect(await (await fetch(hub.url + '/')).text()).toMatch(/data-figure="open"><span class="figure">1 <small>\/ 20<\/small>/);
    // The same font as everywhere, served by the hub; days written as people write them.
    expect(html).toContain("url('/fonts/NotoSans-Regular.ttf')");
    const font = await fetch(hub.url + '/fonts/NotoSans-Regular.ttf');
    expect(font.status).toBe(200);
    expect((await font.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect(html).toMatch(/Ngày làm việc <span class="en">Working day<\/span>: \d{2}\/\d{2}\/\d{4}/);
    expect((await fetch(hub.url + '/fonts/OFL.txt')).status).toBe(404);
  });

  it('serves the OpenAPI document and its page', async () => {
    hub = await startTestHub();
    const doc = await api(hub.url, 'GET', '/docs/json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/tickets', '/api/tickets/{ticketId}', '/api/counters/{counterId}/call-next', '/api/counters/{counterId}/transfer']),
    );
    const page = await fetch(hub.url + '/docs/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
  });
});

describe('tickets and counters over HTTP', () => {
  it('issues, positions, calls, serves and finishes, with estimates', async () => {
    hub = await startTestHub();
    await staffCounters(hub, [1, 2, 12]);
    const first = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT', source: 'counter' });
    expect(first.status).toBe(201);
    expect(first.body.ticket).toMatchObject({ ticket: { number: 'A001', status: 'waiting' }, peopleAhead: 0 });
    const second = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect(second.body.ticket.peopleAhead).toBe(1);
    // Three free counters serve HT (1, 2 and 12): the second ticket is called at once too.
    expect(second.body.ticket.estimatedWaitSeconds).toBe(0);
    const elder = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT', priority: 'nguoi_cao_tuoi' });
    expect(elder.body.ticket.peopleAhead).toBe(0);

    const service = await api(hub.url, 'GET', '/api/services/HT');
    expect(service.body).toMatchObject({ waiting: 3, waitingPriority: 1, issuedToday: 3, open: true });

    // A fourth waits for the first of the three to finish: the service's 6 minutes.
    const fourth = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect(fourth.body.ticket.estimatedWaitSeconds).toBe(6 * 60);
    await api(hub.url, 'POST', `/api/tickets/${fourth.body.ticket.ticket.id}/cancel`, {});

    const called = await api(hub.url, 'POST', '/api/counters/1/call-next', { clerk: 'Trần Văn Minh' });
    expect(called.status).toBe(200);
    expect(called.body.ticket.number).toBe('A003');
    expect(called.body.counter.state.currentTicketId).toBe(elder.body.ticket.ticket.id);

    const look = await api(hub.url, 'GET', `/api/tickets/${elder.body.ticket.ticket.id}`);
    expect(look.body).toMatchObject({ ticket: { status: 'called' }, counter: { id: 1 }, peopleAhead: null });

    expect((await api(hub.url, 'POST', '/api/counters/1/start')).status).toBe(200);
    const finished = await api(hub.url, 'POST', '/api/counters/1/finish');
    expect(finished.body.ticket.status).toBe('done');
    expect(finished.body.counter.state.currentTicketId).toBeNull();

    const history = await api<any[]>(hub.url, 'GET', `/api/tickets/${elder.body.ticket.ticket.id}/events`);
    expect(history.body.map((e) => e.type)).toEqual(['ticket:issued', 'ticket:called', 'ticket:serving', 'ticket:finished']);
    // The API token named the clerk it acted for; the log keeps both.
    expect(history.body[1].actor).toBe('Trần Văn Minh (API)');

    const counter = await api(hub.url, 'GET', '/api/counters/1');
    expect(counter.body.today).toMatchObject({ done: 1 });
    expect(counter.body.services[0]).toMatchObject({ id: 'HT', waiting: 2 });
  });

  it('starts a day from what each service took on the days before, as read from the database', async () => {
    let now = Date.parse('2026-11-23T02:00:00Z'); // Monday, 9:00 in Hanoi
    const clock = () => now;
    hub = await startTestHub({ clock });
    await staffCounters(hub, [1]);
    // Monday: counter 1 serves ten HT citizens in two minutes each; the hall's default says six.
    for (let i = 0; i < 10; i++) {
      await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
      expect((await api(hub.url, 'POST', '/api/counters/1/call-next', {})).status).toBe(200);
      now += 120_000;
      expect((await api(hub.url, 'POST', '/api/counters/1/finish')).status).toBe(200);
    }
    const { dataDir } = hub;
    await hub.stop();
    now = Date.parse('2026-11-24T01:00:00Z'); // Tuesday, 8:00
    hub = await startTestHub({ dataDir, clock });
    await staffCounters(hub, [1, 2, 12]);
    expect((await api(hub.url, 'GET', '/api/services/HT')).body.averageServiceSeconds).toBe(120);
    // Three free counters serve HT: the fourth citizen waits for the first of them, two minutes.
    // (Read 15 s on: changes this fast may share one forecast; a new one comes at least that often.)
    for (let i = 0; i < 3; i++) await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    const fourth = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    now += 15_000;
    expect((await api(hub.url, 'GET', `/api/tickets/${fourth.body.ticket.ticket.id}`)).body.estimatedWaitSeconds).toBe(120);
    // Today's first citizen, served in eight minutes, weighs as one in eleven.
    await api(hub.url, 'POST', '/api/counters/1/call-next', {});
    now += 8 * 60_000;
    await api(hub.url, 'POST', '/api/counters/1/finish');
    expect((await api(hub.url, 'GET', '/api/services/HT')).body.averageServiceSeconds).toBe(Math.round((480 + 10 * 120) / 11));
  });

  it('transfers, skips and puts back, cancels, and marks priority', async () => {
    hub = await startTestHub();
    await staffCounters(hub, [1, 3]);
    const a = (await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' })).body.ticket.ticket;
    const b = (await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' })).body.ticket.ticket;
    await api(hub.url, 'POST', '/api/counters/1/call-next');
    const moved = await api(hub.url, 'POST', '/api/counters/1/transfer', { toServiceId: 'DD' });
    expect(moved.body.ticket).toMatchObject({ id: a.id, serviceId: 'DD', status: 'waiting', number: 'A001' });
    const atLand = await api(hub.url, 'POST', '/api/counters/3/call-next');
    expect(atLand.body.ticket.id).toBe(a.id);
    await api(hub.url, 'POST', '/api/counters/3/no-show');
    const back = await api(hub.url, 'POST', `/api/tickets/${a.id}/restore`);
    expect(back.body.ticket.ticket.status).toBe('waiting');
    const cancelled = await api(hub.url, 'POST', `/api/tickets/${a.id}/cancel`, { reason: 'Công dân về' });
    expect(cancelled.body.ticket.ticket).toMatchObject({ status: 'cancelled', endReason: 'Công dân về' });
    const prio = await api(hub.url, 'POST', `/api/tickets/${b.id}/priority`, { priority: 'thuong_binh' });
    expect(prio.body.ticket.ticket.priority).toBe('thuong_binh');
    const waiting = await api<any[]>(hub.url, 'GET', '/api/tickets?status=waiting');
    expect(waiting.body.map((t) => t.id)).toEqual([b.id]);
  });

  it('answers bad input with a 4xx a person understands, and changes nothing', async () => {
    hub = await startTestHub();
    await staffCounters(hub, [1, 2]);
    const held = (await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' })).body.ticket.ticket;
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/counters/2/call-next');
    const before = await api(hub.url, 'GET', '/api/hall');

    const cases: [string, string, unknown, number, RegExp][] = [
      ['POST', '/api/tickets', {}, 400, /thiếu trường "serviceId"/],
      ['POST', '/api/tickets', { serviceId: 'HT', extra: 1 }, 400, /trường "extra" không được hỗ trợ/],
      ['POST', '/api/tickets', { serviceId: 42 }, 400, /"serviceId" phải là một chuỗi ký tự/],
      ['POST', '/api/tickets', '{"serviceId": "HT"', 400, /không phải JSON hợp lệ/],
      ['POST', '/api/tickets', { serviceId: 'NOPE' }, 404, /Không có dịch vụ "NOPE"/],
      ['POST', '/api/tickets', { serviceId: 'HT', priority: 'vip' }, 422, /Đối tượng ưu tiên "vip"/],
      ['POST', '/api/counters/0/call-next', {}, 400, /"counterId" phải từ 1 trở lên/],
      ['POST', '/api/counters/abc/call-next', {}, 400, /"counterId" phải là một số nguyên/],
      ['POST', '/api/counters/77/call-next', {}, 404, /Không có quầy số 77/],
      ['POST', '/api/counters/1/finish', {}, 409, /Quầy số 1 chưa gọi số nào/],
      ['POST', '/api/counters/2/transfer', {}, 422, /Hãy chọn dịch vụ hoặc quầy/],
      ['POST', '/api/counters/1/finish', { ticketId: held.id }, 409, /đang do quầy số 2 phục vụ/],
      ['POST', '/api/counters/1/call', { ticketId: 'not an id' }, 400, /"ticketId" không đúng định dạng/],
      ['GET', '/api/tickets/20261123-HT-999', undefined, 404, /Không tìm thấy số thứ tự/],
      ['GET', '/api/tickets?day=yesterday', undefined, 400, /"day" phải là một ngày có thật/],
      ['GET', '/api/events?limit=0', undefined, 400, /"limit" phải từ 1 trở lên/],
      ['GET', '/api/no-such-thing', undefined, 404, /Không có địa chỉ GET \/api\/no-such-thing/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const res = await api(hub.url, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.body.message, `${method} ${path}`).toMatch(message);
      expect(res.body.messageEn, `${method} ${path}`).toBeTruthy();
    }
    await api(hub.url, 'POST', '/api/counters/1/pause', { reason: 'Nghỉ trưa' });
    const paused = await api(hub.url, 'POST', '/api/counters/1/call-next');
    expect(paused).toMatchObject({ status: 409, body: { error: 'counter_paused' } });
    await api(hub.url, 'POST', '/api/counters/1/resume');

    const after = await api(hub.url, 'GET', '/api/hall');
    expect(after.body.waiting).toEqual(before.body.waiting);
    expect(after.body.counters.map((c: any) => c.state.currentTicketId)).toEqual(before.body.counters.map((c: any) => c.state.currentTicketId));
  });

  it('closes the day: waiting tickets become not served and show so in the report', async () => {
    hub = await startTestHub();
    await staffCounters(hub, [8]);
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'CA' });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'CA' });
    await api(hub.url, 'POST', '/api/counters/8/call-next');
    await api(hub.url, 'POST', '/api/counters/8/finish');
    const closed = await api(hub.url, 'POST', '/api/day/close', { clerk: 'Quản lý' });
    expect(closed.body.closed).toBe(2);
    const report = await api(hub.url, 'GET', '/api/reports/day');
    expect(report.body.total).toMatchObject({ issued: 3, done: 1, notServed: 2, open: 0 });
    expect(report.body.services.find((s: any) => s.serviceId === 'CA')).toMatchObject({ issued: 2, done: 1, notServed: 1 });
  });
});

describe('storage', () => {
  it('keeps tickets, numbering, counters and the event sequence across a restart', async () => {
    hub = await startTestHub();
    await staffCounters(hub, [1, 5]);
    const dataDir = hub.dataDir;
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/counters/1/call-next');
    await api(hub.url, 'POST', '/api/counters/5/pause', { reason: 'Họp' });
    const seqBefore = (await api(hub.url, 'GET', '/api/health')).body.seq;
    await hub.stop();

    hub = await startTestHub({ dataDir });
    const third = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect(third.body.ticket.ticket.number).toBe('A003');
    expect(third.body.seq).toBe(seqBefore + 1);
    const counter1 = await api(hub.url, 'GET', '/api/counters/1');
    expect(counter1.body.current.number).toBe('A001');
    const counter5 = await api(hub.url, 'GET', '/api/counters/5');
    expect(counter5.body.state).toMatchObject({ mode: 'paused', pauseReason: 'Họp' });
  });

  it('uses WAL, foreign keys and an append-only event log', async () => {
    hub = await startTestHub();
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    const { db } = hub.hub;
    const pragma = (name: string) => db.prepare(`PRAGMA ${name}`).pluck().get();
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('synchronous')).toBe(2);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() =>
      db.prepare("INSERT INTO tickets (id, day, service_id, seq, number, status, source, issued_at, queue_at) VALUES ('x', '2026-11-23', 'NOPE', 1, 'Z1', 'waiting', 'api', 0, 0)").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('copies the database before migrating it', async () => {
    const dataDir = tempDataDir();
    (await openDatabase(dataDir)).db.close();
    const latest = bundledMigrations().at(-1)!.version;
    const next = [...bundledMigrations(), { version: latest + 1, name: 'later', sql: 'CREATE TABLE later_table (x INTEGER)' }];
    const opened = await openDatabase(dataDir, next);
    expect(opened.schemaVersion).toBe(latest + 1);
    expect(opened.backupPath).toMatch(new RegExp(`backups/luot-before-schema-${latest + 1}-.*\\.sqlite$`));
    opened.db.close();
    const backup = retainStatements(new Database(opened.backupPath!, { readonly: true }));
    expect(backup.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: latest });
    backup.close();
  });

  it('refuses to upgrade a database when the disk has no room for the copy first, and changes nothing', async () => {
    const dataDir = tempDataDir();
    (await openDatabase(dataDir)).db.close();
    const latest = bundledMigrations().at(-1)!.version;
    const next = [...bundledMigrations(), { version: latest + 1, name: 'later', sql: 'CREATE TABLE later_table (x INTEGER)' }];
    // Half a gigabyte free: the copy would fit, the 1 GiB reserve after it would not.
    const refused = openDatabase(dataDir, next, { freeBytes: () => 500e6 });
    await expect(refused).rejects.toThrow(MigrationError);
    await expect(refused).rejects.toThrow(
      `the database must be upgraded, and it is copied first: that needs 0.0 GB for the copy and 1.1 GB left free after it, but the disk of ${dataDir} has 0.5 GB free.`,
    );
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
    const reopened = await openDatabase(dataDir);
    expect(reopened.schemaVersion).toBe(latest);
    reopened.db.close();
  });

  it('refuses a database that a newer version migrated', async () => {
    const dataDir = tempDataDir();
    const raw = retainStatements(new Database(join(dataDir, 'luot.sqlite')));
    raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    raw.prepare('INSERT INTO schema_migrations VALUES (99, ?, 0)').run('future');
    raw.close();
    await expect(composeHub({ dataDir })).rejects.toThrow(/newer version of luot \(schema 99\)/);
  });

  it('loads a hall described in a YAML file and refuses a broken one with its reasons', async () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'my-hall.yaml');
    writeFileSync(
      file,
      `hall: { name: "UBND xã Tân Phú", agencyCode: "000.00.31.H40", hours: null }
services:
  - { id: HT, name: "Hộ tịch", numbering: { prefix: H } }
  - { id: DD, name: { vi: "Đất đai", en: Land }, numbering: { from: 501, to: 599 } }
counters:
  - { id: 1, services: [HT, DD] }
`,
    );
    hub = await startTestHub({ dataDir, hallFile: file });
    const services = await api<any[]>(hub.url, 'GET', '/api/services');
    expect(services.body.map((s) => s.id)).toEqual(['HT', 'DD']);
    const t = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD' });
    expect(t.body.ticket.ticket.number).toBe('501');

    const broken = join(dataDir, 'broken.yaml');
    writeFileSync(
      broken,
      `hall: { name: "X", agencyCode: "000.00.31.H40" }
services:
  - { id: HT, name: "Hộ tịch", numbering: { prefix: H } }
  - { id: HT2, name: "Hộ tịch 2", numbering: { prefix: H } }
counters:
  - { id: 1, services: [HT, NOPE] }
`,
    );
    const other = tempDataDir();
    await expect(composeHub({ dataDir: other, hallFile: broken })).rejects.toThrow(/could print the same ticket number[\s\S]*serves "NOPE"/);
  });
});

describe('backups', () => {
  it('copies the live database on request and once per working day', async () => {
    hub = await startTestHub();
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    const made = await api(hub.url, 'POST', '/api/backups', {});
    expect(made.status).toBe(201);
    const copy = retainStatements(new Database(made.body.path, { readonly: true }));
    expect(copy.prepare('SELECT number FROM tickets').all()).toEqual([{ number: 'A001' }]);
    copy.close();
    const first = await dailyBackup(hub.hub.db, hub.dataDir, '2026-11-23');
    expect(first.path).toMatch(/luot-day-2026-11-23\.sqlite$/);
    expect(await dailyBackup(hub.hub.db, hub.dataDir, '2026-11-23')).toEqual({ path: null, removed: [], noRoom: false });
    for (const day of ['2026-11-24', '2026-11-25', '2026-11-26']) await dailyBackup(hub.hub.db, hub.dataDir, day, { keep: 2 });
    expect(dailyCopies(hub.dataDir)).toEqual(['luot-day-2026-11-25.sqlite', 'luot-day-2026-11-26.sqlite']);
  });

  it("gives older daily copies up for room, and skips the day's copy when even that is not enough", async () => {
    hub = await startTestHub();
    for (let i = 0; i < 20; i++) await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-25']) await dailyBackup(hub.hub.db, hub.dataDir, day);
    const copy = statSync(join(hub.dataDir, 'backups', 'luot-day-2026-11-23.sqlite')).size;
    const size = databaseBytes(hub.hub.db);
    const reserve = reserveBytes(size);
    // Room for one more copy once the oldest is gone: it goes first, the others stay.
    const tight = await dailyBackup(hub.hub.db, hub.dataDir, '2026-11-26', { freeBytes: () => reserve + size - copy });
    expect(tight).toMatchObject({ removed: ['luot-day-2026-11-23.sqlite'], noRoom: false });
    expect(dailyCopies(hub.dataDir)).toEqual(['luot-day-2026-11-24.sqlite', 'luot-day-2026-11-25.sqlite', 'luot-day-2026-11-26.sqlite']);
    // A full disk: no copy, and the copies there are kept.
    const full = await dailyBackup(hub.hub.db, hub.dataDir, '2026-11-27', { freeBytes: () => 0 });
    expect(full).toEqual({ path: null, removed: [], noRoom: true });
    expect(dailyCopies(hub.dataDir)).toHaveLength(3);
  });

  it('reports a disk below its reserve as a failed device, in Vietnamese and English', async () => {
    let free = 50e9;
    hub = await startTestHub({ diskFreeBytes: () => free });
    const errors: object[] = [];
    const watch = new DiskWatch(hub.hub, hub.devices, { info: () => {}, error: (o) => errors.push(o) });
    watch.check();
    let health = await api(hub.url, 'GET', '/api/health');
    expect(health.body.devices).toContainEqual(expect.objectContaining({ id: 'disk', kind: 'disk', ok: true }));
    expect(health.body.ok).toBe(true);

    free = 0.4e9;
    await watch.backUp('2026-11-23');
    await watch.backUp('2026-11-23');
    health = await api(hub.url, 'GET', '/api/health');
    expect(health.body.ok).toBe(false);
    const disk = health.body.devices.find((d: { id: string }) => d.id === 'disk');
    expect(disk).toMatchObject({ ok: false, code: 'disk_low' });
    expect(disk.message).toContain('Ổ đĩa của máy chủ chỉ còn 0,4 GB trống, dưới mức an toàn 1,1 GB');
    expect(disk.messageEn).toContain("The hub's disk has only 0.4 GB free, below the safe 1.1 GB");
    // No copy was made, and the missing copy is logged once a day, not every half minute.
    expect(existsSync(join(hub.dataDir, 'backups', 'luot-day-2026-11-23.sqlite'))).toBe(false);
    expect(errors).toEqual([{ day: '2026-11-23' }]);

    // A copy asked for by hand is refused as such, with the figures.
    const refused = await api(hub.url, 'POST', '/api/backups', {});
    expect(refused.status).toBe(507);
    expect(refused.body.error).toBe('disk_full');
    expect(refused.body.message).toMatch(/^Không đủ chỗ trống trên ổ đĩa để sao lưu: còn 0,4 GB trống, bản sao cần 0,0 GB và ổ đĩa phải giữ lại 1,1 GB\./);
    expect(refused.body.messageEn).toMatch(/^Not enough free disk space for a backup: 0\.4 GB free, the copy needs 0\.0 GB and the disk must keep 1\.1 GB\./);

    // A disk that cannot be read is logged, and the hub goes on.
    const statfsFails = () => {
      throw new Error('statfs failed');
    };
    const unreadable = new DiskWatch({ ...hub.hub, diskFreeBytes: statfsFails }, hub.devices, { info: () => {}, error: (o) => errors.push(o) });
    expect(() => unreadable.check()).not.toThrow();
    expect(errors).toHaveLength(2);
  });
});
