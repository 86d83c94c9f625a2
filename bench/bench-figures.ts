// How the benchmark prints what it measured: percentiles and one aligned line per figure.

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

export function line(label: string, value: string, note = ''): void {
  console.log(`  ${label.padEnd(46)} ${value.padStart(14)}  ${note}`);
}

export function verdict(ok: boolean): string {
  return ok ? 'meets target' : 'BELOW TARGET';
}

export const ms = (value: number): string => `${value.toFixed(2)} ms`;

export interface Figures {
  p50: number;
  p99: number;
}

/**
 * Prints p50 and p99 of a set of latencies on two lines under one label, and returns them;
 * `p99Note` may be worked out from the figures (a target, a ratio to a baseline).
 */
export function latencyLines(label: string, latencies: readonly number[], note = '', p99Note: string | ((f: Figures) => string) = ''): Figures {
  const s = sorted(latencies);
  const figures = { p50: percentile(s, 50), p99: percentile(s, 99) };
  line(`${label}: p50`, ms(figures.p50), note || `(${s.length} deliveries)`);
  line(`${' '.repeat(42)}p99`, ms(figures.p99), typeof p99Note === 'function' ? p99Note(figures) : p99Note);
  return figures;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
