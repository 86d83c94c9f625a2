// The hall's configuration changed live through the routes the console's Configuration screen
// calls: a service and a counter added reach the pages' feed without a reload, waiting tickets
// keep their numbers, every bad input answers 400 (or 404/409) naming the field and changes
// nothing, only admins may change it, and the console's changes outlive a restart with the same
// hall file until the file changes that service or counter.

import { afterEach, describe, expect, it } from 'vitest';
import { demoHallWith } from '../helpers/hall-files.js';
import { api, RecordingClient, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
const clients: RecordingClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await hub?.stop(true);
  hub = null;
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });

async function signIn(user: string, counterId: number | null, password = 'luot-demo') {
  return api(hub!.url, 'POST', '/api/staff/sign-in', { user, password, counterId }, { authorization: null });
}

async function adminToken(): Promise<string> {
  const reply = await signIn('quantri', null);
  expect(reply.status).toBe(200);
  return reply.body.token as string;
}

function follow(filter = {}): RecordingClient {
  const client = new RecordingClient(hub!.url, filter);
  clients.push(client);
  return client;
}

const NEW_SERVICE = {
  id: 'TTHC',
  name: { vi: 'Hỗ trợ thủ tục trực tuyến', en: 'Help with online procedures' },
  group: 'ward',
  color: '#6a1b9a',
  numbering: { prefix: 'W', digits: 3 },
  dailyMax: 80,
};

