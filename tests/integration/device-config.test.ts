// A kiosk's printer and the hall's serial buses changed in the manager console while the hub
// runs: bad input is refused field by field and nothing changes; a printer swapped live prints
// the next ticket (real ESC/POS bytes) on the new one; a bus moved to another port is heard
// there and no longer on the old one; a port that cannot be opened is reported, never fatal;
// changes are logged with who made them and outlive a restart until the hall file changes them.

import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYPAD_COMMANDS, keyFrame } from '../../hardware/keypad/keypad-protocol.js';
import { decodeLedFrame, LED_COMMANDS } from '../../hardware/led/led-protocol.js';
import { decodeJob } from '../helpers/escpos-decoder.js';
import { demoHallWith } from '../helpers/hall-files.js';
import { LoopbackPrinter } from '../helpers/loopback-printer.js';
import { BusEnd } from '../helpers/bus-end.js';
import { PtyPair } from '../helpers/pty-pair.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

const cleanups: (() => Promise<void>)[] = [];
let hub: TestHub | null = null;

afterEach(async () => {
  await hub?.stop(true);
  hub = null;
  for (const c of cleanups.splice(0).reverse()) await c();
});

const as = (token: string | null) => ({ authorization: token === null ? null : `Bearer ${token}` });

async function tokenOf(user: string): Promise<string> {
  const reply = await api(hub!.url, 'POST', '/api/staff/sign-in', { user, password: 'luot-demo', counterId: null }, { authorization: null });
  expect(reply.status).toBe(200);
  return reply.body.token as string;
}

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a kiosk printer changed in the console', () => {
  it('refuses bad input field by field and changes nothing; a printer swapped live prints the next ticket on the new one', async () => {
    const first = await new LoopbackPrinter().start();
    const second = await new LoopbackPrinter().start();
    cleanups.push(
      () => first.stop(),
      () => second.stop(),
    );
    const dataDir = tempDataDir();
    const hallFile = demoHallWith(dataDir, (hall) => {
      hall.kiosks[0].printer = { type: 'epson', address: first.address, paper: 80 };
    });
    hub = await startTestHub({ dataDir, hallFile });
    const admin = await tokenOf('quantri');
    const kiosk = (path: string, body?: unknown) => api(hub!.url, 'POST', path, body, as('demo-kiosk-K1-token'));

    expect((await kiosk('/api/kiosk/tickets', { serviceId: 'HT' })).body.print.ok).toBe(true);
    await first.waitForJobs(1);

    // A network printer with no address, a service that does not exist: both named, nothing applied.
    const bad = await api(hub.url, 'PUT', '/api/devices/kiosks/K1', { printer: { kind: 'star', paperWidth: 58 }, services: ['HT', 'NOPE'] }, as(admin));
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['printer.address', 'services']);
    expect(bad.body.message).toContain('printer.address');
    expect(bad.body.messageEn).toContain('there is no service "NOPE"');
    // Wrong types never reach the hall: the schema names the field.
    const wrongType = await api(hub.url, 'PUT', '/api/devices/kiosks/K1', { printer: { kind: 'laser' }, services: [] }, as(admin));
    expect(wrongType.status).toBe(400);
    expect(JSON.stringify(wrongType.body)).toContain('kind');
    const badAddress = await api(hub.url, 'PUT', '/api/devices/kiosks/K1', { printer: { kind: 'epson', address: 'máy in ở góc' }, services: [] }, as(admin));
    expect(badAddress.status).toBe(400);
    expect(badAddress.body.message).toContain('"printer.address" phải là tcp://máy:cổng');
    expect(badAddress.body.messageEn).toContain('"printer.address" must be tcp://host:port');
    // A manager may not change devices.
    expect((await api(hub.url, 'PUT', '/api/devices/kiosks/K1', { printer: { kind: 'simulated' }, services: [] }, as(await tokenOf('quanly')))).status).toBe(403);
    expect((await api(hub.url, 'PUT', '/api/devices/kiosks/K9', { printer: { kind: 'simulated' }, services: [] }, as(admin))).status).toBe(404);

    expect((await kiosk('/api/kiosk/tickets', { serviceId: 'HT' })).body.print.ok).toBe(true);
    await first.waitForJobs(2);

    // The hall file's K1 moves to the second printer, a STAR on 58 mm paper, and offers HT only.
    const changed = await api(hub.url, 'PUT', '/api/devices/kiosks/K1', { printer: { kind: 'star', address: second.address, paperWidth: 58 }, services: ['HT'] }, as(admin));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: 'K1', source: 'file', printer: { kind: 'star', address: second.address, paperWidth: 58, model: null }, services: ['HT'] });
    const issued = await kiosk('/api/kiosk/tickets', { serviceId: 'HT' });
    expect(issued.body.print.ok).toBe(true);
    const [bytes] = await second.waitForJobs(1);
    const job = decodeJob(bytes!, 'star');
    expect(job.rasters[0]!.width).toBe(384);
    expect(first.jobs).toHaveLength(2);
    // The kiosk offers HT only now.
    expect((await kiosk('/api/kiosk/tickets', { serviceId: 'DD' })).status).toBe(403);
    // The running configuration exported as a hall file holds the kiosk as it now is.
    const exported = parse(await fetch(`${hub.url}/api/config/hall-file`, { headers: as(admin) as Record<string, string> }).then((r) => r.text()));
    expect(exported.kiosks.find((k: any) => k.id === 'K1')).toMatchObject({ printer: { type: 'star', address: second.address, paper: 58 }, services: ['HT'] });

    // The test button answers what the new printer did.
    expect((await api(hub.url, 'POST', '/api/devices/printers/K1/test', undefined, as(admin))).body).toMatchObject({ ok: true });
    await second.waitForJobs(2);
    expect(first.jobs).toHaveLength(2);

    // The printer type the hall file knows as `agent` is offered too: no agent is connected, so the test says so.
    const agent = await api(hub.url, 'PUT', '/api/devices/kiosks/K1', { printer: { kind: 'agent', model: 'star', paperWidth: 80 }, services: [] }, as(admin));
    expect(agent.body.printer).toEqual({ kind: 'agent', address: null, model: 'star', paperWidth: 80 });
    expect((await api(hub.url, 'POST', '/api/devices/printers/K1/test', undefined, as(admin))).body).toMatchObject({ ok: false, code: 'unreachable' });

    const events = await api<any[]>(hub.url, 'GET', '/api/events?limit=100', undefined, as(admin));
    const logged = events.body.filter((e) => e.type === 'device:changed' && e.data.change === 'changed');
    expect(logged).toHaveLength(2);
    expect(logged.every((e) => e.actor === 'Ngô Minh Quân' && e.data.device.id === 'K1')).toBe(true);
    expect(JSON.stringify(events.body)).not.toContain('demo-kiosk-K1-token');
  });

  it('a change outlives a restart with the same hall file; a hall file that changes the kiosk wins', async () => {
    const dataDir = tempDataDir();
    const hallFile = demoHallWith(dataDir, () => undefined);
    hub = await startTestHub({ dataDir, hallFile });
    const admin = await tokenOf('quantri');
    expect((await api(hub.url, 'PUT', '/api/devices/kiosks/K2', { printer: { kind: 'simulated', paperWidth: 80 }, services: ['DD'] }, as(admin))).status).toBe(200);
    await hub.stop();

    hub = await startTestHub({ dataDir, hallFile });
    const kept = (await api(hub.url, 'GET', '/api/devices', undefined, as(await tokenOf('quantri')))).body.devices.find((d: { id: string }) => d.id === 'K2');
    expect(kept).toMatchObject({ printer: { paperWidth: 80 }, services: ['DD'] });
    await hub.stop();

    const changed = demoHallWith(dataDir, (hall) => {
      hall.kiosks[1].printer = { type: 'simulated', paper: 58 };
      hall.kiosks[1].ticketsPerMinute = 7;
    });
    hub = await startTestHub({ dataDir, hallFile: changed });
    const fileWins = (await api(hub.url, 'GET', '/api/devices', undefined, as(await tokenOf('quantri')))).body.devices.find((d: { id: string }) => d.id === 'K2');
    expect(fileWins).toMatchObject({ printer: { paperWidth: 58 }, services: [] });
  });
});

