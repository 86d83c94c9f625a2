// Whose dossiers a clerk handles, set by an admin in the console: the fields and services are
// checked against the catalogue and the hall (400 naming the field), kept like the role and the
// counters, logged with the admin's name, and they apply to the clerk's very next request, with
// the session they already hold. And the counter's "due soon" list finds the clerk's dossiers
// however many of other agencies' fall due before them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import { inject, LAN_ADDRESS, signIn, type TestCaller } from '../helpers/callers.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
const clock = { now: localInstant('2026-11-24', 8 * 60, 'Asia/Ho_Chi_Minh') };
let admin: TestCaller;
let htClerk: TestCaller;
let police: TestCaller;
let electricity: TestCaller;
const htCodes: string[] = [];
let caCode = '';

/** More than a page of the lists: the civil-status dossiers, due today, all fall before the police's. */
const HT_DOSSIERS = 205;

async function token(user: string, counterId: number | null, password?: string): Promise<TestCaller> {
  const reply = await signIn(hub, user, counterId, LAN_ADDRESS, password);
  if (reply.status !== 200) throw new Error(`${user}: ${reply.text}`);
  return { name: 'clerk1', address: LAN_ADDRESS, token: reply.body.token as string };
}

async function serve(clerk: TestCaller, counterId: number, serviceId: string): Promise<string> {
  await inject(hub, { address: LAN_ADDRESS, token: hub.hub.apiToken }, 'POST', '/api/tickets', { serviceId });
  const called = await inject(hub, clerk, 'POST', `/api/counters/${counterId}/call-next`, { finishCurrent: true });
  expect(called.status, called.text).toBe(200);
  return called.body.ticket.id as string;
}

async function receive(clerk: TestCaller, counterId: number, ticketId: string, procedureCode: string, n: number): Promise<string> {
  const body = {
    counterId,
    ticketId,
    procedureCode,
    applicant: { name: `Người Nộp ${n}`, idNumber: `0010990${String(n).padStart(5, '0')}`, address: 'Phường Hòa An' },
    papers: [],
    outcome: 'complete',
  };
  const received = await inject(hub, clerk, 'POST', '/api/dossiers', body);
  expect(received.status, received.text).toBe(201);
  return received.body.code as string;
}

const codesOf = (reply: { body: unknown }) => (reply.body as { code: string }[]).map((d) => d.code);
const setScope = (user: string, body: unknown) => inject(hub, admin, 'POST', `/api/users/${user}`, body);

beforeAll(async () => {
  hub = await startTestHub({ clock: () => clock.now });
  admin = await token('quantri', null);
  htClerk = await token('canbo1', 1);
  police = await token('canbo8', 8);
  electricity = await token('canbo11', 11);
  // One citizen files many civil-status papers at counter 1 (same-day procedures, due at 15:00).
  const htTicket = await serve(htClerk, 1, 'HT');
  for (let n = 0; n < HT_DOSSIERS; n++) htCodes.push(await receive(htClerk, 1, htTicket, 'HT.01', n));
  // The police receive one residence dossier at counter 8, due in 3 working days.
  caCode = await receive(police, 8, await serve(police, 8, 'CA'), 'CA.02', 999);
  for (const [clerk, counter] of [
    [htClerk, 1],
    [police, 8],
  ] as const) {
    expect((await inject(hub, clerk, 'POST', `/api/counters/${counter}/finish`, {})).status).toBe(200);
  }
}, 120_000);
afterAll(async () => {
  await hub.stop(true);
});

