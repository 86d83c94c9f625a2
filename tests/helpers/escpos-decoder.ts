// Reads a printer byte stream back into what a printer would do with it, written from the
// Epson ESC/POS and Star Line Mode manuals, independently of the library that produced it.
// Any byte it does not understand is an error: a test then knows the whole job was read.

export interface DecodedRaster {
  width: number;
  height: number;
  /** One byte per dot, row by row, 1 = black. */
  dots: Uint8Array;
}

export interface DecodedJob {
  rasters: DecodedRaster[];
  cuts: number;
  resets: number;
  statusQueries: number[];
}

/** Rows of bits (eight dots a byte, most significant first, 1 = black) as one byte per dot. */
export function unpack(data: Uint8Array, bytesPerRow: number, height: number): DecodedRaster {
  const width = bytesPerRow * 8;
  const dots = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) dots[y * width + x] = (data[y * bytesPerRow + (x >> 3)]! >> (7 - (x & 7))) & 1;
  }
  return { width, height, dots };
}

export function decodeJob(bytes: Uint8Array, dialect: 'escpos' | 'star'): DecodedJob {
  const job: DecodedJob = { rasters: [], cuts: 0, resets: 0, statusQueries: [] };
  let i = 0;
  const need = (n: number) => {
    if (i + n > bytes.length) throw new Error(`command at ${i} is cut short`);
  };
  /**
   * A raster image (ESC/POS GS v 0 has an 8-byte header, Star ESC GS S a 9-byte one; both give
   * bytes per row at 4-5 and rows at 6-7, little-endian). Returns the command's length.
   */
  const raster = (header: number) => {
    need(header);
    const xBytes = bytes[i + 4]! + bytes[i + 5]! * 256;
    const height = bytes[i + 6]! + bytes[i + 7]! * 256;
    need(header + xBytes * height);
    job.rasters.push(unpack(bytes.subarray(i + header, i + header + xBytes * height), xBytes, height));
    return header + xBytes * height;
  };
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a || (dialect === 'star' && b === 0x0b)) {
      i += 1; // line feed / Star vertical tab: paper moves, nothing printed
    } else if (b === 0x1b && bytes[i + 1] === 0x40) {
      job.resets++;
      i += 2;
    } else if (b === 0x1b && bytes[i + 1] === 0x64) {
      need(3);
      // ESC d n: feed n lines in ESC/POS; in Star Line Mode, a cut (0/48 full, 1/49/2/50 partial).
      if (dialect === 'star') job.cuts++;
      i += 3;
    } else if (b === 0x1d && bytes[i + 1] === 0x56) {
      need(3);
      const m = bytes[i + 2]!;
      job.cuts++;
      i += m === 65 || m === 66 ? 4 : 3;
    } else if (b === 0x1d && bytes[i + 1] === 0x76 && bytes[i + 2] === 0x30) {
      i += raster(8);
    } else if (b === 0x1b && bytes[i + 1] === 0x1d && bytes[i + 2] === 0x53) {
      i += raster(9);
    } else if (b === 0x10 && bytes[i + 1] === 0x04) {
      need(3);
      job.statusQueries.push(bytes[i + 2]!);
      i += 3;
    } else {
      throw new Error(`unknown byte 0x${b.toString(16)} at ${i}`);
    }
  }
  return job;
}

/** Share of black dots in a band of rows: tells printed text from blank paper. */
export function inkIn(raster: DecodedRaster, fromRow: number, toRow: number): number {
  let black = 0;
  for (let y = fromRow; y < Math.min(toRow, raster.height); y++) {
    for (let x = 0; x < raster.width; x++) black += raster.dots[y * raster.width + x]!;
  }
  return black / (raster.width * Math.max(1, Math.min(toRow, raster.height) - fromRow));
}

/** The raster as a binary PBM image (P4), which OCR tools read directly. */
export function toPbm(raster: DecodedRaster): Buffer {
  const bytesPerRow = Math.ceil(raster.width / 8);
  const body = Buffer.alloc(bytesPerRow * raster.height);
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      if (raster.dots[y * raster.width + x]) body[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([Buffer.from(`P4\n${raster.width} ${raster.height}\n`), body]);
}
