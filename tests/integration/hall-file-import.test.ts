// The running configuration as a hall file: exported without secrets, accepted by the hub as its
// hall file with the same hall, and imported back through a preview that changes nothing until
// an admin applies it, once, all or nothing, with the Configuration screen's rules.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { hallFromText } from '../../server/config/hall-file.js';
import { api, RecordingClient, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
let second: TestHub | null = null;
const clients: RecordingClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await hub?.stop(true);
  await second?.stop(true);
  hub = null;
  second = null;
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });

async function signIn(h: TestHub, user: string, counterId: number | null, password = 'luot-demo') {
  return api(h.url, 'POST', '/api/staff/sign-in', { user, password, counterId }, { authorization: null });
}

async function adminToken(h: TestHub = hub!): Promise<string> {
  const reply = await signIn(h, 'quantri', null);
  expect(reply.status).toBe(200);
  return reply.body.token as string;
}

async function exported(token: string): Promise<{ status: number; type: string | null; disposition: string | null; text: string }> {
  const response = await fetch(`${hub!.url}/api/config/hall-file`, { headers: as(token) });
  return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), text: await response.text() };
}

const preview = (token: string, text: string) => api(hub!.url, 'POST', '/api/config/hall-file/preview', { text }, as(token));
const apply = (token: string, previewId: string) => api(hub!.url, 'POST', `/api/config/hall-file/${previewId}/apply`, undefined, as(token));
const configuration = async (token: string) => (await api(hub!.url, 'GET', '/api/config', undefined, as(token))).body;

/** The exported file with one change made to its data (as a person editing it would). */
function edited(text: string, change: (file: any) => void): string {
  const doc = parseDocument(text);
  const data = doc.toJS();
  change(data);
  return JSON.stringify(data);
}