describe("a clerk's dossiers, set in the console", () => {
  it('apply to the next request of the session the clerk holds, and are logged with the admin', async () => {
    const before = await inject(hub, electricity, 'GET', '/api/dossiers?view=open');
    expect(before.status).toBe(200);
    expect(codesOf(before)).toEqual([]);
    expect((await inject(hub, electricity, 'GET', `/api/dossiers/${htCodes[0]}`)).status).toBe(404);

    // Spelt without accents and in another case: kept as the catalogue spells it.
    const changed = await setScope('canbo11', { fields: ['ho tich'], services: ['DIEN'] });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ user: 'canbo11', fields: ['Hộ tịch'], services: ['DIEN'] });

    // Same token, no new sign-in: the civil-status dossiers are now the electricity clerk's.
    const after = await inject(hub, electricity, 'GET', '/api/dossiers?view=open');
    expect(after.status).toBe(200);
    expect(codesOf(after).sort()).toEqual([...htCodes].sort());
    expect((await inject(hub, electricity, 'GET', `/api/dossiers/${htCodes[0]}`)).status).toBe(200);
    expect((await inject(hub, electricity, 'GET', `/api/dossiers/${caCode}`)).status).toBe(404);

    const users = await inject(hub, admin, 'GET', '/api/users');
    expect(users.body.find((a: { user: string }) => a.user === 'canbo11')).toMatchObject({ fields: ['Hộ tịch'], services: ['DIEN'] });
    const log = await inject(hub, { address: LAN_ADDRESS, token: hub.hub.apiToken }, 'GET', '/api/events?limit=500');
    const entry = ((log.body.events ?? log.body) as { type: string; actor: string; data: any }[]).filter((e) => e.type === 'staff:changed').at(-1)!;
    expect(entry.actor).toBe('Ngô Minh Quân');
    expect(entry.data).toMatchObject({ account: { user: 'canbo11', fields: ['Hộ tịch'], services: ['DIEN'] }, change: 'changed' });

    // Taken away again: at once too.
    expect((await setScope('canbo11', { fields: [] })).status).toBe(200);
    expect(codesOf(await inject(hub, electricity, 'GET', '/api/dossiers?view=open'))).toEqual([]);
  });

  it('name a field of the catalogue and a service of the hall, or are refused with the field named', async () => {
    const cases: [string, unknown, string][] = [
      ['canbo11', { fields: ['Thủy sản'] }, 'fields'],
      ['canbo11', { fields: [''] }, 'fields'],
      ['canbo11', { fields: 'Hộ tịch' }, 'fields'],
      ['canbo11', { services: ['KHONGCO'] }, 'services'],
      ['canbo11', { services: [7] }, 'services'],
      ['xuly1', { fields: [] }, 'fields'],
      ['canbo11', { role: 'back_office', services: [] }, 'fields'],
    ];
    for (const [user, body, field] of cases) {
      const reply = await setScope(user, body);
      expect(reply.status, `${user} ${JSON.stringify(body)}: ${reply.text}`).toBe(400);
      expect(`${reply.body.message} ${reply.body.messageEn}`).toContain(field);
    }
    const add = await inject(hub, admin, 'POST', '/api/users', { user: 'xuly9', name: 'Hà Văn Sơn', role: 'back_office', password: 'mat-khau-1' });
    expect(add.status).toBe(400);
    expect(add.body.messageEn).toContain('fields');
    const added = await inject(hub, admin, 'POST', '/api/users', { user: 'xuly9', name: 'Hà Văn Sơn', role: 'back_office', password: 'mat-khau-1', fields: ['Đăng ký, quản lý cư trú'] });
    expect(added.status, added.text).toBe(201);
    expect(added.body).toEqual({ user: 'xuly9', name: 'Hà Văn Sơn', role: 'back_office', counters: [], fields: ['Đăng ký, quản lý cư trú'], services: [], active: true });
    const backOffice = await token('xuly9', null, 'mat-khau-1');
    expect(codesOf(await inject(hub, backOffice, 'GET', '/api/dossiers?view=open'))).toEqual([caCode]);

    // Nothing refused was kept.
    const users = (await inject(hub, admin, 'GET', '/api/users')).body as { user: string; fields: string[]; services: string[]; role: string }[];
    expect(users.find((a) => a.user === 'canbo11')).toMatchObject({ role: 'clerk', fields: [], services: ['DIEN'] });
    expect(users.find((a) => a.user === 'xuly1')).toMatchObject({ fields: ['Hộ tịch', 'Chứng thực'] });
  });

  it("the counter's due-soon list finds the clerk's dossier behind more than a page of other agencies'", async () => {
    const dueSoon = await inject(hub, police, 'GET', '/api/dossiers?dueWithinHours=120&counterId=8');
    expect(dueSoon.status, dueSoon.text).toBe(200);
    expect(codesOf(dueSoon)).toEqual([caCode]);
    // The civil-status clerk sees all of theirs, up to the list's 200, soonest first.
    const own = await inject(hub, htClerk, 'GET', '/api/dossiers?dueWithinHours=120&counterId=1');
    expect(codesOf(own)).toHaveLength(200);
    expect(new Set(codesOf(own)).size).toBe(200);
    for (const code of codesOf(own)) expect(htCodes).toContain(code);
  });
});
