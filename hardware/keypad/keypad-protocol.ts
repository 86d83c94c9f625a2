// What keypads say on the luot bus and what the hub answers (docs/serial-protocol.md).

import type { BusFrame } from '../serial/bus-frame.js';
import { displayableText } from '../serial/displayable-text.js';

export const KEYPAD_COMMANDS = { key: 0x10, hello: 0x11, show: 0x20, ack: 0x21, nak: 0x22 } as const;

export const KEYS = {
  callNext: 0x01,
  recall: 0x02,
  noShow: 0x03,
  transfer: 0x04,
  finish: 0x05,
  pause: 0x06,
  // The citizen's rating keys (a rating pad on the same bus, or keys on the counter's keypad).
  rateVerySatisfied: 0x07,
  rateSatisfied: 0x08,
  rateNotSatisfied: 0x09,
} as const;
export type KeyName = keyof typeof KEYS;

export const NAK_REASONS = { nothingHeld: 0x01, counterNotOpen: 0x02, noOneWaiting: 0x03, unknownTarget: 0x04, other: 0x0f } as const;
export type NakReason = keyof typeof NAK_REASONS;

export type TransferTarget = { kind: 'counter'; counterId: number } | { kind: 'service'; position: number };

export type KeypadMessage =
  | { type: 'key'; address: number; key: Exclude<KeyName, 'transfer'> }
  | { type: 'transfer'; address: number; target: TransferTarget }
  | { type: 'hello'; address: number }
  | { type: 'unknown'; address: number; reason: string };

const KEY_BY_CODE = new Map<number, KeyName>(Object.entries(KEYS).map(([name, code]) => [code, name as KeyName]));

export function decodeKeypadFrame(frame: BusFrame): KeypadMessage {
  const { address, command, payload } = frame;
  if (command === KEYPAD_COMMANDS.hello) return { type: 'hello', address };
  if (command !== KEYPAD_COMMANDS.key || payload.length === 0) return { type: 'unknown', address, reason: `command 0x${command.toString(16)}` };
  const key = KEY_BY_CODE.get(payload[0]!);
  if (!key) return { type: 'unknown', address, reason: `key 0x${payload[0]!.toString(16)}` };
  if (key !== 'transfer') return { type: 'key', address, key };
  if (payload.length !== 4) return { type: 'unknown', address, reason: 'transfer without a target' };
  const number = payload[2]! * 256 + payload[3]!;
  const kind = String.fromCharCode(payload[1]!);
  if (kind === 'C') return { type: 'transfer', address, target: { kind: 'counter', counterId: number } };
  if (kind === 'S') return { type: 'transfer', address, target: { kind: 'service', position: number } };
  return { type: 'unknown', address, reason: `transfer target "${kind}"` };
}

export function keypadShow(address: number, text: string): BusFrame {
  return { address, command: KEYPAD_COMMANDS.show, payload: Uint8Array.from(displayableText(text), (c) => c.charCodeAt(0)) };
}

export function keypadAck(address: number, key: KeyName): BusFrame {
  return { address, command: KEYPAD_COMMANDS.ack, payload: Uint8Array.of(KEYS[key]) };
}

export function keypadNak(address: number, key: KeyName, reason: NakReason): BusFrame {
  return { address, command: KEYPAD_COMMANDS.nak, payload: Uint8Array.of(KEYS[key], NAK_REASONS[reason]) };
}

/** What a keypad sends for a key, for simulators and tests. */
export function keyFrame(address: number, key: Exclude<KeyName, 'transfer'>): BusFrame {
  return { address, command: KEYPAD_COMMANDS.key, payload: Uint8Array.of(KEYS[key]) };
}

export function transferFrame(address: number, target: TransferTarget): BusFrame {
  const number = target.kind === 'counter' ? target.counterId : target.position;
  const kind = target.kind === 'counter' ? 0x43 : 0x53;
  return { address, command: KEYPAD_COMMANDS.key, payload: Uint8Array.of(KEYS.transfer, kind, number >> 8, number & 0xff) };
}
