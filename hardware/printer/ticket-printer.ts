// The kiosk's printer behind one interface: a network printer (tcp://host:9100), a device
// file (/dev/usb/lp0), or the simulated printer that files each ticket as PNG and bytes.

import { constants } from 'node:fs';
import { access, mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeTicketJob, thermalPrinter, type PrinterInterface, type PrinterModel } from './escpos-job.js';
import { queryNetworkStatus, UNREACHABLE, type PrinterStatus } from './printer-status.js';
import type { PaperWidth, TicketRaster } from './raster.js';

/** A kiosk's printer as the hall file describes it. */
export interface PrinterSettings {
  /** simulated: each ticket is filed as PNG and ESC/POS bytes. */
  kind: 'simulated' | PrinterModel;
  /** "tcp://host:9100" or a device file such as /dev/usb/lp0; null for the simulated printer. */
  address: string | null;
  paperWidth: PaperWidth;
}

const SILENT_RECHECK_MS = 5 * 60_000;

export interface TicketPrinter {
  readonly def: PrinterSettings;
  /** Where it is, for people: "tcp://10.0.0.5:9100", "/dev/usb/lp0", "data/prints". */
  readonly where: string;
  status(): Promise<PrinterStatus>;
  /** The state to trust just before printing (may be remembered rather than asked). */
  statusBeforePrint(): Promise<PrinterStatus>;
  /** Sends one ticket; rejects with an Error whose message says what went wrong. */
  print(raster: TicketRaster, name: string): Promise<void>;
}

const HEALTHY: PrinterStatus = { online: true, paper: 'ok', coverOpen: false, problem: null, reported: true };

/** Files every ticket under `dir` as <name>.png (what it looks like) and <name>.bin (ESC/POS). */
export class SimulatedPrinter implements TicketPrinter {
  readonly where: string;

  constructor(
    readonly def: PrinterSettings,
    private readonly dir: string,
  ) {
    this.where = dir;
  }

  async status(): Promise<PrinterStatus> {
    return HEALTHY;
  }

  statusBeforePrint(): Promise<PrinterStatus> {
    return this.status();
  }

  async print(raster: TicketRaster, name: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    let bytes: Buffer | null = null;
    const capture: PrinterInterface = {
      execute: async (buffer) => {
        bytes = buffer;
      },
      isPrinterConnected: async () => true,
    };
    const printer = thermalPrinter('epson', capture);
    await composeTicketJob(printer, 'epson', raster);
    await printer.execute();
    // The PNG last: the prints page lists a ticket once its picture exists.
    await writeFile(join(this.dir, `${name}.bin`), bytes!);
    await writeFile(join(this.dir, `${name}.png`), raster.png);
  }
}

export class NetworkPrinter implements TicketPrinter {
  readonly where: string;
  private readonly host: string;
  private readonly port: number;

  constructor(
    readonly def: PrinterSettings & { kind: PrinterModel },
    private readonly timeoutMs = 3000,
  ) {
    const url = new URL(def.address!);
    this.host = url.hostname;
    this.port = url.port ? Number(url.port) : 9100;
    this.where = `tcp://${this.host}:${this.port}`;
  }

  /** When the printer last left status queries unanswered: many never answer. */
  private silentAt: number | null = null;

  async status(): Promise<PrinterStatus> {
    const status = await queryNetworkStatus(this.host, this.port);
    this.silentAt = status.online && !status.reported ? Date.now() : null;
    return status;
  }

  /** Before a print: a printer known to stay silent is not asked again for a while (each ask costs a timeout). */
  async statusBeforePrint(): Promise<PrinterStatus> {
    if (this.silentAt !== null && Date.now() - this.silentAt < SILENT_RECHECK_MS) {
      return { online: true, paper: 'unknown', coverOpen: false, problem: null, reported: false };
    }
    return this.status();
  }

  async print(raster: TicketRaster): Promise<void> {
    const printer = thermalPrinter(this.def.kind, this.where, this.timeoutMs);
    await composeTicketJob(printer, this.def.kind, raster);
    try {
      await printer.execute();
    } catch (error) {
      throw new Error(`cannot send to ${this.where}: ${(error as Error).message ?? String(error)}`);
    }
  }
}

/** A printer seen as a device file (USB /dev/usb/lp0, a serial port set up as a printer). */
export class DeviceFilePrinter implements TicketPrinter {
  readonly where: string;

  constructor(readonly def: PrinterSettings & { kind: PrinterModel }) {
    this.where = def.address!;
  }

  async status(): Promise<PrinterStatus> {
    try {
      await access(this.where, constants.W_OK);
      return { online: true, paper: 'unknown', coverOpen: false, problem: null, reported: false };
    } catch {
      return UNREACHABLE;
    }
  }

  statusBeforePrint(): Promise<PrinterStatus> {
    return this.status();
  }

  async print(raster: TicketRaster): Promise<void> {
    // Written straight to the open device: "r+" never creates a plain file when the printer is
    // unplugged, and fails at once instead of retrying in the background.
    const target: PrinterInterface = {
      execute: async (buffer) => {
        const handle = await open(this.where, 'r+');
        try {
          await handle.write(buffer);
        } finally {
          await handle.close();
        }
      },
      isPrinterConnected: async () => (await this.status()).online,
    };
    const printer = thermalPrinter(this.def.kind, target);
    await composeTicketJob(printer, this.def.kind, raster);
    try {
      await printer.execute();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'the device is not connected' : code === 'EACCES' ? 'no permission (add the hub user to the lp group)' : (error as Error).message;
      throw new Error(`cannot write to ${this.where}: ${why}`);
    }
  }
}

export function createTicketPrinter(def: PrinterSettings, printsDir: string): TicketPrinter {
  if (def.kind === 'simulated') return new SimulatedPrinter(def, printsDir);
  const real = def as PrinterSettings & { kind: PrinterModel };
  return def.address!.startsWith('tcp://') ? new NetworkPrinter(real) : new DeviceFilePrinter(real);
}
