import { describe, expect, it } from 'vitest';
import { delayAfter, FIRST_DELAY_MS, FREE_FAILURES, MAX_DELAY_MS, signInWait, windowWait } from '../../server/domain/access/rate-limits.js';

describe('a sliding window cap (tickets per kiosk per minute)', () => {
  it('allows the cap in any 60 seconds and says how long to wait beyond it', () => {
    const given = [1000, 1001, 1002];
    expect(windowWait(given.slice(0, 2), 3, 60_000, 1003)).toBe(0);
    expect(windowWait(given, 3, 60_000, 20_000)).toBe(41_000);
    expect(windowWait(given, 3, 60_000, 61_001)).toBe(0);
  });

  it('counts tickets still being issued, so that taps together cannot pass the cap as a group', () => {
    expect(windowWait([1000], 3, 60_000, 2000, 1)).toBe(0);
    // Two given, one in flight: the next must wait, at least a moment.
    expect(windowWait([1000, 1500], 3, 60_000, 2000, 1)).toBe(59_000);
    expect(windowWait([], 2, 60_000, 2000, 2)).toBe(1000);
  });
});

describe('sign-in delays per user and address', () => {
  it('lets the first few failures through, then doubles the delay up to a ceiling', () => {
    for (let n = 0; n < FREE_FAILURES; n++) expect(delayAfter(n)).toBe(0);
    expect(delayAfter(FREE_FAILURES)).toBe(FIRST_DELAY_MS);
    expect(delayAfter(FREE_FAILURES + 1)).toBe(2 * FIRST_DELAY_MS);
    expect(delayAfter(FREE_FAILURES + 2)).toBe(4 * FIRST_DELAY_MS);
    expect(delayAfter(100)).toBe(MAX_DELAY_MS);
  });

  it('counts the delay from the last failure', () => {
    const failures = [0, 1000, 2000, 3000];
    expect(signInWait(failures, 3000)).toBe(delayAfter(4));
    expect(signInWait(failures, 3000 + delayAfter(4))).toBe(0);
    expect(signInWait([], 5)).toBe(0);
  });
});
