/// <reference lib="dom" />
// Collecting a result at the kiosk (portrait 1080x1920), the one way there is: the citizen types
// the code's short form and the check code on the on-screen keyboard (or scans the slip's QR);
// a dossier not ready is refused with its due date and no number, a ready one gets a number
// linked to it, and asking again says the number already given. The home screen has no separate
// "Trả kết quả" tile. Counts the taps of a typed short code.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { DEMO_KIOSK_TOKEN, inject, prepareCallers, type TestCaller } from '../helpers/callers.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let hub: TestHub;
let c: Record<string, TestCaller>;

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub();
  c = await prepareCallers(hub);
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
});

async function receive(): Promise<{ code: string; check: string; dueAt: number }> {
  await inject(hub, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
  const called = await inject(hub, c.clerk1!, 'POST', '/api/counters/1/call-next', { finishCurrent: true });
  const received = await inject(hub, c.clerk1!, 'POST', '/api/dossiers', {
    counterId: 1,
    ticketId: called.body.ticket.id,
    procedureCode: 'HT.04',
    applicant: { name: 'Lê Thị Hoa', idNumber: '001199055555', address: 'Tổ 2, phường Hòa An' },
    papers: [],
    outcome: 'complete',
  });
  expect(received.status).toBe(201);
  return { code: received.body.code, check: received.body.checkCode, dueAt: received.body.dueAt };
}

async function kiosk(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  await page.goto(`${hub.url}/kiosk/?device=K1&token=${DEMO_KIOSK_TOKEN}`);
  await page.waitForSelector('.service');
  return page;
}

/** Types the short form's ten digits and the check code on the on-screen keyboard, then the button; the taps it took. */
async function typeCodes(page: Page, code: string, check: string): Promise<number> {
  let taps = 0;
  const tap = async (selector: string) => {
    await page.tap(selector);
    taps++;
  };
  await tap('.return-button');
  await page.waitForSelector('#dossier-code');
  for (const ch of code.slice(-11).replace('-', '')) await tap(`.key[data-key="${ch}"]`);
  for (const ch of check) await tap(`.key[data-key="${ch}"]`);
  await tap('.key[data-key="enter"]');
  return taps;
}

describe('collecting a result at the kiosk', () => {
  it('has one way: no "Trả kết quả" tile on the home screen, the "Nhận kết quả hồ sơ" button', async () => {
    const page = await kiosk();
    const tiles = await page.locator('.service').evaluateAll((s) => s.map((e) => e.getAttribute('data-service')));
    expect(tiles).not.toContain('TKQ');
    expect(tiles.length).toBeGreaterThan(10);
    expect(await page.locator('.return-button span').textContent()).toBe('Nhận kết quả hồ sơ');
    await page.close();
  });

  it('refuses a dossier not ready, saying when it is due, and gives no number', { timeout: 90_000 }, async () => {
    const { code, check, dueAt } = await receive();
    const before = (await inject(hub, c.api!, 'GET', '/api/tickets')).body.length;
    const page = await kiosk();
    const taps = await typeCodes(page, code, check);
    // The button, ten digits, six letters and "Lấy số nhận kết quả": 18 taps from the home
    // screen, where the whole code took 26 and its button.
    expect(taps).toBe(18);
    await page.waitForSelector('[role=alertdialog]');
    const due = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .format(dueAt)
      .replace(',', '');
    expect(await page.locator('[role=alertdialog] .error-text').textContent()).toBe(`Hồ sơ ${code} chưa có kết quả. Ngày hẹn trả kết quả: ${due}. Vui lòng quay lại khi có kết quả.`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('kiosk-return-not-ready.png') });
    expect((await inject(hub, c.api!, 'GET', '/api/tickets')).body).toHaveLength(before);
    expect(await page.locator('.result-screen').count()).toBe(0);
    // What was typed is still there for another try.
    await page.tap('[role=alertdialog] button');
    expect(await page.locator('#dossier-code').inputValue()).toBe(code.slice(-11));
    expect(await page.locator('#dossier-check').inputValue()).toBe(check);
    await page.close();
  });

  it('gives a ready result a number linked to its dossier, and says the same number when asked again', { timeout: 90_000 }, async () => {
    const { code, check } = await receive();
    for (const action of ['start', 'complete']) expect((await inject(hub, c.api!, 'POST', `/api/dossiers/${code}/status`, { action })).status).toBe(200);
    const page = await kiosk();
    await page.tap('.return-button');
    await page.waitForSelector('#dossier-code');
    // Typed halfway, as a citizen would before the result screen: the return screen as the docs show it.
    for (const ch of code.slice(-11).replace('-', '')) await page.tap(`.key[data-key="${ch}"]`);
    for (const ch of check.slice(0, 4)) await page.tap(`.key[data-key="${ch}"]`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('kiosk-return.png') });
    for (const ch of check.slice(4)) await page.tap(`.key[data-key="${ch}"]`);
    await page.tap('.key[data-key="enter"]');
    await page.waitForSelector('.result-screen');
    const ticketId = (await page.getAttribute('.result-screen', 'data-ticket'))!;
    expect(ticketId).toMatch(/-TKQ-/);
    const number = await page.locator('.result-number').first().textContent();
    expect((await inject(hub, c.clerk1!, 'GET', `/api/dossiers/${code}`)).body.returnTicketIds).toEqual([ticketId]);
    await page.screenshot({ path: screenshotPath('kiosk-return-ticket.png') });

    // The slip's QR scanned on a second try: the number already given, no second one.
    await page.close();
    const again = await kiosk();
    await again.tap('.return-button');
    await again.locator('#dossier-code').fill(`http://192.168.1.10:8080/lookup/?code=${code}&check=${check}`);
    await again.keyboard.press('Enter');
    await again.waitForSelector('.result-screen');
    expect(await again.getAttribute('.result-screen', 'data-ticket')).toBe(ticketId);
    expect(await again.locator('.result-number').first().textContent()).toBe(number);
    expect((await inject(hub, c.clerk1!, 'GET', `/api/dossiers/${code}`)).body.returnTicketIds).toEqual([ticketId]);
    await again.close();
  });
});
