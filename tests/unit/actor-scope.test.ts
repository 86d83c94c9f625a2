import { describe, expect, it } from 'vitest';
import { anywhere, atCounter, checkScope, ticketInCounterScope } from '../../server/domain/access/actor.js';
import type { DomainError } from '../../server/domain/domain-error.js';
import type { Command } from '../../server/domain/queue/queue-engine.js';
import { HallFixture } from '../helpers/hall-fixture.js';

// The small hall: counter 1 serves HT, counter 2 HT and DD, counter 3 CA.
const refusal = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('what a counter may act on', () => {
  it('its own counter commands only; a manager anywhere', () => {
    const hall = new HallFixture();
    const keypad = atCounter('keypad:B1:1', 1);
    expect(refusal(() => checkScope(hall.live, keypad, { type: 'callNext', counterId: 1 }))).toBeNull();
    expect(refusal(() => checkScope(hall.live, keypad, { type: 'callNext', counterId: 3 }))).toBe('counter_not_held');
    expect(refusal(() => checkScope(hall.live, keypad, { type: 'closeDay', includeToday: true }))).toBe('manager_only');
    expect(refusal(() => checkScope(hall.live, anywhere('API'), { type: 'callNext', counterId: 3 }))).toBeNull();
  });

  it('tickets it holds or skipped, and tickets waiting for its services or sent to it', () => {
    const hall = new HallFixture();
    const a = hall.issue('HT');
    const b = hall.issue('DD');
    const c = hall.issue('CA');
    expect(ticketInCounterScope(hall.live, 1, hall.ticket(a.id))).toBe(true);
    expect(ticketInCounterScope(hall.live, 1, hall.ticket(b.id))).toBe(false);
    expect(ticketInCounterScope(hall.live, 2, hall.ticket(b.id))).toBe(true);
    hall.callNext(2); // counter 2 takes A001 (the longest wait)
    expect(ticketInCounterScope(hall.live, 1, hall.ticket(a.id))).toBe(false);
    expect(ticketInCounterScope(hall.live, 2, hall.ticket(a.id))).toBe(true);
    hall.run({ type: 'noShow', counterId: 2 });
    expect(ticketInCounterScope(hall.live, 1, hall.ticket(a.id))).toBe(true); // it serves HT: may put it back
    expect(ticketInCounterScope(hall.live, 3, hall.ticket(a.id))).toBe(false);
    hall.callNext(3);
    hall.run({ type: 'transfer', counterId: 3, toCounterId: 1 });
    expect(ticketInCounterScope(hall.live, 1, hall.ticket(c.id))).toBe(true); // sent to counter 1 by name
    expect(ticketInCounterScope(hall.live, 3, hall.ticket(c.id))).toBe(false);
    const cancel: Command = { type: 'cancel', ticketId: c.id };
    expect(refusal(() => checkScope(hall.live, atCounter('Lan', 3), cancel))).toBe('ticket_not_in_scope');
    expect(refusal(() => checkScope(hall.live, atCounter('Lan', 1), cancel))).toBeNull();
    expect(refusal(() => checkScope(hall.live, atCounter('Lan', 3), { type: 'issue', serviceId: 'HT' }))).toBe('service_not_in_scope');
  });
});
