// A clerk sees and moves only the dossiers of their agency: the demo hall's clerks of the ward
// (civil status at counter 1, land at counter 3), of outside agencies (the police at counter 8,
// electricity at counter 11), its back-office staff and its manager are walked through every
// dossier route against each agency's dossiers. Outside their fields the answer is exactly
// that of a dossier that does not exist. Every read of personal data is in the read log.

import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import { inject, LAN_ADDRESS, signIn, type TestCaller } from '../helpers/callers.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

type Who = 'htClerk' | 'landClerk' | 'police' | 'electricity' | 'htBackOffice' | 'landBackOffice' | 'manager';
type Agency = 'civilStatus' | 'land' | 'residence';

let hub: TestHub;
const callers = {} as Record<Who, TestCaller>;
const codes = {} as Record<Agency, string>;
const tickets = {} as Record<Agency, string>;
const clock = { now: localInstant('2026-11-24', 9 * 60, 'Asia/Ho_Chi_Minh') };

/** Who handles which agency's dossiers: the ward's clerks by their counter, the others by their account. */
const HANDLES: Record<Who, Agency[]> = {
  htClerk: ['civilStatus'],
  landClerk: ['land'],
  police: ['residence'],
  electricity: [],
  htBackOffice: ['civilStatus'],
  landBackOffice: ['land'],
  manager: ['civilStatus', 'land', 'residence'],
};

async function token(user: string, counterId: number | null): Promise<TestCaller> {
  const reply = await signIn(hub, user, counterId);
  if (reply.status !== 200) throw new Error(`${user}: ${reply.text}`);
  return { name: 'clerk1', address: LAN_ADDRESS, token: reply.body.token as string };
}

/** Issues a number of the service and has the counter's clerk call it. */
async function serve(clerk: TestCaller, counterId: number, serviceId: string): Promise<string> {
  await inject(hub, { address: LAN_ADDRESS, token: hub.hub.apiToken }, 'POST', '/api/tickets', { serviceId });
  const called = await inject(hub, clerk, 'POST', `/api/counters/${counterId}/call-next`, { finishCurrent: true });
  expect(called.status, called.text).toBe(200);
  return called.body.ticket.id as string;
}

function reception(counterId: number, ticketId: string, procedureCode: string, name: string, idNumber: string) {
  return { counterId, ticketId, procedureCode, applicant: { name, idNumber, address: 'Phường Hòa An' }, papers: [], outcome: 'complete' };
}

async function receive(agency: Agency, clerk: TestCaller, counterId: number, serviceId: string, procedureCode: string, name: string, idNumber: string) {
  const ticketId = await serve(clerk, counterId, serviceId);
  const received = await inject(hub, clerk, 'POST', '/api/dossiers', reception(counterId, ticketId, procedureCode, name, idNumber));
  expect(received.status, received.text).toBe(201);
  codes[agency] = received.body.code as string;
  tickets[agency] = ticketId;
}

beforeAll(async () => {
  hub = await startTestHub({ clock: () => clock.now });
  callers.htClerk = await token('canbo1', 1);
  callers.landClerk = await token('canbo3', 3);
  callers.police = await token('canbo8', 8);
  callers.electricity = await token('canbo11', 11);
  callers.htBackOffice = await token('xuly1', null);
  callers.landBackOffice = await token('xuly2', null);
  callers.manager = await token('quanly', null);
  await receive('civilStatus', callers.htClerk, 1, 'HT', 'HT.01', 'Nguyễn Văn An', '001099012345');
  await receive('land', callers.landClerk, 3, 'DD', 'DD.01', 'Trần Thị Bình', '079188004321');
  await receive('residence', callers.police, 8, 'CA', 'CA.01', 'Lê Văn Cường', '031190005566');
  // The clerks have moved on: their counters hold no dossier's ticket.
  for (const [who, counter] of [
    ['htClerk', 1],
    ['landClerk', 3],
    ['police', 8],
  ] as const) {
    expect((await inject(hub, callers[who], 'POST', `/api/counters/${counter}/finish`, {})).status).toBe(200);
  }
});
afterAll(async () => {
  await hub.stop(true);
});

/** What a caller is answered for a code, with the code itself taken out so two codes compare. */
const withoutCode = (body: unknown, code: string) => JSON.parse(JSON.stringify(body).split(code).join('<code>'));

