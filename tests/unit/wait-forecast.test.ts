// The forecast against the engine itself: played forward with the same service times, the
// real engine calls every ticket exactly when and where the forecast said, whatever the
// counters' rules. And the cases the simple estimate got wrong.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../server/domain/queue/queue-state.js';
import { expectedRemaining, forecastCalls, waitFromForecast, type ForecastInput } from '../../server/domain/estimate/wait-forecast.js';
import { noShowAllowance } from '../../server/domain/estimate/wait-estimate.js';
import { forecastInputOf } from '../../server/services/hall-queries.js';
import { HallFixture, smallHall } from '../helpers/hall-fixture.js';

const MINUTES: Record<string, number> = { HT: 6, DD: 12, XD: 10, CA: 7 };
const seconds = (serviceId: string) => MINUTES[serviceId]! * 60;

function hallWith(counters: unknown[], policy: Record<string, unknown> = { policy: 'strict' }, extra: Record<string, unknown> = {}): HallFixture {
  return new HallFixture(
    smallHall({
      hall: { priority: policy, ...extra },
      services: [
        { id: 'HT', name: 'Hộ tịch', numbering: { prefix: 'A' } },
        { id: 'DD', name: 'Đất đai', numbering: { prefix: 'B' } },
        { id: 'XD', name: 'Xây dựng', numbering: { prefix: 'C' } },
        { id: 'CA', name: 'Công an', numbering: { from: 1001, to: 1999 } },
      ],
      counters,
    }),
  );
}

function inputOf(hall: HallFixture, services: string[] = []): ForecastInput {
  // The test halls take numbers around the clock: no closing time.
  return forecastInputOf(hall.live, hall.now, seconds, services);
}

/** The real engine, each counter pressing "next" the moment its citizen's time is up. */
function replay(hall: HallFixture): Map<string, { at: number; counterId: number }> {
  const called = new Map<string, { at: number; counterId: number }>();
  const freeAt = new Map(hall.live.allCounters().map(({ def }) => [def.id, hall.now]));
  while (freeAt.size > 0) {
    const [counterId, at] = [...freeAt].sort((a, b) => a[1] - b[1] || a[0] - b[0])[0]!;
    hall.now = at;
    let ticket: Ticket | undefined;
    try {
      const change = hall.run({ type: 'callNext', counterId, finishCurrent: true });
      ticket = change.tickets.find((t) => t.status === 'called');
    } catch {
      ticket = undefined;
    }
    if (!ticket) {
      freeAt.delete(counterId);
      continue;
    }
    called.set(ticket.id, { at, counterId });
    freeAt.set(counterId, at + seconds(ticket.serviceId) * 1000);
  }
  return called;
}

function expectSameAsEngine(hall: HallFixture): void {
  const forecast = forecastCalls(inputOf(hall));
  const actual = replay(hall);
  expect(forecast.calls.size).toBe(actual.size);
  for (const [id, call] of actual) expect(forecast.calls.get(id), id).toMatchObject(call);
}

describe('time still to go for a citizen at the counter', () => {
  it('is the mean at first, then more than what is left of the mean, never zero', () => {
    expect(expectedRemaining(600, 0)).toBe(600);
    // Half way through, a little more than the other half: some cases are long.
    expect(expectedRemaining(600, 300)).toBeGreaterThan(300);
    expect(expectedRemaining(600, 300)).toBeLessThan(400);
    // Past the mean, a citizen is likely one of the long cases: still minutes to go.
    expect(expectedRemaining(600, 900)).toBeGreaterThan(150);
    // And it never goes below zero however long it lasts.
    for (const elapsed of [0, 60, 600, 1800, 7200]) expect(expectedRemaining(600, elapsed)).toBeGreaterThan(0);
  });

  it("follows the service's own spread, and the forecast uses it for the citizen at the counter", () => {
    // The more spread a service's times, the longer a citizen past the mean is likely to stay.
    expect(expectedRemaining(600, 900, 0.8)).toBeGreaterThan(expectedRemaining(600, 900, 0.5));
    expect(expectedRemaining(600, 900, 0.2)).toBeLessThan(expectedRemaining(600, 900, 0.5));
    expect(expectedRemaining(600, 0, 0.8)).toBe(600);
    const hall = hallWith([{ id: 1, services: ['HT'] }]);
    hall.issue('HT');
    const atCounter = hall.callNext(1);
    const waiting = hall.issue('HT');
    hall.now = atCounter.calledAt! + 9 * 60_000; // past HT's 6 minutes
    const waitWith = (spread: number | null) => forecastCalls({ ...inputOf(hall), serviceSpread: () => spread }).calls.get(waiting.id)!.at - hall.now;
    expect(waitWith(null)).toBeCloseTo(expectedRemaining(360_000, 9 * 60_000), 2);
    expect(waitWith(0.8)).toBeCloseTo(expectedRemaining(360_000, 9 * 60_000, 0.8), 2);
    expect(waitWith(0.8) - waitWith(null)).toBeGreaterThan(60_000);
  });
});

