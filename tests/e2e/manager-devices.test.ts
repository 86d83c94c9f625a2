/// <reference lib="dom" />
// The console's Devices screen in Chromium at 1366x768: an admin adds a kiosk printing on a
// network printer (played on loopback) for two services; a second browser context opens the
// address of the pairing QR code, becomes that kiosk with no token typed, and takes a number
// that prints; the code does not work twice; unpaired, the kiosk waits for pairing again.
// axe-core finds no serious or critical violation; the screen is kept as docs/manager-devices.png.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJob } from '../helpers/escpos-decoder.js';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { LoopbackPrinter } from '../helpers/loopback-printer.js';
import { api, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { signInConsole } from '../helpers/manager-console.js';

let browser: Browser;
let hub: TestHub;
let printer: LoopbackPrinter;

beforeAll(async () => {
  browser = await launchChromium();
  printer = await new LoopbackPrinter().start();
  hub = await startTestHub();
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
  await printer?.stop();
});

describe('devices in the console', () => {
  it('an admin adds a kiosk; another browser opens its QR address, becomes that kiosk and takes a number that prints', { timeout: 120_000 }, async () => {
    const manager = await signInConsole(browser, hub.url, 'quanly', { acceptDialogs: true });
    expect(await manager.locator('.bar .tab').allTextContents()).not.toContain('Thiết bị');
    await manager.close();

    const admin = await signInConsole(browser, hub.url, 'quantri', { acceptDialogs: true });
    await admin.click('.bar .tab:has-text("Thiết bị")');
    await admin.waitForSelector('.device-table tr[data-device=K1]');
    expect(await admin.locator('.device-table tr[data-device=K1] .state').textContent()).toBe('Đã ghép nối');

    // Bad input is refused with the field named, in Vietnamese.
    await admin.fill('input[name=device-name]', 'Máy lấy số tầng 2');
    await admin.fill('input[name=kiosk-services]', 'HT, NOPE');
    await admin.click('form.add-device button[type=submit]');
    await expect.poll(() => admin.locator('.message.error').textContent()).toContain('Trường services');

    await admin.fill('input[name=device-name-en]', 'Second floor kiosk');
    await admin.selectOption('select[name=printer-kind]', 'epson');
    await admin.fill('input[name=printer-address]', printer.address);
    await admin.fill('input[name=kiosk-services]', 'HT, DD');
    await admin.click('form.add-device button[type=submit]');
    await admin.waitForSelector('.pairing[data-device=K4] .pairing-qr svg');
    expect(await admin.locator('.message.ok').textContent()).toContain('Đã thêm thiết bị K4');
    const url = (await admin.locator('.pairing-qr').getAttribute('data-qr'))!;
    expect(url).toMatch(/\/pair\/[A-HJ-NP-Z2-9]{8}$/);
    expect(await admin.locator('.pairing-url a').textContent()).toBe(url);
    expect(await admin.locator('.device-table tr[data-device=K4] .state').textContent()).toBe('Chờ ghép nối');

    await admin.evaluate(() => document.fonts.ready);
    const violations = await seriousViolations(admin);
    expect(violations, JSON.stringify(violations, null, 1).slice(0, 1500)).toEqual([]);
    await admin.screenshot({ path: screenshotPath('manager-devices.png') });

    // The kiosk's browser: its own context, nothing kept from the console.
    const kioskContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, hasTouch: true });
    const kiosk = await kioskContext.newPage();
    const address = url.replace(/^https?:\/\/[^/]+/, hub.url);
    await kiosk.goto(address);
    await kiosk.waitForSelector('[data-service=HT]');
    expect(new URL(kiosk.url()).search).toBe('');
    // Only the two services it was set up for.
    expect(await kiosk.locator('[data-service]').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-service')))).toEqual(['HT', 'DD']);
    await kiosk.locator('[data-service=HT]').tap();
    await kiosk.waitForSelector('.result-number');
    const number = await kiosk.locator('.result-number').getAttribute('data-number');
    expect(number).toMatch(/^[A-Z]?\d{3,4}$/);
    const [bytes] = await printer.waitForJobs(1);
    const job = decodeJob(bytes!, 'escpos');
    expect(job.rasters).toHaveLength(1);
    expect(job.cuts).toBe(1);

    await expect.poll(() => admin.locator('.device-table tr[data-device=K4] .state').textContent(), { timeout: 10_000 }).toBe('Đã ghép nối');

    // The same address again, in a third browser: the code was used.
    const other = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const second = await other.newPage();
    const reply = await second.goto(address);
    expect(reply?.status()).toBe(404);
    expect(await second.textContent('body')).toContain('Mã ghép nối không đúng, đã dùng hoặc đã hết hạn');
    await other.close();

    // The test print from the console goes to the same printer.
    await admin.click('.device-table tr[data-device=K4] button:has-text("In thử")');
    await expect.poll(() => admin.locator('.message.ok').textContent()).toContain('Máy in của K4 đã in phiếu in thử');
    await printer.waitForJobs(2);

    // Unpaired: its token stops working, and the kiosk, opened again, waits for pairing.
    await admin.click('.device-table tr[data-device=K4] button:has-text("Hủy ghép nối")');
    await expect.poll(() => admin.locator('.device-table tr[data-device=K4] .state').textContent()).toBe('Chờ ghép nối');
    await kiosk.reload();
    await kiosk.waitForSelector('.setup-waiting');
    expect(await kiosk.textContent('.setup-waiting')).toContain('Đang chờ ghép nối');
    expect(printer.jobs).toHaveLength(2);
    await kioskContext.close();
    await admin.close();
  });

  it('a display opened from its pairing address keeps its token, and shows that it waits for pairing once unpaired', { timeout: 60_000 }, async () => {
    const admin = (await api(hub.url, 'POST', '/api/staff/sign-in', { user: 'quantri', password: 'luot-demo', counterId: null }, { authorization: null })).body.token as string;
    const added = await api(hub.url, 'POST', '/api/devices', { kind: 'display', name: 'Màn hình sảnh chờ' }, { authorization: `Bearer ${admin}` });
    expect(added.status).toBe(201);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const display = await context.newPage();
    await display.goto(added.body.pairing.url.replace(/^https?:\/\/[^/]+/, hub.url));
    await display.waitForSelector('.display header');
    await expect.poll(() => display.evaluate(() => localStorage.getItem('luot.display')), { timeout: 10_000 }).toMatch(/^[\w-]{32}$/);
    expect(new URL(display.url()).search).toBe('');
    expect(await display.locator('.waiting-pairing').count()).toBe(0);
    const devices = await api(hub.url, 'GET', '/api/devices', undefined, { authorization: `Bearer ${admin}` });
    expect(devices.body.devices.find((d: { id: string }) => d.id === added.body.device.id)).toMatchObject({ kind: 'display', paired: true });

    expect((await api(hub.url, 'POST', `/api/devices/display/${added.body.device.id}/unpair`, undefined, { authorization: `Bearer ${admin}` })).status).toBe(200);
    await display.reload();
    await display.waitForSelector('.waiting-pairing');
    expect(await display.textContent('.waiting-pairing')).toContain('Màn hình đang chờ ghép nối');
    expect(await display.evaluate(() => localStorage.getItem('luot.display'))).toBeNull();
    await context.close();
  });
});
