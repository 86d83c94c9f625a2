// Turns a drawn ticket into the bytes a thermal printer understands, with node-thermal-printer
// doing the command set and the sending. The picture's own command carries the drawn rows of
// bits as they are: EPSON's GS v 0 (the bytes the library's printImageBuffer writes, without its
// object per dot, which took tens of megabytes per ticket); STAR's raster command (ESC GS S),
// because the library's STAR picture command does not follow Star's manual.

import thermal from 'node-thermal-printer';
import type { TicketRaster } from './raster.js';

const { ThermalPrinter, PrinterTypes } = thermal;
type Printer = InstanceType<typeof ThermalPrinter>;

/** The command sets spoken: EPSON's ESC/POS, and STAR's Line Mode. */
export type PrinterModel = 'epson' | 'star';

/** Where node-thermal-printer sends a job: "tcp://host:port", a device path, or an object. */
export type PrinterInterface = string | { execute(buffer: Buffer): Promise<unknown>; isPrinterConnected(): Promise<boolean> };

export function thermalPrinter(kind: PrinterModel, target: PrinterInterface, timeoutMs = 3000): Printer {
  return new ThermalPrinter({
    type: kind === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    interface: target as string,
    options: { timeout: timeoutMs },
  });
}

/** Star Line Mode "print raster graphics": ESC GS S m xL xH yL yH n, then rows of packed dots. */
export function starRaster(raster: TicketRaster): Buffer {
  const { bytesPerRow, height } = raster;
  const header = Buffer.from([0x1b, 0x1d, 0x53, 0x01, bytesPerRow & 0xff, bytesPerRow >> 8, height & 0xff, height >> 8, 0x00]);
  return Buffer.concat([header, raster.rows]);
}

/** ESC/POS "print raster bit image": GS v 0 m xL xH yL yH, then rows of packed dots (m = '0', normal size). */
export function epsonRaster(raster: TicketRaster): Buffer {
  const { bytesPerRow, height } = raster;
  const header = Buffer.from([0x1d, 0x76, 0x30, 0x30, bytesPerRow & 0xff, bytesPerRow >> 8, height & 0xff, height >> 8]);
  return Buffer.concat([header, raster.rows]);
}

/** Fills the printer's buffer with one ticket: reset, the picture, feed and full cut. */
export async function composeTicketJob(printer: Printer, kind: PrinterModel, raster: TicketRaster): Promise<Buffer> {
  printer.clear();
  printer.append(Buffer.from([0x1b, 0x40])); // ESC @: start from a clean state
  printer.append(kind === 'star' ? starRaster(raster) : epsonRaster(raster));
  printer.cut();
  return printer.getBuffer();
}
