import { describe, expect, it } from 'vitest';
import type { CounterDef, CounterState } from '../../server/domain/model.js';
import { averageServiceSeconds, effectiveCounters, estimateWaitSeconds } from '../../server/domain/wait-estimate.js';

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

  it('follows the most recent twenty services', () => {
    const old = Array(20).fill(600_000);
    const recent = Array(20).fill(120_000);
    expect(averageServiceSeconds([...old, ...recent], 5)).toBe(120);
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
