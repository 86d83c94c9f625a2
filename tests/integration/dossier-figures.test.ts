// The leader's dossier figures on a real hub: counted per list, per procedure and per clerk from
// dossiers received and moved on at the counters, each figure the length of the list behind it;
// a clerk counts only the dossiers of their fields, a manager the centre's; bad input is a 400.

import { afterEach, describe, expect, it } from 'vitest';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import { inject, prepareCallers, signIn, LAN_ADDRESS, type TestCaller } from '../helpers/callers.js';
import { startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

const TZ = 'Asia/Ho_Chi_Minh';
const APPLICANT = { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: '0912345678', address: 'Số 5 đường Hoa Sữa, phường Hòa An' };
const none = { due_today: 0, overdue: 0, papers: 0, fees: 0, ready: 0 };

describe('the dossier figures', () => {
  it('count each list per procedure and per clerk; each figure opens the list behind it; a clerk sees only their fields', async () => {
    // Tuesday 24/11/2026 at 09:00.
    const clock = { now: localInstant('2026-11-24', 9 * 60, TZ) };
    hub = await startTestHub({ dataDir: tempDataDir(), clock: () => clock.now });
    const c = await prepareCallers(hub);
    const land = { address: LAN_ADDRESS, token: (await signIn(hub, 'canbo3', 3)).body.token as string };

    const receive = async (clerk: Pick<TestCaller, 'address' | 'token'>, counterId: number, serviceId: string, procedureCode: string) => {
      await inject(hub!, c.api, 'POST', '/api/tickets', { serviceId });
      const ticketId = (await inject(hub!, clerk, 'POST', `/api/counters/${counterId}/call-next`, { finishCurrent: true })).body.ticket.id;
      const r = await inject(hub!, clerk, 'POST', '/api/dossiers', { counterId, ticketId, procedureCode, applicant: APPLICANT, papers: [], outcome: 'complete' });
      expect(r.status, r.text).toBe(201);
      return r.body.code as string;
    };
    const step = async (code: string, action: string, extra: Record<string, unknown> = {}) =>
      expect((await inject(hub!, c.backOffice, 'POST', `/api/dossiers/${code}/status`, { action, ...extra })).status).toBe(200);

    // Counter 1 (Nguyễn Thị Lan) receives a certificate of marital status (3 working days: to the
    // end of Friday) and two signature certifications (same day before 15:00: to the end of today).
    const marital = await receive(c.clerk1, 1, 'HT', 'HT.04');
    const cert1 = await receive(c.clerk1, 1, 'HT', 'CT.02');
    const cert2 = await receive(c.clerk1, 1, 'HT', 'CT.02');
    // Counter 3 (Lê Thị Hương) receives a land dossier (8 working days).
    const landCode = await receive(land, 3, 'DD', 'DD.02');
    // The back office (Nguyễn Văn Bình) asks for papers on the marital status and finishes one certification.
    await step(marital, 'requestPapers', { missingPapers: ['Giấy chứng sinh'] });
    await step(cert2, 'complete');

    const figures = async (caller: Pick<TestCaller, 'address' | 'token'>) => {
      const r = await inject(hub!, caller, 'GET', '/api/dossiers/figures');
      expect(r.status, r.text).toBe(200);
      return r.body;
    };
    const today = await figures(c.manager);
    expect(today.totals).toEqual({ ...none, due_today: 1, papers: 1, ready: 1 });
    // In the order of the procedures' names: "Cấp Giấy xác nhận…", "Chứng thực chữ ký…".
    expect(today.byProcedure.map((r: any) => [r.key, r.counts])).toEqual([
      ['HT.04', { ...none, papers: 1 }],
      ['CT.02', { ...none, due_today: 1, ready: 1 }],
    ]);
    expect(today.byProcedure[1].name.vi).toBe('Chứng thực chữ ký trong giấy tờ, văn bản');
    expect(today.byReceiver.map((r: any) => [r.key, r.counts])).toEqual([['Nguyễn Thị Lan', { ...none, due_today: 1, papers: 1, ready: 1 }]]);
    expect(today.byHolder.map((r: any) => [r.key, r.counts])).toEqual([
      ['Nguyễn Thị Lan', { ...none, due_today: 1 }],
      ['Nguyễn Văn Bình', { ...none, papers: 1, ready: 1 }],
    ]);

    // Wednesday: the certification not finished is late.
    // A new working day: everyone signs in again; the land back office (Lê Minh Châu) asks for the land dossier's fees.
    clock.now = localInstant('2026-11-25', 9 * 60, TZ);
    Object.assign(c, await prepareCallers(hub));
    land.token = (await signIn(hub, 'canbo3', 3)).body.token;
    const landOffice = { address: LAN_ADDRESS, token: (await signIn(hub, 'xuly2', null)).body.token as string };
    expect((await inject(hub, landOffice, 'POST', `/api/dossiers/${landCode}/status`, { action: 'requestFees' })).status).toBe(200);
    const wednesday = await figures(c.manager);
    expect(wednesday.totals).toEqual({ ...none, overdue: 1, papers: 1, fees: 1, ready: 1 });
    expect(wednesday.byProcedure.map((r: any) => r.key)).toEqual(['HT.04', 'CT.02', 'DD.02']);

    // Each figure is the list behind it, read with the caller's scope.
    const list = async (caller: Pick<TestCaller, 'address' | 'token'>, query: string) => {
      const r = await inject(hub!, caller, 'GET', `/api/dossiers?${query}`);
      expect(r.status, r.text).toBe(200);
      return r.body.map((d: any) => d.code);
    };
    expect(await list(c.manager, 'view=overdue&procedure=CT.02')).toEqual([cert1]);
    expect(await list(c.manager, `view=papers&heldBy=${encodeURIComponent('Nguyễn Văn Bình')}`)).toEqual([marital]);
    expect(await list(c.manager, `view=ready&receivedBy=${encodeURIComponent('Nguyễn Thị Lan')}&procedure=CT.02`)).toEqual([cert2]);
    expect(await list(c.manager, `view=fees&receivedBy=${encodeURIComponent('Lê Thị Hương')}`)).toEqual([landCode]);
    expect(await list(c.manager, `view=fees&heldBy=${encodeURIComponent('Lê Minh Châu')}`)).toEqual([landCode]);
    expect(await list(c.manager, `view=papers&heldBy=${encodeURIComponent('Nguyễn Thị Lan')}`)).toEqual([]);
    for (const grouping of ['byProcedure', 'byReceiver', 'byHolder'] as const) {
      const param = { byProcedure: 'procedure', byReceiver: 'receivedBy', byHolder: 'heldBy' }[grouping];
      for (const row of wednesday[grouping])
        for (const [view, count] of Object.entries(row.counts))
          expect((await list(c.manager, `view=${view}&${param}=${encodeURIComponent(row.key)}`)).length, `${grouping} ${row.key} ${view}`).toBe(count);
    }

    // Counter 1's clerk handles civil status and certification, not land: the land dossier is not in their figures or lists.
    const clerk = await figures(c.clerk1);
    expect(clerk.totals).toEqual({ ...none, overdue: 1, papers: 1, ready: 1 });
    expect(clerk.byProcedure.map((r: any) => r.key)).toEqual(['HT.04', 'CT.02']);
    expect(await list(c.clerk1, `view=fees&receivedBy=${encodeURIComponent('Lê Thị Hương')}`)).toEqual([]);
    // Counter 3's clerk: only the land dossier.
    expect((await figures(land)).totals).toEqual({ ...none, fees: 1 });

    // Nobody from outside; a kiosk is no staff.
    expect((await inject(hub, c.lan, 'GET', '/api/dossiers/figures')).status).toBe(401);
    expect((await inject(hub, c.kiosk, 'GET', '/api/dossiers/figures')).status).toBe(403);
  });

  it('bad input answers 400 with the parameter named', async () => {
    hub = await startTestHub();
    const c = await prepareCallers(hub);
    const cases: [string, string][] = [
      ['/api/dossiers/figures?view=overdue', 'view'],
      ['/api/dossiers?view=overdue&procedure=', 'procedure'],
      [`/api/dossiers?view=papers&heldBy=${'a'.repeat(201)}`, 'heldBy'],
      ['/api/dossiers?view=late&receivedBy=x', 'view'],
    ];
    for (const [url, field] of cases) {
      const r = await inject(hub, c.manager, 'GET', url);
      expect(r.status, url).toBe(400);
      expect(`${r.body.message} ${r.body.messageEn}`, url).toContain(field);
    }
  });

  it('count every open dossier of a large centre, past the 500 one list shows', async () => {
    // Tuesday 24/11/2026 at 08:00: a signature certification received now is due by the end of the day.
    const clock = { now: localInstant('2026-11-24', 8 * 60, TZ) };
    hub = await startTestHub({ dataDir: tempDataDir(), clock: () => clock.now });
    const c = await prepareCallers(hub);
    const received = 520;
    for (let i = 0; i < received; i++) {
      await inject(hub, c.api, 'POST', '/api/tickets', { serviceId: 'HT' });
      const ticketId = (await inject(hub, c.clerk1, 'POST', '/api/counters/1/call-next', { finishCurrent: true })).body.ticket.id;
      const r = await inject(hub, c.clerk1, 'POST', '/api/dossiers', { counterId: 1, ticketId, procedureCode: 'CT.02', applicant: APPLICANT, papers: [], outcome: 'complete' });
      expect(r.status, r.text).toBe(201);
    }
    const figures = await inject(hub, c.manager, 'GET', '/api/dossiers/figures');
    expect(figures.body.totals).toEqual({ ...none, due_today: received });
    expect(figures.body.byProcedure.map((r: any) => [r.key, r.counts.due_today])).toEqual([['CT.02', received]]);
    const list = await inject(hub, c.manager, 'GET', '/api/dossiers?view=due_today');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(500);
  }, 120_000);
});
