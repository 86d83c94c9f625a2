// The luot serial bus: frames, keypad messages and LED board content (docs/serial-protocol.md).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKeypadFrame, keyFrame, keypadNak, keypadShow, transferFrame } from '../../hardware/keypad/keypad-protocol.js';
import { decodeLedFrame, encodeLedContent } from '../../hardware/led/led-protocol.js';
import { crc16, decodeModbusContent, encodeModbusContent, modbusAnswerAddress, modbusWriteAnswer } from '../../hardware/led/modbus-text-protocol.js';
import { encodeFrame, FrameParser } from '../../hardware/serial/bus-frame.js';

describe('bus frames', () => {
  it('encodes the documented example', () => {
    expect([...encodeFrame(keyFrame(5, 'callNext'))]).toEqual([0x02, 0x05, 0x10, 0x01, 0x01, 0x15, 0x03]);
  });

  it('reads frames back however the bytes are split, with garbage between them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ address: fc.integer({ min: 0, max: 99 }), command: fc.integer({ min: 0, max: 255 }), payload: fc.uint8Array({ maxLength: 64 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 }),
        (frames, cuts) => {
          const bytes = Buffer.concat(frames.flatMap((f) => [Buffer.from([0xff, 0x55]), encodeFrame(f)]));
          const parser = new FrameParser();
          const got = [];
          let at = 0;
          for (let i = 0; at < bytes.length; i++) {
            const size = cuts[i % cuts.length]!;
            got.push(...parser.push(bytes.subarray(at, at + size)));
            at += size;
          }
          expect(got.map((f) => ({ ...f, payload: [...f.payload] }))).toEqual(frames.map((f) => ({ ...f, payload: [...f.payload] })));
        },
      ),
    );
  });

  it('drops a frame with a wrong checksum and finds the next one', () => {
    const bad = encodeFrame(keyFrame(3, 'recall'));
    bad[5] = bad[5]! ^ 0xff;
    const parser = new FrameParser();
    const frames = parser.push(Buffer.concat([bad, encodeFrame(keyFrame(4, 'finish'))]));
    expect(frames).toHaveLength(1);
    expect(decodeKeypadFrame(frames[0]!)).toEqual({ type: 'key', address: 4, key: 'finish' });
    expect(parser.errors).toBeGreaterThan(0);
  });

  it('refuses addresses outside 0-99 and payloads over 64 bytes', () => {
    expect(() => encodeFrame({ address: 100, command: 1, payload: new Uint8Array() })).toThrow(/0-99/);
    expect(() => encodeFrame({ address: 1, command: 1, payload: new Uint8Array(65) })).toThrow(/64/);
  });
});

describe('keypad messages', () => {
  it('reads every key, transfers to a counter or a service, and hello', () => {
    for (const key of ['callNext', 'recall', 'noShow', 'finish', 'pause'] as const) {
      expect(decodeKeypadFrame(keyFrame(7, key))).toEqual({ type: 'key', address: 7, key });
    }
    expect(decodeKeypadFrame(transferFrame(7, { kind: 'counter', counterId: 12 }))).toEqual({ type: 'transfer', address: 7, target: { kind: 'counter', counterId: 12 } });
    expect(decodeKeypadFrame(transferFrame(7, { kind: 'service', position: 300 }))).toEqual({ type: 'transfer', address: 7, target: { kind: 'service', position: 300 } });
    expect(decodeKeypadFrame({ address: 7, command: 0x11, payload: new Uint8Array() })).toEqual({ type: 'hello', address: 7 });
    expect(decodeKeypadFrame({ address: 7, command: 0x10, payload: Uint8Array.of(0x09) })).toMatchObject({ type: 'key', key: 'rateNotSatisfied' });
    expect(decodeKeypadFrame({ address: 7, command: 0x10, payload: Uint8Array.of(0x0a) }).type).toBe('unknown');
  });

  it('shows only what a digit display can, and says why a key was refused', () => {
    expect(String.fromCharCode(...keypadShow(2, 'a012').payload)).toBe('A012');
    expect(String.fromCharCode(...keypadShow(2, 'Ư-1023!').payload)).toBe('-1023');
    expect([...keypadNak(2, 'recall', 'nothingHeld').payload]).toEqual([0x02, 0x01]);
  });
});

