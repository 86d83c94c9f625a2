// The public dossier lookup tried as an outsider on the hall's Wi-Fi would: it needs the check
// code printed on the citizen's slip, answers a wrong or missing one exactly as it answers a code
// that does not exist, and limits the lookups that find nothing per address (stored, so a restart
// does not reset it), from one address and from many. The kiosk's "collect a result" asks the
// same. No public socket message carries a dossier code or a check code.

import { afterEach, describe, expect, it } from 'vitest';
import { LOOKUP_FAILURES, LOOKUP_WINDOW_MS } from '../../server/domain/access/rate-limits.js';
import { CHECK_CODE_ALPHABET, CHECK_CODE_LENGTH, shortCodeOf } from '../../server/domain/dossier/dossier.js';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import { inject, LAN_ADDRESS, prepareCallers, type Reply, type TestCaller } from '../helpers/callers.js';
import { RecordingClient, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

const TZ = 'Asia/Ho_Chi_Minh';
const APPLICANT = { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: '0912345678', address: 'Số 5 đường Hoa Sữa, phường Hòa An' };
const from = (address: string) => ({ address, token: null });

async function hallAt(dataDir = tempDataDir(), clock = { now: localInstant('2026-12-03', 9 * 60, TZ) }) {
  hub = await startTestHub({ dataDir, clock: () => clock.now });
  const c = await prepareCallers(hub);
  return { clock, c, dataDir };
}

/** Receives `count` complete dossiers at counter 1; their codes and check codes. */
async function receive(c: Record<string, TestCaller>, count: number): Promise<{ code: string; checkCode: string }[]> {
  const out: { code: string; checkCode: string }[] = [];
  for (let i = 0; i < count; i++) {
    await inject(hub!, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
    const called = await inject(hub!, c.clerk1!, 'POST', '/api/counters/1/call-next', { finishCurrent: true });
    const received = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers', {
      counterId: 1,
      ticketId: called.body.ticket.id,
      procedureCode: 'HT.04',
      applicant: APPLICANT,
      papers: [],
      outcome: 'complete',
    });
    expect(received.status).toBe(201);
    out.push({ code: received.body.code, checkCode: received.body.checkCode });
  }
  return out;
}

/** A check code that is not this one. */
function otherCheck(check: string): string {
  const first = CHECK_CODE_ALPHABET[(CHECK_CODE_ALPHABET.indexOf(check[0]!) + 1) % CHECK_CODE_ALPHABET.length]!;
  return first + check.slice(1);
}

/** A "not found" with the code it names taken out: what a guesser can compare. */
const shapeOf = (reply: Reply, code: string) => ({ status: reply.status, body: JSON.parse(reply.text.replaceAll(code, '<code>')) });

