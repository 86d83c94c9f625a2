/// <reference lib="dom" />
// The hall's opening hours on the console's Configuration screen in Chromium at 1366x768: hours
// written wrong are refused beside the field and change nothing; hours that leave out this very
// hour close the service on the kiosk page, open all along, without a reload. axe-core finds no
// serious or critical violation on the screen. The calendar panel adds a closure of today: the
// kiosk shows the service closed with its reason; removed, the service opens again.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { DEMO_KIOSK_TOKEN } from '../helpers/callers.js';
import { checkAxe, signInConsole } from '../helpers/manager-console.js';
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

/** One hour every day that does not hold the present hour in Hà Nội. */
function hoursNotNow(): string {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  const start = (hour + 2) % 24;
  const clock = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return `mon-sun ${clock(start)}-${clock(start + 1)}`;
}

describe("the hall's opening hours in the console", () => {
  it('hours written wrong are refused beside the field; hours without this hour close the kiosk without a reload', { timeout: 120_000 }, async () => {
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${hub.url}/kiosk/?device=K1&token=${DEMO_KIOSK_TOKEN}`);
    await kiosk.waitForSelector('.service[data-service=HT]:not(.closed)');
    await kiosk.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    const console = await signInConsole(browser, hub.url, 'quantri');
    await console.click('.bar .tab:has-text("Cấu hình")');
    await console.waitForSelector('#hall-hours');
    expect(await console.inputValue('#hall-hours')).toBe('');

    // Closing before opening: refused, said beside the field, nothing changed.
    await console.fill('#hall-hours', 'mon-fri 11:30-07:30');
    await console.click('form:has(#hall-hours) button[type=submit]');
    await console.waitForSelector('#hall-hours-error');
    expect(await console.textContent('#hall-hours-error')).toContain('giờ mở cửa không hợp lệ');
    expect(await console.getAttribute('#hall-hours', 'aria-invalid')).toBe('true');
    await checkAxe(console, 'configuration with refused opening hours');
    await console.evaluate(() => document.querySelector('#config-hall')?.scrollIntoView({ block: 'start' }));
    await console.screenshot({ path: screenshotPath('manager-config-hours.png') });
    expect((await api(hub.url, 'GET', '/api/hall')).body.services.find((s: any) => s.id === 'HT').open).toBe(true);

    const hours = hoursNotNow();
    await console.fill('#hall-hours', hours);
    await console.click('form:has(#hall-hours) button[type=submit]');
    await console.waitForSelector('.message.ok');
    expect(await console.$('#hall-hours-error')).toBeNull();
    expect(await console.inputValue('#hall-hours')).toBe(hours);

    // The kiosk page, never reloaded, now says the service is closed and until when.
    await kiosk.waitForSelector('.service.closed[data-service=HT]', { timeout: 10_000 });
    expect(await kiosk.textContent('.service[data-service=HT] .closed-reason')).toMatch(/\d\d:00/);
    expect(await kiosk.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    const refused = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect(refused.status).toBe(409);
    await checkAxe(console, 'configuration with new opening hours');

    // Emptied: around the clock again, and the kiosk opens the service.
    await console.fill('#hall-hours', '');
    await console.click('form:has(#hall-hours) button[type=submit]');
    await kiosk.waitForSelector('.service[data-service=HT]:not(.closed)', { timeout: 10_000 });
    await kiosk.close();
    await console.close();
  });

  it("the calendar panel lists, adds and removes the hall's own days; a closure of today closes the kiosk", { timeout: 120_000 }, async () => {
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${hub.url}/kiosk/?device=K1&token=${DEMO_KIOSK_TOKEN}`);
    await kiosk.waitForSelector('.service[data-service=HT]:not(.closed)');
    const console = await signInConsole(browser, hub.url, 'quantri');
    await console.click('.bar .tab:has-text("Cấu hình")');
    await console.waitForSelector('#config-calendar');
    await console.waitForSelector('.calendar-years li');
    expect(await console.textContent('section[aria-labelledby=config-calendar]')).toContain('Chưa có ngày nghỉ riêng');

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    // A closure ending before it starts: refused with the reason, nothing added.
    await console.fill('#day-date', today);
    await console.fill('#day-from', '17:00');
    await console.fill('#day-to', '08:00');
    await console.fill('#day-reason-vi', 'Bão số 9');
    await console.click('section[aria-labelledby=config-calendar] button[type=submit]');
    await console.waitForSelector('section[aria-labelledby=config-calendar] .message.error');
    expect(await console.textContent('section[aria-labelledby=config-calendar] .message.error')).toContain('17:00');
    expect((await api(hub.url, 'GET', '/api/calendar')).body.hallDays).toEqual([]);

    await console.fill('#day-from', '');
    await console.fill('#day-to', '');
    await console.fill('#day-reason-en', 'Typhoon no. 9');
    await console.click('section[aria-labelledby=config-calendar] button[type=submit]');
    await console.waitForSelector('.calendar-days tr[data-hall-day]');
    expect(await console.textContent('.calendar-days tbody')).toContain('Bão số 9');
    await kiosk.waitForSelector('.service.closed[data-service=HT]', { timeout: 10_000 });
    expect(await kiosk.textContent('.service[data-service=HT] .closed-reason')).toContain('Bão số 9');
    await checkAxe(console, 'configuration with a closure in the calendar');
    await console.evaluate(() => document.querySelector('#config-calendar')?.scrollIntoView({ block: 'start' }));
    await console.screenshot({ path: screenshotPath('manager-config-calendar.png') });

    await console.click('.calendar-days tr[data-hall-day] button');
    await console.waitForSelector('.calendar-days', { state: 'detached' });
    await kiosk.waitForSelector('.service[data-service=HT]:not(.closed)', { timeout: 10_000 });
  });
});
