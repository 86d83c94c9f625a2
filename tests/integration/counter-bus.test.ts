// Keypads and LED boards on a real serial line (a socat pty pair) driving a real hub: a key
// press calls a citizen, and the keypad display, the counter's board and the hall board follow.
// Boards of another protocol (Modbus RTU) get the same content, one request at a time.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { KEYPAD_COMMANDS, keyFrame, transferFrame } from '../../hardware/keypad/keypad-protocol.js';
import { decodeLedFrame, LED_COMMANDS, type LedBoardContent } from '../../hardware/led/led-protocol.js';
import { decodeModbusContent, modbusWriteAnswer } from '../../hardware/led/modbus-text-protocol.js';
import type { BusFrame } from '../../hardware/serial/bus-frame.js';
import { BusEnd } from '../helpers/bus-end.js';
import { PtyPair } from '../helpers/pty-pair.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const text = (frame: BusFrame) => String.fromCharCode(...frame.payload);

/** A hub for a two-counter hall with one serial bus: by default luot keypads and boards on `pair`. */
async function hallWithBus(pair: PtyPair, bus: object = luotBus(pair)): Promise<TestHub> {
  const dataDir = tempDataDir();
  const file = join(dataDir, 'hall.yaml');
  writeFileSync(
    file,
    stringify({
      hall: { name: 'Bộ phận Một cửa thử nghiệm', agencyCode: '000.00.14.H56', hours: null },
      services: [
        { id: 'HT', name: 'Hộ tịch', numbering: { prefix: 'A' } },
        { id: 'DD', name: 'Đất đai', numbering: { prefix: 'B' } },
      ],
      counters: [
        { id: 1, services: ['HT'] },
        { id: 2, services: ['HT', 'DD'] },
      ],
      serialBuses: [bus],
    }),
  );
  const hub = await startTestHub({ dataDir, hallFile: file, busRetryMs: 50 });
  cleanups.push(() => hub.stop(true));
  return hub;
}

function luotBus(pair: PtyPair): object {
  return {
    id: 'B1',
    port: pair.hubEnd,
    keypads: [
      { address: 1, counter: 1 },
      { address: 2, counter: 2 },
    ],
    ledBoards: [
      { address: 31, counter: 1 },
      { address: 90, hall: true, calls: 4 },
    ],
  };
}

async function busHealth(hub: TestHub): Promise<{ ok: boolean; code: string | null } | undefined> {
  return (await api(hub.url, 'GET', '/api/health')).body.devices.find((d: { id: string }) => d.id === 'bus:B1');
}

