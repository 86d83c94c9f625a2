/// <reference lib="dom" />
// The counter page in Chromium: a clerk signs in, calls with the mouse and the keyboard, and
// the waiting-room display (allowed to play sound, as a hall display runs) shows the number
// and speaks it, one announcement after the other.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpokenCall } from '../../display/src/announcer.js';
import { launchChromium } from '../helpers/browser.js';
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

async function signIn(page: Page, user: string, counter: number, password = 'luot-demo'): Promise<void> {
  await page.goto(`${hub.url}/counter/?counter=${counter}`);
  await page.waitForSelector(`select option[value="${counter}"]`, { state: 'attached' });
  await page.fill('input[name=user]', user);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

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

  it('says why a sign-in fails, and returns to sign-in when the session is gone', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, 'canbo3', 4, 'wrong-password');
    await expect.poll(() => page.locator('.error').textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    // Counter 3 is held by Nguyễn Thị Lan since the first test.
    await signIn(page, 'canbo3', 3);
    await expect.poll(() => page.locator('.error').textContent()).toBe(
      'Quầy số 3 đang do cán bộ Nguyễn Thị Lan làm việc. Mỗi quầy chỉ một người đăng nhập.',
    );
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