describe('the hall configured live', () => {
  it('an added service and counter reach open pages without a reload; a clerk calls the number taken for it; the log names the admin', async () => {
    hub = await startTestHub();
    const kiosk = follow();
    const display = follow();
    await kiosk.until(() => kiosk.snapshots.length > 0, 'first snapshot');
    await display.until(() => display.snapshots.length > 0, 'first snapshot');
    const waitingBefore = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect(waitingBefore.status).toBe(201);
    const admin = await adminToken();

    const added = await api(hub.url, 'POST', '/api/config/services', NEW_SERVICE, as(admin));
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.services.find((s: any) => s.id === 'TTHC')).toMatchObject({ ...NEW_SERVICE, waiting: 0 });
    const kioskSees = await kiosk.until(() => kiosk.snapshots.at(-1)!.services.find((s) => s.id === 'TTHC'), 'the new service on the kiosk');
    expect(kioskSees).toMatchObject({ name: NEW_SERVICE.name, color: '#6a1b9a' });

    const counter = await api(
      hub.url,
      'POST',
      '/api/config/counters',
      { id: 21, name: { vi: 'Quầy 21', en: 'Counter 21' }, services: ['TTHC', { service: 'HT', weight: 0.5 }], selection: 'in_order' },
      as(admin),
    );
    expect(counter.status, JSON.stringify(counter.body)).toBe(201);
    expect(counter.body.counters.find((c: any) => c.id === 21)).toMatchObject({ services: ['TTHC', { service: 'HT', weight: 0.5 }], selection: 'in_order', mode: 'closed' });
    await display.until(() => display.snapshots.at(-1)!.counters.some((c) => c.def.id === 21), 'the new counter on the display');

    // The ticket taken before the change still waits with its number.
    const snapshot = display.snapshots.at(-1)!;
    expect(snapshot.waiting.find((t) => t.id === waitingBefore.body.ticket.ticket.id)?.number).toBe(waitingBefore.body.ticket.ticket.number);

    const user = await api(hub.url, 'POST', '/api/users', { user: 'canbo21', name: 'Đỗ Thị Hạnh', role: 'clerk', password: 'hanh-2026!', counters: [21] }, as(admin));
    expect(user.status).toBe(201);
    const ticket = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'TTHC' });
    expect(ticket.status).toBe(201);
    expect(ticket.body.ticket.ticket.number).toBe('W001');
    const clerk = await signIn('canbo21', 21, 'hanh-2026!');
    expect(clerk.status).toBe(200);
    await api(hub.url, 'POST', '/api/counters/21/open', {}, as(clerk.body.token));
    const called = await api(hub.url, 'POST', '/api/counters/21/call-next', {}, as(clerk.body.token));
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    expect(called.body.ticket.number).toBe('W001');

    const log = (await api(hub.url, 'GET', '/api/events?limit=100')).body;
    const entries = (log.events ?? log).filter((e: any) => e.type === 'hall:configured');
    expect(entries.map((e: any) => [e.data.change, e.data.subject, e.actor])).toEqual([
      ['service_added', 'TTHC', 'Ngô Minh Quân'],
      ['counter_added', '21', 'Ngô Minh Quân'],
    ]);
    // The public feed never carries it: pages get a fresh snapshot instead.
    expect(display.events.map((e) => e.type)).not.toContain('hall:configured');
  });

  it('changing a service keeps its waiting tickets and their numbers; removing it waits until nobody waits and no counter serves it', async () => {
    hub = await startTestHub();
    const admin = await adminToken();
    await api(hub.url, 'POST', '/api/config/services', NEW_SERVICE, as(admin));
    await api(hub.url, 'POST', '/api/config/counters', { id: 21, services: ['TTHC'] }, as(admin));
    const first = (await api(hub.url, 'POST', '/api/tickets', { serviceId: 'TTHC' })).body.ticket.ticket;
    const second = (await api(hub.url, 'POST', '/api/tickets', { serviceId: 'TTHC' })).body.ticket.ticket;

    const changed = await api(
      hub.url,
      'POST',
      '/api/config/services/TTHC',
      { name: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' }, numbering: { prefix: 'V' }, dailyMax: null },
      as(admin),
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const service = changed.body.services.find((s: any) => s.id === 'TTHC');
    expect(service).toMatchObject({ name: { vi: 'Dịch vụ công trực tuyến' }, numbering: { prefix: 'V' }, waiting: 2 });
    expect(service.dailyMax).toBeUndefined();
    const waiting = (await api(hub.url, 'GET', '/api/hall')).body.waiting.filter((t: any) => t.serviceId === 'TTHC');
    expect(waiting.map((t: any) => [t.id, t.number])).toEqual([
      [first.id, 'W001'],
      [second.id, 'W002'],
    ]);
    expect((await api(hub.url, 'POST', '/api/tickets', { serviceId: 'TTHC' })).body.ticket.ticket.number).toBe('V003');

    const refused = await api(hub.url, 'DELETE', '/api/config/services/TTHC', undefined, as(admin));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'service_has_waiting', fields: [{ field: 'services.TTHC' }] });
    expect(refused.body.message).toContain('còn 3 người đang chờ');
    expect(refused.body.messageEn).toContain('3 people are waiting');

    // Each is called at counter 21 and moved to another service: nobody waits; the counter still serves it.
    expect((await api(hub.url, 'POST', '/api/counters/21/open', {})).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      expect((await api(hub.url, 'POST', '/api/counters/21/call-next', {})).status).toBe(200);
      const moved = await api(hub.url, 'POST', '/api/counters/21/transfer', { toServiceId: 'HT' });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    }
    expect((await api(hub.url, 'POST', '/api/counters/21/close', {})).status).toBe(200);
    const served = await api(hub.url, 'DELETE', '/api/config/services/TTHC', undefined, as(admin));
    expect(served.status).toBe(409);
    expect(served.body.error).toBe('service_still_served');
    expect(served.body.message).toContain('quầy 21');

    expect((await api(hub.url, 'DELETE', '/api/config/counters/21', undefined, as(admin))).status).toBe(200);
    const removed = await api(hub.url, 'DELETE', '/api/config/services/TTHC', undefined, as(admin));
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.services.some((s: any) => s.id === 'TTHC')).toBe(false);
    expect((await api(hub.url, 'POST', '/api/tickets', { serviceId: 'TTHC' })).status).toBeGreaterThanOrEqual(400);
    // The transferred tickets kept their numbers.
    const moved = (await api(hub.url, 'GET', '/api/hall')).body.waiting.filter((t: any) => [first.id, second.id].includes(t.id));
    expect(moved.map((t: any) => [t.serviceId, t.number]).sort()).toEqual([
      ['HT', 'W001'],
      ['HT', 'W002'],
    ]);
  });

  it('every bad input answers 400 (or 404, 409) naming the field, never 500, and changes nothing', async () => {
    hub = await startTestHub();
    const admin = await adminToken();
    const before = (await api(hub.url, 'GET', '/api/config', undefined, as(admin))).body;
    const takenPrefix = before.services[0].numbering.prefix;
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/config/services', { ...NEW_SERVICE, color: 'purple' }, 400, 'services.TTHC.color'],
      ['POST', '/api/config/services', { ...NEW_SERVICE, dailyMax: 'many' }, 400, 'services.TTHC.dailyMax'],
      ['POST', '/api/config/services', { ...NEW_SERVICE, name: 42 }, 400, 'services.TTHC.name'],
      ['POST', '/api/config/services', { ...NEW_SERVICE, numbering: { prefix: takenPrefix } }, 400, 'services.TTHC.numbering'],
      ['POST', '/api/config/services', { ...NEW_SERVICE, group: 'nowhere' }, 400, 'services.TTHC.group'],
      ['POST', '/api/config/services', { ...NEW_SERVICE, hours: { sat: ['11:30-07:30'] } }, 400, 'services.TTHC.hours'],
      ['POST', '/api/config/services', { ...NEW_SERVICE, colour: '#6a1b9a' }, 400, 'services.TTHC.colour'],
      ['POST', '/api/config/services', { ...NEW_SERVICE, id: 'HT' }, 409, 'HT'],
      ['POST', '/api/config/services', [NEW_SERVICE], 400, ''],
      ['POST', '/api/config/services/HT', { color: '#12' }, 400, 'services.HT.color'],
      ['POST', '/api/config/services/HT', { numbering: { prefix: 'B', digits: 3 } }, 400, 'services.HT.numbering'],
      ['POST', '/api/config/services/NOPE', { color: '#123456' }, 404, 'NOPE'],
      ['POST', '/api/config/counters', { id: 30, services: ['NOPE'] }, 400, 'counters.30.services'],
      ['POST', '/api/config/counters', { id: 30, services: [] }, 400, 'counters.30.services'],
      ['POST', '/api/config/counters', { id: 'thirty', services: ['HT'] }, 400, 'counters.new.id'],
      ['POST', '/api/config/counters', { id: 30, services: ['HT'], selection: 'random' }, 400, 'counters.30.selection'],
      ['POST', '/api/config/counters', { id: 1, services: ['HT'] }, 409, '1'],
      ['POST', '/api/config/counters/1', { services: [{ service: 'HT', weight: -1 }] }, 400, 'counters.1.services'],
      ['POST', '/api/config/counters/1', { services: ['HT', 'HT'] }, 400, 'counters.1.services'],
      ['POST', '/api/config/counters/99', { services: ['HT'] }, 404, '99'],
      ['PUT', '/api/config/hall', { agencyCode: 'H56' }, 400, 'hall.agencyCode'],
      ['PUT', '/api/config/hall', { publicUrl: 'ftp://hall' }, 400, 'hall.publicUrl'],
      ['PUT', '/api/config/hall', { name: '' }, 400, 'hall.name'],
      ['PUT', '/api/config/hall', { returnService: 'NOPE' }, 400, 'hall.returnService'],
      ['PUT', '/api/config/hall', { timeZone: 'UTC' }, 400, 'hall.timeZone'],
    ];
    for (const [method, path, body, status, field] of cases) {
      const reply = await api(hub.url, method, path, body, as(admin));
      const said = `${path} ${JSON.stringify(body)}: ${JSON.stringify(reply.body)}`;
      expect(reply.status, said).toBe(status);
      expect(reply.body.message, said).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      if (status === 400 && field)
        expect(
          reply.body.fields?.map((f: any) => f.field),
          said,
        ).toContain(field);
      else expect(`${reply.body.message} ${reply.body.messageEn}`, said).toContain(field);
    }
    expect((await api(hub.url, 'GET', '/api/config', undefined, as(admin))).body).toEqual(before);
    const log = (await api(hub.url, 'GET', '/api/events?limit=100')).body;
    expect((log.events ?? log).some((e: any) => e.type === 'hall:configured')).toBe(false);
  });

  it('an open counter is not removed; the hall settings change and reach the pages', async () => {
    hub = await startTestHub();
    const display = follow();
    await display.until(() => display.snapshots.length > 0, 'first snapshot');
    const admin = await adminToken();
    const clerk = await signIn('canbo1', 1);
    await api(hub.url, 'POST', '/api/counters/1/open', {}, as(clerk.body.token));
    const refused = await api(hub.url, 'DELETE', '/api/config/counters/1', undefined, as(admin));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'counter_in_use', fields: [{ field: 'counters.1' }] });

    const hall = await api(
      hub.url,
      'PUT',
      '/api/config/hall',
      { name: 'Trung tâm Phục vụ hành chính công phường Mới', agencyCode: '000.00.15.H56', publicUrl: 'http://192.168.1.20:8080/' },
      as(admin),
    );
    expect(hall.status, JSON.stringify(hall.body)).toBe(200);
    expect(hall.body.hall).toMatchObject({ name: 'Trung tâm Phục vụ hành chính công phường Mới', agencyCode: '000.00.15.H56', publicUrl: 'http://192.168.1.20:8080' });
    await display.until(() => display.snapshots.at(-1)!.hall.name === 'Trung tâm Phục vụ hành chính công phường Mới', 'the new name on the display');
  });

  it('only an admin changes the configuration: a manager, a clerk and the API token are refused', async () => {
    hub = await startTestHub();
    const manager = await signIn('quanly', null);
    const clerk = await signIn('canbo2', 2);
    for (const headers of [as(manager.body.token), as(clerk.body.token), {}]) {
      const reply = await api(hub.url, 'POST', '/api/config/services', NEW_SERVICE, headers);
      expect(reply.status).toBe(403);
    }
    expect((await api(hub.url, 'GET', '/api/config', undefined, as(manager.body.token))).body.error).toBe('admin_only');
    expect((await api(hub.url, 'GET', '/api/config', undefined, { authorization: null })).status).toBe(401);
  });

  it('the console’s changes outlive a restart with the same hall file, until the file changes that service', async () => {
    const dataDir = tempDataDir();
    const hallFile = demoHallWith(dataDir, () => {});
    hub = await startTestHub({ dataDir, hallFile });
    let admin = await adminToken();
    await api(hub.url, 'POST', '/api/config/services', NEW_SERVICE, as(admin));
    await api(hub.url, 'POST', '/api/config/services/DD', { color: '#1b5e20' }, as(admin));
    await api(hub.url, 'POST', '/api/config/counters/3', { services: ['DD', 'TTHC'] }, as(admin));
    await api(hub.url, 'PUT', '/api/config/hall', { agencyCode: '000.00.15.H56' }, as(admin));
    await hub.stop();

    hub = await startTestHub({ dataDir, hallFile });
    admin = await adminToken();
    let config = (await api(hub.url, 'GET', '/api/config', undefined, as(admin))).body;
    expect(config.services.find((s: any) => s.id === 'TTHC')).toMatchObject({ numbering: { prefix: 'W' } });
    expect(config.services.find((s: any) => s.id === 'DD').color).toBe('#1b5e20');
    expect(config.counters.find((c: any) => c.id === 3).services).toEqual(['DD', 'TTHC']);
    expect(config.hall.agencyCode).toBe('000.00.15.H56');
    await hub.stop();

    // The file recolours DD: the file wins for DD; the console's new service and counter 3 stay.
    demoHallWith(dataDir, (hall) => {
      hall.services.find((s: any) => s.id === 'DD').color = '#33691e';
    });
    hub = await startTestHub({ dataDir, hallFile });
    admin = await adminToken();
    config = (await api(hub.url, 'GET', '/api/config', undefined, as(admin))).body;
    expect(config.services.find((s: any) => s.id === 'DD').color).toBe('#33691e');
    expect(config.services.some((s: any) => s.id === 'TTHC')).toBe(true);
    expect(config.counters.find((c: any) => c.id === 3).services).toEqual(['DD', 'TTHC']);

    // The file now gives another service the console's prefix: the file alone stands.
    await hub.stop();
    demoHallWith(dataDir, (hall) => {
      hall.services.find((s: any) => s.id === 'DD').color = '#33691e';
      hall.services.find((s: any) => s.id === 'XD').numbering = { prefix: 'W', digits: 3 };
    });
    hub = await startTestHub({ dataDir, hallFile });
    admin = await adminToken();
    config = (await api(hub.url, 'GET', '/api/config', undefined, as(admin))).body;
    expect(config.services.some((s: any) => s.id === 'TTHC')).toBe(false);
    expect(config.counters.find((c: any) => c.id === 3).services).toEqual(['DD']);
    expect(hub.hub.hallSource).toContain('set aside');
  });
});
