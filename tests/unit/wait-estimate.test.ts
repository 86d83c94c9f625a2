import { describe, expect, it } from 'vitest';
import type { CounterDef } from '../../server/domain/hall/hall-definition.js';
import type { CounterState } from '../../server/domain/queue/queue-state.js';
import { averageServiceSeconds, counterPace, effectiveCounters, estimateWaitSeconds, usualService } from '../../server/domain/estimate/wait-estimate.js';

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

/** The standard normal quantile (Acklam's rational approximation, to 1e-9 relative). */
function probit(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

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
    expect(usualService(past)).toEqual({ seconds: (19 * 300 + 900) / 20, spread: null });
    expect(usualService(Array(4).fill(300_000))).toBeNull();
    // Then the configured default no longer counts: the first citizens weigh a tenth each.
    expect(averageServiceSeconds([], 12, 300)).toBe(300);
    expect(averageServiceSeconds([600_000, 600_000], 12, 300)).toBe((2 * 600 + 10 * 300) / 12);
    // An unlucky morning of long cases moves it, but does not take it over.
    expect(averageServiceSeconds(Array(5).fill(1_200_000), 12, 300)).toBe((5 * 1200 + 10 * 300) / 15);
  });

  it("tells a service's spread from the middle half of its past times, from thirty of them", () => {
    // Lognormal times of sigma 0.3 and 0.8, as their quantiles: the spread read back from them.
    const quantiles = (sigma: number, n: number) => Array.from({ length: n }, (_, i) => 300_000 * Math.exp(sigma * probit((i + 0.5) / n)));
    expect(usualService(quantiles(0.3, 200))!.spread).toBeCloseTo(0.3, 1);
    expect(usualService(quantiles(0.8, 200))!.spread).toBeCloseTo(0.8, 1);
    // Forgotten "finish" presses do not widen it; a handful of times do not tell it.
    expect(usualService([...quantiles(0.3, 190), ...Array(10).fill(4 * 3_600_000)])!.spread).toBeCloseTo(0.3, 1);
    expect(usualService(quantiles(0.8, 29))!.spread).toBeNull();
    // A service always as long as the last is given the least spread, not none.
    expect(usualService(Array(40).fill(300_000))!.spread).toBe(0.2);
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
