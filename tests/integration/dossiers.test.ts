// Dossiers over HTTP on the demo hall: received from the ticket at the counter with a code in
// the national format and a due date in working time, incomplete and refused ones, the status
// workflow with waits and apologies, the clerk's scope, and the public lookup with masking.

import { afterEach, describe, expect, it } from 'vitest';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import { inject, LAN_ADDRESS, prepareCallers, type TestCaller } from '../helpers/callers.js';
import { RecordingClient, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

const TZ = 'Asia/Ho_Chi_Minh';
const anyone = { address: LAN_ADDRESS, token: null };
const APPLICANT = { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: '0912345678', address: 'Số 5 đường Hoa Sữa, phường Hòa An' };
const PAPERS = [
  { name: 'Tờ khai thay đổi thông tin cư trú (CT01)', kind: 'original', count: 1, received: true },
  { name: 'Giấy tờ chứng minh chỗ ở hợp pháp', kind: 'copy', count: 1, received: true },
];

/** A hall on a clock the test moves: Tuesday 24/11/2026 at 09:00 by default. */
async function hallAt(day = '2026-11-24', minutes = 9 * 60) {
  const clock = { now: localInstant(day, minutes, TZ) };
  const dataDir = tempDataDir();
  hub = await startTestHub({ dataDir, clock: () => clock.now });
  const c = await prepareCallers(hub);
  return { clock, c, dataDir };
}

async function serveAt(c: Record<string, TestCaller>, counterId: 1 | 2, serviceId = 'HT'): Promise<string> {
  const clerk = counterId === 1 ? c.clerk1! : c.clerk2!;
  await inject(hub!, c.api!, 'POST', '/api/tickets', { serviceId });
  const called = await inject(hub!, clerk, 'POST', `/api/counters/${counterId}/call-next`, {});
  return called.body.ticket.id as string;
}

describe('receiving a dossier', () => {
  it('gives a code in the national format, a due date in working time, and links the ticket', async () => {
    const { c } = await hallAt();
    const ticketId = await serveAt(c, 1);
    const received = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers', {
      counterId: 1,
      ticketId,
      procedureCode: 'HT.04',
      applicant: APPLICANT,
      papers: PAPERS,
      outcome: 'complete',
    });
    expect(received.status).toBe(201);
    expect(received.body).toMatchObject({ code: '000.00.14.H17-261124-0001', status: 2, ticketId, counterId: 1, timeliness: 'due' });
    // 3 working days after Tuesday (the day of reception does not count): Wednesday to Friday,
    // to the end of Friday 27/11 (Civil Code art. 147-148).
    expect(received.body.dueAt).toBe(localInstant('2026-11-28', 0, TZ));
    // A ticket may open several dossiers; codes follow each other.
    const second = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers', { counterId: 1, ticketId, procedureCode: 'CT.02', applicant: APPLICANT, papers: [], outcome: 'complete' });
    expect(second.body.code).toBe('000.00.14.H17-261124-0002');
    const ofTicket = await inject(hub!, c.clerk2!, 'GET', `/api/dossiers?ticketId=${ticketId}`);
    expect(ofTicket.body.map((d: { code: string }) => d.code).sort()).toEqual(['000.00.14.H17-261124-0001', '000.00.14.H17-261124-0002']);
    // The counter's dossiers due soon: the certification (received before 15:00) at the end of today, the other on Friday.
    const soon = await inject(hub!, c.clerk1!, 'GET', '/api/dossiers?dueWithinHours=48&counterId=1');
    expect(soon.body.map((d: { code: string }) => d.code)).toEqual(['000.00.14.H17-261124-0002']);
    const week = await inject(hub!, c.clerk1!, 'GET', '/api/dossiers?dueWithinHours=96&counterId=1');
    expect(week.body.map((d: { code: string }) => d.code)).toEqual(['000.00.14.H17-261124-0002', '000.00.14.H17-261124-0001']);
    expect((await inject(hub!, c.clerk1!, 'GET', '/api/dossiers?dueWithinHours=96&counterId=2')).body).toEqual([]);
  });

  it('refuses what cannot be a dossier, with the reason, and changes nothing', async () => {
    const { c } = await hallAt();
    const ticketId = await serveAt(c, 1);
    const body = { counterId: 1, ticketId, procedureCode: 'HT.04', applicant: APPLICANT, papers: PAPERS, outcome: 'complete' };
    const badId = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers', { ...body, applicant: { ...APPLICANT, idNumber: '999099012345' } });
    expect(badId.status).toBe(422);
    expect(badId.body.message).toContain('12 chữ số');
    // Counter 2's clerk cannot receive from counter 1's citizen.
    const foreign = await inject(hub!, c.clerk2!, 'POST', '/api/dossiers', body);
    expect(foreign.status).toBe(403);
    const manager = await inject(hub!, c.manager!, 'POST', '/api/dossiers', { ...body, counterId: 2 });
    expect(manager.status).toBe(409);
    expect(manager.body.message).toContain('không đang được phục vụ tại quầy số 2');
    expect((await inject(hub!, c.manager!, 'POST', '/api/dossiers', { ...body, outcome: 'incomplete' })).body.error).toBe('dossier_missing_list_required');
    expect((await inject(hub!, c.manager!, 'POST', '/api/dossiers', { ...body, procedureCode: 'ZZ.1' })).status).toBe(404);
    // None of these took a code.
    const ok = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers', body);
    expect(ok.body.code).toBe('000.00.14.H17-261124-0001');
  });

  it('an incomplete dossier waits for its papers, asked for once, and starts its clock when completed', async () => {
    const { c, clock } = await hallAt();
    const ticketId = await serveAt(c, 1);
    const incomplete = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers', {
      counterId: 1,
      ticketId,
      procedureCode: 'HT.04',
      applicant: APPLICANT,
      papers: PAPERS,
      outcome: 'incomplete',
      missingPapers: ['Bản sao Giấy chứng nhận kết hôn (nếu đã kết hôn)'],
    });
    expect(incomplete.body).toMatchObject({ status: 5, receivedAt: null, dueAt: null, missingPapers: ['Bản sao Giấy chứng nhận kết hôn (nếu đã kết hôn)'] });
    const code = incomplete.body.code;
    // Two days later the citizen brings it: received now, due 3 working days on.
    clock.now = localInstant('2026-11-26', 14 * 60, TZ);
    const completed = await inject(hub!, c.api!, 'POST', `/api/dossiers/${code}/status`, { action: 'supplement' });
    // Received Thursday: Friday 27/11, Monday 30/11 and Tuesday 1/12, to the end of that day.
    expect(completed.body).toMatchObject({ status: 2, receivedAt: clock.now, dueAt: localInstant('2026-12-02', 0, TZ) });
    // The request for papers is made once.
    const again = await inject(hub!, c.api!, 'POST', `/api/dossiers/${code}/status`, { action: 'requestPapers', missingPapers: ['Thêm giấy'] });
    expect(again.body.error).toBe('dossier_papers_asked_once');
  });

  it('a refused dossier keeps its reason', async () => {
    const { c } = await hallAt();
    const ticketId = await serveAt(c, 1);
    const refused = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers', {
      counterId: 1,
      ticketId,
      procedureCode: 'HT.04',
      applicant: APPLICANT,
      papers: [],
      outcome: 'refused',
      reason: 'Thủ tục thuộc thẩm quyền của Sở Tư pháp.',
    });
    expect(refused.body).toMatchObject({ status: 3, reason: 'Thủ tục thuộc thẩm quyền của Sở Tư pháp.', dueAt: null });
  });
});