describe('the public lookup needs the check code', () => {
  it('answers a missing or wrong check code exactly as a code that does not exist', async () => {
    const { c } = await hallAt();
    const [d] = await receive(c, 1);
    const { code, checkCode } = d!;
    expect(checkCode).toHaveLength(CHECK_CODE_LENGTH);
    const right = await inject(hub!, from('192.168.1.70'), 'GET', `/api/lookup/${code}?check=${checkCode}`);
    expect(right.status).toBe(200);
    expect(right.body.code).toBe(code);
    // Lower case, as a phone keyboard may give it, is the same code.
    expect((await inject(hub!, from('192.168.1.70'), 'GET', `/api/lookup/${code}?check=${checkCode.toLowerCase()}`)).status).toBe(200);

    const unknownCode = '000.00.14.H17-261203-0999';
    const unknown = await inject(hub!, from('192.168.1.71'), 'GET', `/api/lookup/${unknownCode}?check=${checkCode}`);
    const missing = await inject(hub!, from('192.168.1.72'), 'GET', `/api/lookup/${code}`);
    const wrong = await inject(hub!, from('192.168.1.73'), 'GET', `/api/lookup/${code}?check=${otherCheck(checkCode)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'dossier_lookup_not_found', message: expect.stringContaining('Không tìm thấy hồ sơ'), messageEn: expect.stringContaining('No dossier') });
    expect(shapeOf(missing, code)).toEqual(shapeOf(unknown, unknownCode));
    expect(shapeOf(wrong, code)).toEqual(shapeOf(unknown, unknownCode));
    // Nothing of the dossier leaks into the refusal.
    for (const secret of ['N***', 'hôn nhân', 'HT.04', checkCode]) expect(wrong.text).not.toContain(secret);
  });

  it('accepts the short form of the code (day and series) with the check code', async () => {
    const { c } = await hallAt();
    const [d] = await receive(c, 1);
    const short = shortCodeOf(d!.code);
    expect(short).toBe('261203-0001');
    const found = await inject(hub!, from('192.168.1.80'), 'GET', `/api/lookup/${short}?check=${d!.checkCode}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ code: d!.code, applicant: 'N*** V** A*' });
    expect((await inject(hub!, from('192.168.1.80'), 'GET', `/api/lookup/${short}?check=${otherCheck(d!.checkCode)}`)).status).toBe(404);
    // A province dossier linked with the same day and series is found by its own check code; each
    // check code names one dossier.
    await inject(hub!, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
    const called = await inject(hub!, c.clerk1!, 'POST', '/api/counters/1/call-next', { finishCurrent: true });
    const linked = await inject(hub!, c.clerk1!, 'POST', '/api/dossiers/link', { counterId: 1, ticketId: called.body.ticket.id, code: '000.17.22.H56-261203-0001' });
    expect(linked.status).toBe(201);
    expect((await inject(hub!, from('192.168.1.80'), 'GET', `/api/lookup/${short}?check=${linked.body.checkCode}`)).body.code).toBe('000.17.22.H56-261203-0001');
    expect((await inject(hub!, from('192.168.1.80'), 'GET', `/api/lookup/${short}?check=${d!.checkCode}`)).body.code).toBe(d!.code);
  });
});

