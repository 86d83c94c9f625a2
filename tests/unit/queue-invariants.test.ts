// Random days at a small hall: thousands of command sequences, accepted or refused, and after
// every step the rules that must always hold are checked.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors.js';
import { queueKeyOf } from '../../server/domain/queue-order.js';
import type { Command } from '../../server/domain/queue-engine.js';
import type { Ticket } from '../../server/domain/model.js';
import { HallFixture, hanoi, smallHall } from '../helpers/hall-fixture.js';

const SERVICES = ['HT', 'DD', 'CA'];
const COUNTERS = [1, 2, 3];
const PRIORITIES = [null, null, 'nguoi_cao_tuoi', 'thuong_binh'];

/** A step names tickets by position, resolved against the tickets that exist when it runs. */
type Step =
  | { kind: 'command'; build: (pick: (i: number) => string) => Command }
  | { kind: 'wait'; minutes: number };

const counter = fc.constantFrom(...COUNTERS);
const ticketRef = fc.nat(40);

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ s: fc.constantFrom(...SERVICES), p: fc.constantFrom(...PRIORITIES) }).map(({ s, p }) => ({
    kind: 'command' as const,
    build: () => ({ type: 'issue', serviceId: s, priority: p }) as Command,
  })),
  fc.record({ c: counter, f: fc.boolean() }).map(({ c, f }) => ({
    kind: 'command' as const,
    build: () => ({ type: 'callNext', counterId: c, finishCurrent: f }) as Command,
  })),
  fc.record({ c: counter, t: ticketRef }).map(({ c, t }) => ({
    kind: 'command' as const,
    build: (pick: (i: number) => string) => ({ type: 'callTicket', counterId: c, ticketId: pick(t) }) as Command,
  })),
  fc.record({ c: counter, type: fc.constantFrom('recall', 'start', 'noShow', 'finish') as fc.Arbitrary<'recall' | 'start' | 'noShow' | 'finish'> }).map(
    ({ c, type }) => ({ kind: 'command' as const, build: () => ({ type, counterId: c }) as Command }),
  ),
  fc
    .record({
      c: counter,
      s: fc.option(fc.constantFrom(...SERVICES), { nil: undefined }),
      to: fc.option(counter, { nil: undefined }),
      front: fc.boolean(),
    })
    .map(({ c, s, to, front }) => ({
      kind: 'command' as const,
      build: () =>
        ({ type: 'transfer', counterId: c, toServiceId: s, toCounterId: to, position: front ? 'front' : 'keep_arrival' }) as Command,
    })),
  fc.record({ t: ticketRef, type: fc.constantFrom('restore', 'cancel') as fc.Arbitrary<'restore' | 'cancel'> }).map(({ t, type }) => ({
    kind: 'command' as const,
    build: (pick: (i: number) => string) => ({ type, ticketId: pick(t) }) as Command,
  })),
  fc.record({ t: ticketRef, p: fc.constantFrom(...PRIORITIES) }).map(({ t, p }) => ({
    kind: 'command' as const,
    build: (pick: (i: number) => string) => ({ type: 'setPriority', ticketId: pick(t), priority: p }) as Command,
  })),
  fc.record({ c: counter, type: fc.constantFrom('pause', 'resume', 'openCounter', 'closeCounter') as fc.Arbitrary<'pause' | 'resume' | 'openCounter' | 'closeCounter'> }).map(
    ({ c, type }) => ({ kind: 'command' as const, build: () => ({ type, counterId: c }) as Command }),
  ),
  fc.boolean().map((includeToday) => ({ kind: 'command' as const, build: () => ({ type: 'closeDay', includeToday }) as Command })),
  fc.integer({ min: 1, max: 400 }).map((minutes) => ({ kind: 'wait' as const, minutes })),
);

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
        const stored = new Map<string, Ticket>();
        const ids: string[] = [];
        const pick = (i: number) => ids[i % Math.max(1, ids.length)] ?? '20261123-HT-999';
        for (const s of steps) {
          if (s.kind === 'wait') {
            hall.now += s.minutes * 60_000;
            continue;
          }
          try {
            const change = hall.run(s.build(pick));
            for (const t of change.tickets) {
              if (!stored.has(t.id)) ids.push(t.id);
              stored.set(t.id, t);
            }
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          checkInvariants(hall, stored);
        }
      }),
      { numRuns: 300 },
    );
  });
});
