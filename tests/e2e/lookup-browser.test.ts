/// <reference lib="dom" />
// The lookup terminal in Chromium, on a portrait 1080x1920 touch screen: a code typed on the
// on-screen keyboard or scanned (a scanner types and presses Enter), the procedures guide,
// the return to the start when left alone, and axe-core's checks.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { inject, prepareCallers } from '../helpers/callers.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let hub: TestHub;
let code: string;

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub();
  const c = await prepareCallers(hub);
  await inject(hub, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
  const ticketId = (await inject(hub, c.clerk1!, 'POST', '/api/counters/1/call-next', {})).body.ticket.id;
  const received = await inject(hub, c.clerk1!, 'POST', '/api/dossiers', {
    counterId: 1,
    ticketId,
    procedureCode: 'HT.04',
    applicant: { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: '0912345678', address: 'Số 5 đường Hoa Sữa' },
    papers: [],
    outcome: 'complete',
  });
  code = received.body.code;
  await inject(hub, c.api!, 'POST', `/api/dossiers/${code}/status`, { action: 'start' });
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
});

async function terminal(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  await page.goto(`${hub.url}/lookup/`);
  await page.waitForSelector('.keyboard');
  return page;
}

describe('lookup terminal', () => {
  it('finds a dossier typed on the on-screen keyboard, with the name masked and nothing else personal', async () => {
    const page = await terminal();
    expect(await seriousViolations(page)).toEqual([]);
    for (const ch of code) await page.tap(`.key[data-key="${ch}"]`);
    await page.tap('.key[data-key="enter"]');
    await page.waitForSelector('.dossier');
    expect(await page.locator('.dossier .status').textContent()).toBe('Đang xử lý');
    expect(await page.locator('.dossier .masked').textContent()).toBe('N*** V** A*');
    const text = (await page.locator('main').textContent()) ?? '';
    for (const secret of ['001099012345', '0912345678', 'Hoa Sữa', 'Nguyễn']) expect(text).not.toContain(secret);
    expect(await page.locator('.timeline li').count()).toBe(2);
    expect(text).toContain('Quầy số 1, 2, 12');
    // Names and numbers are large enough for a standing reader.
    expect(Number.parseFloat(await page.locator('.dossier .status').evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(40);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('lookup-dossier.png') });
    await page.tap('.again');
    await page.waitForSelector('.keyboard');
    await page.close();
  });

  it('takes a scanned QR code (the scanner types the address and presses Enter), and says when a code is unknown', async () => {
    const page = await terminal();
    await page.locator('#code').fill(`http://192.168.1.10:8080/lookup/?code=${code}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.dossier');
    expect(await page.locator('.dossier .code').textContent()).toBe(code);
    await page.tap('.again');
    await page.locator('#code').fill('000.00.14.H17-261127-9999');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.error').textContent()).toContain('Không tìm thấy hồ sơ');
    await page.locator('#code').fill('12345');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.error').textContent()).toContain('mã cơ quan, ngày nhận và số thứ tự');
    await page.close();
  });

  it('opens a dossier from the phone page link (?code=)', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${hub.url}/lookup/?code=${encodeURIComponent(code)}`);
    await page.waitForSelector('.dossier');
    expect(await page.locator('.dossier .code').textContent()).toBe(code);
    await page.close();
  });

  it('browses the procedures guide typed without diacritics', async () => {
    const page = await terminal();
    await page.tap('.tabs button:nth-child(2)');
    for (const ch of 'chung thuc') await page.tap(ch === ' ' ? '.key[data-key="space"]' : `.key[data-key="${ch}"]`);
    await expect.poll(() => page.locator('.procedures li').count()).toBe(4);
    await page.screenshot({ path: screenshotPath('lookup-guide.png') });
    await page.tap('.procedures button[data-procedure="CT.01"]');
    await page.waitForSelector('.procedure');
    expect(await page.locator('.procedure h2').textContent()).toBe('Chứng thực bản sao từ bản chính giấy tờ, văn bản');
    expect(await page.locator('.papers').textContent()).toContain('Bản chính giấy tờ, văn bản cần chứng thực (xuất trình, 1 bản)');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('lookup-procedure.png') });
    await page.close();
  });

  it('goes back to its start after a minute without a touch', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await page.clock.install();
    await page.goto(`${hub.url}/lookup/`);
    await page.waitForSelector('.keyboard');
    await page.tap('.tabs button:nth-child(2)');
    await page.tap('.key[data-key="k"]');
    await page.clock.runFor(50_000);
    await expect.poll(() => page.locator('.idle').textContent()).toContain('trở về trang đầu');
    await page.clock.runFor(11_000);
    await expect.poll(() => page.locator('.tabs button.active').textContent()).toBe('Tra cứu hồ sơ');
    expect(await page.locator('#code').inputValue()).toBe('');
    await page.close();
  });
});
