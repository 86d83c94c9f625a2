import { describe, expect, it } from 'vitest';
import type { CounterDef, CounterState } from '../../server/domain/model.js';
import { averageServiceSeconds, counterPace, effectiveCounters, estimateWaitSeconds } from '../../server/domain/wait-estimate.js';

const counter = (id: number, services: string[], mode: CounterState['mode'] = 'open') => ({
  def: { id, name: { vi: `Quầy ${id}`, en: `Counter ${id}` }, location: null, services: services.map((serviceId) => ({ serviceId, weight: 1 })), selection: 'longest_wait', active: true } as CounterDef,
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
    // A clerk who takes 1.5 times the mean, on both services: five citizens make it halfway.
    const slow = [...Array(3).fill({ serviceId: 'HT', ms: 450_000 }), ...Array(2).fill({ serviceId: 'DD', ms: 900_000 })];
    expect(counterPace(slow, mean)).toBe(1.25);
    expect(counterPace([...slow, ...slow, ...slow, ...slow, ...slow], mean)).toBeCloseTo((25 * 1.5 + 5) / 30);
    // One forgotten "finish" counts as three times its service's mean, no more.
    expect(counterPace([{ serviceId: 'HT', ms: 3_600_000 }], mean)).toBe((3 + 5) / 6);
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
