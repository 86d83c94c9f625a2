// The device agent against a real hub over its socket.io channel: a kiosk's printer on a real
// serial port (a socat pty pair, the test playing an Epson-compatible printer that answers
// DLE EOT), its paper-out reaching the hub's health and the kiosk's print outcome; the token
// checked; the agent's messages refused for a kiosk that is not registered.

import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { AGENT_NAMESPACE } from '../../server/contract/agent.js';
import { startAgent, type AgentProcess } from '../helpers/agent-process.js';
import { decodeJob, toPbm } from '../helpers/escpos-decoder.js';
import { ocrVietnamese } from '../helpers/ocr.js';
import { PtyPair } from '../helpers/pty-pair.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

const TOKEN = 'kiosk-with-serial-printer';
let hub: TestHub;
let pair: PtyPair;
let agent: AgentProcess | null = null;

/** An Epson-compatible printer on the device end: answers DLE EOT 1/2/4, keeps everything else. */
class PlayedPrinter {
  readonly received: number[] = [];
  /** The status bytes it answers: printer, offline cause, paper sensor. */
  status = { 1: 0x16, 2: 0x12, 4: 0x12 } as Record<number, number>;
  private port: SerialPort | null = null;

  async open(path: string): Promise<this> {
    const port = new SerialPort({ path, baudRate: 19200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    port.on('data', (data: Buffer) => {
      if (data.length === 3 && data[0] === 0x10 && data[1] === 0x04 && this.status[data[2]!] !== undefined) port.write(Buffer.from([this.status[data[2]!]!]));
      this.received.push(...data);
    });
    this.port = port;
    return this;
  }

  paperOut(out: boolean): void {
    this.status = out ? { 1: 0x1e, 2: 0x32, 4: 0x72 } : { 1: 0x16, 2: 0x12, 4: 0x12 };
  }

  /** The job as received so far, once `rasters` tickets have come in whole (a pty delivers them in pieces). */
  async jobWith(rasters: number) {
    let job: ReturnType<typeof decodeJob> | null = null;
    await expect
      .poll(() => {
        try {
          job = decodeJob(Uint8Array.from(this.received), 'escpos');
        } catch {
          job = null;
        }
        return job?.rasters.length ?? -1;
      })
      .toBe(rasters);
    return job!;
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((r) => port.close(() => r()));
  }
}

function hallFile(dataDir: string): string {
  const file = join(dataDir, 'hall.yaml');
  writeFileSync(
    file,
    stringify({
      hall: { name: 'Bộ phận Một cửa phường Thử Nghiệm', agencyCode: '000.00.14.H56', hours: null },
      services: [{ id: 'HT', name: { vi: 'Tư pháp - Hộ tịch', en: 'Civil status' }, numbering: { prefix: 'A' } }],
      counters: [{ id: 1, services: ['HT'] }],
      kiosks: [
        { id: 'K1', token: TOKEN, printer: { type: 'agent', paper: 58 } },
        { id: 'K2', token: 'kiosk-printing-on-the-hub', printer: { type: 'simulated' } },
      ],
    }),
  );
  return file;
}

const printerHealth = async (kiosk = 'K1') => (await api(hub.url, 'GET', '/api/health')).body.devices.find((d: { id: string }) => d.id === `printer:${kiosk}`);
const take = async () => {
  const response = await fetch(`${hub.url}/api/kiosk/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: 'HT' }),
  });
  return (await response.json()) as { ticket: { ticket: { number: string } }; print: { ok: boolean; code: string | null; message: string | null } };
};

beforeEach(async () => {
  const dataDir = tempDataDir();
  hub = await startTestHub({ dataDir, hallFile: hallFile(dataDir) });
  pair = await new PtyPair().plug();
});

afterEach(async () => {
  await agent?.stop();
  agent = null;
  await pair.unplug();
  await hub.stop(true);
});

describe('a serial printer through the device agent', () => {
  it('prints, reports paper out from DLE EOT (the ticket is refused with the reason, on screen only), and ready again', async () => {
    const printer = await new PlayedPrinter().open(pair.deviceEnd);
    try {
      agent = await startAgent({ HUB: hub.url, TOKEN, DEVICE: 'K1', PRINTER: `serial:${pair.hubEnd}`, PRINTER_BAUD: '19200', PRINTER_CHECK_MS: '300', SCREEN: 'always' });
      await agent.waitFor(/connected to the hub as kiosk K1\b/);
      await expect.poll(printerHealth).toMatchObject({ ok: true, code: null });

      const first = await take();
      expect(first.print).toMatchObject({ ok: true, code: null });
      const job = await printer.jobWith(1);
      expect(job.statusQueries).toEqual(expect.arrayContaining([1, 2, 4]));
      expect(job.rasters).toHaveLength(1);
      expect(job.rasters[0]!.width).toBe(384);
      expect(job.cuts).toBe(1);
      const text = await ocrVietnamese(toPbm(job.rasters[0]!), 'pbm');
      expect(text.replace(/\s/g, '')).toContain(first.ticket.ticket.number);

      printer.paperOut(true);
      await expect.poll(printerHealth, { timeout: 10_000 }).toMatchObject({ ok: false, code: 'paper_out', message: 'Máy in hết giấy.' });
      const rasters = job.rasters.length;
      const refused = await take();
      expect(refused.print).toMatchObject({ ok: false, code: 'paper_out', message: 'Máy in hết giấy.' });
      expect((await printer.jobWith(rasters)).rasters).toHaveLength(rasters);

      printer.paperOut(false);
      await expect.poll(printerHealth, { timeout: 10_000 }).toMatchObject({ ok: true, code: null });
      expect((await take()).print.ok).toBe(true);
      expect((await printer.jobWith(rasters + 1)).cuts).toBe(rasters + 1);
    } finally {
      await printer.close();
    }
  });

  it('a printer that never answers status is "present": it prints; unplugging the adapter makes it unreachable', async () => {
    const silent = await new PlayedPrinter().open(pair.deviceEnd);
    silent.status = {};
    try {
      agent = await startAgent({ HUB: hub.url, TOKEN, DEVICE: 'K1', PRINTER: `serial:${pair.hubEnd}`, PRINTER_CHECK_MS: '300', SCREEN: 'always' });
      await agent.waitFor(/connected to the hub as kiosk K1\b/);
      await expect.poll(printerHealth).toMatchObject({ ok: true });
      expect((await take()).print.ok).toBe(true);
      await silent.close();
      await pair.unplug();
      await expect.poll(printerHealth, { timeout: 10_000 }).toMatchObject({ ok: false, code: 'unreachable' });
      const meanwhile = await take();
      expect(meanwhile.print).toMatchObject({ ok: false, code: 'unreachable' });
    } finally {
      await silent.close();
    }
  });
});

describe('who may be an agent', () => {
  it('a wrong token is refused with a message a person understands, and the kiosk stays unreachable', async () => {
    agent = await startAgent({ HUB: hub.url, TOKEN: 'not-a-kiosk-token', DEVICE: 'K1', PRINTER: join(tempDataDir(), 'lp0'), SCREEN: 'always' });
    await agent.waitFor(/the hub refuses this agent: .+ \/ .+/);
    expect(agent.output()).toContain('This kiosk is not registered or its token is wrong');
    expect(await printerHealth()).toMatchObject({ ok: false, code: 'unreachable' });
  });

  it('a printer state from a socket that never said hello is ignored; a kiosk printing on the hub is not taken over', async () => {
    const sneaky = io(hub.url + AGENT_NAMESPACE, { auth: { token: TOKEN }, transports: ['websocket'] });
    await new Promise<void>((resolve) => sneaky.on('connect', () => resolve()));
    sneaky.emit('agent:printer', { online: true, paper: 'ok', coverOpen: false, problem: null, reported: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(await printerHealth()).toMatchObject({ ok: false, code: 'unreachable' });
    sneaky.close();

    const other = io(hub.url + AGENT_NAMESPACE, { auth: { token: 'kiosk-printing-on-the-hub' }, transports: ['websocket'] });
    const welcome = await new Promise<unknown>((resolve) => other.on('connect', () => other.emit('agent:hello', { role: 'kiosk', version: 'test', printer: null }, resolve)));
    expect(welcome).toEqual({ ok: true, data: { kioskId: 'K2', printsHere: false } });
    other.emit('agent:printer', { online: false, paper: 'out', coverOpen: false, problem: 'paper_out', reported: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(await printerHealth('K2')).toMatchObject({ ok: true });
    other.close();
  });
});

describe('luot doctor on the hub', () => {
  /** Run as its own process: the hub lives in this test's process and must keep answering meanwhile. */
  const doctor = () =>
    new Promise<{ stdout: string; status: number | null }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/luot.ts', 'doctor'], {
        env: { ...process.env, LUOT_DATA_DIR: hub.dataDir, LUOT_CONFIG: join(hub.dataDir, 'hall.yaml'), PORT: new URL(hub.url).port },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.on('close', (status) => resolve({ stdout, status }));
    });

  it("says whether the printer on a kiosk's PC is ready, from what its agent reported", async () => {
    const lp0 = join(tempDataDir(), 'lp0');
    writeFileSync(lp0, '');
    agent = await startAgent({ HUB: hub.url, TOKEN, DEVICE: 'K1', PRINTER: lp0, PRINTER_CHECK_MS: '200', SCREEN: 'always' });
    await expect.poll(printerHealth, { timeout: 10_000 }).toMatchObject({ ok: true });
    expect((await doctor()).stdout).toContain("✓ kiosk K1: máy in của máy lấy số sẵn sàng / printer on the kiosk's PC ready (device agent)");
    await agent.stop();
    await expect.poll(printerHealth, { timeout: 10_000 }).toMatchObject({ ok: false });
    const down = await doctor();
    expect(down.stdout).toContain("✗ kiosk K1: máy in của máy lấy số chưa sẵn sàng / printer on the kiosk's PC not ready: The printer cannot be reached.");
    expect(down.status).toBe(1);
  });
});

describe("a display's screen", () => {
  /** A screen command that writes down each switch it is asked for. */
  function recordingCommand(): { command: string; calls: () => string[] } {
    const dir = tempDataDir();
    const log = join(dir, 'switched');
    const command = join(dir, 'screen');
    writeFileSync(command, `#!/bin/sh\necho "$1" >> '${log}'\n`);
    chmodSync(command, 0o755);
    return { command, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []) };
  }

  it("follows the hall: a hall open around the clock keeps it on; the agent's own times outside now switch it off", async () => {
    const around = recordingCommand();
    agent = await startAgent({ HUB: hub.url, ROLE: 'display', SCREEN_COMMAND: around.command });
    await expect.poll(around.calls, { timeout: 10_000 }).toEqual(['on']);
    await agent.waitFor(/^screen on$/m);
    await agent.stop();

    // Own times two to three hours from now, in the hall's time zone: now is outside them.
    const { timeZone } = (await api(hub.url, 'GET', '/api/hall')).body.hall;
    const [hh, mm] = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date()).split(':').map(Number);
    const at = (minutes: number) => {
      const m = (((hh! * 60 + mm! + minutes) % 1440) + 1440) % 1440;
      return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    };
    const own = recordingCommand();
    agent = await startAgent({ HUB: hub.url, ROLE: 'display', SCREEN_ON: at(120), SCREEN_OFF: at(180), SCREEN_DAYS: 'sun-sat', SCREEN_COMMAND: own.command });
    await expect.poll(own.calls, { timeout: 10_000 }).toEqual(['off']);
    await agent.waitFor(/^screen off$/m);
  });