describe('LED boards', () => {
  it('a counter board: number, counter and blink; clear when nothing is served', () => {
    const frame = encodeLedContent(5, { kind: 'counter', counterId: 5, number: 'A012', blink: true });
    expect([...frame.payload]).toEqual([1, 5, 0x41, 0x30, 0x31, 0x32]);
    expect(decodeLedFrame(frame)).toEqual({ kind: 'counter', counterId: 5, number: 'A012', blink: true });
    expect(encodeLedContent(5, { kind: 'counter', counterId: 5, number: null, blink: false }).command).toBe(0x32);
  });

  it('a hall board: the last calls, newest first, at most ten in one frame', () => {
    const calls = Array.from({ length: 12 }, (_, i) => ({ counterId: i + 1, number: `${1000 + i}` }));
    const frame = encodeLedContent(90, { kind: 'hall', calls });
    expect(frame.payload.length).toBeLessThanOrEqual(64);
    expect(encodeFrame(frame).length).toBe(6 + 61);
    expect(decodeLedFrame(frame)).toEqual({ kind: 'hall', calls: calls.slice(0, 10) });
  });
});

describe('LED boards on Modbus RTU (modbus-text)', () => {
  it('computes the Modbus CRC of a known request', () => {
    // "Read 10 holding registers from slave 1", sent on the line as 01 03 00 00 00 0A C5 CD.
    expect(crc16(Uint8Array.of(0x01, 0x03, 0x00, 0x00, 0x00, 0x0a))).toBe(0xcdc5);
  });

  it("writes a counter board's content into registers 0-6 with function 0x10", () => {
    const request = encodeModbusContent(7, { kind: 'counter', counterId: 5, number: 'A012', blink: true });
    // Slave 7, function 0x10, from register 0, 7 registers, 14 bytes.
    expect([...request.subarray(0, 7)]).toEqual([0x07, 0x10, 0x00, 0x00, 0x00, 0x07, 0x0e]);
    // kind 1, blink 1, counter 5, then "A012    " two characters a register.
    expect([...request.subarray(7, 21)]).toEqual([0, 1, 0, 1, 0, 5, 0x41, 0x30, 0x31, 0x32, 0x20, 0x20, 0x20, 0x20]);
    const crc = crc16(request.subarray(0, 21));
    expect([...request.subarray(21)]).toEqual([crc & 0xff, crc >> 8]);
    expect(decodeModbusContent(request)).toEqual({ address: 7, content: { kind: 'counter', counterId: 5, number: 'A012', blink: true } });
    expect(decodeModbusContent(encodeModbusContent(7, { kind: 'counter', counterId: 5, number: null, blink: false }))?.content).toMatchObject({ number: null });
  });

  it('writes a hall board of up to 10 calls and reads it back; a damaged request is not read', () => {
    const calls = Array.from({ length: 12 }, (_, i) => ({ counterId: i + 1, number: `B${String(i).padStart(3, '0')}` }));
    const request = encodeModbusContent(90, { kind: 'hall', calls });
    expect(request[5]).toBe(3 + 4 * 10);
    expect(decodeModbusContent(request)).toEqual({ address: 90, content: { kind: 'hall', calls: calls.slice(0, 10) } });
    const damaged = Uint8Array.from(request);
    damaged[9] = damaged[9]! ^ 0x01;
    expect(decodeModbusContent(damaged)).toBeNull();
  });

  it("a board's answer echoes the address, function, start and count", () => {
    const answer = modbusWriteAnswer(encodeModbusContent(7, { kind: 'counter', counterId: 5, number: 'A012', blink: false }));
    expect([...answer.subarray(0, 6)]).toEqual([0x07, 0x10, 0x00, 0x00, 0x00, 0x07]);
    expect(answer.length).toBe(8);
  });

  it('tells which board an answer came from, and nothing from a damaged answer', () => {
    const answer = modbusWriteAnswer(encodeModbusContent(12, { kind: 'counter', counterId: 2, number: 'A002', blink: true }));
    expect(modbusAnswerAddress(answer)).toBe(12);
    const damaged = Uint8Array.from(answer);
    damaged[3] = damaged[3]! ^ 0x01;
    expect(modbusAnswerAddress(damaged)).toBeNull();
    expect(modbusAnswerAddress(answer.subarray(0, 3))).toBeNull();
  });
});
