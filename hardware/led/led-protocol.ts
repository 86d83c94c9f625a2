// What the hub sends to LED boards on the luot bus (docs/serial-protocol.md). Another vendor's
// boards get their own encoder behind the same LedBoardContent.

import type { BusFrame } from '../serial/bus-frame.js';
import { displayableText } from '../serial/displayable-text.js';

export const LED_COMMANDS = { counter: 0x30, hall: 0x31, clear: 0x32 } as const;

/** What a board shows, whatever protocol carries it. */
export type LedBoardContent = { kind: 'counter'; counterId: number; number: string | null; blink: boolean } | { kind: 'hall'; calls: { counterId: number; number: string }[] };

/** The number as bytes: up to 8 characters, or exactly `width`, space padded. */
const ascii = (text: string, width?: number) => {
  const sized = width === undefined ? displayableText(text) : displayableText(text, width).padEnd(width, ' ');
  return Array.from(sized, (c) => c.charCodeAt(0));
};

/** Entries that fit one frame (64 payload bytes: a count and 6 bytes per call). */
export const MAX_HALL_ENTRIES = 10;

export function encodeLedContent(address: number, content: LedBoardContent): BusFrame {
  if (content.kind === 'counter') {
    if (content.number === null) return { address, command: LED_COMMANDS.clear, payload: new Uint8Array() };
    return { address, command: LED_COMMANDS.counter, payload: Uint8Array.from([content.blink ? 1 : 0, content.counterId & 0xff, ...ascii(content.number)]) };
  }
  const calls = content.calls.slice(0, MAX_HALL_ENTRIES);
  return { address, command: LED_COMMANDS.hall, payload: Uint8Array.from([calls.length, ...calls.flatMap((c) => [c.counterId & 0xff, ...ascii(c.number, 5)])]) };
}

/** Reads a board frame back into what it shows: for simulators and tests. */
export function decodeLedFrame(frame: BusFrame): LedBoardContent | null {
  const p = frame.payload;
  const text = (bytes: Uint8Array) => String.fromCharCode(...bytes).trimEnd();
  if (frame.command === LED_COMMANDS.clear) return { kind: 'counter', counterId: 0, number: null, blink: false };
  if (frame.command === LED_COMMANDS.counter && p.length >= 2) return { kind: 'counter', blink: p[0] === 1, counterId: p[1]!, number: text(p.subarray(2)) };
  if (frame.command === LED_COMMANDS.hall && p.length >= 1) {
    const calls = Array.from({ length: p[0]! }, (_, i) => ({ counterId: p[1 + i * 6]!, number: text(p.subarray(2 + i * 6, 7 + i * 6)) }));
    return { kind: 'hall', calls };
  }
  return null;
}