describe('the status workflow', () => {
  it('moves on by the portal statuses, waits for fees without counting them, and rates timeliness', async () => {
    const { c, clock } = await hallAt();
    const page = new RecordingClient(hub!.url);
    // The land counter (3) opened by a manager, who serves a citizen there.
    await inject(hub!, c.api!, 'POST', '/api/tickets', { serviceId: 'DD' });
    await inject(hub!, c.manager!, 'POST', '/api/counters/3/open', {});
    const serve3 = await inject(hub!, c.manager!, 'POST', '/api/counters/3/call-next', {});
    expect(serve3.status).toBe(200);
    const received = await inject(hub!, c.manager!, 'POST', '/api/dossiers', {
      counterId: 3,
      ticketId: serve3.body.ticket.id,
      procedureCode: 'DD.04',
      applicant: APPLICANT,
      papers: [],
      outcome: 'complete',
    });
    const code = received.body.code;
    const due = received.body.dueAt;
    // The back office moves it on over the days (the API token, which has no session to run out).
    const step = (action: string, extra: Record<string, unknown> = {}) => inject(hub!, c.api!, 'POST', `/api/dossiers/${code}/status`, { action, ...extra });

    expect((await step('start')).body.status).toBe(4);
    clock.now += 3_600_000;
    expect((await step('requestFees')).body.status).toBe(6);
    // A whole working day waiting for the fee: the due date moves a working day on.
    clock.now = localInstant('2026-11-25', 10 * 60, TZ);
    const paid = await step('feesPaid');
    expect(paid.body.status).toBe(4);
    expect(paid.body.dueAt - due).toBeGreaterThanOrEqual(24 * 3_600_000 - 60_000);
    // An apology must come before the due date, with a later one.
    expect((await step('apologize', { note: 'Chờ ý kiến cơ quan thuế', promisedAt: due - 1 })).status).toBe(422);
    const apology = await step('apologize', { note: 'Chờ ý kiến cơ quan thuế', promisedAt: paid.body.dueAt + 2 * 86_400_000 });
    expect(apology.body.promisedAt).toBeGreaterThan(paid.body.dueAt);
    const early = await step('returnResult');
    expect(early.body.error).toBe('dossier_wrong_status');
    // Said in words, never the status's number or the action's name in the code.
    expect(early.body.message).toBe(`Hồ sơ ${code} đang ở trạng thái "Đang xử lý": không thể trả kết quả lúc này.`);
    expect(early.body.messageEn).toBe(`Dossier ${code} is "In progress": it is not possible to hand the result over now.`);
    const done = await step('complete');
    expect(done.body).toMatchObject({ status: 9, timeliness: 'early' });
    expect((await step('returnResult')).body.status).toBe(10);
    expect((await step('start')).status).toBe(409);

    // Every change is in the log with who made it, and pages hear of it without personal data.
    const log = await inject(hub!, c.api!, 'GET', '/api/events?limit=1000');
    const changes = (log.body as { type: string; actor: string; data: { action: string } }[]).filter((e) => e.type === 'dossier:changed');
    expect(changes.map((e) => e.data.action)).toEqual(['receive', 'start', 'requestFees', 'feesPaid', 'apologize', 'complete', 'returnResult']);
    expect(changes.map((e) => e.actor)).toEqual(['Trần Thị Thu', 'API', 'API', 'API', 'API', 'API', 'API']);
    await page.until(() => page.events.filter((e) => e.type === 'dossier:changed').length === 7, 'the dossier events');
    expect(JSON.stringify(page.events)).not.toContain(APPLICANT.idNumber);
    expect(JSON.stringify(page.events)).not.toContain(APPLICANT.name);
    page.close();
  });
});

