// Devices paired from the manager console through the API it calls: an admin adds a kiosk, its
// browser opens the pairing address once and receives its own token; the code is single-use,
// expires, and wrong codes are limited per address; unpairing stops the token at once; the
// pairing outlives a restart with the same hall file. A printer's test prints real ESC/POS
// bytes through the print path; a board's test sends real frames on a serial line.

import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { LED_COMMANDS } from '../../hardware/led/led-protocol.js';
import { decodeLedFrame } from '../../hardware/led/led-protocol.js';
import { FrameParser, type BusFrame } from '../../hardware/serial/bus-frame.js';
import { decodeJob, inkIn, toPbm } from '../helpers/escpos-decoder.js';
import { demoHallWith } from '../helpers/hall-files.js';
import { HEALTHY, LoopbackPrinter, PAPER_OUT } from '../helpers/loopback-printer.js';
import { ocrVietnamese } from '../helpers/ocr.js';
import { PtyPair } from '../helpers/pty-pair.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

const DEMO_PASSWORD = 'luot-demo';
const cleanups: (() => Promise<void>)[] = [];
let hub: TestHub | null = null;

afterEach(async () => {
  await hub?.stop(true);
  hub = null;
  for (const c of cleanups.splice(0).reverse()) await c();
});

const as = (token: string | null) => ({ authorization: token === null ? null : `Bearer ${token}` });

async function tokenOf(user: string): Promise<string> {
  const reply = await api(hub!.url, 'POST', '/api/staff/sign-in', { user, password: DEMO_PASSWORD, counterId: null }, { authorization: null });
  expect(reply.status).toBe(200);
  return reply.body.token as string;
}

