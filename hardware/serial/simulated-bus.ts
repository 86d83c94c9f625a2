// A bus with no wire: it keeps what each keypad display and LED board would show, and lets a
// page press keys. The default for halls without hardware, and a way to try a layout out.

import type { LedBoardContent } from '../led/led-protocol.js';
import { KEYPAD_COMMANDS } from '../keypad/keypad-protocol.js';
import type { BusFrame } from './bus-frame.js';
import type { BusLink, LinkState, SerialLinkEvents } from './serial-link.js';

export interface SimulatedKeypad {
  display: string;
  /** The hub's answer to the last key: done, or refused with a reason code. */
  answer: { ok: true } | { ok: false; reason: number } | null;
  at: number;
}

export interface SimulatedBoard {
  content: LedBoardContent;
  at: number;
}

export class SimulatedBus implements BusLink {
  state: LinkState = 'connecting';
  readonly keypads = new Map<number, SimulatedKeypad>();
  readonly boards = new Map<number, SimulatedBoard>();
  private listeners: { [K in keyof SerialLinkEvents]: SerialLinkEvents[K][] } = { frame: [], state: [], answer: [] };

  constructor(private readonly clock: () => number = Date.now) {}

  on<K extends keyof SerialLinkEvents>(event: K, listener: SerialLinkEvents[K]): this {
    this.listeners[event].push(listener);
    return this;
  }

  start(): this {
    // Opened on the next turn, as a real port would be, after the listeners are in place.
    setImmediate(() => {
      this.state = 'open';
      for (const listener of this.listeners.state) listener('open', null);
    });
    return this;
  }

  send(frame: BusFrame): boolean {
    const at = this.clock();
    const keypad = this.keypads.get(frame.address) ?? { display: '', answer: null, at };
    if (frame.command === KEYPAD_COMMANDS.show) this.keypads.set(frame.address, { ...keypad, display: String.fromCharCode(...frame.payload), at });
    else if (frame.command === KEYPAD_COMMANDS.ack) this.keypads.set(frame.address, { ...keypad, answer: { ok: true }, at });
    else if (frame.command === KEYPAD_COMMANDS.nak) this.keypads.set(frame.address, { ...keypad, answer: { ok: false, reason: frame.payload[1] ?? 0 }, at });
    return this.state === 'open';
  }

  /** With no wire, the protocol does not matter: the board keeps what it would show. */
  showBoard(address: number, content: LedBoardContent): boolean {
    this.boards.set(address, { content, at: this.clock() });
    return this.state === 'open';
  }

  /** A key pressed on a simulated keypad: the frame reaches the hub as from a real one. */
  press(frame: BusFrame): void {
    for (const listener of this.listeners.frame) listener(frame);
  }

  async stop(): Promise<void> {
    this.state = 'disconnected';
  }
}
