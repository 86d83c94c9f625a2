/// <reference lib="dom" />
// The counter page in Chromium: a clerk signs in, calls with the mouse and the keyboard, and
// the waiting-room display (allowed to play sound, as a hall display runs) shows the number
// and speaks it, one announcement after the other.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpokenCall } from '../../display/src/announcer.js';
import { seriousViolations } from '../helpers/axe.js';
import { signInAtCounter } from '../helpers/counter-page.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { staffCounters } from '../helpers/callers.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let hub: TestHub;

beforeAll(async () => {
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  hub = await startTestHub({ dataDir: tempDataDir() });
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
});

const signIn = (page: Page, user: string, counter: number, password?: string) => signInAtCounter(page, hub.url, user, counter, password);

const announcements = (page: Page) => page.evaluate(() => (window as Window & { luotAnnouncements?: SpokenCall[] }).luotAnnouncements ?? []);

describe('counter page', () => {
  it('a clerk signs in and clicks call; the display shows the number and speaks it', async () => {
    for (let i = 0; i < 3; i++) await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD' });
    const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(`${hub.url}/display/`);
    await display.waitForSelector('.now h1');

    const counter = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(counter, 'canbo1', 3);
    await counter.waitForSelector('.action-callNext:not([disabled])');
    expect(await counter.locator('.desk-clerk').textContent()).toBe('Nguyễn Thị Lan');
    expect(await counter.locator('.desk-counter').textContent()).toBe('Quầy 3');
    expect(await counter.locator('.waiting-list li').allTextContents()).toEqual(['B001', 'B002', 'B003']);

    await counter.click('.action-callNext');
    await expect.poll(() => counter.locator('[data-testid=current-number]').textContent()).toBe('B001');
    expect(await counter.locator('.message').textContent()).toBe('Đã gọi số B001 đến quầy 3');
    expect(await counter.locator('.waiting-list li').allTextContents()).toEqual(['B002', 'B003']);

    await expect.poll(() => display.getAttribute('.call.newest', 'data-number')).toBe('B001');
    expect(await display.getAttribute('.call.newest', 'data-counter')).toBe('3');
    await expect.poll(async () => (await announcements(display)).length).toBe(1);
    // While it speaks, the display says so with a drawn loudspeaker (an emoji would need a font the TV may lack).
    await display.waitForSelector('.speaking[data-speaking="B001"] svg.speaker-icon');
    const [first] = await announcements(display);
    expect(first).toMatchObject({ number: 'B001', counterId: 3, recall: false, url: '/api/voice/call.wav?number=B001&counter=3' });
    const audio = await display.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get('content-type'), bytes: (await response.arrayBuffer()).byteLength };
    }, first!.url);
    expect(audio.status).toBe(200);
    expect(audio.type).toBe('audio/wav');
    // Chime and about twenty words: several seconds of sound.
    expect(audio.bytes / (22050 * 2)).toBeGreaterThan(4);

    // Recall with its key (F2): the second announcement waits for the first to end.
    await counter.keyboard.press('F2');
    await expect.poll(async () => (await announcements(display)).length, { timeout: 20_000 }).toBe(2);
    await expect.poll(async () => (await announcements(display))[1]!.endedAt, { timeout: 30_000 }).not.toBeNull();
    const [a, b] = await announcements(display);
    expect(b).toMatchObject({ number: 'B001', counterId: 3, recall: true });
    expect(a!.outcome).toBe('played');
    expect(b!.outcome).toBe('played');
    expect(b!.startedAt).toBeGreaterThanOrEqual(a!.endedAt!);
    // The sound really lasted: the browser played the whole clip, not a click.
    expect(a!.endedAt! - a!.startedAt).toBeGreaterThan(4000);

    // Start (F3) and finish (F6) from the keyboard, as a USB keypad would type them.
    await counter.keyboard.press('F3');
    await expect.poll(() => counter.locator('.current-status').textContent()).toContain('Đang phục vụ');
    await counter.waitForSelector('.action-finish:not([disabled])');
    await counter.keyboard.press('F6');
    await expect.poll(() => counter.locator('[data-testid=today-done]').textContent()).toBe('1');
    expect(await counter.locator('.current-empty').textContent()).toBe('Chưa gọi số');
    await display.close();
    await counter.close();
  }, 90_000);

  it('fits a 1366x768 laptop with a long queue, and transfers and pauses through dialogs', async () => {
    for (let i = 0; i < 60; i++) await api(hub.url, 'POST', '/api/tickets', { serviceId: i % 2 ? 'HT' : 'TKQ' });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, 'canbo2', 2);
    await page.waitForSelector('.action-callNext:not([disabled])');
    await page.click('.action-callNext');
    await page.waitForSelector('.current-called');
    const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
    expect(size).toEqual({ w: 1366, h: 768 });
    const buttonHeights = await page.locator('.action').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...buttonHeights)).toBeGreaterThanOrEqual(80);
    expect(await page.locator('.queue-panel').textContent()).toContain('và 19 số khác');
    await page.screenshot({ path: screenshotPath('counter-page.png') });

    const number = await page.locator('[data-testid=current-number]').textContent();
    await page.keyboard.press('F7');
    await page.click('.modal .choice[data-service="DD"]');
    await expect.poll(() => page.locator('.current-empty').count()).toBe(1);
    const moved = (await api(hub.url, 'GET', '/api/tickets?serviceId=DD&status=waiting')).body.map((t: any) => t.number);
    expect(moved).toContain(number);

    await page.click('.action-pause');
    await page.click('.modal .choice >> text=Nghỉ trưa');
    await expect.poll(() => page.locator('.badge.paused').textContent()).toBe('Quầy đang tạm dừng: Nghỉ trưa');
    expect(await page.locator('.action-callNext').isDisabled()).toBe(true);
    expect(await page.locator('.action-pause').textContent()).toContain('Tiếp tục làm việc');
    await page.keyboard.press('F8');
    await page.waitForSelector('.action-callNext:not([disabled])');
    await page.close();
  }, 60_000);

  it('calls a chosen number by keys, restores a no-show, cancels with a reason, and shows a pause across the page', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 8; i++) numbers.push((await api(hub.url, 'POST', '/api/tickets', { serviceId: 'XD' })).body.ticket.ticket.number);
    // Counter 6's clerk signs in (counters start the day closed), then pauses it for a meeting.
    await staffCounters(hub, [6]);
    expect((await api(hub.url, 'POST', '/api/counters/6/pause', { reason: 'Họp' })).status).toBe(200);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, 'canbo5', 5);
    await page.waitForSelector('.waiting-list button:not([disabled])');

    // The third number by keys: focus the first, two arrows right, Enter.
    await page.locator(`.waiting-list button >> text=${numbers[0]}`).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=current-number]').textContent()).toContain(numbers[2]);
    // While a ticket is held, the list does not call.
    expect(await page.locator('.waiting-list button:not([disabled])').count()).toBe(0);

    // No-show, then restore from today's list: back in the queue, in its place.
    await page.click('.action-noShow');
    await page.waitForSelector(`.no-shows li:has-text("${numbers[2]}") .restore`);
    expect(await page.locator('.no-shows li').first().textContent()).toContain('còn 15 phút');
    await page.click(`.no-shows li:has-text("${numbers[2]}") .restore`);
    await expect.poll(() => page.locator('.message').textContent()).toBe(`Đã đưa số ${numbers[2]} trở lại hàng chờ`);
    await expect.poll(() => page.locator('.waiting-list button').allTextContents()).toContain(numbers[2]);
    expect(await page.locator('.no-shows li').count()).toBe(0);

    // Call by a click, then cancel it with a reason: it leaves the queue, the reason is kept for staff.
    await page.click(`.waiting-list button >> text=${numbers[4]}`);
    await expect.poll(() => page.locator('[data-testid=current-number]').textContent()).toContain(numbers[4]);
    await page.click('.cancel-ticket');
    await page.waitForSelector('.modal .choice[data-reason="1"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-reason'))).toBe('0');
    await page.fill('.cancel-other input', 'Công dân đi nhầm trung tâm');
    await page.click('.cancel-other button[type=submit]');
    await expect.poll(() => page.locator('.message').textContent()).toBe(`Đã hủy số ${numbers[4]}`);
    const cancelled = (await api(hub.url, 'GET', '/api/tickets?status=cancelled')).body.find((t: any) => t.number === numbers[4]);
    expect(cancelled.endReason).toBe('Công dân đi nhầm trung tâm');

    // Transfer by keys only: the dialog shows each counter's state; paused counter 6 says so.
    await page.click(`.waiting-list button >> text=${numbers[0]}`);
    await expect.poll(() => page.locator('[data-testid=current-number]').textContent()).toContain(numbers[0]);
    await page.keyboard.press('F7');
    await page.waitForSelector('.modal .counter-choice[data-counter="6"]');
    expect(await page.locator('.modal .counter-choice[data-counter="6"]').textContent()).toContain('Tạm dừng');
    // The first choice takes the focus once both lists (services and counters) have come.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('choice'))).toBe(true);
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.getAttribute('data-counter'))) !== '7'; i++) await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-counter'))).toBe('7');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.current-empty').count()).toBe(1);
    const sent = (await api(hub.url, 'GET', '/api/tickets?status=waiting')).body.find((t: any) => t.number === numbers[0]);
    expect(sent.targetCounterId).toBe(7);

    // Paused: a banner across the page with the reason and the way back.
    await page.click('.action-pause');
    await page.click('.modal .choice >> text=Họp');
    await page.waitForSelector('.paused-banner');
    expect(await page.locator('.paused-banner').textContent()).toContain('Quầy đang tạm dừng: Họp');
    const banner = await page.locator('.paused-banner').boundingBox();
    expect(banner!.width).toBe(1366);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('counter-paused.png') });
    await page.click('.resume-button');
    await page.waitForSelector('.paused-banner', { state: 'detached' });
    await api(hub.url, 'POST', '/api/counters/6/resume', {});
    await page.close();
  }, 60_000);

  it('says why a sign-in fails, and returns to sign-in when the session is gone', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, 'canbo3', 4, 'wrong-password');
    await expect.poll(() => page.locator('.error').textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    // Counter 3 is held by Nguyễn Thị Lan since the first test.
    await signIn(page, 'canbo3', 3);
    await expect.poll(() => page.locator('.error').textContent()).toBe('Quầy số 3 đang do cán bộ Nguyễn Thị Lan làm việc. Mỗi quầy chỉ một người đăng nhập.');
    expect(await page.locator('select option[value="3"]').textContent()).toBe('Quầy 3 (đang có Nguyễn Thị Lan)');

    await signIn(page, 'canbo3', 4);
    await page.waitForSelector('.desk');
    // The session ends elsewhere (signed out from another tab, which closes the empty counter):
    // the page sees its counter close and goes back to sign-in.
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('luot.counter.session')!).token as string);
    await api(hub.url, 'POST', '/api/staff/sign-out', {}, { authorization: `Bearer ${token}` });
    await expect.poll(() => page.locator('.notice').textContent()).toBe('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
    await page.close();
  }, 60_000);
});
