// Keys to queue commands, hub refusals to keypad reasons, and the keypad's display.

import { describe, expect, it } from 'vitest';
import { commandForKey, keypadDisplayText, nakReasonFor } from '../../server/domain/queue/keypad-commands.js';
import type { CounterState } from '../../server/domain/queue/queue-state.js';
import { smallHall } from '../helpers/hall-fixture.js';

const counter = (mode: CounterState['mode']): CounterState => ({
  id: 2,
  mode,
  pauseReason: null,
  clerk: null,
  currentTicketId: null,
  regularSincePriority: 0,
  since: 0,
});

describe('keypad keys', () => {
  const services = smallHall().services;

  it('"call next" finishes the citizen being served; pause toggles', () => {
    expect(commandForKey({ type: 'key', address: 2, key: 'callNext' }, counter('open'), services)).toEqual({
      key: 'callNext',
      command: { type: 'callNext', counterId: 2, finishCurrent: true },
    });
    expect(commandForKey({ type: 'key', address: 2, key: 'pause' }, counter('open'), services)).toMatchObject({ command: { type: 'pause', counterId: 2 } });
    expect(commandForKey({ type: 'key', address: 2, key: 'pause' }, counter('paused'), services)).toMatchObject({ command: { type: 'resume', counterId: 2 } });
  });

  it('transfers to a counter, or to a service by its place in the hall file', () => {
    expect(commandForKey({ type: 'transfer', address: 2, target: { kind: 'service', position: 2 } }, counter('open'), services)).toMatchObject({
      command: { type: 'transfer', counterId: 2, toServiceId: 'DD' },
    });
    expect(commandForKey({ type: 'transfer', address: 2, target: { kind: 'counter', counterId: 1 } }, counter('open'), services)).toMatchObject({
      command: { type: 'transfer', counterId: 2, toCounterId: 1 },
    });
    expect(commandForKey({ type: 'transfer', address: 2, target: { kind: 'service', position: 9 } }, counter('open'), services)).toEqual({ key: 'transfer', refuse: 'unknownTarget' });
  });

  it('tells the keypad why, and shows the number, dashes or P', () => {
    expect(nakReasonFor('queue_empty')).toBe('noOneWaiting');
    expect(nakReasonFor('counter_idle')).toBe('nothingHeld');
    expect(nakReasonFor('counter_paused')).toBe('counterNotOpen');
    expect(nakReasonFor('something_new')).toBe('other');
    expect(keypadDisplayText(counter('open'), 'A012')).toBe('A012');
    expect(keypadDisplayText(counter('open'), null)).toBe('----');
    expect(keypadDisplayText(counter('paused'), 'A012')).toBe('P');
  });
});
