// The status of a dossier received in the province's system, read for the lookup terminal from
// a simulated province source: mapped fields, a cache, a timeout, and "not available" when down.

import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { statusFromReply } from '../../server/services/status-source.js';
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