// Generous: with browser tests beside it on two cores, noticing a vanished port can take a while.
async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('keypads and LED boards on a serial bus', () => {
  it('a key press calls the next citizen; the keypad, the counter board and the hall board follow', async () => {
    const pair = await new PtyPair().plug();
    cleanups.push(() => pair.unplug());
    const bus = await BusEnd.open(pair.deviceEnd, cleanups);
    const hub = await hallWithBus(pair);
    // On opening, every device gets its content: the counters start the day closed, so the
    // keypad shows nothing until its first "next" opens the counter.
    expect(text(await bus.next(1, KEYPAD_COMMANDS.show, 0))).toBe('');
    await bus.next(31, LED_COMMANDS.clear, 0);
    expect(decodeLedFrame(await bus.next(90, LED_COMMANDS.hall, 0))).toEqual({ kind: 'hall', calls: [] });
    // A moment later they get it once more, for devices that were still starting.
    const opened = bus.frames.length;
    expect(text(await bus.next(1, KEYPAD_COMMANDS.show, opened))).toBe('');
    expect(decodeLedFrame(await bus.next(90, LED_COMMANDS.hall, opened))).toEqual({ kind: 'hall', calls: [] });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });

    let mark = bus.frames.length;
    bus.press(keyFrame(1, 'callNext'));
    expect([...(await bus.next(1, KEYPAD_COMMANDS.ack, mark)).payload]).toEqual([0x01]);
    // Its first "next" opens the counter (open, nothing held yet), then calls the first citizen.
    const openedShow = await bus.next(1, KEYPAD_COMMANDS.show, mark);
    expect(text(openedShow)).toBe('----');
    expect(text(await bus.next(1, KEYPAD_COMMANDS.show, bus.frames.indexOf(openedShow) + 1))).toBe('A001');
    expect(decodeLedFrame(await bus.next(31, LED_COMMANDS.counter, mark))).toEqual({ kind: 'counter', counterId: 1, number: 'A001', blink: true });
    expect(decodeLedFrame(await bus.next(90, LED_COMMANDS.hall, mark))).toEqual({ kind: 'hall', calls: [{ counterId: 1, number: 'A001' }] });
    const counter = await api(hub.url, 'GET', '/api/counters/1');
    expect(counter.body.current).toMatchObject({ number: 'A001', status: 'called' });
    // The keypad opened its counter: someone is there, and the forecast counts it.
    expect(counter.body.state).toMatchObject({ mode: 'open', clerk: 'keypad:B1:1' });

    // The next "call" finishes A001 and calls A002; the hall board lists both, newest first.
    mark = bus.frames.length;
    bus.press(keyFrame(1, 'callNext'));
    expect(decodeLedFrame(await bus.next(90, LED_COMMANDS.hall, mark))).toEqual({
      kind: 'hall',
      calls: [
        { counterId: 1, number: 'A002' },
        { counterId: 1, number: 'A001' },
      ],
    });
    const events = await api<any[]>(hub.url, 'GET', '/api/events?limit=50');
    expect(events.body.some((e) => e.actor === 'keypad:B1:1' && e.type === 'ticket:finished')).toBe(true);

    // Keypad 2 has nothing to recall: the hub says why.
    mark = bus.frames.length;
    bus.press(keyFrame(2, 'recall'));
    expect([...(await bus.next(2, KEYPAD_COMMANDS.nak, mark)).payload]).toEqual([0x02, 0x01]);
    // No one waits any more: "call next" on keypad 2 opens its counter and is refused as such.
    mark = bus.frames.length;
    bus.press(keyFrame(2, 'callNext'));
    expect([...(await bus.next(2, KEYPAD_COMMANDS.nak, mark)).payload]).toEqual([0x01, 0x03]);
    expect((await api(hub.url, 'GET', '/api/counters/2')).body.state).toMatchObject({ mode: 'open', clerk: 'keypad:B1:2' });

    // Transfer A002 from counter 1 to counter 2, then pause counter 1.
    mark = bus.frames.length;
    bus.press(transferFrame(1, { kind: 'counter', counterId: 2 }));
    await bus.next(1, KEYPAD_COMMANDS.ack, mark);
    expect(text(await bus.next(1, KEYPAD_COMMANDS.show, mark))).toBe('----');
    await bus.next(31, LED_COMMANDS.clear, mark);
    mark = bus.frames.length;
    bus.press(keyFrame(1, 'pause'));
    expect(text(await bus.next(1, KEYPAD_COMMANDS.show, mark))).toBe('P');
    expect((await api(hub.url, 'GET', '/api/counters/1')).body.state.mode).toBe('paused');
  });

  it('reports an unplugged bus and, plugged back, brings every device up to date', { timeout: 60_000 }, async () => {
    const pair = await new PtyPair().plug();
    cleanups.push(() => pair.unplug());
    await BusEnd.open(pair.deviceEnd, cleanups);
    const hub = await hallWithBus(pair);
    await until(async () => (await busHealth(hub))?.ok === true, 'the bus to open');
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    // Counters start the day closed; this hall has no staff accounts: the manager opens counter 1 for its clerk.
    expect((await api(hub.url, 'POST', '/api/counters/1/open', { clerk: 'Cán bộ quầy 1' })).status).toBe(200);
    await api(hub.url, 'POST', '/api/counters/1/call-next', {});

    await pair.unplug();
    await until(async () => (await busHealth(hub))?.ok === false, 'the unplug to be reported');
    expect(await busHealth(hub)).toMatchObject({ ok: false, code: 'unreachable' });

    await pair.plug({ deviceFirst: true });
    const again = await BusEnd.open(pair.deviceEnd, cleanups);
    await until(async () => (await busHealth(hub))?.ok === true, 'the bus to reopen');
    expect(text(await again.next(1, KEYPAD_COMMANDS.show, 0))).toBe('A001');
    expect(decodeLedFrame(await again.next(31, LED_COMMANDS.counter, 0))).toMatchObject({ number: 'A001' });
    again.press(keyFrame(1, 'finish'));
    await again.next(1, KEYPAD_COMMANDS.ack, 0);
    expect((await api(hub.url, 'GET', '/api/counters/1')).body.current).toBeNull();
  });
});

