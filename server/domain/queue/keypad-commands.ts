// What a key pressed on a counter's keypad asks the queue to do, and how a refusal is told
// back to the keypad. Pure: the bus, its keypad protocol (hardware/keypad/keypad-protocol.ts,
// whose keys and refusals are the ones named here) and the queue service are elsewhere.

import type { CounterState } from './queue-state.js';
import type { ServiceDef } from '../hall/hall-definition.js';
import type { Command } from './queue-engine.js';
import type { RatingCommand, RatingLevel } from '../rating/rating.js';

/**
 * A keypad has no sign-in: its first "next" at a closed counter opens it, with this as its
 * clerk ("keypad:B1:2"), so the hall knows someone is there to call.
 */
export function keypadClerk(keypadId: string): string {
  return `keypad:${keypadId}`;
}

/** Whether a counter was opened by its keypad (see keypadClerk). */
export function isKeypadClerk(clerk: string | null): boolean {
  return clerk?.startsWith('keypad:') ?? false;
}

/** The keys of a counter's call keypad, and of a rating pad on the same bus (docs/serial-protocol.md). */
export type KeypadKey = 'callNext' | 'recall' | 'noShow' | 'transfer' | 'finish' | 'pause' | 'rateVerySatisfied' | 'rateSatisfied' | 'rateNotSatisfied';

/** What a keypad can show of a refusal. */
export type KeypadRefusal = 'nothingHeld' | 'counterNotOpen' | 'noOneWaiting' | 'unknownTarget' | 'other';

/** A key pressed on the keypad at `address`: a plain key, or transfer with its target. */
export type KeyPress =
  | { type: 'key'; address: number; key: Exclude<KeypadKey, 'transfer'> }
  | { type: 'transfer'; address: number; target: { kind: 'counter'; counterId: number } | { kind: 'service'; position: number } };

export type KeyDecision = { command: Command | RatingCommand; key: KeypadKey } | { refuse: KeypadRefusal; key: KeypadKey };

const RATING_KEYS: Partial<Record<KeypadKey, RatingLevel>> = {
  rateVerySatisfied: 'very_satisfied',
  rateSatisfied: 'satisfied',
  rateNotSatisfied: 'not_satisfied',
};

export function commandForKey(message: KeyPress, counter: CounterState, services: readonly ServiceDef[]): KeyDecision {
  const counterId = counter.id;
  if (message.type === 'transfer') {
    const key = 'transfer';
    if (message.target.kind === 'counter') return { key, command: { type: 'transfer', counterId, toCounterId: message.target.counterId } };
    const service = services[message.target.position - 1];
    return service ? { key, command: { type: 'transfer', counterId, toServiceId: service.id } } : { key, refuse: 'unknownTarget' };
  }
  const key = message.key;
  switch (key) {
    case 'callNext':
      // One key for "next": the citizen being served is finished first.
      return { key, command: { type: 'callNext', counterId, finishCurrent: true } };
    case 'recall':
      return { key, command: { type: 'recall', counterId } };
    case 'noShow':
      return { key, command: { type: 'noShow', counterId } };
    case 'finish':
      return { key, command: { type: 'finish', counterId } };
    case 'pause':
      return { key, command: counter.mode === 'paused' ? { type: 'resume', counterId } : { type: 'pause', counterId, reason: null } };
    default:
      // A rating key rates the service this counter finished last.
      return { key, command: { type: 'rateTicket', counterId, level: RATING_KEYS[key]! } };
  }
}

/** The refusal a keypad can show for a hub error code. */
export function nakReasonFor(errorCode: string): KeypadRefusal {
  if (['counter_idle', 'ticket_wrong_status', 'ticket_held_elsewhere', 'rating_nothing_to_rate', 'rating_given'].includes(errorCode)) return 'nothingHeld';
  if (['counter_paused', 'counter_closed', 'counter_not_paused'].includes(errorCode)) return 'counterNotOpen';
  if (errorCode === 'queue_empty') return 'noOneWaiting';
  if (['counter_not_found', 'service_not_found', 'transfer_target_missing', 'transfer_same_place'].includes(errorCode)) return 'unknownTarget';
  return 'other';
}

/** What the keypad's display shows for its counter. */
export function keypadDisplayText(counter: CounterState, heldNumber: string | null): string {
  if (counter.mode === 'paused') return 'P';
  if (counter.mode === 'closed') return '';
  return heldNumber ?? '----';
}