  it("follows the hall's calendar: a closure added today turns the screen off at once, and it stays off from the kept days without the hub", async () => {
    const { timeZone } = (await api(hub.url, 'GET', '/api/hall')).body.hall;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const stateDir = tempDataDir();
    const screen = recordingCommand();
    agent = await startAgent({ HUB: hub.url, ROLE: 'display', SCREEN_COMMAND: screen.command, STATE_DIR: stateDir });
    // Open around the clock: on, once the hub's days have come.
    await agent.waitFor(/the hall's opening days from the hub, to \d{4}-\d\d-\d\d$/m);
    await expect.poll(screen.calls, { timeout: 10_000 }).toEqual(['on']);

    const added = await api(hub.url, 'POST', '/api/calendar/days', { day: today, kind: 'closed', reason: { vi: 'Bão số 9', en: 'Typhoon no. 9' } });
    expect(added.status).toBe(201);
    await expect.poll(screen.calls, { timeout: 10_000 }).toEqual(['on', 'off']);
    await agent.waitFor(new RegExp(`closed: ${today} \\(Bão số 9\\)`));
    await agent.stop();
    expect(JSON.parse(readFileSync(join(stateDir, 'hall-hours.json'), 'utf8')).days).toContainEqual({ day: today, periods: [], closed: 'closure', note: 'Bão số 9' });

    // The hub out of reach: the kept days still say closed.
    const offline = recordingCommand();
    agent = await startAgent({ HUB: 'http://127.0.0.1:9', ROLE: 'display', SCREEN_COMMAND: offline.command, STATE_DIR: stateDir });
    await expect.poll(offline.calls, { timeout: 10_000 }).toEqual(['off']);
    await agent.waitFor(/cannot reach the hub/);
  });

  it('a command that fails is said in the log', async () => {
    agent = await startAgent({ HUB: hub.url, ROLE: 'display', SCREEN_COMMAND: '/bin/false' });
    await agent.waitFor(/\/bin\/false on failed/);
  });
});