describe('wait forecast', () => {
  it('an in-order counter serves its second service only once the first is empty', () => {
    // Counter 2 serves DD, then XD: the last XD waits for every DD, not half a counter's share.
    const hall = hallWith([
      { id: 1, services: ['DD'] },
      { id: 2, services: ['DD', 'XD'], selection: 'in_order' },
    ]);
    const xd = hall.issue('XD');
    for (let i = 0; i < 6; i++) hall.issue('DD');
    const forecast = forecastCalls(inputOf(hall));
    // Six DD tickets over two counters: three rounds of 12 minutes before counter 2 turns to XD.
    expect((forecast.calls.get(xd.id)!.at - hall.now) / 60_000).toBeCloseTo(36, 0);
    expectSameAsEngine(hall);
  });

  it('with interleaved priority a priority ticket is not "next" while regular turns come first', () => {
    const hall = hallWith([{ id: 1, services: ['HT'] }], { policy: 'interleaved', regularPerPriority: 3 });
    for (let i = 0; i < 5; i++) hall.issue('HT');
    hall.callNext(1); // one regular call made; two more regular turns before a priority one
    const elderly = hall.issue('HT', 'nguoi_cao_tuoi');
    const forecast = forecastCalls(inputOf(hall));
    const call = forecast.calls.get(elderly.id)!;
    expect(call.ahead).toBe(2);
    // The citizen at the counter (6 min), then two regular citizens (12 min).
    expect((call.at - hall.now) / 60_000).toBeCloseTo(18, 0);
  });

  it('counts the citizens at the counters: with all four busy, one ahead still waits for a counter to free', () => {
    const hall = hallWith([1, 2, 3, 4].map((id) => ({ id, services: ['HT'] })));
    for (let i = 0; i < 4; i++) hall.issue('HT');
    for (const id of [1, 2, 3, 4]) hall.callNext(id);
    hall.now += 60_000;
    hall.issue('HT');
    const mine = hall.issue('HT');
    const wait = waitFromForecast(forecastCalls(inputOf(hall)).calls.get(mine.id), hall.now, null);
    // Every counter has about 5 of its 6 minutes to go; the simple estimate said 1 × 6 / 4 = 1.5.
    expect(wait.seconds! / 60).toBeGreaterThan(4.8);
    expect(wait.seconds! / 60).toBeLessThan(5.1);
  });

  it('says "may not be served today" when closing comes first', () => {
    const hall = hallWith([{ id: 1, services: ['HT'] }]);
    for (let i = 0; i < 10; i++) hall.issue('HT');
    const last = hall.issue('HT');
    const forecast = forecastCalls({ ...inputOf(hall), closingAt: hall.now + 30 * 60_000 });
    expect(waitFromForecast(forecast.calls.get(last.id), hall.now, hall.now + 30 * 60_000)).toEqual({ seconds: null, beyondClosing: true });
  });

  it('predicts a ticket taken now for every service, without moving anyone else', () => {
    const hall = hallWith([
      { id: 1, services: ['HT', 'DD'] },
      { id: 2, services: ['CA'] },
    ]);
    const waiting = [hall.issue('HT'), hall.issue('DD'), hall.issue('HT')];
    const alone = forecastCalls(inputOf(hall));
    const withNew = forecastCalls(inputOf(hall, ['HT', 'DD', 'CA', 'XD']));
    for (const t of waiting) expect(withNew.calls.get(t.id)).toEqual(alone.calls.get(t.id));
    expect(withNew.newTicket.get('CA')!.at).toBe(hall.now);
    expect(withNew.newTicket.has('XD')).toBe(false); // no counter serves it
    expect(withNew.newTicket.get('HT')!.at).toBeGreaterThan(alone.calls.get(waiting[2]!.id)!.at - 1);
  });

  it('allows for citizens who do not come: the clerk waits for them instead of serving', () => {
    const hall = hallWith([{ id: 1, services: ['HT'] }]);
    // Today: 20 came, 10 did not, each waited for 2 minutes before "no-show".
    for (let i = 0; i < 30; i++) {
      hall.issue('HT');
      hall.callNext(1);
      hall.now += i < 20 ? 6 * 60_000 : 2 * 60_000;
      hall.run(i < 20 ? { type: 'finish', counterId: 1 } : { type: 'noShow', counterId: 1 });
    }
    expect(hall.live.callOutcomes()).toEqual({ came: 20, absent: 10, absentMs: 10 * (2 * 60_000 + 1000) });
    const allowance = noShowAllowance(hall.live.callOutcomes());
    // 10 of 30 called, blended as if 10 more had come.
    expect(allowance.share).toBeCloseTo(10 / 40, 5);
    expect(allowance.seconds).toBeCloseTo(121, 5);
    for (let i = 0; i < 4; i++) hall.issue('HT');
    const fifth = hall.issue('HT');
    const input = inputOf(hall);
    expect(input.noShow).toEqual(allowance);
    // Four ahead at 0.75 × 6 min + 0.25 × 121 s each, not 4 × 6 min.
    const wait = (forecastCalls(input).calls.get(fifth.id)!.at - hall.now) / 1000;
    expect(wait).toBeCloseTo(4 * (0.75 * 360 + 0.25 * 121), 0);
    expect((forecastCalls({ ...input, noShow: { share: 0, seconds: 0 } }).calls.get(fifth.id)!.at - hall.now) / 1000).toBeCloseTo(4 * 360, 0);
  });

  it('agrees with the engine for random halls, queues and rules', () => {
    const services = ['HT', 'DD', 'XD', 'CA'];
    const counterArb = fc.record({
      services: fc.uniqueArray(fc.constantFrom(...services), { minLength: 1, maxLength: 3 }),
      inOrder: fc.boolean(),
      weights: fc.array(fc.constantFrom(0.5, 1, 2), { minLength: 3, maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(counterArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.record({ service: fc.constantFrom(...services), priority: fc.boolean(), gap: fc.integer({ min: 0, max: 300 }) }), { maxLength: 25 }),
        fc.constantFrom({ policy: 'strict' }, { policy: 'interleaved', regularPerPriority: 2 }),
        fc.constantFrom(null, 20),
        // Some citizens are called and sent elsewhere: to a service or a counter, kept in their
        // place or put at the front.
        fc.array(fc.record({ counter: fc.nat(4), toService: fc.option(fc.constantFrom(...services)), toCounter: fc.nat(4), front: fc.boolean() }), { maxLength: 6 }),
        (counters, arrivals, policy, maxWaitMinutes, transfers) => {
          const hall = hallWith(
            counters.map((c, i) => ({
              id: i + 1,
              services: c.services.map((s, j) => ({ service: s, weight: c.weights[j]! })),
              ...(c.inOrder ? { selection: 'in_order' } : {}),
            })),
            policy,
            { maxWaitMinutes },
          );
          for (const a of arrivals) {
            hall.now += a.gap * 1000;
            hall.issue(a.service, a.priority ? 'nguoi_cao_tuoi' : null);
          }
          for (const t of transfers) {
            const from = (t.counter % counters.length) + 1;
            const target = t.toService ? { toServiceId: t.toService } : { toCounterId: (t.toCounter % counters.length) + 1 };
            let ticket: Ticket;
            try {
              ticket = hall.callNext(from);
            } catch {
              continue; // nobody to call there
            }
            try {
              hall.run({ type: 'transfer', counterId: from, ticketId: ticket.id, ...target, position: t.front ? 'front' : 'keep_arrival' });
            } catch {
              // Not a place it may go: the clerk serves the citizen instead.
              hall.run({ type: 'finish', counterId: from, ticketId: ticket.id });
            }
          }
          expectSameAsEngine(hall);
        },
      ),
      { numRuns: 300 },
    );
  });
});
