// The far end of a serial bus in tests: every keypad and board on it at once, on the device end
// of a pty pair, recording the frames the hub sends and pressing keys as a keypad does.

import { SerialPort } from 'serialport';
import { encodeFrame, FrameParser, type BusFrame } from '../../hardware/serial/bus-frame.js';

export class BusEnd {
  readonly frames: BusFrame[] = [];
  private constructor(readonly port: SerialPort) {}

  /** Opens the port; closing it is pushed onto the test's `cleanups`. */
  static async open(path: string, cleanups: (() => Promise<void>)[]): Promise<BusEnd> {
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    const end = new BusEnd(port);
    const parser = new FrameParser();
    port.on('data', (chunk: Buffer) => end.frames.push(...parser.push(chunk)));
    port.on('error', () => undefined);
    cleanups.push(async () => {
      if (port.isOpen) await new Promise<void>((r) => port.close(() => r()));
    });
    return end;
  }

  press(frame: BusFrame): void {
    this.port.write(encodeFrame(frame));
  }

  /** Whether a frame to `address` with `command` came after index `from`. */
  has(address: number, command: number, from: number): boolean {
    return this.frames.slice(from).some((f) => f.address === address && f.command === command);
  }

  /** Waits for a frame to `address` with `command` after index `from`, and returns it. */
  async next(address: number, command: number, from: number, timeoutMs = 5000): Promise<BusFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find((f) => f.address === address && f.command === command);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no frame 0x${command.toString(16)} to ${address} arrived`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
