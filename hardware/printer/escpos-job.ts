// Turns a drawn ticket into the bytes a thermal printer understands, with node-thermal-printer
// doing the command set: EPSON prints the picture with GS v 0; STAR with its raster command
// (ESC GS S), because the library's STAR picture command does not follow Star's manual.

import thermal from 'node-thermal-printer';
import type { PrinterKind } from '../../server/domain/model.js';
import type { TicketRaster } from './ticket-image.js';

const { ThermalPrinter, PrinterTypes } = thermal;
type Printer = InstanceType<typeof ThermalPrinter>;

/** Where node-thermal-printer sends a job: "tcp://host:port", a device path, or an object. */
export type PrinterInterface = string | { execute(buffer: Buffer): Promise<unknown>; isPrinterConnected(): Promise<boolean> };

export function thermalPrinter(kind: Exclude<PrinterKind, 'simulated'>, target: PrinterInterface, timeoutMs = 3000): Printer {
  return new ThermalPrinter({
    type: kind === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    interface: target as string,
    options: { timeout: timeoutMs },
  });
}

/** Star Line Mode "print raster graphics": ESC GS S m xL xH yL yH n, then rows of packed dots. */
export function starRaster(raster: TicketRaster): Buffer {
  const bytesPerRow = Math.ceil(raster.width / 8);
  const header = Buffer.from([
    0x1b, 0x1d, 0x53, 0x01,
    bytesPerRow & 0xff, bytesPerRow >> 8,
    raster.height & 0xff, raster.height >> 8,
    0x00,
  ]);
  return Buffer.concat([header, packRows(raster, bytesPerRow)]);
}

function packRows(raster: TicketRaster, bytesPerRow: number): Buffer {
  const out = Buffer.alloc(bytesPerRow * raster.height);
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      if (raster.dots[y * raster.width + x]) out[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return out;
}

/** Fills the printer's buffer with one ticket: reset, the picture, feed and full cut. */
export async function composeTicketJob(printer: Printer, kind: Exclude<PrinterKind, 'simulated'>, raster: TicketRaster): Promise<Buffer> {
  printer.clear();
  printer.append(Buffer.from([0x1b, 0x40])); // ESC @: start from a clean state
  if (kind === 'star') printer.append(starRaster(raster));
  else await printer.printImageBuffer(raster.png);
  printer.cut();
  return printer.getBuffer();
}
