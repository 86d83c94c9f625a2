// LED boards that take their text in Modbus RTU holding registers ("modbus-text" in the hall
// file; docs/serial-protocol.md has the register map). Each board is a Modbus slave at its
// bus address; the hub writes the whole content with function 0x10 and the board answers.

import { displayableText } from '../serial/displayable-text.js';
import type { LedBoardContent } from './led-protocol.js';

export const WRITE_MULTIPLE_REGISTERS = 0x10;
export const MODBUS_REGISTERS = { kind: 0, blink: 1, counterOrCount: 2, text: 3 } as const;
export const MODBUS_KINDS = { blank: 0, counter: 1, hall: 2 } as const;

/** Characters of a counter board's number (4 registers) and of each hall entry's (3 registers). */
const COUNTER_TEXT = 8;
const HALL_TEXT = 6;
export const MODBUS_MAX_HALL_ENTRIES = 10;

/** CRC-16/MODBUS: reflected polynomial 0xA001, initial value 0xFFFF. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/** Appends the CRC, low byte first as Modbus RTU sends it. */
export function withCrc(body: number[]): Uint8Array {
  const crc = crc16(Uint8Array.from(body));
  return Uint8Array.from([...body, crc & 0xff, crc >> 8]);
}

/** Text as registers, two ASCII characters each, high byte first, space padded. */
function textRegisters(text: string, characters: number): number[] {
  const clean = displayableText(text, characters).padEnd(characters, ' ');
  return Array.from({ length: characters / 2 }, (_, i) => (clean.charCodeAt(2 * i) << 8) | clean.charCodeAt(2 * i + 1));
}

function registersFor(content: LedBoardContent): number[] {
  if (content.kind === 'counter') {
    if (content.number === null) return [MODBUS_KINDS.blank, 0, 0, ...textRegisters('', COUNTER_TEXT)];
    return [MODBUS_KINDS.counter, content.blink ? 1 : 0, content.counterId, ...textRegisters(content.number, COUNTER_TEXT)];
  }
  const calls = content.calls.slice(0, MODBUS_MAX_HALL_ENTRIES);
  return [MODBUS_KINDS.hall, 0, calls.length, ...calls.flatMap((c) => [c.counterId, ...textRegisters(c.number, HALL_TEXT)])];
}

/** One "write multiple registers" request that puts the content on the board at `address`. */
export function encodeModbusContent(address: number, content: LedBoardContent): Uint8Array {
  const registers = registersFor(content);
  const data = registers.flatMap((r) => [r >> 8, r & 0xff]);
  return withCrc([address, WRITE_MULTIPLE_REGISTERS, 0, 0, registers.length >> 8, registers.length & 0xff, data.length, ...data]);
}

export interface ModbusBoardWrite {
  address: number;
  content: LedBoardContent;
}

/** Reads a request back into what the board shows: for simulators and tests. Null if it is not one. */
export function decodeModbusContent(frame: Uint8Array): ModbusBoardWrite | null {
  if (frame.length < 9 || frame[1] !== WRITE_MULTIPLE_REGISTERS) return null;
  const crc = crc16(frame.subarray(0, frame.length - 2));
  if (frame[frame.length - 2] !== (crc & 0xff) || frame[frame.length - 1] !== crc >> 8) return null;
  const count = frame[6]! / 2;
  const reg = (i: number) => (frame[7 + 2 * i]! << 8) | frame[8 + 2 * i]!;
  const text = (from: number, registers: number) => String.fromCharCode(...Array.from({ length: registers }, (_, i) => [reg(from + i) >> 8, reg(from + i) & 0xff]).flat()).trimEnd();
  const address = frame[0]!;
  const kind = reg(MODBUS_REGISTERS.kind);
  if (kind === MODBUS_KINDS.blank) return { address, content: { kind: 'counter', counterId: 0, number: null, blink: false } };
  if (kind === MODBUS_KINDS.counter && count >= 7) {
    return { address, content: { kind: 'counter', blink: reg(MODBUS_REGISTERS.blink) === 1, counterId: reg(MODBUS_REGISTERS.counterOrCount), number: text(3, 4) } };
  }
  if (kind === MODBUS_KINDS.hall) {
    const n = reg(MODBUS_REGISTERS.counterOrCount);
    const calls = Array.from({ length: n }, (_, i) => ({ counterId: reg(3 + 4 * i), number: text(4 + 4 * i, 3) }));
    return { address, content: { kind: 'hall', calls } };
  }
  return null;
}

/** The board's answer to a write: address, function, start and count, as Modbus slaves echo. */
export function modbusWriteAnswer(request: Uint8Array): Uint8Array {
  return withCrc(Array.from(request.subarray(0, 6)));
}

/** Which board an answer came from: a Modbus answer starts with the slave's address; null when its CRC is wrong. */
export function modbusAnswerAddress(answer: Uint8Array): number | null {
  if (answer.length < 4) return null;
  const crc = crc16(answer.subarray(0, answer.length - 2));
  const sent = answer[answer.length - 2]! | (answer[answer.length - 1]! << 8);
  return crc === sent ? answer[0]! : null;
}
