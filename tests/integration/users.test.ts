// Accounts managed by an admin through the API the manager console calls: added, changed,
// disabled, their passwords reset; each change in the event log with who made it; bad input
// answers 400 naming the field; the changes outlive a restart with the same hall file.

import { afterEach, describe, expect, it } from 'vitest';
import { demoHallWith } from '../helpers/hall-files.js';
import { api, RecordingClient, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

const DEMO_PASSWORD = 'luot-demo';
let hub: TestHub | null = null;

afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });

async function signIn(user: string, counterId: number | null, password = DEMO_PASSWORD) {
  return api(hub!.url, 'POST', '/api/staff/sign-in', { user, password, counterId }, { authorization: null });
}

async function adminToken(): Promise<string> {
  const reply = await signIn('quantri', null);
  expect(reply.status).toBe(200);
  expect(reply.body.session.role).toBe('admin');
  return reply.body.token as string;
}

describe('accounts in the console', () => {
  it('an admin adds a clerk who then signs in and calls; the log names the admin, never the password', async () => {
    hub = await startTestHub();
    const display = new RecordingClient(hub.url);
    await display.until(() => display.snapshots.length > 0, 'snapshot');
    const admin = await adminToken();
    const added = await api(hub.url, 'POST', '/api/users', { user: 'canbo21', name: 'Đỗ Thị Hạnh', role: 'clerk', password: 'hanh-2026!', counters: [4] }, as(admin));
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ user: 'canbo21', name: 'Đỗ Thị Hạnh', role: 'clerk', counters: [4], fields: [], services: [], active: true });

    const list = await api(hub.url, 'GET', '/api/users', undefined, as(admin));
    expect(list.body.find((a: any) => a.user === 'canbo21')).toEqual(added.body);
    expect(JSON.stringify(list.body)).not.toContain('scrypt');

    expect((await signIn('canbo21', 5, 'hanh-2026!')).status).toBe(403);
    const clerk = await signIn('canbo21', 4, 'hanh-2026!');
    expect(clerk.status).toBe(200);
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD' });
    const called = await api(hub.url, 'POST', '/api/counters/4/call-next', {}, as(clerk.body.token));
    expect(called.status).toBe(200);

    const log = await api(hub.url, 'GET', '/api/events?limit=50');
    const entry = (log.body.events ?? log.body).find((e: any) => e.type === 'staff:changed');
    expect(entry.actor).toBe('Ngô Minh Quân');
    expect(entry.data).toMatchObject({ account: { user: 'canbo21', role: 'clerk' }, change: 'added' });
    expect(JSON.stringify(log.body)).not.toContain('hanh-2026!');
    // Pages hear the call, never the account's change.
    await display.until(() => display.events.some((e) => e.type === 'ticket:called'), 'the call');
    expect(display.events.map((e) => e.type)).not.toContain('staff:changed');
    display.close();
  });

  it('disabling ends the sessions at once; a reset password works and the old one does not', async () => {
    hub = await startTestHub();
    const admin = await adminToken();
    const lan = await signIn('canbo1', 1);
    const disabled = await api(hub.url, 'POST', '/api/users/canbo1', { active: false }, as(admin));
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    expect((await api(hub.url, 'POST', '/api/counters/1/call-next', {}, as(lan.body.token))).status).toBe(401);
    expect((await signIn('canbo1', 1)).status).toBe(401);

    await api(hub.url, 'POST', '/api/users/canbo1', { active: true }, as(admin));
    const reset = await api(hub.url, 'POST', '/api/users/canbo1/password', { password: 'mat-khau-moi' }, as(admin));
    expect(reset.status).toBe(200);
    expect((await signIn('canbo1', 1)).status).toBe(401);
    expect((await signIn('canbo1', 1, 'mat-khau-moi')).status).toBe(200);

    const log = await api(hub.url, 'GET', '/api/events?limit=50');
    const changes = (log.body.events ?? log.body).filter((e: any) => e.type === 'staff:changed').map((e: any) => e.data.change);
    expect(changes).toEqual(['disabled', 'enabled', 'password_reset']);
  });

  it('only an admin manages accounts: a manager, a clerk and the API token are refused', async () => {
    hub = await startTestHub();
    const manager = await signIn('quanly', null);
    const clerk = await signIn('canbo2', 2);
    const body = { user: 'moi', name: 'Người Mới', role: 'clerk', password: 'mat-khau-1' };
    expect((await api(hub.url, 'POST', '/api/users', body, as(manager.body.token))).body.error).toBe('admin_only');
    expect((await api(hub.url, 'POST', '/api/users', body, as(clerk.body.token))).status).toBe(403);
    expect((await api(hub.url, 'POST', '/api/users', body)).status).toBe(403);
    expect((await api(hub.url, 'GET', '/api/users', undefined, { authorization: null })).status).toBe(401);
  });

  it('bad input answers 400 (or 409) naming the field, and changes nothing', async () => {
    hub = await startTestHub();
    const admin = await adminToken();
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/users', { user: 'A B', name: 'X', role: 'clerk', password: 'mat-khau-1' }, 400, 'user'],
      ['POST', '/api/users', { user: 'moi', name: '  ', role: 'clerk', password: 'mat-khau-1' }, 400, 'name'],
      ['POST', '/api/users', { user: 'moi', name: 'Người Mới', role: 'boss', password: 'mat-khau-1' }, 400, 'role'],
      ['POST', '/api/users', { user: 'moi', name: 'Người Mới', role: 'clerk', password: 'ngan' }, 400, 'password'],
      ['POST', '/api/users', { user: 'moi', name: 'Người Mới', role: 'clerk', password: 'mat-khau-1', counters: ['x'] }, 400, 'counters'],
      ['POST', '/api/users', { user: 'moi', name: 'Người Mới', role: 'clerk', password: 'mat-khau-1', counters: [99] }, 400, 'counters'],
      ['POST', '/api/users', { user: 'moi', name: 'Người Mới', role: 'clerk', password: 'mat-khau-1', admin: true }, 400, 'admin'],
      ['POST', '/api/users', { user: 'canbo1', name: 'Người Mới', role: 'clerk', password: 'mat-khau-1' }, 409, 'canbo1'],
      ['POST', '/api/users/canbo1', {}, 400, ''],
      ['POST', '/api/users/canbo1', { active: 'no' }, 400, 'active'],
      ['POST', '/api/users/khongco', { active: false }, 404, 'khongco'],
      ['POST', '/api/users/canbo1/password', { password: 123 }, 400, 'password'],
      ['POST', '/api/users/quantri', { role: 'clerk' }, 409, ''],
    ];
    for (const [method, path, body, status, field] of cases) {
      const reply = await api(hub.url, method, path, body, as(admin));
      expect(reply.status, `${path} ${JSON.stringify(body)}: ${JSON.stringify(reply.body)}`).toBe(status);
      expect(`${reply.body.message} ${reply.body.messageEn}`).toContain(field);
    }
    const list = await api(hub.url, 'GET', '/api/users', undefined, as(admin));
    expect(list.body.some((a: any) => a.user === 'moi')).toBe(false);
    expect(list.body.find((a: any) => a.user === 'quantri').role).toBe('admin');
  });

  it('changes made in the console outlive a restart with the same hall file, until the file changes that user', async () => {
    const dataDir = tempDataDir();
    const hallFile = demoHallWith(dataDir, () => {});
    hub = await startTestHub({ dataDir, hallFile });
    const admin = await adminToken();
    await api(hub.url, 'POST', '/api/users', { user: 'canbo21', name: 'Đỗ Thị Hạnh', role: 'clerk', password: 'hanh-2026!' }, as(admin));
    await api(hub.url, 'POST', '/api/users/canbo2', { name: 'Trần Văn Minh B', role: 'manager' }, as(admin));
    await hub.stop();

    hub = await startTestHub({ dataDir, hallFile });
    const admin2 = await adminToken();
    let list = (await api(hub.url, 'GET', '/api/users', undefined, as(admin2))).body;
    expect(list.find((a: any) => a.user === 'canbo21')?.name).toBe('Đỗ Thị Hạnh');
    expect(list.find((a: any) => a.user === 'canbo2')).toMatchObject({ name: 'Trần Văn Minh B', role: 'manager' });
    await hub.stop();

    // The file renames canbo2: the file wins for that user; the console's new clerk stays.
    demoHallWith(dataDir, (hall) => {
      hall.staff.find((s: any) => s.user === 'canbo2').name = 'Trần Văn Minh C';
    });
    hub = await startTestHub({ dataDir, hallFile });
    list = (await api(hub.url, 'GET', '/api/users', undefined, as(await adminToken()))).body;
    expect(list.find((a: any) => a.user === 'canbo2')).toMatchObject({ name: 'Trần Văn Minh C', role: 'clerk' });
    expect(list.find((a: any) => a.user === 'canbo21')?.name).toBe('Đỗ Thị Hạnh');
  });
});