describe("a clerk's dossiers", () => {
  it('are read, listed, moved, printed and fetched as slips only by who handles their field; for others the dossier does not exist', async () => {
    const unknown = '000.00.14.H17-261124-0999';
    const found: string[] = [];
    for (const who of Object.keys(HANDLES) as Who[]) {
      const caller = callers[who];
      const listed = await inject(hub, caller, 'GET', '/api/dossiers?dueWithinHours=1000');
      expect(listed.status).toBe(200);
      const listedCodes = (listed.body as { code: string }[]).map((d) => d.code).sort();
      expect(listedCodes, `${who} lists`).toEqual(HANDLES[who].map((a) => codes[a]).sort());
      for (const agency of Object.keys(codes) as Agency[]) {
        const code = codes[agency];
        const handles = HANDLES[who].includes(agency);
        const byTicket = await inject(hub, caller, 'GET', `/api/dossiers?ticketId=${tickets[agency]}`);
        expect(
          byTicket.body.map((d: { code: string }) => d.code),
          `${who} lists ${agency} by its ticket`,
        ).toEqual(handles ? [code] : []);
        const replies = {
          read: await inject(hub, caller, 'GET', `/api/dossiers/${code}`),
          slip: await inject(hub, caller, 'GET', `/api/dossiers/${code}/slip.pdf`),
          // Not ready: whoever handles it is told so; nothing moves.
          move: await inject(hub, caller, 'POST', `/api/dossiers/${code}/status`, { action: 'returnResult' }),
          print: await inject(hub, caller, 'POST', `/api/dossiers/${code}/print`, { kioskId: 'K3' }),
        };
        const unknownReplies = {
          read: await inject(hub, caller, 'GET', `/api/dossiers/${unknown}`),
          slip: await inject(hub, caller, 'GET', `/api/dossiers/${unknown}/slip.pdf`),
          move: await inject(hub, caller, 'POST', `/api/dossiers/${unknown}/status`, { action: 'returnResult' }),
          print: await inject(hub, caller, 'POST', `/api/dossiers/${unknown}/print`, { kioskId: 'K3' }),
        };
        const expected = { read: 200, slip: 200, move: 409, print: 200 };
        for (const op of ['read', 'slip', 'move', 'print'] as const) {
          const reply = replies[op];
          const where = `${who} ${op} ${agency}`;
          if (handles) {
            expect(reply.status, where).toBe(expected[op]);
            found.push(where);
          } else {
            expect(reply.status, where).toBe(404);
            expect(withoutCode(reply.body, code), where).toEqual(withoutCode(unknownReplies[op].body, unknown));
          }
        }
        if (handles) {
          expect(replies.read.body.applicant.idNumber).toMatch(/^\d{12}$/);
          expect(replies.move.body.error).toBe('dossier_wrong_status');
        }
      }
    }
    // Each handled pair was walked: the seven callers' 1+1+1+0+1+1+3 pairs, four operations each.
    expect(found).toHaveLength(8 * 4);
  });

  it('are moved on by who handles them, and another agency moving them changes nothing', async () => {
    const before = (await inject(hub, callers.manager, 'GET', `/api/dossiers/${codes.land}`)).body;
    for (const who of ['electricity', 'htClerk', 'htBackOffice', 'police'] as const) {
      expect((await inject(hub, callers[who], 'POST', `/api/dossiers/${codes.land}/status`, { action: 'withdraw', note: 'rút' })).status, who).toBe(404);
    }
    expect((await inject(hub, callers.manager, 'GET', `/api/dossiers/${codes.land}`)).body).toEqual(before);
    const started = await inject(hub, callers.landBackOffice, 'POST', `/api/dossiers/${codes.land}/status`, { action: 'start' });
    expect(started.status, started.text).toBe(200);
    expect(started.body.steps.at(-1)).toMatchObject({ status: 4, by: 'Lê Minh Châu' });
  });

  it('are received only for procedures of the clerk’s fields', async () => {
    const ticketId = await serve(callers.electricity, 11, 'DIEN');
    const refused = await inject(hub, callers.electricity, 'POST', '/api/dossiers', reception(11, ticketId, 'HT.01', 'Phạm Thị Dung', '001199007788'));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      error: 'procedure_not_in_scope',
      message: 'Thủ tục "HT.01" thuộc lĩnh vực "Hộ tịch", không do tài khoản của bạn phụ trách: hãy mời công dân đến quầy của lĩnh vực này.',
    });
    expect((await inject(hub, callers.manager, 'GET', `/api/dossiers?ticketId=${ticketId}`)).body).toEqual([]);
    await inject(hub, callers.electricity, 'POST', '/api/counters/11/finish', {});
  });

  it('stay out of the event log a clerk of another agency reads', async () => {
    const dossierCodes = async (who: Who, path: string) => {
      const reply = await inject(hub, callers[who], 'GET', path);
      expect(reply.status).toBe(200);
      return [...new Set((reply.body as { type: string; data: { dossier: { code: string } } }[]).filter((e) => e.type === 'dossier:changed').map((e) => e.data.dossier.code))].sort();
    };
    expect(await dossierCodes('electricity', '/api/events?limit=1000')).toEqual([]);
    expect(await dossierCodes('htClerk', '/api/events?limit=1000')).toEqual([codes.civilStatus]);
    expect(await dossierCodes('manager', '/api/events?limit=1000')).toEqual(Object.values(codes).sort());
    expect(await dossierCodes('electricity', `/api/tickets/${tickets.civilStatus}/events`)).toEqual([]);
    expect(await dossierCodes('htClerk', `/api/tickets/${tickets.civilStatus}/events`)).toEqual([codes.civilStatus]);
  });
});