describe('the hall file exported and imported in the console', () => {
  it('exports the running hall, console changes included, with no secret; the hub accepts it and gives the same hall', async () => {
    hub = await startTestHub();
    const admin = await adminToken();
    // A console change, a paired kiosk and a console account are part of the running configuration.
    expect((await api(hub.url, 'PUT', '/api/config/hall', { name: 'Trung tâm phường Hòa An (mới)' }, as(admin))).status).toBe(200);
    expect((await api(hub.url, 'POST', '/api/users', { user: 'canbo21', name: 'Đỗ Thị Hạnh', role: 'clerk', password: 'hanh-2026!', counters: [2] }, as(admin))).status).toBe(201);

    const display = await api(hub.url, 'POST', '/api/devices', { kind: 'display', name: 'Màn hình sảnh chính' }, as(admin));
    expect(display.status, JSON.stringify(display.body)).toBe(201);

    const file = await exported(admin);
    expect(file.status).toBe(200);
    // Displays are the console's: listed for the reader in a comment, never read back.
    expect(file.text).toContain('# Displays paired in the console');
    expect(file.text).toMatch(new RegExp(`# - ${display.body.device.id}: Màn hình sảnh chính \\(not paired\\)`));
    expect(file.type).toContain('application/yaml');
    expect(file.disposition).toMatch(/^attachment; filename="hall-\d{4}-\d{2}-\d{2}\.yaml"$/);
    expect(file.text.startsWith('# Hall file of Trung tâm phường Hòa An (mới)')).toBe(true);
    expect(file.text).toContain('kiosks and rating tablets have no `token:` here');
    // No secret of any kind leaves the hub.
    for (const secret of ['token', 'passwordHash', 'scrypt$', 'statusSource', 'demo-kiosk-K1-token', 'demo-rating-R1-token']) {
      expect(
        file.text
          .split('\n')
          .filter((l) => !l.startsWith('#'))
          .join('\n'),
      ).not.toContain(secret);
    }

    // The hall file's own loader and rules read it as the running hall.
    const running = hub.hub.hall.load()!;
    const read = hallFromText(file.text, join(hub.dataDir, 'exported.yaml'));
    expect(read.settings).toEqual({ ...running.settings, statusSource: read.settings.statusSource });
    expect(read.services).toEqual(running.services.filter((s) => s.active));
    expect(read.counters).toEqual(running.counters.filter((c) => c.active));
    expect(read.serialBuses).toEqual(running.serialBuses);
    expect(read.kiosks.map(({ token, tokenHash, ...k }) => k)).toEqual(running.kiosks.map(({ token, tokenHash, ...k }) => k));
    expect(read.ratingTablets.map(({ token, tokenHash, ...t }) => t)).toEqual(running.ratingTablets.map(({ token, tokenHash, ...t }) => t));
    expect(read.staff.map(({ passwordHash, ...s }) => s)).toEqual(running.staff.map(({ passwordHash, ...s }) => s));
    expect(parse(file.text).staff.find((s: any) => s.user === 'canbo21')).toEqual({ user: 'canbo21', name: 'Đỗ Thị Hạnh', role: 'clerk', counters: [2] });

    // A new hub started with it as its hall file: the same hall; the demo kiosk has no token
    // from this file, so it waits for pairing; nobody can sign in without a password held.
    const path = join(tempDataDir(), 'hall.yaml');
    writeFileSync(path, file.text);
    second = await startTestHub({ hallFile: path });
    const other = second.hub.hall.load()!;
    expect(other.settings.name).toBe('Trung tâm phường Hòa An (mới)');
    expect(other.services.map((s) => s.id)).toEqual(read.services.map((s) => s.id));
    expect(other.kiosks.find((k) => k.id === 'K1')).toMatchObject({ token: '', tokenHash: null });
    expect((await signIn(second, 'quantri', null)).status).toBe(401);
  });

  it('the same hub restarted with its own export keeps its kiosk tokens, console pairings and passwords', async () => {
    const dataDir = tempDataDir();
    hub = await startTestHub({ dataDir });
    const admin = await adminToken();
    // A kiosk paired in the console, and a password an admin reset there.
    const added = await api(hub.url, 'POST', '/api/devices', { kind: 'kiosk', name: 'Máy lấy số tầng 2', services: ['HT'] }, as(admin));
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const paired = await api(hub.url, 'POST', '/api/devices/pair', { code: added.body.pairing.code }, { authorization: null });
    expect(paired.status).toBe(200);
    const pairedToken = paired.body.token as string;
    expect((await api(hub.url, 'POST', '/api/users/canbo1/password', { password: 'mat-khau-moi-2026' }, as(admin))).status).toBe(200);

    const path = join(dataDir, 'exported.yaml');
    const text = (await exported(admin)).text;
    expect(text).not.toContain(pairedToken);
    writeFileSync(path, text);
    await hub.stop();
    hub = await startTestHub({ dataDir, hallFile: path });
    expect((await signIn(hub, 'quantri', null)).status).toBe(200);
    expect((await signIn(hub, 'canbo1', 1, 'mat-khau-moi-2026')).status).toBe(200);
    expect(hub.hub.hall.load()!.kiosks.find((k) => k.id === 'K1')?.token).toBe('demo-kiosk-K1-token');
    for (const token of ['demo-kiosk-K1-token', pairedToken]) {
      const kiosk = await fetch(`${hub.url}/api/kiosk`, { headers: as(token) });
      expect(kiosk.status, token).toBe(200);
    }
  });

  it('a file exported and imported back previews no differences, and applying it changes nothing', async () => {
    hub = await startTestHub();
    const admin = await adminToken();
    const text = (await exported(admin)).text;
    const shown = await preview(admin, text);
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body).toMatchObject({ sections: [], live: 0, notLive: 0 });
    expect(shown.body.previewId).toMatch(/^[0-9a-f-]{36}$/);
    const applied = await apply(admin, shown.body.previewId);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: 0, notApplied: 0 });
  });

  it('previews each difference by section, field by field, then applies the live ones in one step; the kiosk sees the new name, waiting tickets keep their numbers', async () => {
    hub = await startTestHub();
    const kiosk = new RecordingClient(hub.url, {});
    clients.push(kiosk);
    await kiosk.until(() => kiosk.snapshots.length > 0, 'first snapshot');
    const waiting = (await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' })).body.ticket.ticket;
    const admin = await adminToken();
    const text = edited((await exported(admin)).text, (f) => {
      f.hall.agencyCode = '000.00.14.H99';
      f.hall.noShowRestoreMinutes = 20;
      const ht = f.services.find((s: any) => s.id === 'HT');
      ht.name = { vi: 'Hộ tịch - Chứng thực', en: 'Civil status - Certification' };
      ht.dailyMax = 150;
      f.hall.serviceGroups.push({ id: 'online', name: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' } });
      f.services.push({ id: 'TTHC', name: { vi: 'Hỗ trợ dịch vụ công trực tuyến', en: 'Help with online services' }, group: 'online', numbering: { prefix: 'W' } });
      f.counters.find((c: any) => c.id === 1).services.push('TTHC');
      f.kiosks[0].name = 'Máy lấy số sảnh';
    });
    const before = await configuration(admin);
    const shown = await preview(admin, text);
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    const section = (name: string) => shown.body.sections.find((s: any) => s.section === name);
    expect(section('hall').items).toEqual([
      expect.objectContaining({
        live: true,
        fields: [
          { field: 'agencyCode', before: before.hall.agencyCode, after: '000.00.14.H99' },
          expect.objectContaining({ field: 'serviceGroups', after: expect.stringContaining('Dịch vụ công trực tuyến / Online public services') }),
        ],
      }),
      expect.objectContaining({ live: false, fields: [{ field: 'noShowRestoreMinutes', before: '15', after: '20' }] }),
    ]);
    const services = section('services').items;
    expect(services.find((i: any) => i.id === 'HT')).toMatchObject({
      change: 'changed',
      live: true,
      fields: [
        { field: 'name', before: 'Tư pháp - Hộ tịch - Chứng thực / Justice - Civil status - Certification', after: 'Hộ tịch - Chứng thực / Civil status - Certification' },
        { field: 'dailyMax', before: null, after: '150' },
      ],
    });
    expect(services.find((i: any) => i.id === 'TTHC')).toMatchObject({ change: 'added', live: true, name: 'Hỗ trợ dịch vụ công trực tuyến' });
    expect(section('counters').items).toEqual([expect.objectContaining({ id: '1', change: 'changed', live: true })]);
    expect(section('kiosks').items).toEqual([expect.objectContaining({ id: 'K1', change: 'changed', live: false })]);
    expect(shown.body).toMatchObject({ live: 4, notLive: 2 });
    // The preview changed nothing.
    expect(await configuration(admin)).toEqual(before);

    const applied = await apply(admin, shown.body.previewId);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ applied: 4, notApplied: 2 });
    expect(applied.body.configuration.hall.agencyCode).toBe('000.00.14.H99');
    await kiosk.until(() => kiosk.snapshots.at(-1)!.services.find((s) => s.id === 'HT')?.name.vi === 'Hộ tịch - Chứng thực', 'the new name on the kiosk');
    expect(kiosk.snapshots.at(-1)!.services.find((s) => s.id === 'TTHC')?.group).toBe('online');
    expect(applied.body.configuration.hall.serviceGroups.map((g: any) => g.id)).toContain('online');
    expect(kiosk.snapshots.at(-1)!.waiting.find((t) => t.id === waiting.id)?.number).toBe(waiting.number);
    // The parts not applied live stay as they were.
    expect(hub.hub.hall.load()!.settings.noShowRestoreMinutes).toBe(15);
    // Logged with who applied it.
    const log = (await api(hub.url, 'GET', '/api/events?limit=100')).body;
    const entries = (log.events ?? log).filter((e: any) => e.type === 'hall:configured');
    expect(entries.map((e: any) => [e.data.change, e.actor])).toEqual([['hall_file_imported', 'Ngô Minh Quân']]);
    expect(entries[0].data.after).toMatchObject({ settings: { agencyCode: '000.00.14.H99' }, services: { added: ['TTHC'], changed: ['HT'] }, counters: { changed: [1] }, notApplied: 2 });
    // Single use.
    expect((await apply(admin, shown.body.previewId)).status).toBe(404);
  });

  it('refuses bad files with each field, in both languages, and changes nothing', async () => {
    hub = await startTestHub();
    const admin = await adminToken();
    const text = (await exported(admin)).text;
    const before = await configuration(admin);
    const cases: [string, string, RegExp][] = [
      ['not YAML', 'hall: [unclosed', /^\(file\)$/],
      ['not a hall file', '- just\n- a list', /^\(file\)$/],
      ['wrong type', edited(text, (f) => (f.services[0].dailyMax = 'many')), /^services\.HT\.dailyMax$/],
      ['unknown field', edited(text, (f) => (f.services[0].colour = '#000000')), /^services\.HT\.colour$/],
      ['unknown service in a counter', edited(text, (f) => f.counters[0].services.push('NOPE')), /^counters\.1\.services/],
      ['duplicate prefix', edited(text, (f) => (f.services[1].numbering = { ...f.services[0].numbering })), /^services\.(HT|DD)\.numbering/],
    ];
    for (const [what, body, field] of cases) {
      const reply = await preview(admin, body);
      expect(reply.status, `${what}: ${JSON.stringify(reply.body)}`).toBe(400);
      expect(reply.body.error).toBe('config_invalid');
      expect(
        reply.body.fields.some((f: any) => field.test(f.field)),
        `${what}: ${JSON.stringify(reply.body.fields)}`,
      ).toBe(true);
      for (const f of reply.body.fields) {
        expect(f.message.length).toBeGreaterThan(3);
        expect(f.messageEn.length).toBeGreaterThan(3);
      }
    }
    expect((await api(hub.url, 'POST', '/api/config/hall-file/preview', { text: 42 }, as(admin))).status).toBe(400);
    expect(await configuration(admin)).toEqual(before);
  });

  it('a preview made stale by another change is refused, and one that removes a service people wait for applies nothing', async () => {
    hub = await startTestHub();
    const admin = await adminToken();
    const text = (await exported(admin)).text;
    const renamed = edited(text, (f) => (f.services.find((s: any) => s.id === 'DD').name = 'Đất đai (mới)'));
    const stale = await preview(admin, renamed);
    expect(stale.status).toBe(200);
    expect((await api(hub.url, 'POST', '/api/config/services/XD', { dailyMax: 90 }, as(admin))).status).toBe(200);
    const refused = await apply(admin, stale.body.previewId);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'hall_file_preview_stale' });
    expect(refused.body.message).toContain('Cấu hình đã thay đổi');
    expect((await configuration(admin)).services.find((s: any) => s.id === 'DD').name).not.toBe('Đất đai (mới)');

    // Removing a service three people wait for, with another change: nothing is applied.
    for (let i = 0; i < 3; i++) expect((await api(hub.url, 'POST', '/api/tickets', { serviceId: 'GD' })).status).toBe(201);
    const current = (await exported(admin)).text;
    const without = edited(current, (f) => {
      f.hall.name = 'Tên mới';
      f.services = f.services.filter((s: any) => s.id !== 'GD');
      for (const c of f.counters) c.services = c.services.filter((s: any) => s !== 'GD' && s.service !== 'GD');
    });
    const shown = await preview(admin, without);
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body.sections.find((s: any) => s.section === 'services').items).toEqual([expect.objectContaining({ id: 'GD', change: 'removed', live: true })]);
    const before = await configuration(admin);
    const applied = await apply(admin, shown.body.previewId);
    expect(applied.status).toBe(400);
    expect(applied.body.fields).toEqual([
      expect.objectContaining({ field: 'services.GD', message: expect.stringContaining('còn 3 người đang chờ'), messageEn: expect.stringContaining('3 people are waiting') }),
    ]);
    expect(await configuration(admin)).toEqual(before);
  });

  it('is for admins only', async () => {
    hub = await startTestHub();
    const manager = (await signIn(hub, 'quanly', null)).body.token as string;
    expect((await exported(manager)).status).toBe(403);
    expect((await preview(manager, 'hall: {}')).status).toBe(403);
    expect((await fetch(`${hub.url}/api/config/hall-file`)).status).toBe(401);
  });
});
