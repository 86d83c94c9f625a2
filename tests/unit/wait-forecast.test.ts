// The forecast against the engine itself: played forward with the same service times, the
// real engine calls every ticket exactly when and where the forecast said, whatever the
// counters' rules. And the cases the simple estimate got wrong.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../server/domain/queue/queue-state.js';
import { expectedRemaining, forecastCalls, residualFromShape, waitFromForecast, type ForecastInput } from '../../server/domain/estimate/wait-forecast.js';
import { noShowAllowance } from '../../server/domain/estimate/wait-estimate.js';
import { HallCalendar, parsePeriod } from '../../server/domain/calendar/hall-calendar.js';
import { calendarOfSettings, forecastInputOf, type ForecastContext } from '../../server/services/hall-queries.js';
import { hanoi, HallFixture, smallHall } from '../helpers/hall-fixture.js';
import { probit } from '../helpers/probit.js';

const MINUTES: Record<string, number> = { HT: 6, DD: 12, XD: 10, CA: 7 };
const seconds = (serviceId: string) => MINUTES[serviceId]! * 60;

/** A hall with a clerk signed in at every counter. */
function hallWith(counters: unknown[], policy: Record<string, unknown> = { policy: 'strict' }, extra: Record<string, unknown> = {}): HallFixture {
  return unstaffedHallWith(counters, policy, extra).signInClerks();
}

/** The same hall as it starts: its counters open with no clerk at them. */
function unstaffedHallWith(counters: unknown[], policy: Record<string, unknown> = { policy: 'strict' }, extra: Record<string, unknown> = {}): HallFixture {
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

function inputOf(hall: HallFixture, services: string[] = [], context: ForecastContext = {}): ForecastInput {
  // The test halls take numbers around the clock unless a calendar is given: no closing time.
  return forecastInputOf(hall.live, hall.now, seconds, services, context);
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

  it('is read from measured service times: of those who had been at the counter that long, what remained', () => {
    // Ten past services of a 6-minute mean, divided by their mean (6 min): 2 to 12 minutes.
    const minutes = [2, 3, 3, 4, 5, 6, 7, 8, 10, 12];
    const shape = minutes.map((m) => m / 6);
    const mean = 360_000;
    expect(residualFromShape(shape, mean, 0)).toBe(mean);
    // After 4.5 minutes: six of them lasted longer (5, 6, 7, 8, 10, 12), 8 min on average,
    // so 3.5 minutes remain.
    expect(residualFromShape(shape, mean, 4.5 * 60_000) / 60_000).toBeCloseTo(3.5, 9);
    // After 7.5 minutes only three lasted longer (8, 10, 12), fewer than five: then what the
    // five longest (6, 7, 8, 10, 12) lasted beyond the shortest of them, (0 + 1 + 2 + 4 + 6) / 5.
    expect(residualFromShape(shape, mean, 7.5 * 60_000) / 60_000).toBeCloseTo(13 / 5, 9);
    // Past all of them, the same: the tail goes on as it was last seen.
    expect(residualFromShape(shape, mean, 30 * 60_000) / 60_000).toBeCloseTo(13 / 5, 9);
    // A counter twice as slow scales the same shape: 7 minutes after 9.
    expect(residualFromShape(shape, 2 * mean, 9 * 60_000) / 60_000).toBeCloseTo(7, 9);
  });

  it('after 12 minutes of a service whose times are spread as counter work is, tells what such citizens had left', () => {
    // 200 times of a lognormal of mean 6 minutes and sigma 0.5, at its quantiles.
    const sigma = 0.5;
    const times = Array.from({ length: 200 }, (_, i) => 6 * Math.exp(sigma * probit((i + 0.5) / 200) - (sigma * sigma) / 2));
    const shape = times.map((t) => t / (times.reduce((x, y) => x + y, 0) / times.length)).sort((x, y) => x - y);
    // Counted by hand from the same times: those longer than 12 minutes, less 12, on average.
    const longer = times.filter((t) => t > 12);
    const byHand = longer.reduce((x, t) => x + t - 12, 0) / longer.length;
    const told = residualFromShape(shape, 360_000, 12 * 60_000) / 60_000;
    expect(told).toBeCloseTo(byHand, 1);
    // What the lognormal these times come from says (they are its quantiles), within 10 seconds.
    expect(Math.abs(told - expectedRemaining(360_000, 12 * 60_000, sigma) / 60_000)).toBeLessThan(1 / 6);
    // A spread read too wide (the former clamp's 1.0) tells minutes more.
    expect(expectedRemaining(360_000, 12 * 60_000, 1.0) / 60_000 - told).toBeGreaterThan(3);
  });

  it('the forecast reads the citizen at the counter from the measured times, the lognormal only without them', () => {
    const hall = hallWith([{ id: 1, services: ['HT'] }]);
    hall.issue('HT');
    const atCounter = hall.callNext(1);
    const waiting = hall.issue('HT');
    hall.now = atCounter.calledAt! + 9 * 60_000; // past HT's 6 minutes
    const shape = [2, 3, 3, 4, 5, 6, 7, 8, 10, 12].map((m) => m / 6);
    const waitWith = (s: number[] | null) => forecastCalls({ ...inputOf(hall), serviceShape: () => s }).calls.get(waiting.id)!.at - hall.now;
    expect(waitWith(null)).toBeCloseTo(expectedRemaining(360_000, 9 * 60_000), 2);
    // Past 9 minutes: two lasted longer (10, 12), fewer than five: the five longest beyond 6.
    expect(waitWith(shape)).toBeCloseTo((13 / 5) * 60_000, 2);
  });
});

