// The LED board protocols a serial bus can speak, by the name the hall file gives them. To add
// another vendor's boards: write an encoder from LedBoardContent to that vendor's bytes, add
// it here and to LED_PROTOCOLS in server/domain/hall/hall-definition.ts (the hub looks a bus's
// driver up by that name, so a protocol without a driver does not type-check), and document it
// in docs/serial-protocol.md.

import { encodeFrame } from '../serial/bus-frame.js';
import { encodeLedContent, type LedBoardContent } from './led-protocol.js';
import { encodeModbusContent, modbusAnswerAddress } from './modbus-text-protocol.js';

export interface LedBoardDriver {
  /** The bytes that make the board at `address` show `content`. */
  encode(address: number, content: LedBoardContent): Uint8Array;
  /**
   * Boards that answer every frame (Modbus slaves): on a half-duplex line the next frame must
   * wait for the answer, or for `timeoutMs` when none comes, and then for `gapChars` character
   * times of silence; `answerFrom` reads which board an answer came from. Null for boards that
   * never answer.
   */
  answers: { timeoutMs: number; gapChars: number; answerFrom(answer: Uint8Array): number | null } | null;
  /** Whether keypads (luot protocol) may share the bus. */
  carriesKeypads: boolean;
}

export const LED_DRIVERS = {
  luot: { encode: (address, content) => encodeFrame(encodeLedContent(address, content)), answers: null, carriesKeypads: true },
  // Modbus RTU asks for 3.5 character times of silence between frames.
  'modbus-text': { encode: encodeModbusContent, answers: { timeoutMs: 100, gapChars: 3.5, answerFrom: modbusAnswerAddress }, carriesKeypads: false },
} satisfies Record<string, LedBoardDriver>;
