// Frames of the luot serial bus (docs/serial-protocol.md): STX ADDR CMD LEN PAYLOAD CHK ETX.
// Pure: encoding, and a parser that takes bytes as they arrive and resynchronises on errors.

export const STX = 0x02;
export const ETX = 0x03;
export const MAX_PAYLOAD = 64;

export interface BusFrame {
  address: number;
  command: number;
  payload: Uint8Array;
}

function checksum(address: number, command: number, payload: Uint8Array): number {
  let chk = address ^ command ^ payload.length;
  for (const b of payload) chk ^= b;
  return chk;
}

export function encodeFrame({ address, command, payload }: BusFrame): Buffer {
  if (!Number.isInteger(address) || address < 0 || address > 99) throw new RangeError(`bus address ${address} is outside 0-99`);
  if (payload.length > MAX_PAYLOAD) throw new RangeError(`payload of ${payload.length} bytes is over ${MAX_PAYLOAD}`);
  return Buffer.from([STX, address, command, payload.length, ...payload, checksum(address, command, payload), ETX]);
}

/** Collects frames from a byte stream that may split or garble them. */
export class FrameParser {
  private buffer = Buffer.alloc(0);
  /** Bytes dropped while looking for a valid frame. */
  errors = 0;

  push(chunk: Uint8Array): BusFrame[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const frames: BusFrame[] = [];
    for (;;) {
      const start = this.buffer.indexOf(STX);
      if (start < 0) {
        this.errors += this.buffer.length > 0 ? 1 : 0;
        this.buffer = Buffer.alloc(0);
        return frames;
      }
      if (start > 0) {
        this.errors++;
        this.buffer = this.buffer.subarray(start);
      }
      if (this.buffer.length < 4) return frames;
      const length = this.buffer[3]!;
      if (length > MAX_PAYLOAD) {
        this.drop();
        continue;
      }
      const total = 6 + length;
      if (this.buffer.length < total) return frames;
      const address = this.buffer[1]!;
      const command = this.buffer[2]!;
      const payload = Uint8Array.from(this.buffer.subarray(4, 4 + length));
      if (this.buffer[total - 1] !== ETX || this.buffer[total - 2] !== checksum(address, command, payload)) {
        this.drop();
        continue;
      }
      frames.push({ address, command, payload });
      this.buffer = this.buffer.subarray(total);
    }
  }

  /** A bad frame: skip its STX and look for the next one. */
  private drop(): void {
    this.errors++;
    this.buffer = this.buffer.subarray(1);
  }
}