describe("the dossier desk's lists", () => {
  it('lists the open dossiers due today, overdue, waiting for papers or fees, and ready, optionally of one counter', async () => {
    const { c, clock } = await hallAt();
    const receive = async (clerk: TestCaller, counterId: number, ticketId: string, procedureCode: string, outcome = 'complete') => {
      const extra = outcome === 'incomplete' ? { missingPapers: ['Giấy tờ chứng minh chỗ ở hợp pháp'] } : {};
      const reply = await inject(hub!, clerk, 'POST', '/api/dossiers', { counterId, ticketId, procedureCode, applicant: APPLICANT, papers: PAPERS, outcome, ...extra });
      expect(reply.status).toBe(201);
      return reply.body.code as string;
    };
    const at1 = await serveAt(c, 1);
    const ready = await receive(c.clerk1!, 1, at1, 'HT.04');
    const today = await receive(c.clerk1!, 1, at1, 'CT.02');
    const at2 = await serveAt(c, 2);
    const papers = await receive(c.clerk2!, 2, at2, 'HT.04', 'incomplete');
    const fees = await receive(c.clerk2!, 2, at2, 'HT.04');
    const step = async (code: string, action: string) => expect((await inject(hub!, c.api!, 'POST', `/api/dossiers/${code}/status`, { action })).status).toBe(200);
    await step(ready, 'start');
    await step(ready, 'complete');
    await step(fees, 'requestFees');
    // A closed dossier is in no list.
    const handed = await receive(c.clerk1!, 1, at1, 'HT.04');
    await step(handed, 'complete');
    await step(handed, 'returnResult');

    const list = async (query: string, caller = c.clerk1!) => {
      const reply = await inject(hub!, caller, 'GET', `/api/dossiers?${query}`);
      expect(reply.status).toBe(200);
      return (reply.body as { code: string }[]).map((d) => d.code);
    };
    // Soonest due first, a dossier still waiting for its first papers (no due date yet) last.
    expect(await list('view=open')).toEqual([today, ready, fees, papers]);
    expect(await list('view=due_today')).toEqual([today]);
    expect(await list('view=overdue')).toEqual([]);
    expect(await list('view=papers')).toEqual([papers]);
    expect(await list('view=fees')).toEqual([fees]);
    expect(await list('view=ready')).toEqual([ready]);
    expect(await list('view=open&counterId=2')).toEqual([fees, papers]);
    expect(await list('view=ready&counterId=2')).toEqual([]);
    // The next morning (the clerk's session has run out overnight: the back office's token) the
    // certification due yesterday is overdue, and no longer due today.
    clock.now = localInstant('2026-11-25', 9 * 60, TZ);
    expect(await list('view=overdue', c.api!)).toEqual([today]);
    expect(await list('view=due_today', c.api!)).toEqual([]);

    // A list the desk does not have is refused in words.
    const bad = await inject(hub!, c.api!, 'GET', '/api/dossiers?view=late');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/view/);
  });
});

