/// <reference lib="dom" />
// The simulated keypads and LED boards page in Chromium, on the demo hall's simulated bus.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { inject, LAN_ADDRESS } from '../helpers/callers.js';
import { api, startTestHub, type TestHub } from '../helpers/test-hub.js';

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

describe('keypad and LED board simulator', () => {
  it('a click on a keypad calls the next citizen; its display and the boards light up', async () => {
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${hub.url}/boards`);
    await page.waitForSelector('[data-keypad="1"] .digits');
    // The counter starts the day closed: its keypad is blank until its first "next" opens it.
    await expect.poll(() => page.getAttribute('[data-keypad="1"] .digits', 'data-display')).toBe('');
    await page.click('[data-keypad="1"] [data-key="callNext"]');
    await expect.poll(() => page.getAttribute('[data-keypad="1"] .digits', 'data-display')).toBe('A001');
    await expect.poll(() => page.getAttribute('[data-board="31"] .line', 'data-number')).toBe('A001');
    expect(await page.locator('[data-board="90"] .line').first().textContent()).toContain('A001');
    expect(await page.locator('[data-keypad="1"] .answer').textContent()).toBe('Đã thực hiện');
    expect((await api(hub.url, 'GET', '/api/counters/1')).body.current.number).toBe('A001');

    // Nothing to recall at counter 2: the keypad shows the refusal.
    await page.click('[data-keypad="2"] [data-key="recall"]');
    await expect.poll(() => page.locator('[data-keypad="2"] .answer').textContent()).toBe('Bị từ chối: không có số đang phục vụ');
  });

  it('opened elsewhere than on the hub machine, keys wait until a manager signs in', async () => {
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD' });
    // The browser runs on the hub machine; the hub's own answer to a PC on the hall network
    // stands in for the one this page would get there.
    const refusal = await inject(hub, { address: LAN_ADDRESS, token: null }, 'GET', '/api/simulator/token');
    expect(refusal.status).toBe(403);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route('**/api/simulator/token', (route) => route.fulfill({ status: refusal.status, contentType: 'application/json', body: refusal.text }));
    await page.goto(`${hub.url}/boards`);
    await page.waitForSelector('.manager-sign-in');
    expect(await page.isDisabled('[data-keypad="3"] [data-key="callNext"]')).toBe(true);
    expect(await page.locator('.manager-sign-in p').first().textContent()).toContain('cán bộ quản lý hãy đăng nhập');

    await page.fill('.manager-sign-in input[autocomplete=username]', 'canbo3');
    await page.fill('.manager-sign-in input[type=password]', 'luot-demo');
    await page.click('.manager-sign-in button');
    await expect.poll(() => page.locator('.manager-sign-in [role=alert]').textContent()).toContain('chọn quầy');
    await page.fill('.manager-sign-in input[autocomplete=username]', 'quanly');
    await page.click('.manager-sign-in button');
    await page.waitForSelector('.manager-sign-in', { state: 'detached' });
    await page.click('[data-keypad="3"] [data-key="callNext"]');
    await expect.poll(() => page.getAttribute('[data-keypad="3"] .digits', 'data-display')).toBe('B001');
  });

  it('answers a press for an unknown keypad or a transfer without target with a clear error', async () => {
    const unknown = await api(hub.url, 'POST', '/api/simulator/buses/B1/keypads/77/press', { key: 'callNext' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('Không có bàn phím mô phỏng 77');
    const noTarget = await api(hub.url, 'POST', '/api/simulator/buses/B1/keypads/1/press', { key: 'transfer' });
    expect(noTarget.status).toBe(400);
    expect(noTarget.body.messageEn).toContain('exactly one target');
  });
});
