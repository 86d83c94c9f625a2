import { describe, expect, it } from 'vitest';
import type { CounterDef } from '../../server/domain/hall/hall-definition.js';
import type { CounterState } from '../../server/domain/queue/queue-state.js';
import { averageServiceSeconds, counterPace, effectiveCounters, estimateWaitSeconds, pooledShape, shapeOf, usualService } from '../../server/domain/estimate/wait-estimate.js';

const counter = (id: number, services: string[], mode: CounterState['mode'] = 'open') => ({
  def: {
    id,
    name: { vi: `Quầy ${id}`, en: `Counter ${id}` },
    location: null,
    services: services.map((serviceId) => ({ serviceId, weight: 1 })),
    selection: 'longest_wait',
    active: true,
  } as CounterDef,
  state: { id, mode, pauseReason: null, clerk: null, currentTicketId: null, regularSincePriority: 0, since: 0 } as CounterState,
});

describe('estimated wait', () => {
  it('leans on the default service time until five services were measured', () => {
    expect(averageServiceSeconds([], 6)).toBe(360);
    expect(averageServiceSeconds([60_000], 6)).toBe((60 + 4 * 360) / 5);
    expect(averageServiceSeconds([60_000, 60_000, 60_000, 60_000, 60_000], 6)).toBe(60);
  });

  it('follows the most recent thirty services', () => {
    const old = Array(20).fill(600_000);
    const recent = Array(30).fill(120_000);
    expect(averageServiceSeconds([...old, ...recent], 5)).toBe(120);
  });

  it('blends what the service usually takes on past days, as ten more services', () => {
    // Past days: 5 minutes usually; one 40-minute case counts as three times the median.
    const past = [...Array(19).fill(300_000), 2_400_000];
    expect(usualService(past)).toEqual({ seconds: (19 * 300 + 900) / 20, shape: null });
    expect(usualService(Array(4).fill(300_000))).toBeNull();
    // Then the configured default no longer counts: the first citizens weigh a tenth each.
    expect(averageServiceSeconds([], 12, 300)).toBe(300);
    expect(averageServiceSeconds([600_000, 600_000], 12, 300)).toBe((2 * 600 + 10 * 300) / 12);
    // An unlucky morning of long cases moves it, but does not take it over.
    expect(averageServiceSeconds(Array(5).fill(1_200_000), 12, 300)).toBe((5 * 1200 + 10 * 300) / 15);
  });

  it("keeps a service's past times as a shape, divided by their mean, from thirty of them", () => {
    // 30 past times: 10 of 3 minutes, 10 of 6, 10 of 9; their mean is 6 minutes.
    const past = [...Array(10).fill(180_000), ...Array(10).fill(360_000), ...Array(10).fill(540_000)];
    expect(usualService(past)!.shape).toEqual([...Array(10).fill(0.5), ...Array(10).fill(1), ...Array(10).fill(1.5)]);
    // A handful of times do not tell it.
    expect(usualService(past.slice(1))!.shape).toBeNull();
    // A "finish" pressed hours late (past six times the median) is no citizen still at the
    // counter: left out, and the mean is that of the others.
    const withForgotten = [...past, 4 * 3_600_000];
    expect(usualService(withForgotten)!.shape).toEqual(usualService(past)!.shape);
    expect(shapeOf([60_000, 120_000, 180_000])).toEqual([0.5, 1, 1.5]);
  });

  it("pools the hall's services' shapes for a service with too few times of its own", () => {
    expect(pooledShape([Array(20).fill(1), Array(9).fill(1)])).toBeNull();
    expect(pooledShape([[0.5, 1.5], Array(28).fill(1)])).toEqual([0.5, ...Array(28).fill(1), 1.5]);
  });

  it('is not thrown by one very long service (a forgotten "finish")', () => {
    const fiveMinutes = Array(9).fill(300_000);
    // One service measured as 35 minutes counts as three times the median, 15 minutes.
    expect(averageServiceSeconds([...fiveMinutes, 35 * 60_000], 5)).toBe((9 * 300 + 900) / 10);
    // The plain mean would have said 8 minutes.
    expect((9 * 300 + 35 * 60) / 10).toBe(480);
  });

  it("learns a counter's pace over all its services, from 1 towards what it shows", () => {
    const means: Record<string, number> = { HT: 300, DD: 600 };
    const mean = (id: string) => means[id]!;
    expect(counterPace([], mean)).toBe(1);
    // A clerk who takes twice the mean, on both services: twenty citizens make it halfway.
    const slow = [...Array(12).fill({ serviceId: 'HT', ms: 600_000 }), ...Array(8).fill({ serviceId: 'DD', ms: 1_200_000 })];
    expect(counterPace(slow, mean)).toBe(1.5);
    // Only the most recent thirty count.
    expect(counterPace([...slow, ...slow, ...slow], mean)).toBeCloseTo((30 * 2 + 20) / 50);
    // One forgotten "finish" counts as three times its service's mean, no more.
    expect(counterPace([{ serviceId: 'HT', ms: 3_600_000 }], mean)).toBe((3 + 20) / 21);
  });

  it('counts a counter shared by busy services as a share of a counter', () => {
    const counters = [counter(1, ['HT']), counter(2, ['HT', 'DD']), counter(3, ['HT'], 'paused'), counter(4, ['DD'], 'closed')];
    expect(effectiveCounters('HT', counters, new Set(['HT']))).toBe(2);
    expect(effectiveCounters('HT', counters, new Set(['HT', 'DD']))).toBe(1.5);
    expect(effectiveCounters('DD', counters, new Set(['HT', 'DD']))).toBe(0.5);
  });

  it('divides the people ahead by the counters working, and knows when nobody serves', () => {
    expect(estimateWaitSeconds(6, 300, 2)).toBe(900);
    expect(estimateWaitSeconds(0, 300, 2)).toBe(0);
    expect(estimateWaitSeconds(3, 300, 0)).toBeNull();
  });
});
