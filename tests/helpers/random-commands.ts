// Random command sequences at the small hall of hall-fixture.ts, for property tests: each step
// names tickets by position, resolved against the tickets that exist when it runs.

import fc from 'fast-check';
import { DomainError } from '../../server/domain/domain-error.js';
import type { Ticket } from '../../server/domain/queue/queue-state.js';
import type { Command } from '../../server/domain/queue/queue-engine.js';
import type { HallFixture } from './hall-fixture.js';

const SERVICES = ['HT', 'DD', 'CA'];
const COUNTERS = [1, 2, 3];
const PRIORITIES = [null, null, 'nguoi_cao_tuoi', 'thuong_binh'];

export type Step = { kind: 'command'; build: (pick: (i: number) => string) => Command } | { kind: 'wait'; minutes: number };

const counter = fc.constantFrom(...COUNTERS);
const ticketRef = fc.nat(40);

export const step: fc.Arbitrary<Step> = fc.oneof(
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
  fc
    .record({ c: counter, type: fc.constantFrom('recall', 'start', 'noShow', 'finish') as fc.Arbitrary<'recall' | 'start' | 'noShow' | 'finish'> })
    .map(({ c, type }) => ({ kind: 'command' as const, build: () => ({ type, counterId: c }) as Command })),
  fc
    .record({
      c: counter,
      s: fc.option(fc.constantFrom(...SERVICES), { nil: undefined }),
      to: fc.option(counter, { nil: undefined }),
      front: fc.boolean(),
    })
    .map(({ c, s, to, front }) => ({
      kind: 'command' as const,
      build: () => ({ type: 'transfer', counterId: c, toServiceId: s, toCounterId: to, position: front ? 'front' : 'keep_arrival' }) as Command,
    })),
  fc.record({ t: ticketRef, type: fc.constantFrom('restore', 'cancel') as fc.Arbitrary<'restore' | 'cancel'> }).map(({ t, type }) => ({
    kind: 'command' as const,
    build: (pick: (i: number) => string) => ({ type, ticketId: pick(t) }) as Command,
  })),
  fc.record({ t: ticketRef, p: fc.constantFrom(...PRIORITIES) }).map(({ t, p }) => ({
    kind: 'command' as const,
    build: (pick: (i: number) => string) => ({ type: 'setPriority', ticketId: pick(t), priority: p }) as Command,
  })),
  fc
    .record({ c: counter, type: fc.constantFrom('pause', 'resume', 'openCounter', 'closeCounter') as fc.Arbitrary<'pause' | 'resume' | 'openCounter' | 'closeCounter'> })
    .map(({ c, type }) => ({ kind: 'command' as const, build: () => ({ type, counterId: c }) as Command })),
  fc.boolean().map((includeToday) => ({ kind: 'command' as const, build: () => ({ type: 'closeDay', includeToday }) as Command })),
  fc.integer({ min: 1, max: 400 }).map((minutes) => ({ kind: 'wait' as const, minutes })),
);

/**
 * Runs the steps on the hall, commands the rules refuse included, and returns every ticket as
 * last changed; `afterEach` sees them after every command.
 */
export function runSteps(hall: HallFixture, steps: readonly Step[], afterEach: (stored: Map<string, Ticket>) => void = () => {}): Map<string, Ticket> {
  const stored = new Map<string, Ticket>();
  const ids: string[] = [];
  const pick = (i: number) => ids[i % Math.max(1, ids.length)] ?? '20261123-HT-999';
  for (const s of steps) {
    if (s.kind === 'wait') {
      hall.now += s.minutes * 60_000;
      continue;
    }
    try {
      for (const t of hall.run(s.build(pick)).tickets) {
        if (!stored.has(t.id)) ids.push(t.id);
        stored.set(t.id, t);
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
    afterEach(stored);
  }
  return stored;
}
