/// <reference lib="dom" />
// The kiosk on a public holiday: the hub runs as its own process on the demo hall's real hours
// with its clock set to mùng 1 Tết Bính Ngọ (Tuesday 17/2/2026, 09:00 in Hanoi) by libfaketime,
// as a hall PC whose date is a holiday. The kiosk in Chromium shows every service closed with
// the holiday and the next opening, and the API refuses a number with the same words. And the
// phone page of a ticket taken before a closure the manager adds says until when it is closed.

import { existsSync, readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HALL_FILE } from '../../server/paths.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { killed, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { demoHallWith } from '../helpers/hall-files.js';
import { api, startTestHub, tempDataDir } from '../helpers/test-hub.js';
import { localInstant } from '../../server/domain/calendar/working-time.js';

/** Debian's libfaketime, in the multiarch folder of the machine. */
const LIBFAKETIME = readdirSync('/usr/lib')
  .map((dir) => `/usr/lib/${dir}/faketime/libfaketime.so.1`)
  .find((file) => existsSync(file));

let browser: Browser;
let hub: HubProcess;

beforeAll(async () => {
  if (!LIBFAKETIME) throw new Error('libfaketime is missing: apt-get install faketime (tests/setup/system-tools.sh)');
  hub = await startHubProcess(tempDataDir(), ['--config', DEMO_HALL_FILE], {
    LD_PRELOAD: LIBFAKETIME,
    // 02:00 UTC is 09:00 in Hanoi; the clock runs on from there. Timers keep the real monotonic clock.
    FAKETIME: '@2026-02-17 02:00:00',
    TZ: 'UTC',
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (hub) {
    hub.child.kill('SIGTERM');
    await killed(hub.child);
  }
});

describe('the kiosk on a holiday', () => {
  it('shows every service closed for Tết with the next opening, and the API refuses a number', async () => {
    const health = await api(hub.url, 'GET', '/api/health');
    expect(health.body.day).toBe('2026-02-17');

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${hub.url}/kiosk/?device=K1&token=demo-kiosk-K1-token`);
    const tile = page.locator('button.service[data-service="HT"]');
    await tile.waitFor();
    await expect.poll(() => tile.locator('.closed-reason').textContent()).toBe('Nghỉ Tết Nguyên đán, mở lại thứ Hai 23/02 lúc 07:30');
    expect(await tile.isDisabled()).toBe(true);
    // Every tile of the page says the same, and so does every service: the whole hall is closed.
    const reasons = await page.locator('button.service .closed-reason').allTextContents();
    expect(reasons.length).toBe(await page.locator('button.service').count());
    expect(new Set(reasons)).toEqual(new Set(['Nghỉ Tết Nguyên đán, mở lại thứ Hai 23/02 lúc 07:30']));
    const services = (await api(hub.url, 'GET', '/api/services')).body as { closedReason: string; active: boolean }[];
    expect(services.length).toBeGreaterThanOrEqual(20);
    expect(new Set(services.filter((s) => s.active).map((s) => s.closedReason))).toEqual(new Set(['holiday']));
    // Collecting a result is closed too, with the same words, not a dead end behind a live button.
    const collect = page.locator('button.return-button');
    expect(await collect.isDisabled()).toBe(true);
    expect(await collect.locator('small').textContent()).toBe('Nghỉ Tết Nguyên đán, mở lại thứ Hai 23/02 lúc 07:30');
    await page.screenshot({ path: screenshotPath('kiosk-holiday.png') });

    const refused = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: 'service_closed_hours',
      message: 'Dịch vụ Đất đai không cấp số lúc này: Nghỉ Tết Nguyên đán, mở lại thứ Hai 23/02 lúc 07:30.',
      messageEn: 'Service Đất đai is not giving numbers now: Lunar New Year (Tết) holiday, reopens Monday 23/02 at 07:30.',
    });
    await page.close();
  });
});

describe('the phone page during a closure', () => {
  it("tells the waiting citizen the closure's reason and when the hall opens again", async () => {
    // Tuesday 24/11/2026 at 09:00, on the demo hall's real hours; the clock stays there.
    const dataDir = tempDataDir();
    const file = demoHallWith(dataDir, (hall) => (hall.hall.hours = { 'mon-fri': ['07:30-11:30', '13:30-17:00'] }));
    const own = await startTestHub({ dataDir, hallFile: file, clock: () => localInstant('2026-11-24', 9 * 60, 'Asia/Ho_Chi_Minh') });
    try {
      const taken = await api(own.url, 'POST', '/api/tickets', { serviceId: 'DD' });
      expect(taken.status).toBe(201);
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`${own.url}/t/${taken.body.ticket.ticket.id}`);
      await page.locator('.phone-number').waitFor();
      expect(await page.locator('.phone-closed').count()).toBe(0);
      const storm = { day: '2026-11-24', kind: 'closed', from: '09:00', reason: { vi: 'Nghỉ tránh bão số 15', en: 'Closed for typhoon no. 15' } };
      expect((await api(own.url, 'POST', '/api/calendar/days', storm)).status).toBe(201);
      const closed = page.locator('.phone-closed');
      await expect.poll(() => closed.textContent(), { timeout: 15_000 }).toBe('Nghỉ tránh bão số 15, mở lại thứ Tư 25/11 lúc 07:30');
      await page.screenshot({ path: screenshotPath('phone-closure.png') });
      await page.close();
    } finally {
      await own.stop(true);
    }
  });
});