describe('the public lookup', () => {
  it('shows the progress with the name masked and no ID, phone or address', async () => {
    const { c } = await hallAt();
    const ticketId = await serveAt(c, 1);
    const received = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers', { counterId: 1, ticketId, procedureCode: 'HT.04', applicant: APPLICANT, papers: PAPERS, outcome: 'complete' });
    // Staff read the check code the slip carries; the public lookup needs it.
    expect(received.body.checkCode).toMatch(/^[34679ACEFGHJKMNPRTUVWXY]{6}$/);
    const lookup = await inject(hub!, anyone, 'GET', `/api/lookup/${received.body.code}?check=${received.body.checkCode}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      code: received.body.code,
      applicant: 'N*** V** A*',
      status: 2,
      statusWords: { vi: 'Đã tiếp nhận' },
      procedureName: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân' },
      counters: [1, 2, 12],
    });
    for (const secret of [APPLICANT.idNumber, APPLICANT.phone, APPLICANT.address, 'Nguyễn', received.body.checkCode]) expect(lookup.text).not.toContain(secret);
    // The full dossier is for staff.
    expect((await inject(hub!, anyone, 'GET', `/api/dossiers/${received.body.code}`)).status).toBe(401);
    expect((await inject(hub!, c.clerk2!, 'GET', `/api/dossiers/${received.body.code}`)).body.applicant.idNumber).toBe(APPLICANT.idNumber);
    const unknown = await inject(hub!, anyone, 'GET', `/api/lookup/000.00.14.H17-261124-0999?check=${received.body.checkCode}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('Không tìm thấy hồ sơ');
    expect((await inject(hub!, anyone, 'GET', '/api/lookup/not-a-code')).status).toBe(400);
  });

  it('shows the papers missing by their names in the procedure, never what the clerk typed', async () => {
    const { c } = await hallAt();
    const ticketId = await serveAt(c, 1);
    const typed = 'Anh Nguyễn Văn An (CCCD 001099012345, Số 5 đường Hoa Sữa) nộp thêm bản sao sổ đỏ';
    const incomplete = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers', {
      counterId: 1,
      ticketId,
      procedureCode: 'HT.04',
      applicant: APPLICANT,
      papers: PAPERS,
      outcome: 'incomplete',
      missingPapers: ['Giấy tờ tùy thân có ảnh (thẻ căn cước, căn cước công dân, hộ chiếu)', typed, 'Gọi 0912345678 khi có'],
    });
    expect(incomplete.status).toBe(201);
    // Staff still read the whole list as the clerk wrote it.
    expect(incomplete.body.missingPapers).toHaveLength(3);
    const lookup = await inject(hub!, anyone, 'GET', `/api/lookup/${incomplete.body.code}?check=${incomplete.body.checkCode}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      status: 5,
      missingPapers: ['Giấy tờ tùy thân có ảnh (thẻ căn cước, căn cước công dân, hộ chiếu)'],
      otherMissingPapers: 2,
    });
    for (const secret of [typed, 'CCCD', APPLICANT.idNumber, APPLICANT.phone, 'Hoa Sữa', 'sổ đỏ']) expect(lookup.text).not.toContain(secret);
    // A paper of the dossier's own list counts as a listed paper too.
    const ticket2 = await serveAt(c, 2);
    const own = await inject(hub!, c.clerk2!, 'POST', '/api/dossiers', {
      counterId: 2,
      ticketId: ticket2,
      procedureCode: 'HT.04',
      applicant: APPLICANT,
      papers: PAPERS,
      outcome: 'incomplete',
      missingPapers: [PAPERS[1]!.name],
    });
    expect((await inject(hub!, anyone, 'GET', `/api/lookup/${own.body.code}?check=${own.body.checkCode}`)).body).toMatchObject({ missingPapers: [PAPERS[1]!.name], otherMissingPapers: 0 });
  });

  it("links the province system's dossier code to the ticket", async () => {
    const { c } = await hallAt();
    const ticketId = await serveAt(c, 1);
    const linked = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers/link', { counterId: 1, ticketId, code: '000.17.22.H56-261124-0042' });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ kind: 'linked', code: '000.17.22.H56-261124-0042', ticketId, applicant: null });
    expect((await inject(hub!, anyone, 'GET', `/api/lookup/000.17.22.H56-261124-0042?check=${linked.body.checkCode}`)).body.kind).toBe('linked');
    // Its lookup slip carries the check code and the lookup address (the counter's "In phiếu").
    const slip = await inject(hub!, c.clerk1!, 'GET', '/api/dossiers/000.17.22.H56-261124-0042/slip.pdf');
    expect(slip.status).toBe(200);
    expect(slip.text.startsWith('%PDF')).toBe(true);
  });
});

describe('a number to collect the result', () => {
  it('is given only for a ready result, and once: asking again answers with the same ticket', async () => {
    const { c } = await hallAt();
    const ticketId = await serveAt(c, 1);
    const received = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers', { counterId: 1, ticketId, procedureCode: 'HT.04', applicant: APPLICANT, papers: PAPERS, outcome: 'complete' });
    const code = received.body.code as string;
    const check = received.body.checkCode as string;
    const ticketsBefore = (await inject(hub!, c.api!, 'GET', '/api/tickets')).body.length;

    // Not ready: refused with the due date, and no ticket is made.
    const early = await inject(hub!, c.kiosk!, 'POST', '/api/kiosk/returns', { code, check });
    expect(early.status).toBe(409);
    expect(early.body.error).toBe('dossier_result_not_ready');
    const due = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .format(received.body.dueAt)
      .replace(',', '');
    expect(early.body.message).toBe(`Hồ sơ ${code} chưa có kết quả. Ngày hẹn trả kết quả: ${due}. Vui lòng quay lại khi có kết quả.`);
    expect(early.body.messageEn).toContain(`due on ${due}`);
    for (let i = 0; i < 5; i++) expect((await inject(hub!, c.kiosk!, 'POST', '/api/kiosk/returns', { code, check })).status).toBe(409);
    expect((await inject(hub!, c.api!, 'GET', '/api/tickets')).body).toHaveLength(ticketsBefore);

    // Ready: one number, and the same one however often the citizen asks.
    for (const action of ['start', 'complete']) expect((await inject(hub!, c.api!, 'POST', `/api/dossiers/${code}/status`, { action })).status).toBe(200);
    const first = await inject(hub!, c.kiosk!, 'POST', '/api/kiosk/returns', { code, check });
    expect(first.status).toBe(201);
    const returnId = first.body.ticket.ticket.id as string;
    for (let i = 0; i < 4; i++) {
      const again = await inject(hub!, c.kiosk!, 'POST', '/api/kiosk/returns', { code, check });
      expect(again.status).toBe(201);
      expect(again.body.ticket.ticket).toMatchObject({ id: returnId, number: first.body.ticket.ticket.number });
    }
    expect((await inject(hub!, c.api!, 'GET', '/api/tickets')).body).toHaveLength(ticketsBefore + 1);
    const stored = await inject(hub!, c.clerk1!, 'GET', `/api/dossiers/${code}`);
    expect(stored.body.returnTicketIds).toEqual([returnId]);

    // Once that number is served and the result handed over, the dossier is closed.
    expect((await inject(hub!, c.api!, 'POST', `/api/dossiers/${code}/status`, { action: 'returnResult' })).status).toBe(200);
    const closed = await inject(hub!, c.kiosk!, 'POST', '/api/kiosk/returns', { code, check });
    expect(closed.status).toBe(409);
    expect(closed.body.error).toBe('dossier_closed');
  });
});

describe('dossier codes', () => {
  it('continue after a restart and start again each day', async () => {
    const { c, clock, dataDir } = await hallAt();
    const receive = async (ticketId: string, caller: Pick<TestCaller, 'address' | 'token'>) =>
      (await inject(hub!, caller, 'POST', '/api/dossiers', { counterId: 1, ticketId, procedureCode: 'CT.01', applicant: APPLICANT, papers: [], outcome: 'complete' })).body.code;
    const ticketId = await serveAt(c, 1);
    expect(await receive(ticketId, c.clerk1!)).toMatch(/-0001$/);
    await hub!.stop();
    hub = await startTestHub({ dataDir, clock: () => clock.now });
    const api = { address: LAN_ADDRESS, token: hub.hub.apiToken };
    expect(await receive(ticketId, api)).toBe('000.00.14.H17-261124-0002');
    clock.now = localInstant('2026-11-25', 8 * 60, TZ);
    await inject(hub, api, 'POST', '/api/tickets', { serviceId: 'HT' });
    const next = (await inject(hub, api, 'POST', '/api/counters/1/call-next', { finishCurrent: true })).body.ticket.id;
    expect(await receive(next, api)).toBe('000.00.14.H17-261125-0001');
  });
});
