// Dossier codes of the two origins never collide: a province dossier linked by the very code the
// hall's own series would give next keeps its row, the local dossier gets the next free code, and
// each citizen sees their own. The store itself never writes one dossier over another.

import { afterEach, describe, expect, it } from 'vitest';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import type { Dossier } from '../../server/domain/dossier/dossier.js';
import { inject, LAN_ADDRESS, prepareCallers, type TestCaller } from '../helpers/callers.js';
import { startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  // Stopping replays the event log against the tables: a row written over would differ.
  await hub?.stop(true);
  hub = null;
});

const TZ = 'Asia/Ho_Chi_Minh';
const anyone = { address: LAN_ADDRESS, token: null };
/** The demo hall's agency code and the day below: the local series of 24/11/2026. */
const local = (n: number) => `000.00.14.H17-261124-${String(n).padStart(4, '0')}`;
const APPLICANT = { name: 'Lê Thị Hồng Nhung', idNumber: '079188004321', phone: null, address: 'Tổ 3, ấp Bình Thạnh' };

async function hallAt(dataDir = tempDataDir()) {
  hub = await startTestHub({ dataDir, clock: () => localInstant('2026-11-24', 9 * 60, TZ) });
  return { c: await prepareCallers(hub), dataDir };
}

async function serveAt(c: Record<string, TestCaller>, counterId: 1 | 2): Promise<string> {
  const clerk = counterId === 1 ? c.clerk1! : c.clerk2!;
  // The citizen the counter holds, if any, is done first.
  if ((await inject(hub!, clerk, 'GET', `/api/counters/${counterId}`)).body.current) {
    expect((await inject(hub!, clerk, 'POST', `/api/counters/${counterId}/finish`, {})).status).toBe(200);
  }
  await inject(hub!, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
  const called = await inject(hub!, clerk, 'POST', `/api/counters/${counterId}/call-next`, {});
  expect(called.status).toBe(200);
  return called.body.ticket.id as string;
}

const receive = (c: Record<string, TestCaller>, ticketId: string) =>
  inject(hub!, c.clerk2!, 'POST', '/api/dossiers', { counterId: 2, ticketId, procedureCode: 'HT.04', applicant: APPLICANT, papers: [], outcome: 'complete' });

/** The row's columns and its JSON must tell of the same dossier. */
function storedRow(code: string): { kind: string; ticket_id: string; data: Dossier } {
  const row = hub!.hub.db.prepare('SELECT kind, ticket_id, data FROM dossiers WHERE code = ?').get(code) as { kind: string; ticket_id: string; data: string };
  const data = JSON.parse(row.data) as Dossier;
  expect(data.code).toBe(code);
  expect(data.kind).toBe(row.kind);
  expect(data.ticketId).toBe(row.ticket_id);
  return { ...row, data };
}

describe('dossier codes of the province and of the hall', () => {
  it('a province dossier linked by the next local code keeps it; the dossier received next gets the one after', async () => {
    const { c, dataDir } = await hallAt();
    const provinceTicket = await serveAt(c, 1);
    const linked = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers/link', { counterId: 1, ticketId: provinceTicket, code: local(1) });
    expect(linked.status).toBe(201);

    const localTicket = await serveAt(c, 2);
    const received = await receive(c, localTicket);
    expect(received.status).toBe(201);
    expect(received.body).toMatchObject({ code: local(2), kind: 'local', ticketId: localTicket });

    // Both intact, in the staff's reads and on disk.
    const province = await inject(hub!, c.manager!, 'GET', `/api/dossiers/${local(1)}`);
    expect(province.body).toMatchObject({ code: local(1), kind: 'linked', ticketId: provinceTicket, applicant: null, counterId: 1 });
    const own = await inject(hub!, c.manager!, 'GET', `/api/dossiers/${local(2)}`);
    expect(own.body).toMatchObject({ code: local(2), kind: 'local', ticketId: localTicket, applicant: { name: APPLICANT.name, idNumber: APPLICANT.idNumber }, counterId: 2 });
    expect(storedRow(local(1))).toMatchObject({ kind: 'linked', ticket_id: provinceTicket, data: { applicant: null } });
    expect(storedRow(local(2))).toMatchObject({ kind: 'local', ticket_id: localTicket, data: { applicant: { name: APPLICANT.name } } });
    // Each ticket lists its own dossier only.
    expect((await inject(hub!, c.clerk1!, 'GET', `/api/dossiers?ticketId=${provinceTicket}`)).body.map((d: Dossier) => d.code)).toEqual([local(1)]);
    expect((await inject(hub!, c.clerk2!, 'GET', `/api/dossiers?ticketId=${localTicket}`)).body.map((d: Dossier) => d.code)).toEqual([local(2)]);

    // Each citizen, looking up their code, sees their own dossier.
    const provinceCitizen = await inject(hub!, anyone, 'GET', `/api/lookup/${local(1)}?check=${province.body.checkCode}`);
    expect(provinceCitizen.status).toBe(200);
    expect(provinceCitizen.body).toMatchObject({ code: local(1), kind: 'linked', applicant: null });
    const localCitizen = await inject(hub!, anyone, 'GET', `/api/lookup/${local(2)}?check=${own.body.checkCode}`);
    expect(localCitizen.body).toMatchObject({ code: local(2), kind: 'local', applicant: 'L* T** H*** N***' });

    // Several codes ahead: the series skips each, and goes on after a restart.
    const more = await serveAt(c, 1);
    for (const n of [3, 4, 6]) expect((await inject(hub!, c.clerk1!, 'POST', '/api/dossiers/link', { counterId: 1, ticketId: more, code: local(n) })).status).toBe(201);
    expect((await receive(c, localTicket)).body.code).toBe(local(5));
    await hub!.stop();
    const again = (await hallAt(dataDir)).c;
    expect((await receive(again, await serveAt(again, 2))).body.code).toBe(local(7));
    for (const n of [3, 4, 6]) expect(storedRow(local(n))).toMatchObject({ kind: 'linked', ticket_id: more });
    expect(storedRow(local(5))).toMatchObject({ kind: 'local', ticket_id: localTicket });
  });

  it('a code the hall gave is never taken over by a link', async () => {
    const { c } = await hallAt();
    const localTicket = await serveAt(c, 2);
    expect((await receive(c, localTicket)).body.code).toBe(local(1));
    const other = await serveAt(c, 1);
    const taken = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers/link', { counterId: 1, ticketId: other, code: local(1) });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe('dossier_code_taken');
    expect(storedRow(local(1))).toMatchObject({ kind: 'local', ticket_id: localTicket, data: { applicant: { name: APPLICANT.name } } });
  });

  it('the store refuses to write a dossier over another one with the same code, and keeps the first', async () => {
    const { c } = await hallAt();
    const provinceTicket = await serveAt(c, 1);
    await inject(hub!, c.clerk1!, 'POST', '/api/dossiers/link', { counterId: 1, ticketId: provinceTicket, code: local(1) });
    const before = storedRow(local(1));
    const impostor: Dossier = { ...before.data, kind: 'local', ticketId: 'another-ticket', applicant: { ...APPLICANT } };
    const store = hub!.hub.dossiers;
    expect(() => hub!.hub.db.transaction(() => store.save(impostor))()).toThrow(/stored as another dossier/);
    expect(() => hub!.hub.db.transaction(() => store.save({ ...before.data, openedAt: before.data.openedAt + 1 }))()).toThrow(/stored as another dossier/);
    expect(storedRow(local(1))).toEqual(before);
    // The same dossier, changed, is written.
    store.save({ ...before.data, status: 4 });
    expect(storedRow(local(1)).data.status).toBe(4);
    store.save(before.data);
  });

  it('nor a ticket over another ticket with the same id', async () => {
    const { c } = await hallAt();
    const ticketId = await serveAt(c, 1);
    const stored = hub!.hub.live.ticket(ticketId)!;
    const row = () => hub!.hub.db.prepare('SELECT * FROM tickets WHERE id = ?').get(ticketId);
    const before = row();
    expect(() => hub!.hub.db.transaction(() => hub!.hub.tickets.saveTicket({ ...stored, issuedAt: stored.issuedAt + 1, status: 'waiting' }))()).toThrow(/stored as another ticket/);
    expect(row()).toEqual(before);
  });
});