describe('a serial bus changed in the console', () => {
  it('moved to another port: the keypad there calls, the old port is let go; a port that cannot open is reported; a bus is added and removed', { timeout: 60_000 }, async () => {
    const one = await new PtyPair().plug();
    const two = await new PtyPair().plug();
    cleanups.push(
      () => one.unplug(),
      () => two.unplug(),
    );
    const dataDir = tempDataDir();
    const hallFile = demoHallWith(dataDir, (hall) => {
      hall.serialBuses = [{ id: 'B1', port: one.hubEnd, keypads: [{ address: 1, counter: 1 }], ledBoards: [{ address: 31, counter: 1 }] }];
    });
    hub = await startTestHub({ dataDir, hallFile, busRetryMs: 50 });
    const admin = await tokenOf('quantri');
    const oldEnd = await BusEnd.open(one.deviceEnd, cleanups);
    const newEnd = await BusEnd.open(two.deviceEnd, cleanups);
    await until(() => oldEnd.has(1, KEYPAD_COMMANDS.show, 0), 'the keypad on the first port');

    // A keypad for a counter that does not exist and two devices on one address: refused, the bus unchanged.
    const bad = await api(
      hub.url,
      'PUT',
      '/api/devices/buses/B1',
      { port: two.hubEnd, keypads: [{ address: 1, counterId: 99 }], ledBoards: [{ address: 1, kind: 'counter', counterId: 1 }] },
      as(admin),
    );
    expect(bad.status).toBe(400);
    const fields = bad.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toContain('serialBuses.B1.keypads');
    expect(fields).toContain('serialBuses.B1');
    const badPort = await api(hub.url, 'PUT', '/api/devices/buses/B1', { port: 'not a port' }, as(admin));
    expect(badPort.status).toBe(400);
    expect(badPort.body.messageEn).toContain('"port" must be a serial port such as /dev/ttyUSB0');
    expect((await api(hub.url, 'PUT', '/api/devices/buses/B1', { port: two.hubEnd, protocol: 'morse' }, as(admin))).status).toBe(400);
    expect((await api(hub.url, 'GET', '/api/devices', undefined, as(admin))).body.buses).toMatchObject([{ id: 'B1', port: one.hubEnd, source: 'file' }]);

    const moved = await api(
      hub.url,
      'PUT',
      '/api/devices/buses/B1',
      { port: two.hubEnd, baudRate: 9600, protocol: 'luot', keypads: [{ address: 1, counterId: 1 }], ledBoards: [{ address: 31, kind: 'counter', counterId: 1 }] },
      as(admin),
    );
    expect(moved).toEqual({ status: 200, body: { id: 'B1' } });
    await until(() => newEnd.has(1, KEYPAD_COMMANDS.show, 0), 'the keypad on the new port');
    expect((await api(hub.url, 'GET', '/api/devices', undefined, as(admin))).body.buses).toMatchObject([{ id: 'B1', port: two.hubEnd, source: 'console', status: { ok: true } }]);
    const exportedBus = parse(await fetch(`${hub.url}/api/config/hall-file`, { headers: as(admin) as Record<string, string> }).then((r) => r.text()));
    expect(exportedBus.serialBuses).toMatchObject([{ id: 'B1', port: two.hubEnd, baudRate: 9600 }]);

    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    // The old port is no longer the hub's: a key pressed there is not heard.
    let mark = oldEnd.frames.length;
    oldEnd.press(keyFrame(1, 'callNext'));
    await new Promise((r) => setTimeout(r, 800));
    expect(oldEnd.has(1, KEYPAD_COMMANDS.ack, mark)).toBe(false);
    expect((await api(hub.url, 'GET', '/api/counters/1')).body.current).toBeNull();
    mark = newEnd.frames.length;
    newEnd.press(keyFrame(1, 'callNext'));
    await until(() => newEnd.has(1, KEYPAD_COMMANDS.ack, mark), 'the ack on the new port');
    await until(async () => (await api(hub!.url, 'GET', '/api/counters/1')).body.current?.status === 'called', 'the call');

    // The board test still lights the board, on the new port.
    mark = newEnd.frames.length;
    expect((await api(hub.url, 'POST', '/api/devices/boards/B1/31/test', undefined, as(admin))).body).toEqual({ sent: true });
    await until(() => newEnd.frames.slice(mark).some((f) => f.address === 31 && f.command === LED_COMMANDS.counter), 'the test frame');
    const test = newEnd.frames.slice(mark).find((f) => f.address === 31 && f.command === LED_COMMANDS.counter)!;
    expect(decodeLedFrame(test)).toMatchObject({ number: '8888' });

    // A port that does not exist: reported as the bus's state; the hub goes on.
    expect((await api(hub.url, 'PUT', '/api/devices/buses/B1', { port: '/dev/luot-no-such-port' }, as(admin))).status).toBe(200);
    await until(async () => (await api(hub!.url, 'GET', '/api/devices', undefined, as(admin))).body.buses[0]?.status?.ok === false, 'the missing port reported');
    expect((await api(hub.url, 'GET', '/api/health')).body.devices.find((d: { id: string }) => d.id === 'bus:B1')).toMatchObject({ ok: false, code: 'unreachable' });
    expect((await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' })).status).toBe(201);

    // A second bus added, then both removed: the list is empty and the ports are let go.
    expect((await api(hub.url, 'POST', '/api/devices/buses', { id: 'B2', port: 'simulated', ledBoards: [{ address: 90, kind: 'hall', calls: 3 }] }, as(admin))).status).toBe(201);
    expect((await api(hub.url, 'POST', '/api/devices/buses', { id: 'B2', port: 'simulated' }, as(admin))).status).toBe(409);
    expect((await api(hub.url, 'POST', '/api/devices/boards/B2/90/test', undefined, as(admin))).body).toEqual({ sent: true });
    expect((await api(hub.url, 'DELETE', '/api/devices/buses/B2', undefined, as(admin))).status).toBe(200);
    expect((await api(hub.url, 'DELETE', '/api/devices/buses/B1', undefined, as(admin))).status).toBe(200);
    expect((await api(hub.url, 'GET', '/api/devices', undefined, as(admin))).body.buses).toEqual([]);
    expect((await api(hub.url, 'DELETE', '/api/devices/buses/B1', undefined, as(admin))).status).toBe(404);

    const events = await api<any[]>(hub.url, 'GET', '/api/events?limit=100', undefined, as(admin));
    // The log names the admin (as the event log names people), never a token.
    const changes = events.body.filter((e) => e.type === 'device:changed' && e.data.device.kind === 'serialBus').map((e) => `${e.data.device.id}:${e.data.change}:${e.actor}`);
    expect(changes.sort()).toEqual(['B1:changed:Ngô Minh Quân', 'B1:changed:Ngô Minh Quân', 'B1:removed:Ngô Minh Quân', 'B2:added:Ngô Minh Quân', 'B2:removed:Ngô Minh Quân'].sort());
    await hub.stop();

    // The removal outlives a restart with the same hall file.
    hub = await startTestHub({ dataDir, hallFile, busRetryMs: 50 });
    expect((await api(hub.url, 'GET', '/api/devices', undefined, as(await tokenOf('quantri')))).body.buses).toEqual([]);
  });

  it('a bus changed in the console outlives a restart with the same hall file; a hall file that changes the bus wins', async () => {
    const dataDir = tempDataDir();
    const hallFile = demoHallWith(dataDir, () => undefined);
    hub = await startTestHub({ dataDir, hallFile });
    const admin = await tokenOf('quantri');
    const changed = await api(hub.url, 'PUT', '/api/devices/buses/B1', { port: 'simulated', keypads: [{ address: 5, counterId: 5 }], ledBoards: [] }, as(admin));
    expect(changed.status).toBe(200);
    await hub.stop();

    hub = await startTestHub({ dataDir, hallFile });
    const kept = (await api(hub.url, 'GET', '/api/devices', undefined, as(await tokenOf('quantri')))).body;
    expect(kept.buses).toMatchObject([{ id: 'B1', source: 'console', keypads: [{ address: 5, counterId: 5 }], ledBoards: [] }]);
    expect(kept.boards).toEqual([]);
    await hub.stop();

    const fileChanged = demoHallWith(dataDir, (hall) => {
      hall.serialBuses[0].baudRate = 19200;
    });
    hub = await startTestHub({ dataDir, hallFile: fileChanged });
    const fileWins = (await api(hub.url, 'GET', '/api/devices', undefined, as(await tokenOf('quantri')))).body.buses;
    expect(fileWins).toMatchObject([{ id: 'B1', source: 'file', baudRate: 19200 }]);
    expect(fileWins[0].keypads.length).toBeGreaterThan(1);
  });
});
