// One serial bus (an RS-485 adapter such as /dev/ttyUSB0) carrying luot frames, and board
// content in the bus's LED protocol. It opens the port, reopens it with growing delays when it
// vanishes (unplugged adapter) and comes back, and reports each change so the hub can show it;
// it never throws at its user.

import { SerialPort } from 'serialport';
import { LED_DRIVERS, type LedBoardDriver } from '../led/led-drivers.js';
import type { LedBoardContent } from '../led/led-protocol.js';
import { encodeFrame, FrameParser, type BusFrame } from './bus-frame.js';

export type LinkState = 'connecting' | 'open' | 'disconnected';

export interface SerialLinkOptions {
  path: string;
  baudRate?: number;
  /** First retry after this many ms, doubling up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** How the bus's LED boards are spoken to; the luot protocol when not given. */
  boards?: LedBoardDriver;
}

export interface SerialLinkEvents {
  frame(frame: BusFrame): void;
  state(state: LinkState, detail: string | null): void;
  /** On a bus whose boards answer: whether the board at `address` answered its last write. */
  answer(address: number, answered: boolean): void;
}

/** What the hub needs from a bus, real (SerialLink) or simulated (SimulatedBus). */
export interface BusLink {
  readonly state: LinkState;
  on<K extends keyof SerialLinkEvents>(event: K, listener: SerialLinkEvents[K]): this;
  start(): this;
  send(frame: BusFrame): boolean;
  /** Puts content on the LED board at an address, in the bus's protocol. */
  showBoard(address: number, content: LedBoardContent): boolean;
  stop(): Promise<void>;
}

export class SerialLink implements BusLink {
  private port: SerialPort | null = null;
  private parser = new FrameParser();
  private retryMs: number;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private listeners: { [K in keyof SerialLinkEvents]: SerialLinkEvents[K][] } = { frame: [], state: [], answer: [] };
  private readonly boards: LedBoardDriver;
  /** Frames waiting their turn on a bus whose boards answer, newest content per board. */
  private readonly outbox = new Map<number | symbol, Uint8Array>();
  private writing = false;
  /** Called as answer bytes arrive while a frame waits for its answer. */
  private heard: ((chunk: Buffer) => void) | null = null;
  /** Ends the wait for an answer at once: the port is gone. */
  private stopWaiting: (() => void) | null = null;
  state: LinkState = 'connecting';

  constructor(private readonly options: SerialLinkOptions) {
    this.retryMs = options.retryMs ?? 500;
    this.boards = options.boards ?? LED_DRIVERS.luot;
  }

  on<K extends keyof SerialLinkEvents>(event: K, listener: SerialLinkEvents[K]): this {
    this.listeners[event].push(listener);
    return this;
  }

  /** Framing errors seen since start (garbled or colliding frames). */
  get framingErrors(): number {
    return this.parser.errors;
  }

  start(): this {
    this.stopped = false;
    this.open();
    return this;
  }

  /** Sends one frame; false when the port is not open (the frame is dropped, not queued). */
  send(frame: BusFrame): boolean {
    return this.write(Symbol('frame'), encodeFrame(frame));
  }

  showBoard(address: number, content: LedBoardContent): boolean {
    return this.write(address, this.boards.encode(address, content));
  }

  private write(key: number | symbol, bytes: Uint8Array): boolean {
    if (!this.port?.isOpen) return false;
    if (!this.boards.answers) {
      this.port.write(bytes);
      return true;
    }
    // A board still waiting for its turn gets only its newest content.
    this.outbox.set(key, bytes);
    if (!this.writing) void this.writeInTurn(this.boards.answers);
    return true;
  }

  /** Half duplex with answering boards: one frame, its answer (or a timeout) and silence, then the next. */
  private async writeInTurn({ timeoutMs, gapChars, answerFrom }: NonNullable<LedBoardDriver['answers']>): Promise<void> {
    this.writing = true;
    const gapMs = Math.max(1.75, (gapChars * 10_000) / (this.options.baudRate ?? 9600));
    while (this.outbox.size > 0 && this.port?.isOpen) {
      const [key, bytes] = this.outbox.entries().next().value!;
      this.outbox.delete(key);
      const port = this.port;
      const answered = await new Promise<boolean>((resolve) => {
        let deadline: NodeJS.Timeout | undefined;
        let quiet: NodeJS.Timeout | undefined;
        let answer: number[] = [];
        let late = false;
        const finish = (ok: boolean) => {
          clearTimeout(deadline);
          clearTimeout(quiet);
          resolve(ok);
        };
        this.stopWaiting = () => finish(false);
        // An answer is over when the line has been quiet for the gap. One from another board (a
        // board answering after its own timeout) is not this board's: keep waiting for ours.
        const answerOver = () => {
          if (typeof key !== 'number' || answerFrom(Uint8Array.from(answer)) === key) return finish(true);
          if (late) return finish(false);
          answer = [];
        };
        this.heard = (chunk) => {
          answer.push(...chunk);
          clearTimeout(quiet);
          quiet = setTimeout(answerOver, gapMs);
        };
        port.write(bytes);
        // The timeout runs from when the last byte has left, not from when it was queued; an
        // answer still arriving then is heard out.
        port.drain(() => {
          deadline = setTimeout(() => {
            if (answer.length === 0) finish(false);
            else late = true;
          }, timeoutMs);
        });
      });
      this.heard = null;
      this.stopWaiting = null;
      if (typeof key === 'number' && this.port === port) for (const listener of this.listeners.answer) listener(key, answered);
    }
    this.writing = false;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.outbox.clear();
    this.stopWaiting?.();
    if (this.timer) clearTimeout(this.timer);
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private setState(state: LinkState, detail: string | null): void {
    this.state = state;
    for (const listener of this.listeners.state) listener(state, detail);
  }

  private open(): void {
    const port = new SerialPort({ path: this.options.path, baudRate: this.options.baudRate ?? 9600, autoOpen: false });
    this.port = port;
    this.parser = Object.assign(new FrameParser(), { errors: this.parser.errors });
    port.on('data', (chunk: Buffer) => {
      // On a bus whose boards answer, what comes back is their answers, not keypad frames.
      if (this.boards.answers) return this.heard?.(chunk);
      for (const frame of this.parser.push(chunk)) for (const listener of this.listeners.frame) listener(frame);
    });
    port.on('close', (error?: { disconnected?: boolean }) => {
      if (this.stopped || this.port !== port) return;
      this.lost(error?.disconnected ? 'the port vanished' : 'the port closed');
    });
    port.on('error', (error: Error) => {
      if (this.stopped || this.port !== port) return;
      if (!port.isOpen) this.lost(error.message);
    });
    port.open((error) => {
      if (this.stopped || this.port !== port) {
        // Stopped while it opened: let the port go, so that a new link may open it.
        if (!error) port.close(() => undefined);
        return;
      }
      if (error) return this.lost(error.message);
      this.retryMs = this.options.retryMs ?? 500;
      this.setState('open', null);
    });
  }

  private lost(detail: string): void {
    if (this.timer) return;
    // Whatever waited is sent again in full when the bus is back.
    this.outbox.clear();
    this.stopWaiting?.();
    this.port?.removeAllListeners('data');
    this.port = null;
    this.setState('disconnected', `${this.options.path}: ${detail}`);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.open();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? 10_000);
  }
}
