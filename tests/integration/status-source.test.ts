// The status of a dossier received in the province's system, read for the lookup terminal from
// a simulated province source: mapped fields, a cache, a timeout, and "not available" when down.

import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { HallFileError, hallFromText } from '../../server/config/hall-file.js';
import { maskedAddress, shownStatusSource, sourceRequest, statusFromReply } from '../../server/services/status-source.js';
import { inject, LAN_ADDRESS, prepareCallers } from '../helpers/callers.js';
import { demoHallWith } from '../helpers/hall-files.js';
import { startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

const CODE = '000.17.22.H56-261124-0042';
let hub: TestHub | null = null;
let source: Server | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
  await new Promise<void>((r) => (source ? source.close(() => r()) : r()));
  source = null;
});

/** The province's system as the test plays it: each request answered after `delayMs`, as `reply` says. */
async function province(state: { reply: unknown; delayMs: number; requests: number }): Promise<number> {
  source = createServer((_request, response) => {
    state.requests++;
    setTimeout(() => {
      if (state.reply === null) return response.writeHead(500).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(state.reply));
    }, state.delayMs);
  });
  await new Promise<void>((r) => source!.listen(0, '127.0.0.1', () => r()));
  return (source.address() as { port: number }).port;
}

describe("the province system's status", () => {
  it('maps a reply by the hall file’s fields', () => {
    const settings = { statusField: 'data.trangThai', dueField: 'data.hanTra', statusMap: { DA_CO_KET_QUA: 9 } };
    expect(statusFromReply({ data: { trangThai: 'DA_CO_KET_QUA', hanTra: '2026-11-27T10:00:00+07:00' } }, settings)).toEqual({ status: 9, dueAt: Date.parse('2026-11-27T03:00:00Z') });
    expect(statusFromReply({ data: { trangThai: 4 } }, settings)).toEqual({ status: 4, dueAt: null });
    expect(statusFromReply({ data: { trangThai: 'KHONG_RO' } }, settings)).toBeNull();
    expect(statusFromReply({ other: 1 }, settings)).toBeNull();
  });

  it('is read for the lookup with a cache, a timeout, and "not available" when the source is down', async () => {
    const state = { reply: { data: { trangThai: 'DANG_XU_LY', hanTra: '2026-11-27T10:00:00+07:00' } } as unknown, delayMs: 0, requests: 0 };
    const port = await province(state);
    const dataDir = tempDataDir();
    const file = demoHallWith(dataDir, (hall) => {
      hall.hall.statusSource = {
        url: `http://127.0.0.1:${port}/hoso/{code}`,
        statusField: 'data.trangThai',
        dueField: 'data.hanTra',
        statusMap: { DANG_XU_LY: 4, DA_CO_KET_QUA: 9 },
        timeoutMs: 300,
        cacheSeconds: 60,
      };
    });
    const clock = { now: Date.UTC(2026, 10, 24, 2, 0) };
    hub = await startTestHub({ dataDir, hallFile: file, clock: () => clock.now });
    const c = await prepareCallers(hub);
    await inject(hub, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
    const ticketId = (await inject(hub, c.clerk1!, 'POST', '/api/counters/1/call-next', {})).body.ticket.id;
    const linked = await inject(hub, c.clerk1!, 'POST', '/api/dossiers/link', { counterId: 1, ticketId, code: CODE });
    // The citizen holds the check code of the lookup slip printed when the dossier was linked.
    const lookup = () => inject(hub!, { address: LAN_ADDRESS, token: null }, 'GET', `/api/lookup/${CODE}?check=${linked.body.checkCode}`);

    const read = await lookup();
    expect(read.body).toMatchObject({ kind: 'linked', status: 4, statusWords: { vi: 'Đang xử lý' }, provinceStatus: 'read', dueAt: Date.parse('2026-11-27T03:00:00Z') });
    // Within the cache time the source is not asked again.
    state.reply = { data: { trangThai: 'DA_CO_KET_QUA' } };
    expect((await lookup()).body.status).toBe(4);
    expect(state.requests).toBe(1);
    clock.now += 61_000;
    expect((await lookup()).body).toMatchObject({ status: 9, provinceStatus: 'read' });

    // Slow past the timeout: "not available", quickly, with what luot knows.
    state.delayMs = 2000;
    clock.now += 61_000;
    const started = Date.now();
    const slow = await lookup();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(slow.body).toMatchObject({ provinceStatus: 'unavailable', status: 2 });
    // Down altogether.
    state.delayMs = 0;
    state.reply = null;
    clock.now += 61_000;
    expect((await lookup()).body.provinceStatus).toBe('unavailable');
  });
});

describe("the source's secrets", () => {
  it('are masked where the address is shown: user:password, query values and a fragment; {code} stays', () => {
    expect(maskedAddress('https://so.example.vn/api/hoso/{code}?key=abc123')).toBe('https://so.example.vn/api/hoso/{code}?key=***');
    expect(maskedAddress('https://tracuu:Mat-khau@so.example.vn/hs?ma={code}&token=t0k&flag')).toBe('https://tracuu:***@so.example.vn/hs?ma={code}&token=***&flag');
    // A token as the user name alone, or a password written with an @ in it.
    expect(maskedAddress('https://s3cr3t-t0ken@so.example.vn/hs/{code}')).toBe('https://***@so.example.vn/hs/{code}');
    expect(maskedAddress('https://u:p@ss@so.example.vn/hs/{code}#k=v')).toBe('https://u:***@so.example.vn/hs/{code}#***');
    expect(maskedAddress('http://dvc.tinh.gov.vn/api/hoso/{code}')).toBe('http://dvc.tinh.gov.vn/api/hoso/{code}');
    expect(maskedAddress('not an address')).toBe('***');
    const shown = shownStatusSource({ url: 'https://u:pw@h/{code}', headers: { 'X-Api-Key': 'k' }, statusField: 's', dueField: null, statusMap: {}, timeoutMs: 3000, cacheSeconds: 60 });
    expect(shown).toMatchObject({ url: 'https://u:***@h/{code}', headers: { 'X-Api-Key': '***' }, statusField: 's' });
  });

  it('are sent as the source expects: user:password as basic authentication, headers as they are', () => {
    const request = sourceRequest({ url: 'https://tra%20cuu:m%E1%BA%ADt@so.example.vn/hs/{code}?key=k1', headers: { 'X-Api-Key': 'abc' } }, CODE);
    expect(request.url).toBe(`https://so.example.vn/hs/${CODE}?key=k1`);
    expect(request.headers).toEqual({ accept: 'application/json', 'X-Api-Key': 'abc', authorization: `Basic ${Buffer.from('tra cuu:mật', 'utf8').toString('base64')}` });
    expect(sourceRequest({ url: 'http://h/{code}' }, 'a b').headers).toEqual({ accept: 'application/json' });
  });

  it('refuse to start a hall whose source cannot sign in as written, with the reason', () => {
    const problemsOf = (source: Record<string, unknown>): string[] => {
      const dir = tempDataDir();
      const file = demoHallWith(dir, (hall) => (hall.hall.statusSource = { statusField: 'data.trangThai', ...source }));
      try {
        hallFromText(readFileSync(file, 'utf8'), file);
      } catch (error) {
        if (error instanceof HallFileError) return error.problems;
        throw error;
      }
      return [];
    };
    expect(problemsOf({ url: 'https://u:pw@so.example.vn/hs/{code}', headers: { 'X-Api-Key': 'k' } })).toEqual([]);
    expect(problemsOf({ url: 'https://u:pw@so.example.vn/hs/{code}', headers: { Authorization: 'Bearer k' } })).toEqual([
      'hall.statusSource: give either user:password in the url or an Authorization header, not both',
    ]);
    expect(problemsOf({ url: 'https://so example/{code}' })).toEqual(['hall.statusSource.url: is not an address the hub can read from']);
    const badHeader = problemsOf({ url: 'https://so.example.vn/hs/{code}', headers: { 'X-Api-Key': 'k\r\nX-Other: 1' } });
    expect(badHeader).toEqual(['/hall/statusSource/headers/X-Api-Key: is not in the expected format']);
    expect(problemsOf({ url: 'https://so.example.vn/hs/{code}', headers: { 'X Api': 'k' } })).toEqual(['hall.statusSource.headers: "X Api" is not a header name (letters, digits and -)']);
    // The reasons name the setting, never its value.
    expect(problemsOf({ url: 'ftp://u:Mat-khau-9@so.example.vn/{code}' }).join(' ')).not.toContain('Mat-khau-9');
  });
});