/** The far end of a Modbus bus: boards that answer each write after a while, or never. */
class ModbusBoards {
  readonly writes: { at: number; address: number; content: LedBoardContent }[] = [];
  readonly answeredAt: number[] = [];
  readonly silent = new Set<number>();
  /** Boards that answer only after this many ms (past the hub's timeout). */
  readonly late = new Map<number, number>();
  private buffer = Buffer.alloc(0);

  constructor(
    private readonly port: SerialPort,
    private readonly answerDelayMs: number,
  ) {
    port.on('data', (chunk: Buffer) => this.read(chunk));
  }

  static async open(path: string, answerDelayMs: number): Promise<ModbusBoards> {
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    cleanups.push(async () => {
      if (port.isOpen) await new Promise<void>((r) => port.close(() => r()));
    });
    return new ModbusBoards(port, answerDelayMs);
  }

  /** Waits for a write to `address` after index `from`, and returns what it shows. */
  async next(address: number, from: number, timeoutMs = 5000): Promise<LedBoardContent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.writes.slice(from).find((w) => w.address === address);
      if (found) return found.content;
      if (Date.now() > deadline) throw new Error(`no Modbus write to board ${address} arrived`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Requests are "write multiple registers": 7 header bytes, the data, 2 CRC bytes. */
  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 7 && this.buffer.length >= 9 + this.buffer[6]!) {
      const request = Uint8Array.from(this.buffer.subarray(0, 9 + this.buffer[6]!));
      this.buffer = this.buffer.subarray(request.length);
      const write = decodeModbusContent(request);
      if (!write) throw new Error(`unreadable Modbus request ${Buffer.from(request).toString('hex')}`);
      this.writes.push({ at: Date.now(), ...write });
      if (this.silent.has(write.address)) continue;
      setTimeout(() => {
        this.answeredAt.push(Date.now());
        this.port.write(modbusWriteAnswer(request));
      }, this.late.get(write.address) ?? this.answerDelayMs);
    }
  }
}

