// The console's view reads: changes heard while a read is out are merged into one read after it.

import { describe, expect, it } from 'vitest';
import { oneReadAtATime } from '../../manager/src/one-read-at-a-time.js';

/** A read the test answers by hand, counting how many were started. */
function manualReads() {
  const pending: (() => void)[] = [];
  let started = 0;
  const read = () =>
    new Promise<void>((resolve) => {
      started++;
      pending.push(resolve);
    });
  const answer = async () => {
    pending.shift()!();
    // Let the promise chain start the trailing read.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { read, answer, started: () => started, out: () => pending.length };
}

describe('oneReadAtATime', () => {
  it('starts at once when no read is out', async () => {
    const m = manualReads();
    const reload = oneReadAtATime(m.read);
    const done = reload();
    expect(m.started()).toBe(1);
    await m.answer();
    await done;
    expect(m.out()).toBe(0);
  });

  it('merges every call made while a read is out into one read after it', async () => {
    const m = manualReads();
    const reload = oneReadAtATime(m.read);
    const first = reload();
    const later = [reload(), reload(), reload(), reload()];
    expect(m.started()).toBe(1);
    await m.answer();
    await first;
    // One trailing read for the four calls, started only once the first came back.
    expect(m.started()).toBe(2);
    expect(m.out()).toBe(1);
    let settled = 0;
    for (const p of later) void p.then(() => settled++);
    await Promise.resolve();
    expect(settled).toBe(0);
    await m.answer();
    await Promise.all(later);
    expect(settled).toBe(4);
    expect(m.started()).toBe(2);
  });

  it('a call during the trailing read waits for one more read', async () => {
    const m = manualReads();
    const reload = oneReadAtATime(m.read);
    void reload();
    const second = reload();
    await m.answer();
    expect(m.started()).toBe(2);
    const third = reload();
    await m.answer();
    await second;
    expect(m.started()).toBe(3);
    await m.answer();
    await third;
    expect(m.started()).toBe(3);
  });

  it('a failed read does not stop the next one', async () => {
    let calls = 0;
    const reload = oneReadAtATime(async () => {
      calls++;
      if (calls === 1) throw new Error('hub away');
    });
    const first = reload();
    const second = reload();
    await expect(first).rejects.toThrow('hub away');
    await second;
    expect(calls).toBe(2);
  });
});
