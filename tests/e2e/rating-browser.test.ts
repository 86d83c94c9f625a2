/// <reference lib="dom" />
// The rating tablet at counter 1 in Chromium: it asks when the counter finishes serving, takes
// one answer, thanks, and goes back to waiting.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { DEMO_RATING_TOKEN, inject, prepareCallers } from '../helpers/callers.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let hub: TestHub;

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub();
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
});

describe('rating tablet', () => {
  it('asks after the service, takes one answer and thanks', async () => {
    const c = await prepareCallers(hub);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    await page.goto(`${hub.url}/rating/?device=R1&token=${DEMO_RATING_TOKEN}`);
    await expect.poll(() => page.locator('.counter').textContent()).toBe('Quầy số 1');
    expect(page.url()).not.toContain('token');
    expect(await page.locator('.idle h1').textContent()).toBe('Xin cảm ơn công dân đã đến làm việc.');

    await inject(hub, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
    const ticketId = (await inject(hub, c.clerk1!, 'POST', '/api/counters/1/call-next', {})).body.ticket.id;
    await inject(hub, c.clerk1!, 'POST', '/api/counters/1/finish', {});
    await page.waitForSelector('.ask');
    expect(await page.locator('.ask h1').textContent()).toBe('Công dân đánh giá thế nào về việc giải quyết hồ sơ (số A001)?');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('rating-tablet.png') });
    await page.tap('.level[data-level=very_satisfied]');
    await page.waitForSelector('.thanks');
    expect(hub.hub.ratings.get(ticketId)).toMatchObject({ level: 'very_satisfied', clerk: 'Nguyễn Thị Lan', counterId: 1 });
  });

  it('says so when it is not registered', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${hub.url}/rating/?device=R9&token=not-a-real-token-value`);
    await expect.poll(() => page.locator('.message').textContent()).toContain('chưa được đăng ký');
  });
});