describe('LED boards of another protocol: Modbus RTU', () => {
  // Timing on a real pty: when the machine is loaded by other test files, the simulated board's
  // 30 ms answer can be delayed past the hub's 100 ms timeout; a second run settles it.
  it('shows the same content, waits for each answer before the next write, and moves on from a silent board, which is reported', { retry: 2 }, async () => {
    const pair = await new PtyPair().plug();
    cleanups.push(() => pair.unplug());
    const boards = await ModbusBoards.open(pair.deviceEnd, 30);
    const hub = await hallWithBus(pair, {
      id: 'M1',
      port: pair.hubEnd,
      protocol: 'modbus-text',
      ledBoards: [
        { address: 11, counter: 1 },
        { address: 12, counter: 2 },
        { address: 20, hall: true, calls: 4 },
      ],
    });

    // On opening, every board is filled: blank counters, an empty hall list.
    expect(await boards.next(11, 0)).toMatchObject({ kind: 'counter', number: null });
    expect(await boards.next(20, 0)).toEqual({ kind: 'hall', calls: [] });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    // Counters start the day closed; this hall has no staff accounts: the manager opens counters
    // 1 and 2 for their clerks, and each counter's board is written again, still blank.
    const signedIn = boards.writes.length;
    for (const id of [1, 2]) expect((await api(hub.url, 'POST', `/api/counters/${id}/open`, { clerk: `Cán bộ quầy ${id}` })).status).toBe(200);
    expect(await boards.next(11, signedIn)).toMatchObject({ kind: 'counter', number: null });
    expect(await boards.next(12, signedIn)).toMatchObject({ kind: 'counter', number: null });
    await until(async () => boards.writes.length === boards.answeredAt.length, 'the boards to answer every write');

    let mark = boards.writes.length;
    await api(hub.url, 'POST', '/api/counters/1/call-next', {});
    expect(await boards.next(11, mark)).toEqual({ kind: 'counter', counterId: 1, number: 'A001', blink: true });
    expect(await boards.next(20, mark)).toEqual({ kind: 'hall', calls: [{ counterId: 1, number: 'A001' }] });
    // Half duplex: no write went out while a board was still to answer the one before.
    for (let i = 1; i < boards.writes.length; i++) expect(boards.writes[i]!.at).toBeGreaterThanOrEqual(boards.answeredAt[i - 1]!);

    // Board 12 is dead: the hub waits its 100 ms for an answer, then serves the hall board.
    boards.silent.add(12);
    mark = boards.writes.length;
    await api(hub.url, 'POST', '/api/counters/2/call-next', {});
    expect(await boards.next(12, mark)).toMatchObject({ number: 'A002', blink: true });
    expect(await boards.next(20, mark)).toEqual({
      kind: 'hall',
      calls: [
        { counterId: 2, number: 'A002' },
        { counterId: 1, number: 'A001' },
      ],
    });
    const dead = boards.writes.slice(mark).find((w) => w.address === 12)!;
    const after = boards.writes.slice(mark).find((w) => w.address === 20)!;
    expect(after.at - dead.at).toBeGreaterThanOrEqual(95);

    // A second write left unanswered makes it a device problem in /api/health; an answer clears it.
    const board = async (address: number) => (await api(hub.url, 'GET', '/api/health')).body.devices.find((d: { id: string }) => d.id === `board:M1:${address}`);
    expect(await board(11)).toMatchObject({ ok: true, kind: 'led-board' });
    mark = boards.writes.length;
    await api(hub.url, 'POST', '/api/counters/2/recall', {});
    await boards.next(12, mark);
    await until(async () => (await board(12))?.ok === false, 'the silent board to be reported');
    expect((await board(12)).message).toBe('Bảng LED địa chỉ 12 trên đường dây M1 không trả lời. Kiểm tra nguồn và dây của bảng.');
    boards.silent.delete(12);
    await api(hub.url, 'POST', '/api/counters/2/recall', {});
    await until(async () => (await board(12))?.ok === true, 'the board to be back');
  });

  it('a board answering after its timeout does not answer for the next board', { retry: 2 }, async () => {
    const pair = await new PtyPair().plug();
    cleanups.push(() => pair.unplug());
    const boards = await ModbusBoards.open(pair.deviceEnd, 30);
    const hub = await hallWithBus(pair, {
      id: 'M2',
      port: pair.hubEnd,
      protocol: 'modbus-text',
      ledBoards: [
        { address: 12, counter: 2 },
        { address: 20, hall: true, calls: 4 },
      ],
    });
    await boards.next(20, 0);
    expect((await api(hub.url, 'POST', '/api/counters/2/open', { clerk: 'Cán bộ quầy 2' })).status).toBe(200);
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    // Board 12 answers 30 ms after its timeout, while the hub waits for board 20, which is dead.
    boards.late.set(12, 130);
    boards.silent.add(20);
    const board = async (address: number) => (await api(hub.url, 'GET', '/api/health')).body.devices.find((d: { id: string }) => d.id === `board:M2:${address}`);
    await api(hub.url, 'POST', '/api/counters/2/call-next', {});
    await api(hub.url, 'POST', '/api/counters/2/recall', {});
    await until(async () => (await board(20))?.ok === false, 'the dead hall board to be reported, not credited with the late answer');
    expect((await board(20)).message).toBe('Bảng LED địa chỉ 20 trên đường dây M2 không trả lời. Kiểm tra nguồn và dây của bảng.');
  });
});
