// The kiosk's printer on this PC: a device file (USB /dev/usb/lp0: only "there or not" is
// known) or a serial port (the printer answers ESC/POS real-time status, DLE EOT n). One
// thing at a time goes to the printer: a status query never cuts into a ticket.

import { constants } from 'node:fs';
import { access, open } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { decodeStatus, STATUS_QUERIES, statusQuery } from '../../hardware/printer/printer-status.js';
import type { AgentPrinterState } from '../../server/contract/agent.js';
import type { PrinterPlace } from './config.js';

export const UNPLUGGED: AgentPrinterState = { online: false, paper: 'unknown', coverOpen: false, problem: 'unreachable', reported: false };
const PRESENT: AgentPrinterState = { online: true, paper: 'unknown', coverOpen: false, problem: null, reported: false };

export interface LocalPrinter {
  /** For people and the hub: "/dev/usb/lp0", "serial /dev/ttyUSB0 9600". */
  readonly where: string;
  /** Asks the printer (or the system) for its state now. */
  state(): Promise<AgentPrinterState>;
  /** Writes one job; rejects with a reason a person understands. */
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Serializes work on one printer. */
class Turns {
  private last: Promise<unknown> = Promise.resolve();
  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.last.then(job, job);
    this.last = next.catch(() => undefined);
    return next;
  }
}

function reasonOf(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO') return `the printer is not connected (${path} is missing)`;
  if (code === 'EACCES' || code === 'EPERM') return `no permission to write to ${path} (the agent's user must be in the lp group)`;
  if (code === 'EIO') return `the printer did not take the job (${path}: input/output error; paper, cover, power?)`;
  return `${path}: ${(error as Error).message}`;
}

/** A printer seen as a device file: written to directly, never created when it is missing. */
export class DeviceFilePrinter implements LocalPrinter {
  private readonly turns = new Turns();
  readonly where: string;

  constructor(private readonly path: string) {
    this.where = path;
  }

  state(): Promise<AgentPrinterState> {
    return this.turns.run(async () => {
      try {
        await access(this.path, constants.W_OK);
        return PRESENT;
      } catch {
        return UNPLUGGED;
      }
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.turns.run(async () => {
      let handle: Awaited<ReturnType<typeof open>>;
      try {
        // No O_CREAT: an unplugged printer must not leave a plain file in its place.
        handle = await open(this.path, constants.O_WRONLY | constants.O_APPEND);
      } catch (error) {
        throw new Error(reasonOf(error, this.path));
      }
      try {
        await handle.write(bytes);
      } catch (error) {
        throw new Error(reasonOf(error, this.path));
      } finally {
        await handle.close().catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {}
}

/** A printer on a serial port: opened when needed, asked DLE EOT 1, 2 and 4 for its state. */
export class SerialPrinter implements LocalPrinter {
  private readonly turns = new Turns();
  private port: SerialPort | null = null;
  private received: number[] = [];
  private wake: (() => void) | null = null;
  readonly where: string;

  constructor(
    private readonly path: string,
    private readonly baudRate: number,
    private readonly answerMs = 400,
  ) {
    this.where = `serial ${path} ${baudRate}`;
  }

  private async opened(): Promise<SerialPort> {
    if (this.port?.isOpen) return this.port;
    const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    port.on('data', (data: Buffer) => {
      this.received.push(...data);
      this.wake?.();
    });
    port.on('close', () => {
      if (this.port === port) this.port = null;
    });
    port.on('error', () => undefined);
    this.port = port;
    return port;
  }

  private send(port: SerialPort, bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      port.write(Buffer.from(bytes), (error) => {
        if (error) return reject(error);
        port.drain((drained) => (drained ? reject(drained) : resolve()));
      });
    });
  }

  /** One status byte, or undefined when the printer stays silent. */
  private async ask(port: SerialPort, n: number): Promise<number | undefined> {
    this.received = [];
    await this.send(port, statusQuery(n));
    if (this.received.length === 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.answerMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    return this.received.at(-1);
  }

  state(): Promise<AgentPrinterState> {
    return this.turns.run(async () => {
      let port: SerialPort;
      try {
        port = await this.opened();
      } catch {
        return UNPLUGGED;
      }
      try {
        const printer = await this.ask(port, STATUS_QUERIES.printer);
        // A printer that does not answer the first question will not answer the others.
        if (printer === undefined) return PRESENT;
        const offlineCause = await this.ask(port, STATUS_QUERIES.offlineCause);
        const paperSensor = await this.ask(port, STATUS_QUERIES.paperSensor);
        return decodeStatus({ printer, offlineCause, paperSensor });
      } catch {
        this.drop();
        return UNPLUGGED;
      }
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.turns.run(async () => {
      try {
        await this.send(await this.opened(), bytes);
      } catch (error) {
        this.drop();
        throw new Error(reasonOf(error, this.path));
      }
    });
  }

  private drop(): void {
    const port = this.port;
    this.port = null;
    if (port?.isOpen) port.close(() => undefined);
  }

  async close(): Promise<void> {
    this.drop();
  }
}

export function localPrinter(place: PrinterPlace): LocalPrinter {
  return place.kind === 'serial' ? new SerialPrinter(place.path, place.baudRate) : new DeviceFilePrinter(place.path);
}

/** Same state, said the same way: a change is only a change of these fields. */
export function sameState(a: AgentPrinterState | null, b: AgentPrinterState): boolean {
  return a !== null && a.online === b.online && a.paper === b.paper && a.coverOpen === b.coverOpen && a.problem === b.problem && a.reported === b.reported;
}
