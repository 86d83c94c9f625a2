// The day simulator drives the real engine; these check that what it produces is a hall's day
// and that its queue behaves as queueing theory says a queue of that kind does.

import { describe, expect, it } from 'vitest';
import { hallFromData } from '../../server/config/hall-file.js';
import { simulateDay, WORKING_DAY, type DayPlan, type Outcome } from '../../server/planning/day-simulator.js';

/** 2026-11-23 00:00 in Hanoi. */
const MIDNIGHT = Date.UTC(2026, 10, 22, 17, 0);

function oneServiceHall(counters: number) {
  return hallFromData(
    {
      hall: { name: 'Trung tâm (mô phỏng)', agencyCode: '000.00.00.H99', hours: null },
      services: [{ id: 'HT', name: 'Hộ tịch', numbering: { prefix: 'A', digits: 4 }, defaultServiceMinutes: 6 }],
      counters: Array.from({ length: counters }, (_, i) => ({ id: i + 1, services: ['HT'] })),
    },
    'simulated hall',
  );
}

function plan(seed: number, overrides: Partial<DayPlan> = {}): DayPlan {
  return {
    hall: oneServiceHall(4),
    services: [{ id: 'HT', share: 1, meanMinutes: 6, sigma: 0.5 }],
    arrivals: 270,
    priorityShare: 0,
    ...WORKING_DAY,
    noShowShare: 0,
    seed,
    midnight: MIDNIGHT + seed * 86_400_000,
    ...overrides,
  };
}

/** Erlang C: the chance an arrival waits at c servers offered a erlangs. */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - a / c);
  return last / (sum + last);
}

describe('a simulated day', () => {
  it('is the same day for the same seed, and another for another', () => {
    const strip = (outcomes: Outcome[]) => outcomes.map((o) => [o.ticketId, o.issuedAt, o.waited, o.servedMs]);
    expect(strip(simulateDay(plan(7), {}))).toEqual(strip(simulateDay(plan(7), {})));
    expect(strip(simulateDay(plan(8), {}))).not.toEqual(strip(simulateDay(plan(7), {})));
  });

  it('calls every citizen who came in time, once, and measures each service as the hub does', () => {
    const outcomes = simulateDay(plan(3, { noShowShare: 0.1 }), { told: () => 60 });
    expect(outcomes.length).toBeGreaterThan(200);
    expect(new Set(outcomes.map((o) => o.ticketId)).size).toBe(outcomes.length);
    expect(outcomes.every((o) => o.predicted.told === 60)).toBe(true);
    // No hours: the counters serve until the queue is empty.
    expect(outcomes.every((o) => o.waited !== null && o.waited >= 0)).toBe(true);
    // Those who did not come have no service time; everyone else has one.
    const absent = outcomes.filter((o) => o.servedMs === null).length;
    expect(absent / outcomes.length).toBeGreaterThan(0.05);
    expect(absent / outcomes.length).toBeLessThan(0.15);
    const served = outcomes.flatMap((o) => (o.servedMs === null ? [] : [o.servedMs / 60_000]));
    expect(served.reduce((s, m) => s + m, 0) / served.length).toBeCloseTo(6, 0);
  });

  it('waits as an M/G/c queue does: Erlang C with the Allen-Cunneen correction', () => {
    // One service at four counters, steady arrivals, load 0.75: lambda 0.5 a minute, 6 minutes each.
    const steady = { arrivalProfile: () => 1 };
    const waits: number[] = [];
    for (let seed = 1; seed <= 30; seed++) {
      for (const o of simulateDay(plan(seed, steady), {})) {
        // The first hour fills an empty hall; the queue is in its steady state after it.
        const minute = (o.issuedAt - (MIDNIGHT + seed * 86_400_000)) / 60_000;
        if (minute >= 8 * 60 + 30) waits.push(o.waited! / 60);
      }
    }
    const meanWait = waits.reduce((s, w) => s + w, 0) / waits.length;
    const sigma = 0.5;
    const serviceCv2 = Math.exp(sigma * sigma) - 1;
    const lambda = 270 / (9 * 60);
    const mu = 1 / 6;
    const mmc = erlangC(4, lambda / mu) / (4 * mu - lambda);
    const theory = (mmc * (1 + serviceCv2)) / 2;
    expect(theory).toBeCloseTo(1.96, 1);
    expect(meanWait / theory).toBeGreaterThan(0.9);
    expect(meanWait / theory).toBeLessThan(1.1);
  });
});
