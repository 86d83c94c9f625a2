/// <reference lib="dom" />
// The manager console in Chromium at 1366x768, on a hub of the demo hall whose kiosk K1 prints
// on a network printer played on loopback: an admin adds a clerk who then signs in at the
// counter page and calls; a manager pauses a counter with a reason, acknowledges the alert a
// printer out of paper raised; near closing, each queue shows how many may not be served today;
// axe-core finds no serious or critical violation on any screen.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { COUNTER_VIEWPORT, signInAtCounter } from '../helpers/counter-page.js';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import { demoHallWith } from '../helpers/hall-files.js';
import { LoopbackPrinter, PAPER_OUT } from '../helpers/loopback-printer.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';
import { checkAxe, signInConsole } from '../helpers/manager-console.js';

let browser: Browser;
let hub: TestHub;
let printer: LoopbackPrinter;

beforeAll(async () => {
  browser = await launchChromium();
  printer = await new LoopbackPrinter().start();
  const dataDir = tempDataDir();
  const hallFile = demoHallWith(dataDir, (hall) => {
    hall.kiosks[0].printer = { type: 'epson', address: printer.address, paper: 80 };
  });
  hub = await startTestHub({ dataDir, hallFile });
  for (let i = 0; i < 12; i++) await api(hub.url, 'POST', '/api/tickets', { serviceId: ['HT', 'DD', 'CA'][i % 3] });
  // Some counters with their clerk (a sign-in opens the counter), two calling: the hall as a morning looks.
  for (const [user, counter] of [
    ['canbo1', 1],
    ['canbo2', 2],
    ['canbo3', 3],
  ] as const) {
    expect((await api(hub.url, 'POST', '/api/staff/sign-in', { user, password: 'luot-demo', counterId: counter }, { authorization: null })).status).toBe(200);
  }
  for (const counter of [1, 3]) expect((await api(hub.url, 'POST', `/api/counters/${counter}/call-next`, {})).status).toBe(200);
  for (const counter of [15, 16, 17, 18, 19, 20]) await api(hub.url, 'POST', `/api/counters/${counter}/close`, {});
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
  await printer?.stop();
});

