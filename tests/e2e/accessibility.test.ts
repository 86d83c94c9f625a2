/// <reference lib="dom" />
// Every page of the hall, at the size it is used, in its usual states, with the demo hall's
// real data: axe-core finds no serious or critical violation (which includes WCAG AA contrast
// of every text against its background).

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { staffCounters } from '../helpers/callers.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let hub: TestHub;
let ticketId: string;

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub({ dataDir: tempDataDir() });
  for (let i = 0; i < 30; i++) await api(hub.url, 'POST', '/api/tickets', { serviceId: ['HT', 'DD', 'CA', 'TKQ', 'DIEN'][i % 5] });
  // Counters start the day closed: their clerks sign in.
  await staffCounters(hub, [1, 3, 6, 8, 11]);
  for (const counter of [1, 3, 8, 11]) await api(hub.url, 'POST', `/api/counters/${counter}/call-next`, {});
  await api(hub.url, 'POST', '/api/counters/6/pause', { reason: 'Họp' });
  ticketId = (await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' })).body.ticket.ticket.id;
  await api(hub.url, 'POST', '/api/kiosk/tickets', { serviceId: 'DD' }, { authorization: 'Bearer demo-kiosk-K1-token' });
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
});

async function open(path: string, width: number, height: number, ready: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, hasTouch: true });
  await page.goto(hub.url + path);
  await page.waitForSelector(ready);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** Name, address, screen, what shows it is ready, what to do first, and its picture in docs/. */
const PAGES: [name: string, path: () => string, width: number, height: number, ready: string, then?: (page: Page) => Promise<unknown>, picture?: string][] = [
  ['landing page', () => '/', 1366, 768, 'main', undefined, 'landing.png'],
  ['kiosk home', () => '/kiosk/?device=K1&token=demo-kiosk-K1-token', 1080, 1920, '.service'],
  [
    'kiosk priority',
    () => '/kiosk/?device=K1&token=demo-kiosk-K1-token',
    1920,
    1080,
    '.service',
    (p) =>
      p
        .locator('.priority-button')
        .tap()
        .then(() => p.waitForSelector('.priority-option')),
  ],
  [
    'kiosk result return',
    () => '/kiosk/?device=K1&token=demo-kiosk-K1-token',
    1366,
    768,
    '.service',
    (p) =>
      p
        .locator('.return-button')
        .tap()
        .then(() => p.waitForSelector('.return-entry')),
  ],
  [
    'kiosk ticket',
    () => '/kiosk/?device=K1&token=demo-kiosk-K1-token',
    1080,
    1920,
    '.service',
    (p) =>
      p
        .locator('[data-service=HT]')
        .tap()
        .then(() => p.waitForSelector('.print-state.ok')),
    'kiosk-ticket-screen.png',
  ],
  ['phone page', () => `/t/${ticketId}`, 390, 844, '.phone-hall', undefined, 'phone-page.png'],
  ['prints page', () => '/prints', 1366, 900, '.print img'],
  ['hall display', () => '/display/?sound=off', 1920, 1080, '.counter-cell'],
  ['hall display, portrait', () => '/display/?sound=off', 1080, 1920, '.counter-cell'],
  ['keypads and LED boards', () => '/boards', 1366, 768, '.led', undefined, 'boards-simulator.png'],
  ['counter sign-in', () => '/counter/', 1366, 768, 'input[name=user]', undefined, 'counter-sign-in.png'],
  ['dossier desk sign-in', () => '/desk/', 1366, 768, 'input[name=user]', undefined, 'desk-sign-in.png'],
  ['manager console sign-in', () => '/manager/', 1366, 768, 'input[name=user]'],
  ['lookup terminal', () => '/lookup/', 1080, 1920, 'main'],
  ['rating tablet', () => '/rating/?device=R1&token=demo-rating-R1-token', 1280, 800, 'main'],
];

describe('accessibility of every page', () => {
  for (const [name, path, width, height, ready, then, picture] of PAGES) {
    it(`${name} at ${width}x${height}: no serious axe violation`, async () => {
      const page = await open(path(), width, height, ready);
      await then?.(page);
      expect(await seriousViolations(page)).toEqual([]);
      if (picture) await page.screenshot({ path: screenshotPath(picture) });
      await page.close();
    });
  }
});
