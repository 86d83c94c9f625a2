import { afterEach, describe, expect, it } from 'vitest';
import { api, RecordingClient, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';
import { hanoi } from '../helpers/hall-fixture.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CLOSING_REQUEST_FILE } from '../../server/services/closing-copy.js';
import { join } from 'node:path';

let hub: TestHub | null = null;
let client: RecordingClient | null = null;
afterEach(async () => {
  client?.close();
  client = null;
  await hub?.stop(true);
  hub = null;
});

/** A hall with opening hours, on a clock the test moves. */
async function hallWithHours(clock: { now: number }): Promise<TestHub> {
  const dataDir = tempDataDir();
  const file = join(dataDir, 'hall.yaml');
  writeFileSync(
    file,
    `hall: { name: "UBND phường Thạch Thang", agencyCode: "000.00.14.H17", hours: { open: "07:00", close: "17:00" } }
services:
  - { id: HT, name: "Hộ tịch", numbering: { prefix: A } }
counters:
  - { id: 1, services: [HT] }
`,
  );
  return startTestHub({ dataDir, hallFile: file, clock: () => clock.now });
}

describe('the working day', () => {
  it('closes waiting tickets at closing time and restarts numbering the next morning', async () => {
    const clock = { now: hanoi(16, 55) };
    hub = await hallWithHours(clock);
    client = new RecordingClient(hub.url);
    await client.until(() => client!.snapshots[0], 'snapshot');
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });

    clock.now = hanoi(17, 0, 23);
    const late = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect(late).toMatchObject({ status: 409, body: { error: 'service_closed_hours' } });
    expect(late.body.message).toBe('Dịch vụ Hộ tịch không cấp số lúc này: Đã hết giờ làm việc, mở lại thứ Ba 24/11 lúc 07:00.');
    expect(late.body.messageEn).toBe('Service Hộ tịch is not giving numbers now: Closed for the day, reopens Tuesday 24/11 at 07:00.');

    await hub.hub.queue.sweep();
    const closed = await client.until(() => client!.events.find((e) => e.type === 'day:closed'), 'day:closed');
    expect(closed.type === 'day:closed' && closed.data.tickets.map((t) => t.status)).toEqual(['not_served', 'not_served']);
    const report = await api(hub.url, 'GET', '/api/reports/day?day=2026-11-23');
    expect(report.body.total).toMatchObject({ issued: 2, notServed: 2 });

    clock.now = hanoi(7, 30, 24);
    const morning = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect(morning.body.ticket.ticket).toMatchObject({ number: 'A001', day: '2026-11-24' });
  });
});

describe('the copy off the machine at closing', () => {
  it('is asked for once, when the hall has closed, in the file the package watches', async () => {
    const clock = { now: hanoi(16, 59, 23) };
    hub = await hallWithHours(clock);
    const request = join(hub.dataDir, CLOSING_REQUEST_FILE);
    expect(hub.chores.requestClosingCopy()).toBe(false);
    expect(existsSync(request)).toBe(false);

    clock.now = hanoi(17, 0, 23);
    expect(hub.chores.requestClosingCopy()).toBe(true);
    expect(JSON.parse(readFileSync(request, 'utf8'))).toEqual({ day: '2026-11-23', at: hanoi(17, 0, 23) });
    // Every half minute after that: nothing new, so the path unit does not copy again.
    clock.now = hanoi(17, 30, 23);
    expect(hub.chores.requestClosingCopy()).toBe(false);
    expect(JSON.parse(readFileSync(request, 'utf8')).at).toBe(hanoi(17, 0, 23));

    // The next morning is open; that evening asks again.
    clock.now = hanoi(8, 0, 24);
    expect(hub.chores.requestClosingCopy()).toBe(false);
    clock.now = hanoi(17, 5, 24);
    expect(hub.chores.requestClosingCopy()).toBe(true);
    expect(JSON.parse(readFileSync(request, 'utf8')).day).toBe('2026-11-24');
  });
});

describe('a commit the disk refuses', () => {
  it('acknowledges nothing, keeps nothing in memory, and the hub goes on', async () => {
    hub = await startTestHub();
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    const db = hub.hub.db;
    const exec = db.exec.bind(db);
    let failNext = true;
    db.exec = ((sql: string) => {
      if (sql === 'COMMIT' && failNext) {
        failNext = false;
        throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
      }
      return exec(sql);
    }) as typeof db.exec;

    const refused = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect(refused.status).toBe(503);
    expect(refused.body.message).toMatch(/Không ghi được vào ổ đĩa/);
    const services = await api(hub.url, 'GET', '/api/services/HT');
    expect(services.body.waiting).toBe(1);

    // The number that was never acknowledged is given again; nothing is repeated on disk.
    const next = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect(next.status).toBe(201);
    expect(next.body.ticket.ticket.number).toBe('A002');
    const all = await api<any[]>(hub.url, 'GET', '/api/tickets');
    expect(all.body.map((t) => t.number)).toEqual(['A001', 'A002']);
  });
});

describe('a write the database refuses', () => {
  it('fails that command only; the hub goes on', async () => {
    hub = await startTestHub();
    const repo = hub.hub.tickets;
    const save = repo.saveTicket.bind(repo);
    let failNext = true;
    repo.saveTicket = (t) => {
      if (failNext) {
        failNext = false;
        throw Object.assign(new Error('constraint failed'), { code: 'SQLITE_CONSTRAINT' });
      }
      save(t);
    };
    const refused = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect(refused.status).toBe(500);
    expect(refused.body.message).toMatch(/Dữ liệu đã lưu không bị ảnh hưởng/);
    const next = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect(next.status).toBe(201);
    expect(next.body.ticket.ticket.number).toBe('A001');
    expect((await api(hub.url, 'GET', '/api/health')).body.ok).toBe(true);
  });
});
