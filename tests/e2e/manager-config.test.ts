/// <reference lib="dom" />
// The console's Configuration screen in Chromium at 1366x768: an admin adds a service and a
// counter serving it, and a clerk for that counter; the kiosk and the display, open all along,
// show the new service and the new counter without a reload; the new clerk signs in at the
// counter page and calls the number taken at the kiosk. A refused field is named beside it;
// axe-core finds no serious or critical violation on the screen.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { DEMO_KIOSK_TOKEN } from '../helpers/callers.js';
import { findOnKiosk } from '../helpers/kiosk-page.js';
import { COUNTER_VIEWPORT, signInAtCounter } from '../helpers/counter-page.js';
import { api, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { checkAxe } from '../helpers/manager-console.js';

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

describe('the configuration screen', () => {
  it('an admin adds a service, a counter and its clerk; open pages follow without a reload; the clerk calls the number taken at the kiosk', { timeout: 180_000 }, async () => {
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${hub.url}/kiosk/?device=K1&token=${DEMO_KIOSK_TOKEN}`);
    await kiosk.waitForSelector('.service');
    const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(`${hub.url}/display/?sound=off`);
    await display.waitForSelector('.counter-cell');
    // Each page remembers it was never reloaded.
    for (const page of [kiosk, display]) await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    const console = await browser.newPage({ viewport: COUNTER_VIEWPORT });
    await console.goto(`${hub.url}/manager/`);
    await console.fill('input[name=user]', 'quantri');
    await console.fill('input[name=password]', 'luot-demo');
    await console.click('button[type=submit]');
    await console.click('.bar .tab:has-text("Cấu hình")');
    await console.waitForSelector('tr[data-service=HT]');
    await console.evaluate(() => document.fonts.ready);

    // A colour that is no colour: refused, and said beside the field.
    await console.fill('#service-id', 'TTHC');
    await console.fill('#service-name-vi', 'Hỗ trợ thủ tục trực tuyến');
    await console.fill('#service-name-en', 'Help with online procedures');
    await console.fill('#service-prefix', 'W');
    await console.fill('#service-color', 'tím');
    await console.selectOption('#service-group', 'ward');
    await console.fill('#service-max', '80');
    await console.click('form[aria-labelledby=service-form-title] button[type=submit]');
    await console.waitForSelector('#service-color-error');
    expect(await console.textContent('#service-color-error')).toBe('phải là một màu dạng #1565c0');
    expect(await console.getAttribute('#service-color', 'aria-invalid')).toBe('true');
    await checkAxe(console, 'configuration with a refused field');
    await console.evaluate(() => document.querySelector('#service-form-title')?.scrollIntoView({ block: 'start' }));
    await console.screenshot({ path: screenshotPath('manager-config.png') });
    expect((await api(hub.url, 'GET', '/api/hall')).body.services.some((s: any) => s.id === 'TTHC')).toBe(false);

    await console.fill('#service-color', '#6a1b9a');
    await console.click('form[aria-labelledby=service-form-title] button[type=submit]');
    await console.waitForSelector('tr[data-service=TTHC]');
    expect(await console.textContent('.message.ok')).toContain('Đã thêm dịch vụ TTHC');

    await console.fill('#counter-id', '21');
    await console.fill('#counter-name-vi', 'Quầy 21');
    await console.check('input[name=serve-TTHC]');
    await console.click('form[aria-labelledby=counter-form-title] button[type=submit]');
    await console.waitForSelector('tr[data-counter="21"]');
    await checkAxe(console, 'configuration');

    // The display shows the new counter, the kiosk the new service: no reload.
    await display.waitForSelector('.counter-cell[data-counter="21"]', { timeout: 10_000 });
    await expect.poll(() => findOnKiosk(kiosk, 'Hỗ trợ thủ tục trực tuyến'), { timeout: 10_000 }).toBe(true);
    for (const page of [kiosk, display]) expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    // The clerk of the new counter, added on the Users screen.
    await console.click('.bar .tab:has-text("Người dùng")');
    await console.fill('input[name=new-user]', 'canbo21');
    await console.fill('input[name=new-name]', 'Đỗ Thị Hạnh');
    await console.fill('input[name=new-password]', 'hanh-2026!');
    await console.fill('input[name=new-counters]', '21');
    await console.click('form.add-user button[type=submit]');
    await console.waitForSelector('tr[data-user=canbo21]');

    // A citizen takes a number for the new service at the kiosk.
    await kiosk.locator('.service', { hasText: 'Hỗ trợ thủ tục trực tuyến' }).click();
    await expect.poll(async () => (await api(hub.url, 'GET', '/api/hall')).body.waiting.find((t: any) => t.serviceId === 'TTHC')?.number ?? null).toBe('W001');

    const counter = await browser.newPage({ viewport: COUNTER_VIEWPORT });
    await signInAtCounter(counter, hub.url, 'canbo21', 21, 'hanh-2026!');
    await counter.waitForSelector('.action-callNext');
    await counter.click('.action-callNext');
    await expect.poll(async () => (await api(hub.url, 'GET', '/api/counters/21')).body.current?.number ?? null).toBe('W001');
    await display.waitForSelector('.counter-cell[data-counter="21"][data-number="W001"]', { timeout: 10_000 });
    for (const page of [counter, console, kiosk, display]) await page.close();
  });
});
