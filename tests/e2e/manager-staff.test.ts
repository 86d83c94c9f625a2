/// <reference lib="dom" />
// The console's staff actions in Chromium at 1366x768: a manager moves a clerk to another
// counter from the counter's card, and the counter page left at the old counter follows at
// once (signed out, saying where to go); the clerk signs in at the new counter and calls. An
// admin gives a clerk the dossiers of a field on the Users screen, and the clerk's next read
// has them. axe-core finds no serious or critical violation.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { COUNTER_VIEWPORT, signedInCounter, signInAtCounter } from '../helpers/counter-page.js';
import { api, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { checkAxe, signInConsole } from '../helpers/manager-console.js';

let browser: Browser;
let hub: TestHub;

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub();
  for (const serviceId of ['HT', 'XD', 'XD']) await api(hub.url, 'POST', '/api/tickets', { serviceId });
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
});

describe("the console's staff actions", () => {
  it('a manager moves a clerk; the page at the old counter signs out saying where to go; the clerk calls at the new one', { timeout: 120_000 }, async () => {
    const desk = await signedInCounter(browser, hub.url, 'canbo1', 1);
    await desk.click('.action-callNext');
    await expect.poll(async () => (await api(hub.url, 'GET', '/api/counters/1')).body.current?.number ?? null).not.toBeNull();

    const console = await signInConsole(browser, hub.url, 'quanly');
    const card = console.locator('.counter', { hasText: 'Quầy 1' }).first();
    await expect.poll(() => card.textContent()).toContain('Đang giữ số');
    // While counter 1 holds a number the hub refuses, naming it; the clerk keeps it.
    await console.click('button[aria-label="Chuyển cán bộ Quầy 1"]');
    await console.selectOption('.move-form select', '5');
    await checkAxe(console, 'moving a clerk');
    await console.click('.move-form button[type=submit]');
    await console.locator('.message.error', { hasText: 'Quầy số 1 đang giữ số' }).waitFor();
    expect(await desk.locator('.action-callNext').count()).toBe(1);

    // The clerk finishes; the move goes through.
    await desk.click('.action-finish');
    await expect.poll(async () => (await api(hub.url, 'GET', '/api/counters/1')).body.current).toBeNull();
    await console.click('button[aria-label="Chuyển cán bộ Quầy 1"]');
    await console.selectOption('.move-form select', '5');
    await console.click('.move-form button[type=submit]');
    await console.locator('.message.ok', { hasText: 'sang quầy 5' }).waitFor();
    await console.locator('.counter.closed', { hasText: 'Quầy 1' }).first().waitFor();
    await console.screenshot({ path: screenshotPath('manager-move-clerk.png') });

    // The page at counter 1 follows without a reload or a key: the sign-in form, with where to go.
    await desk.locator('.notice', { hasText: 'Quản lý đã chuyển bạn sang quầy số 5' }).waitFor({ timeout: 10_000 });
    expect(await desk.locator('.action-callNext').count()).toBe(0);
    await desk.screenshot({ path: screenshotPath('counter-moved.png') });
    await desk.close();

    const there = await browser.newPage({ viewport: COUNTER_VIEWPORT });
    await signInAtCounter(there, hub.url, 'canbo1', 5);
    await there.waitForSelector('.action-callNext');
    await there.click('.action-callNext');
    await expect.poll(async () => (await api(hub.url, 'GET', '/api/counters/5')).body.current?.number ?? null).not.toBeNull();
    await console.locator('.counter', { hasText: 'Quầy 5' }).first().waitFor();
    await there.close();
    await console.close();
  });

  it("an admin gives a clerk a field's dossiers on the Users screen; a wrong field is refused by name", { timeout: 90_000 }, async () => {
    const console = await signInConsole(browser, hub.url, 'quantri');
    await console.click('.bar .tab:has-text("Người dùng")');
    await console.waitForSelector('tr[data-user=canbo11]');
    const fields = console.locator('input[aria-label="Lĩnh vực: canbo11"]');
    await fields.fill('Thủy sản');
    await console.locator('tr[data-user=canbo11] form.scope button[type=submit]').click();
    await console.locator('.message.error', { hasText: 'Thủy sản' }).waitFor();

    await fields.fill('Hộ tịch; Chứng thực');
    await console.locator('tr[data-user=canbo11] form.scope button[type=submit]').click();
    await console.locator('.message.ok', { hasText: 'Đã lưu.' }).waitFor();
    await checkAxe(console, 'users with scopes');
    await console.screenshot({ path: screenshotPath('manager-users-scope.png') });
    const users = await api(hub.url, 'POST', '/api/staff/sign-in', { user: 'quantri', password: 'luot-demo', counterId: null }, { authorization: null });
    const list = await api(hub.url, 'GET', '/api/users', undefined, { authorization: `Bearer ${users.body.token}` });
    expect(list.body.find((a: { user: string }) => a.user === 'canbo11')).toMatchObject({ fields: ['Hộ tịch', 'Chứng thực'], services: ['DIEN'] });
    await console.close();
  });
});
