// Secrets in the hall file (the province status source's key, password and token) never leave
// the hub: a hall whose source holds all three is used for a while (a dossier linked, looked up,
// its result collected, another received, the notice changed), then every route is called by
// every kind of caller and every socket message is kept; the secrets appear in none of them.
// The source itself is read with them: the password as basic authentication, the key in the
// query, the token as a header.

import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownStatusSource } from '../../server/services/status-source.js';
import { ROUTE_ACCESS } from '../../server/http/access/access-table.js';
import { DEMO_KIOSK_TOKEN, DEMO_RATING_TOKEN, prepareCallers, type CallerName, type TestCaller } from '../helpers/callers.js';
import { demoHallWith } from '../helpers/hall-files.js';
import { RecordingClient, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

const USER = 'tra-cuu-tinh';
const PASSWORD = 'Mk-pr0v!nce-9431';
const KEY = 'KEY-7f3a9c2e1b';
const TOKEN = 'TOK-5d8e2a71c4';
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
/** Whatever of these appears in a reply or a message is a leak. */
const SECRETS = [PASSWORD, KEY, TOKEN, BASIC];
const CODE = '000.17.22.H56-261124-0042';

let hub: TestHub;
let source: Server;
let callers: Record<CallerName, TestCaller>;
let page: RecordingClient;
const province = { signedIn: 0, refused: 0 };
/** Every reply's status line, headers and body, and every socket message, as text. */
const seen: { what: string; text: string }[] = [];

async function call(caller: TestCaller, method: string, url: string, body?: unknown) {
  const response = await hub.app.inject({
    method: method as 'GET',
    url,
    remoteAddress: caller.address,
    headers: { ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  seen.push({ what: `${method} ${url} as ${caller.name}`, text: `${response.statusCode} ${JSON.stringify(response.headers)} ${response.body}` });
  let parsed: any = null;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    parsed = null;
  }
  return { status: response.statusCode, body: parsed };
}

beforeAll(async () => {
  // The province's system: answers only a request that brings all three.
  source = createServer((request, response) => {
    const url = new URL(request.url!, 'http://source');
    const ok = request.headers.authorization === `Basic ${BASIC}` && url.searchParams.get('key') === KEY && request.headers['x-api-token'] === TOKEN;
    if (!ok) {
      province.refused++;
      return response.writeHead(401).end();
    }
    province.signedIn++;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { trangThai: 'DA_CO_KET_QUA' } }));
  });
  await new Promise<void>((r) => source.listen(0, '127.0.0.1', () => r()));
  const port = (source.address() as { port: number }).port;
  const dataDir = tempDataDir();
  const file = demoHallWith(dataDir, (hall) => {
    hall.hall.statusSource = {
      url: `http://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/hoso/{code}?key=${KEY}&lang=vi`,
      headers: { 'X-Api-Token': TOKEN },
      statusField: 'data.trangThai',
      statusMap: { DANG_XU_LY: 4, DA_CO_KET_QUA: 9 },
      cacheSeconds: 0,
    };
  });
  hub = await startTestHub({ dataDir, hallFile: file });
  callers = await prepareCallers(hub);
  page = new RecordingClient(hub.url);
  page.socket.onAny((event: string, ...args: unknown[]) => seen.push({ what: `socket ${event}`, text: JSON.stringify(args) }));
  await page.until(() => page.snapshots[0], 'snapshot');
}, 60_000);

afterAll(async () => {
  page.close();
  await hub.stop(true);
  await new Promise<void>((r) => source.close(() => r()));
});

/** The replies and messages that carry any secret, by what they were. */
function leaks(): string[] {
  const hubSecrets = [...SECRETS, hub.hub.apiToken, 'scrypt$'];
  return seen.filter((s) => hubSecrets.some((secret) => s.text.includes(secret))).map((s) => s.what);
}