describe('back-office staff', () => {
  it('sign in without a counter, and never call, issue or receive', async () => {
    const atCounter = await signIn(hub, 'xuly1', 2);
    expect(atCounter.status).toBe(422);
    expect(atCounter.body.error).toBe('back_office_no_counter');
    const b = callers.htBackOffice;
    expect((await inject(hub, b, 'GET', '/api/staff/session')).body).toMatchObject({ user: 'xuly1', role: 'back_office', counterId: null });
    for (const [method, path, body] of [
      ['POST', '/api/counters/1/call-next', {}],
      ['POST', '/api/tickets', { serviceId: 'HT' }],
      ['POST', '/api/dossiers', reception(1, '20261124-HT-001', 'HT.01', 'Phạm Thị Dung', '001199007788')],
      ['GET', '/api/tickets', undefined],
      ['GET', '/api/counters/1', undefined],
    ] as const) {
      const reply = await inject(hub, b, method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(403);
    }
  });
});

describe("a slip's printer", () => {
  it('is a staff printer (slips: true): a public kiosk prints none, for anyone', async () => {
    for (const who of ['htClerk', 'manager'] as const) {
      const reply = await inject(hub, callers[who], 'POST', `/api/dossiers/${codes.civilStatus}/print`, { kioskId: 'K1' });
      expect(reply.status, who).toBe(403);
      expect(reply.body.error).toBe('kiosk_not_for_slips');
    }
    expect(readdirSync(hub.app.printing.printsDir).filter((f) => f.includes('SLIP') && f.includes('_K1_'))).toEqual([]);
  });
});

describe('the read log', () => {
  it('names who read which dossier’s personal data, and how; a manager reads it, nobody else', async () => {
    const reads = await inject(hub, callers.manager, 'GET', `/api/dossier-reads?code=${codes.civilStatus}&limit=1000`);
    expect(reads.status).toBe(200);
    const seen = new Set((reads.body as { user: string; what: string; code: string; at: number }[]).map((r) => `${r.user} ${r.what}`));
    for (const line of ['canbo1 view', 'canbo1 list', 'canbo1 slip', 'canbo1 print', 'xuly1 view', 'xuly1 list', 'xuly1 slip', 'xuly1 print', 'quanly view', 'quanly list']) {
      expect(seen, line).toContain(line);
    }
    // Those refused read nothing, and are not in the log.
    for (const user of ['canbo3', 'canbo8', 'canbo11', 'xuly2'])
      expect(
        [...seen].filter((l) => l.startsWith(`${user} `)),
        user,
      ).toEqual([]);
    for (const r of reads.body) expect(r).toMatchObject({ code: codes.civilStatus, at: clock.now });
    // The same person reading the same dossier again within ten minutes is one line.
    const views = (reads.body as { user: string; what: string }[]).filter((r) => r.user === 'canbo1' && r.what === 'view');
    expect(views).toHaveLength(1);
    clock.now += 11 * 60_000;
    await inject(hub, callers.htClerk, 'GET', `/api/dossiers/${codes.civilStatus}`);
    const again = await inject(hub, callers.manager, 'GET', `/api/dossier-reads?user=canbo1&code=${codes.civilStatus}`);
    expect(again.body.filter((r: { what: string }) => r.what === 'view').map((r: { at: number }) => r.at)).toEqual([clock.now, clock.now - 11 * 60_000]);
    expect(again.body[0]).toEqual({ at: clock.now, user: 'canbo1', name: 'Nguyễn Thị Lan', code: codes.civilStatus, what: 'view' });

    for (const who of ['htClerk', 'htBackOffice'] as const) expect((await inject(hub, callers[who], 'GET', '/api/dossier-reads')).status, who).toBe(403);
    expect((await inject(hub, { address: LAN_ADDRESS, token: null }, 'GET', '/api/dossier-reads')).status).toBe(401);
  });
});
