// Random days at a small hall: thousands of command sequences, accepted or refused, and after
// every step the rules that must always hold are checked.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queueKeyOf } from '../../server/domain/queue/queue-order.js';
import type { Ticket } from '../../server/domain/queue/queue-state.js';
import { HallFixture, hanoi, smallHall } from '../helpers/hall-fixture.js';
import { runSteps, step } from '../helpers/random-commands.js';

function checkInvariants(hall: HallFixture, stored: Map<string, Ticket>): void {
  const tickets = [...stored.values()];
  // A number is never given twice in a day.
  const numbers = tickets.map((t) => `${t.day} ${t.number}`);
  expect(new Set(numbers).size).toBe(numbers.length);

  // A counter holds at most one ticket, and a held ticket is held by exactly its counter.
  for (const { def, state } of hall.live.allCounters()) {
    if (state.currentTicketId === null) continue;
    const held = stored.get(state.currentTicketId)!;
    expect(['called', 'serving']).toContain(held.status);
    expect(held.counterId).toBe(def.id);
  }
  for (const t of tickets.filter((t) => t.status === 'called' || t.status === 'serving')) {
    expect(hall.live.counterState(t.counterId!)!.currentTicketId).toBe(t.id);
  }

  // The in-memory queues hold exactly the waiting tickets, each in its own queue.
  const waiting = tickets.filter((t) => t.status === 'waiting');
  const indexed = new Set<string>();
  for (const key of hall.live.nonEmptyQueues()) {
    for (const t of hall.live.waitingIn(key)) {
      expect(queueKeyOf(t)).toBe(key);
      expect(stored.get(t.id)).toEqual(t);
      indexed.add(t.id);
    }
  }
  expect([...indexed].sort()).toEqual(waiting.map((t) => t.id).sort());

  // Only open tickets stay in memory, all of them, as stored.
  const open = [...hall.live.openTickets()].sort((a, b) => a.id.localeCompare(b.id));
  const openStored = tickets.filter((t) => ['waiting', 'called', 'serving', 'no_show'].includes(t.status));
  expect(open).toEqual(openStored.sort((a, b) => a.id.localeCompare(b.id)));
}

describe('queue invariants over random days', () => {
  it('hold after every accepted or refused command', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), fc.boolean(), (steps, interleaved) => {
        const hall = new HallFixture(
          smallHall({ hall: interleaved ? { priority: { policy: 'interleaved', regularPerPriority: 2 }, hours: { open: '07:00', close: '17:00' } } : {} }),
          hanoi(7, 30),
        );
        runSteps(hall, steps, (stored) => checkInvariants(hall, stored));
      }),
      { numRuns: 300 },
    );
  });
});
