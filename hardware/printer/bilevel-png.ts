// A black-and-white picture as a 1-bit PNG, straight from a printer's dots. Written here rather
// than with a general PNG library: at one bit per dot the image data is 32 times smaller than
// the 8-bit RGBA a general encoder works through (tens of kilobytes for a ticket, not megabytes),
// which is what keeps a printing hub's memory flat.

import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * Room for the PNG's image data before compression: filled and compressed within one synchronous
 * call, so one buffer serves every ticket instead of a fresh one each time.
 */
let scratch = Buffer.alloc(0);

/** `rows`: the dots packed eight to a byte, row by row, most significant bit first, 1 = black. */
export function bilevelPng(rows: Uint8Array, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale: 0 is black, 1 is white
  const stride = Math.ceil(width / 8);
  const size = (stride + 1) * height;
  if (scratch.length < size) scratch = Buffer.alloc(size);
  // Each row: filter type 0 (none), then the row's bits turned over (PNG's 1 is white). Bits past
  // the last dot of a row were never set, so they come out white like the paper.
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1);
    scratch[at] = 0;
    for (let i = 0; i < stride; i++) scratch[at + 1 + i] = ~rows[y * stride + i]! & 0xff;
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(scratch.subarray(0, size))), chunk('IEND', Buffer.alloc(0))]);
}