/** A hall open on these periods every day, in Hanoi. */
function calendarOf(periods: string[]): HallCalendar {
  const day = periods.map(parsePeriod);
  return new HallCalendar({ timeZone: 'Asia/Ho_Chi_Minh', week: [day, day, day, day, day, day, day], official: {}, changes: [] });
}

/** Every past service exactly the mean: what remains is the mean less what has passed. */
const EXACT = () => [1, 1, 1, 1, 1];

/** Minutes from now to each ticket's predicted call, and to a new ticket's. */
function minutesTo(hall: HallFixture, input: ForecastInput, tickets: Ticket[], serviceId = 'HT') {
  const forecast = forecastCalls(input);
  const of = (call: { at: number } | undefined) => (call ? (call.at - hall.now) / 60_000 : null);
  const wait = waitFromForecast(forecast.newTicket.get(serviceId), hall.now, forecast.lastCall.get(serviceId));
  return { waiting: tickets.map((t) => of(forecast.calls.get(t.id))), newTicket: of(forecast.newTicket.get(serviceId)), told: wait };
}

describe("the forecast follows the counters' staffing and the hall's hours (worked out by hand, 6-minute services)", () => {
  it('a counter with nobody at it, or paused, calls no one', () => {
    const hall = unstaffedHallWith([
      { id: 1, services: ['HT'] },
      { id: 2, services: ['HT'] },
      { id: 3, services: ['DD'] },
    ]).signInClerks([1]);
    hall.now = hanoi(8);
    const tickets = [1, 2, 3, 4].map(() => hall.issue('HT'));
    const dd = hall.issue('DD');
    hall.now = hanoi(8, 1);
    // Counter 1 alone: 0, 6, 12, 18, then a new ticket at 24; counter 2 is open with no clerk.
    expect(minutesTo(hall, inputOf(hall, ['HT', 'DD']), tickets)).toMatchObject({ waiting: [0, 6, 12, 18], newTicket: 24 });
    // Counter 3 has no clerk: nobody will call DD ("Chưa có quầy phục vụ").
    const forecast = forecastCalls(inputOf(hall, ['DD']));
    expect(forecast.calls.has(dd.id)).toBe(false);
    expect(forecast.newTicket.has('DD')).toBe(false);
    // A clerk signs in at counter 2: two counters, 0, 0, 6, 6, new at 12.
    hall.signInClerks([2]);
    expect(minutesTo(hall, inputOf(hall, ['HT']), tickets)).toMatchObject({ waiting: [0, 0, 6, 6], newTicket: 12 });
    // Counter 2 pauses: counter 1 alone again.
    hall.run({ type: 'pause', counterId: 2, reason: 'họp' });
    hall.now = hanoi(8, 1);
    expect(minutesTo(hall, inputOf(hall, ['HT']), tickets)).toMatchObject({ waiting: [0, 6, 12, 18], newTicket: 24 });
  });

  it('a ticket taken before the lunch break is told a wait that includes the break', () => {
    const hall = hallWith([{ id: 1, services: ['HT'] }]);
    hall.now = hanoi(10, 50);
    for (let i = 0; i < 6; i++) hall.issue('HT');
    hall.now = hanoi(10, 58);
    hall.callNext(1); // at the counter since 10:58: 4 of its 6 minutes left at 11:00
    const waiting = [...hall.live.waitingIn('service:HT')].sort((a, b) => a.seq - b.seq);
    expect(waiting).toHaveLength(5);
    hall.now = hanoi(11);
    const input = { ...inputOf(hall, ['HT'], { calendar: calendarOf(['07:30-11:30', '13:30-17:00']) }), serviceShape: EXACT };
    // Calls at 11:04, 11:10, 11:16, 11:22, 11:28; the next counter time is 11:34, in the
    // break: the new ticket is called at 13:30, 150 minutes from now, not 34.
    const told = minutesTo(hall, input, waiting);
    expect(told.waiting).toEqual([4, 10, 16, 22, 28]);
    expect(told.newTicket).toBe(150);
    expect(told.told).toEqual({ seconds: 150 * 60, beyondClosing: false });
    // Without the hall's hours, the old figure: 34 minutes.
    expect(minutesTo(hall, { ...input, calendar: null }, waiting).newTicket).toBe(34);
  });

  it('a citizen still at the counter when the break begins is served to the end; the next is called at 13:30', () => {
    const hall = hallWith([{ id: 1, services: ['HT'] }]);
    hall.now = hanoi(11, 20);
    hall.issue('HT');
    const next = hall.issue('HT');
    hall.now = hanoi(11, 27);
    hall.callNext(1); // due to leave at 11:33, into the break
    hall.now = hanoi(11, 28);
    const input = { ...inputOf(hall, ['HT'], { calendar: calendarOf(['07:30-11:30', '13:30-17:00']) }), serviceShape: EXACT };
    // 13:30 is 122 minutes after 11:28; the new ticket follows at 13:36.
    expect(minutesTo(hall, input, [next])).toMatchObject({ waiting: [122], newTicket: 128 });
  });

  it('a hall closing at 17:00 says "may not be served today" past it; one open late does not', () => {
    const hall = hallWith([{ id: 1, services: ['HT'] }]);
    hall.now = hanoi(16, 20);
    const waiting = [1, 2, 3, 4, 5, 6].map(() => hall.issue('HT'));
    hall.now = hanoi(16, 30);
    const closing17 = { ...inputOf(hall, ['HT'], { calendar: calendarOf(['07:30-11:30', '13:30-17:00']) }), serviceShape: EXACT };
    // Calls at 16:30, 16:36, ..., 17:00; a new ticket's at 17:06, after the last call time.
    const at17 = minutesTo(hall, closing17, waiting);
    expect(at17.waiting).toEqual([0, 6, 12, 18, 24, 30]);
    expect(at17.newTicket).toBe(36);
    expect(at17.told).toEqual({ seconds: null, beyondClosing: true });
    // The fifth waiting ticket, called at 16:54, is told 24 minutes.
    const forecast = forecastCalls(closing17);
    expect(waitFromForecast(forecast.calls.get(waiting[4]!.id), hall.now, forecast.lastCall.get('HT'))).toEqual({ seconds: 24 * 60, beyondClosing: false });
    // Open until 20:00: the same 36 minutes, told as a wait.
    const late = minutesTo(hall, { ...closing17, calendar: calendarOf(['07:30-11:30', '13:30-20:00']) }, waiting);
    expect(late.told).toEqual({ seconds: 36 * 60, beyondClosing: false });
    // Open around the clock (no hours): no last call time at all.
    const aroundTheClock = forecastCalls({ ...closing17, calendar: null });
    expect(aroundTheClock.lastCall.size).toBe(0);
    expect(waitFromForecast(aroundTheClock.newTicket.get('HT'), hall.now, aroundTheClock.lastCall.get('HT'))).toEqual({ seconds: 36 * 60, beyondClosing: false });
  });

  it("the hub's calendar comes from the hall file's daily hours and each service's own", () => {
    const hall = new HallFixture(
      smallHall({
        hall: { hours: { open: '07:00', close: '17:00' } },
        services: [
          { id: 'HT', name: 'Hộ tịch', numbering: { prefix: 'A' }, hours: { open: '07:00', close: '11:00' } },
          { id: 'DD', name: 'Đất đai', numbering: { prefix: 'B' } },
        ],
        counters: [{ id: 1, services: ['HT', 'DD'] }],
      }),
    ).signInClerks();
    const calendar = calendarOfSettings(hall.live.settings, hall.live.allServices());
    const forecast = forecastCalls(inputOf(hall, ['HT', 'DD'], { calendar }));
    expect(forecast.lastCall.get('HT')).toBe(hanoi(11));
    expect(forecast.lastCall.get('DD')).toBe(hanoi(17));
    // Open around the clock: no calendar, whatever a service's own hours.
    expect(calendarOfSettings({ timeZone: 'Asia/Ho_Chi_Minh', hours: null }, hall.live.allServices())).toBeNull();
  });

  it('a counter signed in before opening calls its first citizen at the opening', () => {
    const hall = hallWith([{ id: 1, services: ['HT'] }]);
    hall.now = hanoi(7, 10);
    const first = hall.issue('HT');
    hall.now = hanoi(7, 15);
    const input = { ...inputOf(hall, ['HT'], { calendar: calendarOf(['07:30-11:30', '13:30-17:00']) }), serviceShape: EXACT };
    expect(minutesTo(hall, input, [first])).toMatchObject({ waiting: [15], newTicket: 21 });
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
    hall.now = hanoi(16, 30);
    for (let i = 0; i < 10; i++) hall.issue('HT');
    const last = hall.issue('HT');
    const forecast = forecastCalls(inputOf(hall, [], { calendar: calendarOf(['07:30-11:30', '13:30-17:00']) }));
    expect(forecast.lastCall.get('HT')).toBe(hanoi(17));
    expect(waitFromForecast(forecast.calls.get(last.id), hall.now, forecast.lastCall.get('HT'))).toEqual({ seconds: null, beyondClosing: true });
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