describe('a status source with a key, a password and a token', () => {
  it('is read with all three, and the hall works with it', async () => {
    const { kiosk, clerk1, clerk2, manager, lan } = callers;
    const issued = await call(kiosk, 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(issued.status).toBe(201);
    const ticketId = (await call(clerk1, 'POST', '/api/counters/1/call-next', {})).body.ticket.id as string;
    expect((await call(clerk1, 'POST', '/api/dossiers/link', { counterId: 1, ticketId, code: CODE })).status).toBe(201);
    // The citizen's lookup slip (form TC) carries the check code the lookup asks for.
    const check = (await call(clerk1, 'GET', `/api/dossiers/${CODE}`)).body.checkCode as string;
    const looked = await call(lan, 'GET', `/api/lookup/${CODE}?check=${check}`);
    expect(looked.body).toMatchObject({ kind: 'linked', status: 9, provinceStatus: 'read' });
    expect(province).toMatchObject({ refused: 0 });
    expect(province.signedIn).toBeGreaterThan(0);
    // The result is ready in the province's system: the citizen takes a number to collect it.
    expect((await call(kiosk, 'POST', '/api/kiosk/returns', { code: CODE, check })).status).toBe(201);
    await call(clerk2, 'POST', '/api/tickets', { serviceId: 'HT' });
    const other = (await call(clerk2, 'POST', '/api/counters/2/call-next', {})).body.ticket.id as string;
    const received = await call(clerk2, 'POST', '/api/dossiers', {
      counterId: 2,
      ticketId: other,
      procedureCode: 'HT.04',
      applicant: { name: 'Phạm Văn Dũng', idNumber: '001099012345', phone: null, address: 'Thôn Đông' },
      papers: [],
      outcome: 'complete',
    });
    expect(received.status).toBe(201);
    expect((await call(manager, 'PUT', '/api/hall/notice', { notice: { vi: 'Trung tâm nghỉ chiều thứ Bảy.', en: 'Closed on Saturday afternoon.' } })).status).toBe(200);
    await page.until(() => seen.some((s) => s.what === 'socket hall:settings'), 'the new settings');
    const asked = await page.socket.timeout(5000).emitWithAck('hall:resync');
    seen.push({ what: 'socket hall:resync reply', text: JSON.stringify(asked) });
    const subscribed = await page.socket.timeout(5000).emitWithAck('hall:subscribe', { counters: [1] });
    seen.push({ what: 'socket hall:subscribe reply', text: JSON.stringify(subscribed) });
    expect(leaks()).toEqual([]);
  });

  it('never leaves the hub: no reply to any caller on any route, no socket message', async () => {
    const ticketId = (await call(callers.manager, 'GET', '/api/tickets')).body[0].id as string;
    const params: Record<string, string> = { counterId: '1', ticketId, serviceId: 'HT', busId: 'B1', address: '1', file: 'none.png', code: CODE };
    const check = (await call(callers.manager, 'GET', `/api/dossiers/${CODE}`)).body.checkCode as string;
    // Every route of the access table (the API, the pages, the landing page, the API document).
    const operations = Object.keys(ROUTE_ACCESS).map((key) => {
      const [method, path] = key.split(' ') as [string, string];
      return {
        method,
        url: path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? 'x').replace('*', '') + (path === '/api/lookup/:code' ? `?check=${check}` : ''),
        hasBody: method !== 'GET',
        signOut: path.endsWith('sign-out'),
      };
    });
    // Signing out ends the caller's session: walked last.
    operations.sort((a, b) => Number(a.signOut) - Number(b.signOut));
    expect(operations.length).toBeGreaterThan(50);
    let answered = 0;
    for (const op of operations) {
      for (const caller of Object.values(callers)) {
        // GETs for real; the others with a body no route takes, answered by validation.
        const reply = await call(caller, op.method, op.url, op.hasBody ? { probe: true } : undefined);
        if (reply.status < 300) answered++;
      }
    }
    // The walk reached the replies, not only the refusals: the snapshot, the lookup, the staff reads.
    expect(answered).toBeGreaterThan(100);
    for (const read of [
      'GET /api/hall as lan',
      `GET /api/lookup/${CODE}?check=${check} as lan`,
      `GET /api/dossiers/${CODE} as clerk1`,
      'GET /api/events as manager',
      'GET / as hubMachine',
      'GET /api/kiosk as kiosk',
    ]) {
      expect(
        seen.some((s) => s.what === read && s.text.startsWith('200')),
        read,
      ).toBe(true);
    }
    // A fresh page's snapshot, and everything the first page heard.
    const fresh = new RecordingClient(hub.url);
    try {
      const snapshot = await fresh.until(() => fresh.snapshots[0], 'snapshot');
      seen.push({ what: 'socket hall:snapshot (fresh)', text: JSON.stringify(snapshot) });
      expect(snapshot.hall).not.toHaveProperty('statusSource');
    } finally {
      fresh.close();
    }
    expect(seen.filter((s) => s.what.startsWith('socket ')).length).toBeGreaterThan(5);
    expect(leaks()).toEqual([]);
    // A kiosk's or a tablet's token is given only by the landing page on the hub machine, to register the device.
    const withDeviceTokens = seen.filter((s) => s.text.includes(DEMO_KIOSK_TOKEN) || s.text.includes(DEMO_RATING_TOKEN)).map((s) => s.what);
    expect(withDeviceTokens).toEqual(['GET / as hubMachine']);
  });

  it('is shown masked where it is shown at all (the start log)', () => {
    const shown = shownStatusSource(hub.hub.live.settings.statusSource!);
    expect(SECRETS.filter((s) => JSON.stringify(shown).includes(s))).toEqual([]);
    expect(shown.url).toMatch(new RegExp(`^http://${USER}:\\*\\*\\*@127\\.0\\.0\\.1:\\d+/hoso/\\{code\\}\\?key=\\*\\*\\*&lang=\\*\\*\\*$`));
    expect(shown.headers).toEqual({ 'X-Api-Token': '***' });
    expect(shown).toMatchObject({ statusField: 'data.trangThai', cacheSeconds: 0 });
  });
});