/** Opens the pairing address as a device's browser does: the redirect names the page and the code. */
async function openPairingAddress(url: string): Promise<{ status: number; location: string | null; body: string }> {
  const response = await fetch(url.replace(/^http:\/\/[^/]+/, hub!.url), { redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
}

const pair = (code: string) => api(hub!.url, 'POST', '/api/devices/pair', { code }, { authorization: null });

describe('pairing devices from the console', () => {
  it('an admin adds a kiosk; its browser opens the QR address once, gets its own token and takes a number; the log names the admin, never a token', async () => {
    hub = await startTestHub();
    const admin = await tokenOf('quantri');
    const added = await api(hub.url, 'POST', '/api/devices', { kind: 'kiosk', name: 'Máy lấy số tầng 2', nameEn: 'Second floor kiosk', services: ['HT', 'DD'] }, as(admin));
    expect(added.status).toBe(201);
    expect(added.body.device).toMatchObject({
      kind: 'kiosk',
      id: 'K4',
      name: { vi: 'Máy lấy số tầng 2', en: 'Second floor kiosk' },
      source: 'console',
      paired: false,
      services: ['HT', 'DD'],
    });
    const { code, url, expiresAt } = added.body.pairing;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(url).toMatch(new RegExp(`/pair/${code}$`));
    expect(expiresAt - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(10 * 60_000);

    const opened = await openPairingAddress(url);
    expect(opened.status).toBe(302);
    expect(opened.location).toBe(`/kiosk/?pair=${code}`);

    // The code typed in lower case with a dash works as well.
    const paired = await pair(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
    expect(paired.status).toBe(200);
    expect(paired.body).toMatchObject({ kind: 'kiosk', id: 'K4', name: { vi: 'Máy lấy số tầng 2' } });
    const token = paired.body.token as string;
    expect(token.length).toBeGreaterThanOrEqual(32);

    const info = await api(hub.url, 'GET', '/api/kiosk', undefined, as(token));
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ id: 'K4', services: ['HT', 'DD'] });
    const issued = await api(hub.url, 'POST', '/api/kiosk/tickets', { serviceId: 'HT' }, as(token));
    expect(issued.status).toBe(201);
    expect(issued.body.print.ok).toBe(true);
    // A service the kiosk does not offer is refused.
    const other = await api(hub.url, 'POST', '/api/kiosk/tickets', { serviceId: 'XD' }, as(token));
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('kiosk_service_not_offered');

    // Single use: the same code again, even from the same browser, is refused.
    const again = await pair(code);
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('pairing_code_invalid');
    expect((await openPairingAddress(url)).status).toBe(404);

    const list = await api(hub.url, 'GET', '/api/devices', undefined, as(admin));
    expect(list.status).toBe(200);
    expect(list.body.devices.find((d: any) => d.id === 'K4')).toMatchObject({ paired: true, source: 'console' });
    expect(list.body.devices.find((d: any) => d.id === 'K1')).toMatchObject({ paired: true, source: 'file' });
    expect(list.body.boards.length).toBeGreaterThan(0);
    expect(JSON.stringify(list.body)).not.toContain(token);

    // Kept hashed: neither the token nor the code is in the database or the log.
    const stored = hub.hub.db.prepare('SELECT def FROM device_overrides').all() as { def: string }[];
    expect(stored.map((r) => r.def).join()).not.toContain(token);
    const log = await api(hub.url, 'GET', '/api/events?limit=1000');
    const changes = log.body.filter((e: any) => e.type === 'device:changed');
    expect(changes.map((e: any) => [e.data.change, e.actor])).toEqual([
      ['added', 'Ngô Minh Quân'],
      ['pairing', 'Ngô Minh Quân'],
      ['paired', 'device:kiosk:K4'],
    ]);
    expect(JSON.stringify(log.body)).not.toContain(token);
    expect(JSON.stringify(log.body)).not.toContain(code);
  });

  it('a code expires after 10 minutes; a new code makes the old one stop working', async () => {
    let now = Date.now();
    hub = await startTestHub({ clock: () => now });
    const admin = await tokenOf('quantri');
    const added = await api(hub.url, 'POST', '/api/devices', { kind: 'display', name: 'Màn hình sảnh chờ' }, as(admin));
    expect(added.status).toBe(201);
    now += 10 * 60_000 + 1000;
    const late = await pair(added.body.pairing.code);
    expect(late.status).toBe(404);
    expect(late.body.message).toContain('hết hạn');

    const first = await api(hub.url, 'POST', `/api/devices/display/${added.body.device.id}/pairing`, undefined, as(admin));
    const second = await api(hub.url, 'POST', `/api/devices/display/${added.body.device.id}/pairing`, undefined, as(admin));
    expect(first.status).toBe(200);
    expect((await pair(first.body.code)).status).toBe(404);
    now += 9 * 60_000;
    const paired = await pair(second.body.code);
    expect(paired.status).toBe(200);
    expect(paired.body).toMatchObject({ kind: 'display', id: 'D1' });
    const me = await api(hub.url, 'GET', '/api/devices/me', undefined, as(paired.body.token));
    expect(me).toMatchObject({ status: 200, body: { kind: 'display', id: 'D1', name: { vi: 'Màn hình sảnh chờ' } } });
  });

  it('guessed codes are limited per address: after 10 wrong ones even the right code waits (429)', async () => {
    hub = await startTestHub();
    const admin = await tokenOf('quantri');
    const added = await api(hub.url, 'POST', '/api/devices', { kind: 'ratingTablet', name: 'Máy đánh giá quầy 3', counterId: 3 }, as(admin));
    expect(added.status).toBe(201);
    for (let i = 0; i < 10; i++) {
      const guess = await pair(`ABCDEFG${'23456789'[i % 8]}`);
      expect(guess.status).toBe(404);
    }
    const limited = await pair(added.body.pairing.code);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('pairing_rate_limited');
    expect((await openPairingAddress(added.body.pairing.url)).status).toBe(429);
    // The limit is stored: a restart does not reset it.
    const dataDir = hub.dataDir;
    await hub.stop();
    hub = await startTestHub({ dataDir });
    expect((await pair(added.body.pairing.code)).status).toBe(429);
  });

  it('unpairing stops the token at once; only an admin manages devices', async () => {
    hub = await startTestHub();
    const admin = await tokenOf('quantri');
    const manager = await tokenOf('quanly');
    expect((await api(hub.url, 'GET', '/api/devices', undefined, as(manager))).status).toBe(403);
    expect((await api(hub.url, 'GET', '/api/devices')).status).toBe(403);
    expect((await api(hub.url, 'POST', '/api/devices', { kind: 'display', name: 'X' }, as(manager))).status).toBe(403);
    expect((await api(hub.url, 'POST', '/api/devices/kiosk/K1/unpair', undefined, as(null))).status).toBe(401);

    const added = await api(hub.url, 'POST', '/api/devices', { kind: 'ratingTablet', name: 'Máy đánh giá quầy 3', counterId: 3 }, as(admin));
    const paired = await pair(added.body.pairing.code);
    const token = paired.body.token as string;
    expect((await api(hub.url, 'GET', '/api/rating-tablet', undefined, as(token))).status).toBe(200);
    const unpaired = await api(hub.url, 'POST', `/api/devices/ratingTablet/${paired.body.id}/unpair`, undefined, as(admin));
    expect(unpaired.status).toBe(200);
    expect(unpaired.body).toMatchObject({ paired: false });
    expect((await api(hub.url, 'GET', '/api/rating-tablet', undefined, as(token))).status).toBe(401);
    expect((await api(hub.url, 'GET', '/api/devices/me', undefined, as(token))).status).toBe(401);

    // A kiosk of the hall file unpaired: its token from the file stops working too.
    expect((await api(hub.url, 'GET', '/api/kiosk', undefined, as('demo-kiosk-K1-token'))).status).toBe(200);
    expect((await api(hub.url, 'POST', '/api/devices/kiosk/K1/unpair', undefined, as(admin))).status).toBe(200);
    expect((await api(hub.url, 'GET', '/api/kiosk', undefined, as('demo-kiosk-K1-token'))).status).toBe(401);

    // Bad input: named fields, never 500.
    const noCounter = await api(hub.url, 'POST', '/api/devices', { kind: 'ratingTablet', name: 'R' }, as(admin));
    expect(noCounter.status).toBe(400);
    expect(noCounter.body.message).toContain('counterId');
    const unknownService = await api(hub.url, 'POST', '/api/devices', { kind: 'kiosk', name: 'K', services: ['NOPE'] }, as(admin));
    expect(unknownService.status).toBe(400);
    expect(unknownService.body.message).toContain('services');
    const noAddress = await api(hub.url, 'POST', '/api/devices', { kind: 'kiosk', name: 'K', printer: { kind: 'epson' } }, as(admin));
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.message).toContain('printer.address');
    expect((await api(hub.url, 'POST', '/api/devices', { kind: 'toaster', name: 'K' }, as(admin))).status).toBe(400);
    expect((await api(hub.url, 'POST', '/api/devices/kiosk/K99/unpair', undefined, as(admin))).status).toBe(404);
  });

  it('pairings outlive a restart with the same hall file; a hall file that changes the device wins', async () => {
    const dataDir = tempDataDir();
    const hallFile = demoHallWith(dataDir, () => undefined);
    hub = await startTestHub({ dataDir, hallFile });
    const admin = await tokenOf('quantri');
    const added = await api(hub.url, 'POST', '/api/devices', { kind: 'kiosk', name: 'Máy lấy số tầng 2' }, as(admin));
    const token = (await pair(added.body.pairing.code)).body.token as string;
    expect((await api(hub.url, 'POST', '/api/devices/kiosk/K1/unpair', undefined, as(admin))).status).toBe(200);
    await hub.stop();

    hub = await startTestHub({ dataDir, hallFile });
    expect((await api(hub.url, 'GET', '/api/kiosk', undefined, as(token))).status).toBe(200);
    expect((await api(hub.url, 'GET', '/api/kiosk', undefined, as('demo-kiosk-K1-token'))).status).toBe(401);
    await hub.stop();

    // The hall file gives K1 a new token: the file's word is the newer one.
    const changed = demoHallWith(dataDir, (hall) => {
      hall.kiosks[0].token = 'a-new-token-for-kiosk-one';
    });
    hub = await startTestHub({ dataDir, hallFile: changed });
    expect((await api(hub.url, 'GET', '/api/kiosk', undefined, as('a-new-token-for-kiosk-one'))).status).toBe(200);
    expect((await api(hub.url, 'GET', '/api/kiosk', undefined, as(token))).status).toBe(200);
  });
});

describe('testing printers and boards from the console', () => {
  it('a test ticket goes through the print path: real ESC/POS bytes that read as the test; paper out is the answer', async () => {
    const printer = await new LoopbackPrinter().start();
    cleanups.push(() => printer.stop());
    const dataDir = tempDataDir();
    const hallFile = demoHallWith(dataDir, (hall) => {
      hall.kiosks[0].printer = { type: 'epson', address: printer.address, paper: 80 };
    });
    hub = await startTestHub({ dataDir, hallFile });
    const admin = await tokenOf('quantri');
    expect((await api(hub.url, 'POST', '/api/devices/printers/K1/test', undefined, as(await tokenOf('quanly')))).status).toBe(403);
    const tested = await api(hub.url, 'POST', '/api/devices/printers/K1/test', undefined, as(admin));
    expect(tested.status).toBe(200);
    expect(tested.body).toEqual({ ok: true, code: null, message: null, messageEn: null });
    const [bytes] = await printer.waitForJobs(1);
    const job = decodeJob(bytes!, 'escpos');
    expect(job.rasters).toHaveLength(1);
    expect(job.rasters[0]!.width).toBe(576);
    expect(job.cuts).toBe(1);
    expect(inkIn(job.rasters[0]!, 0, job.rasters[0]!.height)).toBeGreaterThan(0.01);
    const text = await ocrVietnamese(toPbm(job.rasters[0]!), 'pbm');
    expect(text).toContain('IN THỬ');
    expect(text).toContain('Máy in hoạt động bình thường');

    printer.state = { ...PAPER_OUT };
    const out = await api(hub.url, 'POST', '/api/devices/printers/K1/test', undefined, as(admin));
    expect(out.body).toMatchObject({ ok: false, code: 'paper_out', message: 'Máy in hết giấy.' });
    expect(printer.jobs).toHaveLength(1);
    printer.state = { ...HEALTHY };
    expect((await api(hub.url, 'POST', '/api/devices/printers/K9/test', undefined, as(admin))).status).toBe(404);
  });

  it('a board test sends real frames on the serial line: 8888 on the board, then its content again', async () => {
    const pty = await new PtyPair().plug();
    cleanups.push(() => pty.unplug());
    const dataDir = tempDataDir();
    const hallFile = demoHallWith(dataDir, (hall) => {
      hall.serialBuses = [
        {
          id: 'B1',
          port: pty.hubEnd,
          keypads: [],
          ledBoards: [
            { address: 31, counter: 1 },
            { address: 90, hall: true, calls: 3 },
          ],
        },
      ];
    });
    hub = await startTestHub({ dataDir, hallFile });
    const port = new SerialPort({ path: pty.deviceEnd, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    cleanups.push(async () => {
      if (port.isOpen) await new Promise<void>((r) => port.close(() => r()));
    });
    const frames: BusFrame[] = [];
    const parser = new FrameParser();
    port.on('data', (chunk: Buffer) => frames.push(...parser.push(chunk)));
    const admin = await tokenOf('quantri');
    const until = async (test: () => boolean, what: string) => {
      const deadline = Date.now() + 8000;
      while (!test()) {
        if (Date.now() > deadline) throw new Error(`not seen: ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    // The line is open once the hub has sent the boards their content.
    await until(() => frames.some((f) => f.address === 31), 'the first content of board 31');
    const from = frames.length;
    const tested = await api(hub.url, 'POST', '/api/devices/boards/B1/31/test', undefined, as(admin));
    expect(tested).toEqual({ status: 200, body: { sent: true } });
    await until(() => frames.slice(from).some((f) => f.address === 31 && f.command === LED_COMMANDS.counter), 'the test frame');
    const test = frames.slice(from).find((f) => f.address === 31 && f.command === LED_COMMANDS.counter)!;
    expect(decodeLedFrame(test)).toEqual({ kind: 'counter', counterId: 1, number: '8888', blink: true });

    const hallFrom = frames.length;
    expect((await api(hub.url, 'POST', '/api/devices/boards/B1/90/test', undefined, as(admin))).body).toEqual({ sent: true });
    await until(() => frames.slice(hallFrom).some((f) => f.address === 90), 'the hall board test frame');
    expect(decodeLedFrame(frames.slice(hallFrom).find((f) => f.address === 90)!)).toEqual({ kind: 'hall', calls: Array.from({ length: 3 }, () => ({ counterId: 88, number: '8888' })) });

    // After 5 seconds the counter board shows its counter again (nothing held: cleared).
    const back = frames.length;
    await until(() => frames.slice(back).some((f) => f.address === 31 && f.command === LED_COMMANDS.clear), 'board 31 back to its content');
    expect((await api(hub.url, 'POST', '/api/devices/boards/B1/77/test', undefined, as(admin))).status).toBe(404);
  }, 20_000);
});
