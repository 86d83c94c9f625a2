// The far end of one serial bus for the benchmark: a keypad and a counter LED board for each
// of its counters and one hall board, played by the benchmark on a socat pty pair. A key press
// is stamped as it is written; each counter board frame that blinks is stamped as it arrives.

import { SerialPort } from 'serialport';
import { KEYPAD_COMMANDS, keyFrame } from '../hardware/keypad/keypad-protocol.js';
import { LED_COMMANDS } from '../hardware/led/led-protocol.js';
import { encodeFrame, FrameParser } from '../hardware/serial/bus-frame.js';
import { now, type CallStamps } from './call-stamps.js';

/** Keypads answer at 1-30 on each bus, counter boards at 31-60, the hall board at 99. */
const BOARD_OFFSET = 30;
const HALL_BOARD = 99;
export const COUNTERS_PER_BUS = 30;

/** The hall file's entry for a bus serving these counters. */
export function busEntry(id: string, port: string, counters: readonly number[]): object {
  return {
    id,
    port,
    keypads: counters.map((counter, i) => ({ address: i + 1, counter })),
    ledBoards: [...counters.map((counter, i) => ({ address: BOARD_OFFSET + i + 1, counter })), { address: HALL_BOARD, hall: true, calls: 6 }],
  };
}

export async function openPort(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  return port;
}

export class KeypadBus {
  private readonly parser = new FrameParser();
  /** Blinking counter-board frames seen per counter: the k-th answers the k-th call. */
  private readonly blinks = new Map<number, number>();
  private latencies: number[] = [];
  /** Hall board frames seen: every refresh of the whole bus ends with one. */
  private hallBoardFrames = 0;
  private readonly waitingAck = new Map<number, () => void>();
  refusals = 0;

  private constructor(
    private readonly port: SerialPort,
    private readonly counters: readonly number[],
    private readonly stamps: CallStamps,
  ) {
    port.on('data', (chunk: Buffer) => this.read(now(), chunk));
  }

  static async open(path: string, counters: readonly number[], stamps: CallStamps): Promise<KeypadBus> {
    return new KeypadBus(await openPort(path), counters, stamps);
  }

  /** The hub has opened its end and filled the boards twice: on opening, and once more a
   *  moment later for devices still starting (server/services/bus-devices.ts). */
  async ready(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.hallBoardFrames < 2) {
      if (Date.now() > deadline) throw new Error('the hub never wrote to the bus');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  serves(counter: number): boolean {
    return this.counters.includes(counter);
  }

  /**
   * Presses "call next" on a counter's keypad; resolves when the hub acknowledges the key, as a
   * keypad does before it takes the next key.
   */
  press(counter: number): Promise<void> {
    const address = this.counters.indexOf(counter) + 1;
    const bytes = encodeFrame(keyFrame(address, 'callNext'));
    const answered = new Promise<void>((resolve) => this.waitingAck.set(address, resolve));
    this.stamps.stamp(counter);
    this.port.write(bytes);
    return answered;
  }

  /** The key-to-board latencies since the last collect, once `expected` have arrived. */
  async collect(expected: number, timeoutMs = 15_000): Promise<number[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.latencies.length < expected) {
      if (this.refusals > 0) throw new Error(`${this.refusals} key presses were refused by the hub`);
      if (Date.now() > deadline) throw new Error(`only ${this.latencies.length} of ${expected} board frames arrived (${this.parser.errors} framing errors)`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.latencies.splice(0);
  }

  async close(): Promise<void> {
    if (this.port.isOpen) await new Promise<void>((r) => this.port.close(() => r()));
  }

  private read(at: number, chunk: Buffer): void {
    for (const frame of this.parser.push(chunk)) {
      if (frame.address === HALL_BOARD) this.hallBoardFrames += 1;
      if (frame.command === KEYPAD_COMMANDS.nak) this.refusals++;
      if (frame.command === KEYPAD_COMMANDS.ack || frame.command === KEYPAD_COMMANDS.nak) {
        this.waitingAck.get(frame.address)?.();
        this.waitingAck.delete(frame.address);
      }
      if (frame.command !== LED_COMMANDS.counter || frame.payload[0] !== 1) continue;
      const counter = this.counters[frame.address - BOARD_OFFSET - 1];
      if (counter === undefined) continue;
      const k = this.blinks.get(counter) ?? 0;
      this.blinks.set(counter, k + 1);
      this.latencies.push(at - this.stamps.sentTime(counter, k));
    }
  }
}
