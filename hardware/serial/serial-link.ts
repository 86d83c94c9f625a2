// One serial bus (an RS-485 adapter such as /dev/ttyUSB0) carrying luot frames. It opens the
// port, reopens it with growing delays when it vanishes (unplugged adapter) and comes back,
// and reports each change so the hub can show it; it never throws at its user.

import { SerialPort } from 'serialport';
import { encodeFrame, FrameParser, type BusFrame } from './bus-frame.js';

export type LinkState = 'connecting' | 'open' | 'disconnected';

export interface SerialLinkOptions {
  path: string;
  baudRate?: number;
  /** First retry after this many ms, doubling up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
}

export interface SerialLinkEvents {
  frame(frame: BusFrame): void;
  state(state: LinkState, detail: string | null): void;
}

/** What the hub needs from a bus, real (SerialLink) or simulated (SimulatedBus). */
export interface BusLink {
  readonly state: LinkState;
  on<K extends keyof SerialLinkEvents>(event: K, listener: SerialLinkEvents[K]): this;
  start(): this;
  send(frame: BusFrame): boolean;
  stop(): Promise<void>;
}

export class SerialLink implements BusLink {
  private port: SerialPort | null = null;
  private parser = new FrameParser();
  private retryMs: number;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private listeners: { [K in keyof SerialLinkEvents]: SerialLinkEvents[K][] } = { frame: [], state: [] };
  state: LinkState = 'connecting';

  constructor(private readonly options: SerialLinkOptions) {
    this.retryMs = options.retryMs ?? 500;
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
    if (!this.port?.isOpen) return false;
    this.port.write(encodeFrame(frame));
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
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
      if (this.stopped || this.port !== port) return;
      if (error) return this.lost(error.message);
      this.retryMs = this.options.retryMs ?? 500;
      this.setState('open', null);
    });
  }

  private lost(detail: string): void {
    if (this.timer) return;
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
