// Random command sequences at the small hall of hall-fixture.ts, for property tests: each step
// names tickets by position, resolved against the tickets that exist when it runs.

import fc from 'fast-check';
import type { Command } from '../../server/domain/queue-engine.js';

const SERVICES = ['HT', 'DD', 'CA'];
const COUNTERS = [1, 2, 3];
const PRIORITIES = [null, null, 'nguoi_cao_tuoi', 'thuong_binh'];

export type Step =
  | { kind: 'command'; build: (pick: (i: number) => string) => Command }
  | { kind: 'wait'; minutes: number };

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