describe('the manager console', () => {
  it('signs a manager in (not a clerk), and shows the live hall without a serious accessibility violation', { timeout: 90_000 }, async () => {
    const page = await browser.newPage({ viewport: COUNTER_VIEWPORT });
    await page.goto(`${hub.url}/manager/`);
    await page.waitForSelector('input[name=user]');
    await checkAxe(page, 'sign-in');
    await page.fill('input[name=user]', 'canbo5');
    await page.fill('input[name=password]', 'luot-demo');
    await page.click('button[type=submit]');
    await page.waitForSelector('.error');
    expect(await page.textContent('.error')).toContain('Trang này dành cho quản lý và quản trị');
    await page.close();

    const console = await signInConsole(browser, hub.url, 'quanly');
    // A manager sees no Users tab.
    // (The Alerts tab may carry a count: a printer check can time out on a busy machine.)
    const tabNames = (await console.locator('.bar .tab').allTextContents()).map((name) => name.replace(/\d+$/, ''));
    expect(tabNames).toEqual(['Sảnh trực tiếp', 'Hồ sơ', 'Cảnh báo']);
    const one = console.locator('.counter', { hasText: 'Quầy 1' }).first();
    await expect.poll(() => one.textContent()).toContain('Đang giữ số');
    await checkAxe(console, 'live hall');

    // Pause counter 3 with a reason from the console: the card shows it.
    await console.click('button[aria-label="Tạm dừng Quầy 3"]');
    await console.fill('.pause-form input', 'Họp giao ban');
    await console.click('.pause-form button[type=submit]');
    await console.locator('.counter.paused', { hasText: 'Lý do: Họp giao ban' }).waitFor();
    await checkAxe(console, 'live hall with a paused counter');
    await console.screenshot({ path: screenshotPath('manager-hall.png') });

    // A notice for the hall displays, posted from the console, reaches the hall's settings.
    await console.fill('.notice-form textarea', 'Chiều nay trung tâm làm việc đến 16 giờ 30.');
    await console.click('.notice-form button[type=submit]');
    await console.locator('.message.ok', { hasText: 'Đã đăng thông báo lên màn hình sảnh.' }).waitFor();
    expect((await api(hub.url, 'GET', '/api/hall')).body.hall.displayNotice).toEqual({
      vi: 'Chiều nay trung tâm làm việc đến 16 giờ 30.',
      en: 'Chiều nay trung tâm làm việc đến 16 giờ 30.',
    });
    await console.close();
  });

  it('shows per queue how many of those waiting may not be served before closing', { timeout: 90_000 }, async () => {
    // A second hub on the demo hall's real hours, its clock at 16:35 on a Tuesday: one clerk at
    // counter 1 (civil status, 6 minutes a citizen) calls at 16:35, 16:41, 16:47, 16:53 and
    // 16:59; of 8 waiting, 3 are past the 17:00 closing.
    const dataDir = tempDataDir();
    const hallFile = demoHallWith(dataDir, (hall) => {
      hall.hall.hours = { 'mon-fri': ['07:30-11:30', '13:30-17:00'] };
    });
    const late = await startTestHub({ dataDir, hallFile, clock: () => localInstant('2026-11-24', 16 * 60 + 35, 'Asia/Ho_Chi_Minh') });
    try {
      expect((await api(late.url, 'POST', '/api/staff/sign-in', { user: 'canbo1', password: 'luot-demo', counterId: 1 }, { authorization: null })).status).toBe(200);
      for (let i = 0; i < 8; i++) expect((await api(late.url, 'POST', '/api/tickets', { serviceId: 'HT' })).status).toBe(201);
      const console = await signInConsole(browser, late.url, 'quanly');
      const header = await console.locator('table.queues thead th').allTextContents();
      expect(header.at(-1)).toBe('Có thể không kịp hôm nay');
      const ht = console.locator('table.queues tbody tr', { hasText: 'Tư pháp - Hộ tịch - Chứng thực' });
      await expect.poll(() => ht.locator('td.beyond').textContent()).toBe('3');
      // A queue that will be served in time shows 0, not in red.
      expect(await console.locator('table.queues tbody tr', { hasText: 'Đất đai' }).locator('td').last().getAttribute('class')).toContain('zero');
      await checkAxe(console, 'live hall near closing');
      await console.click('.bar .lang');
      await console.locator('table.queues thead th', { hasText: 'May not be served today' }).waitFor();
      await checkAxe(console, 'live hall near closing, in English');
      await console.screenshot({ path: screenshotPath('manager-hall-closing.png') });
      await console.close();
    } finally {
      await late.stop(true);
    }
  });

  it('an admin adds a clerk, who then signs in at the counter page and calls', { timeout: 90_000 }, async () => {
    const console = await signInConsole(browser, hub.url, 'quantri');
    await console.click('.bar .tab:has-text("Người dùng")');
    await console.waitForSelector('table.accounts tbody tr');
    // Bad input: the hub names the field, and nothing is added.
    await console.fill('input[name=new-user]', 'canbo21');
    await console.fill('input[name=new-name]', 'Đỗ Thị Hạnh');
    await console.fill('input[name=new-password]', 'ngan');
    await console.click('form.add-user button[type=submit]');
    await console.waitForSelector('.message.error');
    expect(await console.textContent('.message.error')).toContain('password');
    await console.fill('input[name=new-password]', 'hanh-2026!');
    await console.fill('input[name=new-counters]', '4');
    await console.click('form.add-user button[type=submit]');
    await console.waitForSelector('tr[data-user=canbo21]');
    expect(await console.textContent('.message.ok')).toBe('Đã thêm tài khoản canbo21.');
    await checkAxe(console, 'users');
    await console.screenshot({ path: screenshotPath('manager-users.png') });

    const counter = await browser.newPage({ viewport: COUNTER_VIEWPORT });
    await signInAtCounter(counter, hub.url, 'canbo21', 4, 'hanh-2026!');
    await counter.waitForSelector('.action-callNext');
    await counter.click('.action-callNext');
    await expect.poll(async () => (await api(hub.url, 'GET', '/api/counters/4')).body.current?.number ?? null).not.toBeNull();
    await counter.close();
    await console.close();
  });

  it('a printer out of paper raises an alert with a sound; a manager acknowledges it', { timeout: 90_000 }, async () => {
    const console = await signInConsole(browser, hub.url, 'quanly');
    await console.evaluate(() => {
      // Counts the chimes the page plays.
      const w = window as unknown as { chimes: number };
      w.chimes = 0;
      const Original = window.AudioContext;
      window.AudioContext = class extends Original {
        constructor() {
          super();
          w.chimes++;
        }
      } as typeof AudioContext;
    });
    printer.state = { ...PAPER_OUT };
    const issued = await fetch(`${hub.url}/api/kiosk/tickets`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-kiosk-K1-token', 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'HT' }),
    });
    expect(issued.status).toBe(201);
    const strip = console.locator('.alert-strip');
    await strip.waitFor({ timeout: 15_000 });
    expect(await strip.textContent()).toContain('Máy in K1: Máy in hết giấy.');
    await expect.poll(() => console.evaluate(() => (window as unknown as { chimes: number }).chimes)).toBeGreaterThan(0);
    await strip.click();
    const alert = console.locator('.alert.new', { hasText: 'Máy in K1: Máy in hết giấy.' });
    await alert.waitFor();
    await checkAxe(console, 'alerts');
    await console.screenshot({ path: screenshotPath('manager-alerts.png') });
    await alert.locator('button').click();
    await console.locator('.alert.seen', { hasText: 'Trần Thị Thu đã nắm lúc' }).waitFor();
    await checkAxe(console, 'alerts acknowledged');

    // A threshold out of range is refused with the field named.
    await console.fill('input[name=ticketHeldMinutes]', '0');
    await console.click('form.thresholds button[type=submit]');
    await console.waitForSelector('.message.error');
    expect(await console.textContent('.message.error')).toContain('ticketHeldMinutes');
    const log = (await api(hub.url, 'GET', '/api/events?limit=1000')).body;
    expect(log.some((e: any) => e.type === 'alert:acknowledged' && e.actor === 'Trần Thị Thu')).toBe(true);
    await console.close();
  });
});
