// The hall's weekly opening hours changed live by an admin (PUT /api/config/hall { hours }):
// checked with the hall file's own rules (400 naming hall.hours, nothing applied), then the
// kiosk's feed and the ticket route follow at once, the change is logged, outlives a restart
// with the same hall file, and a hall file imported in the console applies its hours live too.

import { stringify } from 'yaml';
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
// Wednesday 2 December 2026, 10:00 in Hà Nội: a working day, mid-morning.
const WEDNESDAY_10AM = Date.UTC(2026, 11, 2, 3, 0);
const clock = () => WEDNESDAY_10AM;

async function adminToken(): Promise<string> {
  const reply = await api(hub!.url, 'POST', '/api/staff/sign-in', { user: 'quantri', password: 'luot-demo', counterId: null }, { authorization: null });
  expect(reply.status).toBe(200);
  return reply.body.token as string;
}

const configuration = async (token: string) => (await api(hub!.url, 'GET', '/api/config', undefined, as(token))).body;
const configuredEvents = async () => {
  const log = (await api(hub!.url, 'GET', '/api/events?limit=100')).body;
  return (log.events ?? log).filter((e: any) => e.type === 'hall:configured');
};

describe("the hall's opening hours configured live", () => {
  it('bad hours answer 400 naming hall.hours, in Vietnamese and English, and change nothing', async () => {
    hub = await startTestHub({ clock });
    const admin = await adminToken();
    const before = await configuration(admin);
    expect(before.hall.hours).toBeNull();
    const cases: unknown[] = [
      { 'mon-fri': ['11:30-07:30'] },
      { 'mon-fri': ['07:30-11:30', '11:00-17:00'] },
      { 'mon-fri': ['7h30-11h30'] },
      { 'mon-fri': ['07:30-11:30'], wed: ['08:00-12:00'] },
      { 'fri-mon': ['07:30-11:30'] },
      { open: '17:00', close: '07:00' },
      {},
      'mon-fri 07:30-11:30',
    ];
    for (const hours of cases) {
      const reply = await api(hub.url, 'PUT', '/api/config/hall', { name: 'Renamed while refused', hours }, as(admin));
      const said = `${JSON.stringify(hours)}: ${JSON.stringify(reply.body)}`;
      expect(reply.status, said).toBe(400);
      expect(
        reply.body.fields?.map((f: any) => f.field),
        said,
      ).toContain('hall.hours');
      expect(reply.body.message, said).toMatch(/giờ|không/);
      expect(reply.body.messageEn, said).toMatch(/hours/);
    }
    expect(await configuration(admin)).toEqual(before);
    expect(await configuredEvents()).toEqual([]);
  });

  it('new hours close the kiosk and the ticket route at once, null opens them around the clock again; logged; kept over a restart', async () => {
    const dataDir = tempDataDir();
    const hallFile = demoHallWith(dataDir, () => {});
    hub = await startTestHub({ dataDir, hallFile, clock });
    const kiosk = new RecordingClient(hub.url, {});
    clients.push(kiosk);
    await kiosk.until(() => kiosk.snapshots.length > 0, 'first snapshot');
    expect(kiosk.snapshots.at(-1)!.services.find((s) => s.id === 'HT')).toMatchObject({ open: true });
    const admin = await adminToken();

    // Afternoons only: at 10:00 the hall is closed until 13:30.
    const changed = await api(hub.url, 'PUT', '/api/config/hall', { hours: { 'mon-fri': ['13:30-17:00'], sat: ['07:30-11:30'] } }, as(admin));
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.hall.hours).toEqual({ 'mon-fri': ['13:30-17:00'], sat: ['07:30-11:30'] });
    const closed = await kiosk.until(() => {
      const ht = kiosk.snapshots.at(-1)!.services.find((s) => s.id === 'HT');
      return ht && !ht.open ? ht : null;
    }, 'HT closed on the kiosk');
    expect(closed!.closedReason).toBe('hours');
    expect(closed!.opensAt).toBe(Date.UTC(2026, 11, 2, 6, 30));
    const refused = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.messageEn).toMatch(/13:30/);

    const [entry] = await configuredEvents();
    expect(entry).toMatchObject({ data: { change: 'hall', after: { hours: expect.any(Array) } } });
    expect(entry.actor).toBe('Ngô Minh Quân');

    await hub.stop();
    hub = await startTestHub({ dataDir, hallFile, clock });
    let token = await adminToken();
    expect((await configuration(token)).hall.hours).toEqual({ 'mon-fri': ['13:30-17:00'], sat: ['07:30-11:30'] });
    expect((await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' })).status).toBe(409);

    const around = await api(hub.url, 'PUT', '/api/config/hall', { hours: null }, as(token));
    expect(around.status, JSON.stringify(around.body)).toBe(200);
    expect(around.body.hall.hours).toBeNull();
    expect((await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' })).status).toBe(201);

    // The file now says new hours: the file wins over the console's.
    await hub.stop();
    demoHallWith(dataDir, (hall) => {
      hall.hall.hours = { 'mon-sat': ['07:00-11:00'] };
    });
    hub = await startTestHub({ dataDir, hallFile, clock });
    token = await adminToken();
    expect((await configuration(token)).hall.hours).toEqual({ 'mon-sat': ['07:00-11:00'] });
  });

  it('a hall file imported in the console applies its hours live', async () => {
    hub = await startTestHub({ clock });
    const admin = await adminToken();
    const text = await fetch(`${hub.url}/api/config/hall-file`, { headers: as(admin) }).then((r) => r.text());
    const { parse } = await import('yaml');
    const file = parse(text);
    file.hall.hours = { 'mon-fri': ['13:30-17:00'] };
    const shown = await api(hub.url, 'POST', '/api/config/hall-file/preview', { text: stringify(file) }, as(admin));
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    const hall = shown.body.sections.find((s: any) => s.section === 'hall');
    expect(hall.items).toEqual([expect.objectContaining({ live: true, fields: [expect.objectContaining({ field: 'hours', before: '—' })] })]);
    const applied = await api(hub.url, 'POST', `/api/config/hall-file/${shown.body.previewId}/apply`, undefined, as(admin));
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.configuration.hall.hours).toEqual({ 'mon-fri': ['13:30-17:00'] });
    expect((await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' })).status).toBe(409);
  });
});