describe('guessing codes', () => {
  it('from one address: the lookups that find nothing are limited, stored across a restart, and the right code is refused too while limited', async () => {
    const { c, clock, dataDir } = await hallAt();
    const dossiers = await receive(c, 5);
    const guesser = from('192.168.1.90');
    // Sequential codes, each with a guessed check code: every one of them is "not found".
    const answers: number[] = [];
    for (let seq = 1; seq <= LOOKUP_FAILURES; seq++) {
      const reply = await inject(hub!, guesser, 'GET', `/api/lookup/000.00.14.H17-261203-${String(seq).padStart(4, '0')}?check=${'3'.repeat(CHECK_CODE_LENGTH)}`);
      answers.push(reply.status);
    }
    expect(answers).toEqual(Array(LOOKUP_FAILURES).fill(404));
    const limited = await inject(hub!, guesser, 'GET', `/api/lookup/${dossiers[0]!.code}?check=${dossiers[0]!.checkCode}`);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      error: 'lookup_rate_limited',
      message: 'Đã tra cứu không thành công nhiều lần từ thiết bị này. Vui lòng thử lại sau khoảng 10 phút, hoặc hỏi cán bộ tại quầy.',
      messageEn: expect.stringContaining('Too many lookups from this device found nothing'),
    });
    // A citizen at another address is not held up.
    expect((await inject(hub!, from(LAN_ADDRESS), 'GET', `/api/lookup/${dossiers[1]!.code}?check=${dossiers[1]!.checkCode}`)).status).toBe(200);

    // The limit is stored: a restart does not lift it.
    await hub!.stop();
    await hallAt(dataDir, clock);
    expect((await inject(hub!, guesser, 'GET', `/api/lookup/${dossiers[0]!.code}?check=${dossiers[0]!.checkCode}`)).status).toBe(429);
    // After the window, the address may look up again.
    clock.now += LOOKUP_WINDOW_MS + 1000;
    expect((await inject(hub!, guesser, 'GET', `/api/lookup/${dossiers[0]!.code}?check=${dossiers[0]!.checkCode}`)).status).toBe(200);
  });

  it('from many addresses: each address gets its few tries, and a guess without the check code learns nothing of the day', async () => {
    const { c } = await hallAt();
    const dossiers = await receive(c, 8);
    const learned = new Set<string>();
    const statuses = new Map<number, number>();
    // 40 laptops on the Wi-Fi, each walking the day's codes (the real ones among them) with guessed check codes.
    for (let host = 100; host < 140; host++) {
      const guesser = from(`192.168.1.${host}`);
      for (let i = 0; i <= LOOKUP_FAILURES; i++) {
        const seq = ((host * 7 + i) % 12) + 1;
        const check = [...Array(CHECK_CODE_LENGTH)].map((_, k) => CHECK_CODE_ALPHABET[(host * 31 + i * 17 + k * 5) % CHECK_CODE_ALPHABET.length]).join('');
        const reply = await inject(hub!, guesser, 'GET', `/api/lookup/261203-${String(seq).padStart(4, '0')}?check=${check}`);
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        if (reply.status === 200) learned.add(reply.body.code);
      }
    }
    expect(learned.size).toBe(0);
    // Each address: LOOKUP_FAILURES "not found", then refused.
    expect(Object.fromEntries(statuses)).toEqual({ 404: 40 * LOOKUP_FAILURES, 429: 40 });
    // The citizens with their slips still find their dossiers.
    for (const d of dossiers) expect((await inject(hub!, from('192.168.1.200'), 'GET', `/api/lookup/${d.code}?check=${d.checkCode}`)).status).toBe(200);
  });

  it("the kiosk's number to collect a result asks the check code too, under the same limit", async () => {
    const { c } = await hallAt();
    const [d] = await receive(c, 1);
    for (const action of ['start', 'complete']) expect((await inject(hub!, c.api!, 'POST', `/api/dossiers/${d!.code}/status`, { action })).status).toBe(200);
    const kiosk = { address: '192.168.1.31', token: c.kiosk!.token };
    const wrong = await inject(hub!, kiosk, 'POST', '/api/kiosk/returns', { code: d!.code, check: otherCheck(d!.checkCode) });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error).toBe('dossier_lookup_not_found');
    expect((await inject(hub!, kiosk, 'POST', '/api/kiosk/returns', { code: d!.code })).status).toBe(400);
    // The short form and the check code, as typed on the kiosk's keyboard.
    const taken = await inject(hub!, kiosk, 'POST', '/api/kiosk/returns', { code: shortCodeOf(d!.code), check: d!.checkCode });
    expect(taken.status).toBe(201);
    expect(taken.body.ticket.ticket.serviceId).toBe('TKQ');
    for (let i = 1; i < LOOKUP_FAILURES; i++) await inject(hub!, kiosk, 'POST', '/api/kiosk/returns', { code: '261203-0099', check: d!.checkCode });
    expect((await inject(hub!, kiosk, 'POST', '/api/kiosk/returns', { code: d!.code, check: d!.checkCode })).status).toBe(429);
  });
});

describe('public socket messages', () => {
  it('carry no dossier code and no check code, whatever happens to the dossier', async () => {
    const { c } = await hallAt();
    const page = new RecordingClient(hub!.url);
    const heard: { name: string; args: unknown[] }[] = [];
    page.socket.onAny((name: string, ...args: unknown[]) => heard.push({ name, args }));
    await page.until(() => page.snapshots.length > 0, 'the first snapshot');
    const dossiers = await receive(c, 2);
    const [d] = dossiers;
    for (const action of ['start', 'complete']) await inject(hub!, c.api!, 'POST', `/api/dossiers/${d!.code}/status`, { action });
    const kiosk = { address: '192.168.1.31', token: c.kiosk!.token };
    expect((await inject(hub!, kiosk, 'POST', '/api/kiosk/returns', { code: d!.code, check: d!.checkCode })).status).toBe(201);
    await inject(hub!, c.api!, 'POST', `/api/dossiers/${d!.code}/status`, { action: 'returnResult' });
    await page.until(() => page.events.filter((e) => e.type === 'dossier:changed').length >= 6, 'the dossier events');
    // Every kind of message a page hears, walked whole.
    const names = new Set(heard.map((h) => h.name));
    expect(names).toContain('hall:events');
    const everything = JSON.stringify(heard) + JSON.stringify(page.snapshots);
    for (const x of dossiers) {
      expect(everything).not.toContain(x.code);
      expect(everything).not.toContain(shortCodeOf(x.code));
      expect(everything).not.toContain(x.checkCode);
    }
    page.socket.close();
  });
});
