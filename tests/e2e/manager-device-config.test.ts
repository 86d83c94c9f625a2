/// <reference lib="dom" />
// The console's Devices screen in Chromium at 1366x768: an admin moves the hall file's kiosk K1
// from its simulated printer to a network printer (played on loopback) and the kiosk's next
// ticket prints there; then edits the hall file's serial bus B1 (a refused keypad names its
// field, a sound change is applied and its board still lights). axe-core finds no serious or
// critical violation with the forms open.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { decodeJob } from '../helpers/escpos-decoder.js';
import { LoopbackPrinter } from '../helpers/loopback-printer.js';
import { checkAxe, signInConsole } from '../helpers/manager-console.js';
import { api, startTestHub, type TestHub } from '../helpers/test-hub.js';

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

describe('devices changed in the console', () => {
  it('an admin moves a hall-file kiosk to a network printer and edits a serial bus, applied at once', { timeout: 120_000 }, async () => {
    const admin = await signInConsole(browser, hub.url, 'quantri', { acceptDialogs: true });
    await admin.click('.bar .tab:has-text("Thiết bị")');
    await admin.waitForSelector('.device-table tr[data-device=K1]');

    await admin.click('.device-table tr[data-device=K1] button:has-text("Sửa")');
    await admin.waitForSelector('form.edit-kiosk[data-kiosk=K1]');
    // A printer address the hub cannot use is refused, with the field named.
    await admin.selectOption('select[name=edit-printer-kind]', 'epson');
    await admin.fill('input[name=edit-printer-address]', 'máy in ở góc');
    await admin.click('form.edit-kiosk button[type=submit]');
    await expect.poll(() => admin.locator('.message.error').textContent()).toContain('address');
    expect(await admin.locator('.device-table tr[data-device=K1] .printer-facts').textContent()).toContain('Mô phỏng');

    await admin.fill('input[name=edit-printer-address]', printer.address);
    await admin.selectOption('select[name=edit-paper-width]', '58');
    await admin.fill('input[name=edit-kiosk-services]', 'HT, DD');
    await checkAxe(admin, 'devices (editing a kiosk)');
    await admin.locator('form.edit-kiosk').scrollIntoViewIfNeeded();
    await admin.screenshot({ path: join(tmpdir(), 'luot-manager-devices-kiosk-edit.png') });
    await admin.click('form.edit-kiosk button[type=submit]');
    await expect.poll(() => admin.locator('.message.ok').textContent()).toContain('Đã lưu K1');
    await expect.poll(() => admin.locator('.device-table tr[data-device=K1] .printer-facts').textContent()).toContain(printer.address);
    expect(await admin.locator('form.edit-kiosk').count()).toBe(0);

    // The kiosk's next ticket prints on the network printer, 58 mm wide.
    const issued = await api(hub.url, 'POST', '/api/kiosk/tickets', { serviceId: 'HT' }, { authorization: 'Bearer demo-kiosk-K1-token' });
    expect(issued.body.print.ok).toBe(true);
    const [bytes] = await printer.waitForJobs(1);
    expect(decodeJob(bytes!, 'escpos').rasters[0]!.width).toBe(384);
    // Its test button prints there too.
    await admin.click('.device-table tr[data-device=K1] button:has-text("In thử")');
    await expect.poll(() => admin.locator('.message.ok').textContent()).toContain('đã in phiếu in thử');
    await printer.waitForJobs(2);

    // The hall file's bus B1 (simulated): a keypad for a counter that does not exist is refused.
    await admin.click('.bus-table tr[data-bus=B1] button:has-text("Sửa")');
    await expect.poll(() => admin.locator('#bus-form-title').textContent()).toBe('Sửa đường dây B1');
    const keypads = await admin.inputValue('input[name=bus-keypads]');
    expect(keypads).toContain('1:1');
    await admin.fill('input[name=bus-keypads]', `${keypads}, 20:99`);
    await admin.click('form.bus-form button[type=submit]');
    await expect.poll(() => admin.locator('.message.error').textContent()).toContain('serialBuses.B1.keypads');
    // Text the screen cannot read is named before anything is sent.
    await admin.fill('input[name=bus-keypads]', 'một:1');
    await admin.click('form.bus-form button[type=submit]');
    await expect.poll(() => admin.locator('.message.error').textContent()).toContain('không hiểu "một:1"');

    await admin.fill('input[name=bus-keypads]', '1:1, 2:2');
    await admin.fill('input[name=bus-boards]', '31:1, 90:sanh:4');
    await checkAxe(admin, 'devices (editing a bus)');
    await admin.screenshot({ path: screenshotPath('manager-devices-edit.png') });
    await admin.click('form.bus-form button[type=submit]');
    await expect.poll(() => admin.locator('.message.ok').textContent()).toContain('Đã lưu đường dây B1');
    await expect.poll(() => admin.locator('.bus-table tr[data-bus=B1]').textContent()).toContain('2 bàn phím, 2 bảng LED');
    expect(await admin.locator('.bus-table tr[data-bus=B1]').textContent()).toContain('sửa tại trang quản lý');
    // The board test still lights the board after the change.
    await admin.click('.board-table tr[data-board="B1:90"] button');
    await expect.poll(() => admin.locator('.message.ok').textContent()).toContain('Bảng 90 trên đường dây B1');
    await admin.close();
    // Signing in again ends the page's session: the last look is the hub's own list.
    const signedIn = await api(hub.url, 'POST', '/api/staff/sign-in', { user: 'quantri', password: 'luot-demo', counterId: null }, { authorization: null });
    const bus = (await api(hub.url, 'GET', '/api/devices', undefined, { authorization: `Bearer ${signedIn.body.token}` })).body.buses.find((b: { id: string }) => b.id === 'B1');
    expect(bus).toMatchObject({
      keypads: [{ address: 1 }, { address: 2 }],
      ledBoards: [
        { address: 31, kind: 'counter' },
        { address: 90, kind: 'hall', calls: 4 },
      ],
    });
  });
});
