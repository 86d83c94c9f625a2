/// <reference lib="dom" />
// The counter page's keys while the receiving form is open: a citizen ID typed on the numeric
// keypad (whose 1 is "call next") goes into the field and moves nothing else, and a dossier is
// saved against the ticket the form was opened for, or refused once that ticket has moved on.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInCounter } from '../helpers/counter-page.js';
import { launchChromium } from '../helpers/browser.js';
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

const counterPage = (user: string, counter: number) => signedInCounter(browser, hub.url, user, counter);

/** What the hub says counter 1 holds and who waits: the truth, not the page's picture of it. */
async function counterOne(): Promise<{ current: string | null; waiting: string[] }> {
  const { body: detail } = await api(hub.url, 'GET', '/api/counters/1');
  return { current: detail.current?.number ?? null, waiting: detail.waiting.map((t: { number: string }) => t.number) };
}

/**
 * Digits from the numeric keypad with Num Lock on, as a USB keypad sends them: key "1" with
 * code "Numpad1" (playwright's own Numpad keys are Num Lock off: Insert, End...).
 */
async function numpad(page: Page, digits: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const digit of digits) {
    const key = { key: digit, code: `Numpad${digit}`, windowsVirtualKeyCode: 96 + Number(digit), location: 3 };
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: digit, ...key });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  }
  await cdp.detach();
}

async function heldTicketId(): Promise<string> {
  return (await api(hub.url, 'GET', '/api/counters/1')).body.current.id;
}

async function openReceivingForm(page: Page): Promise<void> {
  await page.click('.dossiers .receive');
  await page.fill('.receive-dialog input', 'xac nhan tinh trang hon nhan');
  await page.click('.procedure-choices button[data-procedure="HT.04"]');
  await page.waitForSelector('input[name=idNumber]');
}

describe('counter keys while a form is open', () => {
  it('an ID typed on the numeric keypad stays in the field; no call, finish or recall happens', { timeout: 60_000 }, async () => {
    for (let i = 0; i < 3; i++) await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    const page = await counterPage('canbo1', 1);
    await page.click('.action-callNext');
    await expect.poll(() => page.locator('[data-testid=current-number]').textContent()).toBe('A001');
    // The citizen is at the counter: from now on "call next" would finish A001 and call A002.
    await page.click('.action-start');
    await expect.poll(async () => (await api(hub.url, 'GET', '/api/counters/1')).body.current.status).toBe('serving');
    const before = await counterOne();
    expect(before).toEqual({ current: 'A001', waiting: ['A002', 'A003'] });

    await openReceivingForm(page);
    expect(await page.locator('[role=dialog]').getAttribute('aria-label')).toBe('Tiếp nhận hồ sơ của số A001');
    await page.click('input[name=idNumber]');
    // The keypad's digits, 1 among them (call next), and F1 (call next) and F2 (recall).
    await numpad(page, '001099012345');
    await page.keyboard.press('F1');
    await page.keyboard.press('F2');
    expect(await page.inputValue('input[name=idNumber]')).toBe('001099012345');

    // Focus on no field, the dialog still open: the keys still act on nothing.
    await page.locator('[role=dialog] h2').click();
    await numpad(page, '1');
    for (const key of ['F1', 'F2', 'NumpadAdd']) await page.keyboard.press(key);

    // Give any command the page might have sent time to land, then read the hub itself.
    await page.waitForTimeout(500);
    expect(await counterOne()).toEqual(before);
    expect(await page.locator('[data-testid=current-number]').textContent()).toBe('A001');

    await page.fill('input[name=name]', 'Nguyễn Văn An');
    await page.fill('input[name=address]', 'Số 5 đường Hoa Sữa, phường Hòa An');
    const receipt = page.waitForEvent('popup', { timeout: 15_000 }).catch(() => null);
    await page.click('[data-outcome=complete]');
    await page.waitForSelector('.dossiers li[data-dossier]');
    // The receipt opens in a window of its own; the clerk prints it and closes it.
    await (await receipt)?.close();
    const { body: mine } = await api(hub.url, 'GET', `/api/dossiers?ticketId=${encodeURIComponent(await heldTicketId())}`);
    expect(mine.map((d: { applicant: { idNumber: string } }) => d.applicant.idNumber)).toEqual(['001099012345']);

    // Once the dialog is closed and no field has focus, the same key calls again (nothing on the
    // desk is clicked, so no button acts).
    await page.waitForSelector('[role=dialog]', { state: 'detached' });
    await page.bringToFront();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await numpad(page, '1');
    await expect.poll(() => counterOne()).toEqual({ current: 'A002', waiting: ['A003'] });
    await page.close();
  });

  it('a form opened for one ticket is refused once a keypad has called the next, and nothing lands on the new ticket', { timeout: 60_000 }, async () => {
    const page = await counterPage('canbo1', 1);
    await expect.poll(() => page.locator('[data-testid=current-number]').textContent()).toBe('A002');
    await page.click('.action-start');
    await expect.poll(async () => (await api(hub.url, 'GET', '/api/counters/1')).body.current.status).toBe('serving');
    const a002 = await heldTicketId();
    await openReceivingForm(page);
    await page.fill('input[name=name]', 'Trần Thị Bình');
    await page.fill('input[name=idNumber]', '001199054321');
    await page.fill('input[name=address]', 'Số 9 phố Chợ, phường Hòa An');

    // The counter's hardware keypad (or another of the clerk's screens) calls the next number.
    await api(hub.url, 'POST', '/api/counters/1/call-next', { finishCurrent: true });
    await expect.poll(() => page.locator('[data-testid=current-number]').textContent()).toBe('A003');
    // The form says so at once, and still names the ticket it was opened for.
    await page.waitForSelector('.receive-dialog [role=alert]');
    expect(await page.locator('.receive-dialog [role=alert]').textContent()).toBe('Số A002 không còn ở quầy này: hồ sơ không thể lưu cho số khác. Hãy đóng mẫu này.');
    expect(await page.getAttribute('.receive-dialog', 'data-ticket')).toBe(a002);

    await page.click('[data-outcome=complete]');
    await expect.poll(() => page.locator('.receive-dialog [role=alert]').allTextContents()).toContainEqual(expect.stringContaining('không đang được phục vụ tại quầy số 1'));
    const a003 = await heldTicketId();
    expect((await api(hub.url, 'GET', `/api/dossiers?ticketId=${encodeURIComponent(a003)}`)).body).toEqual([]);
    expect((await api(hub.url, 'GET', `/api/dossiers?ticketId=${encodeURIComponent(a002)}`)).body).toEqual([]);
    await page.close();
  });
});
