// A key pressed on a counter's keypad: the same use cases as the counter page's buttons and the
// rating tablet (actAtCounter, rateService), with the refusal told back as the keypad shows it.

import type { KeyName, KeypadMessage, NakReason } from '../../../hardware/keypad/keypad-protocol.js';
import { atCounter } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/domain-error.js';
import { commandForKey, keypadClerk, nakReasonFor } from '../../domain/queue/keypad-commands.js';
import type { LiveState } from '../../services/live-state.js';
import { rateService } from '../ratings/rate-service.js';
import { actAtCounter, isCounterCommand, type ActAtCounterDeps } from './act-at-counter.js';

export interface PressKeyDeps extends ActAtCounterDeps {
  live: Pick<LiveState, 'counterState' | 'allServices'>;
}

/** What the keypad is answered: the key taken, or refused with a reason (and the failure when it was not the hall's rules). */
export type KeyOutcome = { key: KeyName; taken: true } | { key: KeyName; taken: false; reason: NakReason; failure?: unknown };

/**
 * Runs the key of keypad `keypadId` (e.g. "B1:2") at its counter. Null when the counter is
 * unknown to the hall (the press is ignored).
 */
export async function pressKeypadKey(deps: PressKeyDeps, keypadId: string, counterId: number, message: Extract<KeypadMessage, { type: 'key' | 'transfer' }>): Promise<KeyOutcome | null> {
  const counter = deps.live.counterState(counterId);
  if (!counter) return null;
  const decision = commandForKey(message, counter, deps.live.allServices());
  const { key } = decision;
  if ('refuse' in decision) return { key, taken: false, reason: decision.refuse };
  const actor = atCounter(keypadClerk(keypadId), counterId);
  try {
    const { command } = decision;
    // Counters start the day closed: the keypad's first "next" opens its counter, as a clerk's sign-in does.
    if (command.type === 'callNext' && counter.mode === 'closed') await actAtCounter(deps, { type: 'openCounter', counterId, clerk: keypadClerk(keypadId) }, actor);
    if (command.type === 'rateTicket') await rateService(deps, command, actor);
    else if (isCounterCommand(command)) await actAtCounter(deps, command, actor);
    return { key, taken: true };
  } catch (error) {
    if (error instanceof DomainError) return { key, taken: false, reason: nakReasonFor(error.code) };
    return { key, taken: false, reason: 'other', failure: error };
  }
}
