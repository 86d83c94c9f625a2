/// <reference lib="dom" />
// The dossier desk in Chromium at 1366x768, its target size: a dossier moved from received to
// result ready to handed over, with papers requested and supplemented on the way, once by mouse
// and once by keyboard (clicks and keys counted); found by its code and by a scanned QR (the
// scanner types the lookup address and Enter); bad input answered in words on the screen.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { COUNTER_VIEWPORT } from '../helpers/counter-page.js';
import { api, startTestHub, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let hub: TestHub;

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub();
  await api(hub.url, 'POST', '/api/counters/1/open', {});
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
});

const APPLICANT = { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: '0912345678', address: 'Số 5 đường Hoa Sữa, phường Hòa An' };

/** A citizen served at counter 1 hands in a complete dossier (the counter page's own test walks this form). */
async function receivedDossier(): Promise<string> {
  await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
  const called = await api(hub.url, 'POST', '/api/counters/1/call-next', { finishCurrent: true });
  expect(called.status).toBe(200);
  const papers = [{ name: 'Tờ khai', kind: 'original', count: 1, received: true }];
  const dossier = await api(hub.url, 'POST', '/api/dossiers', { counterId: 1, ticketId: called.body.ticket.id, procedureCode: 'HT.04', applicant: APPLICANT, papers, outcome: 'complete' });
  expect(dossier.status).toBe(201);
  return dossier.body.code;
}

async function signedInDesk(user: string, counter: number): Promise<Page> {
  const page = await browser.newPage({ viewport: COUNTER_VIEWPORT });
  await page.goto(`${hub.url}/desk/?counter=${counter}`);
  await page.waitForSelector(`select option[value="${counter}"]`, { state: 'attached' });
  await page.fill('input[name=user]', user);
  await page.fill('input[name=password]', 'luot-demo');
  await page.click('button[type=submit]');
  await page.waitForSelector('.dossier-search input');
  return page;
}

const status = (page: Page) => page.locator('.dossier .status-badge').textContent();

describe('the dossier desk', () => {
  it('moves a dossier on by mouse: started, papers asked and brought, result ready, handed over', { timeout: 90_000 }, async () => {
    const code = await receivedDossier();
    const desk = await signedInDesk('canbo2', 2);
    let clicks = 0;
    const click = async (selector: string) => {
      clicks += 1;
      await desk.click(selector);
    };

    // The list of every open dossier holds it; choosing it shows the applicant and the steps.
    await desk.waitForSelector(`.dossier-row[data-dossier="${code}"]`);
    await click(`.dossier-row[data-dossier="${code}"]`);
    expect(await status(desk)).toBe('Đã tiếp nhận');
    expect(await desk.locator('.dossier .fact-name').textContent()).toBe('Nguyễn Văn An');
    expect(await desk.locator('.steps-actions button').allTextContents()).toEqual([
      'Bắt đầu xử lý',
      'Đã có kết quả',
      'Yêu cầu bổ sung giấy tờ',
      'Yêu cầu nộp phí, lệ phí',
      'Xin lỗi, hẹn lại ngày trả',
      'Công dân rút hồ sơ',
      'Dừng xử lý',
    ]);
    // At its target size the page does not scroll.
    expect(await desk.evaluate(() => document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    expect(await seriousViolations(desk)).toEqual([]);

    await click('.step-start');
    await expect.poll(() => status(desk)).toBe('Đang xử lý');
    expect(await desk.locator('.message.info').textContent()).toContain(`Hồ sơ ${code}: Đang xử lý.`);

    // Papers asked for: an empty list is refused in words, on the screen.
    await click('.step-requestPapers');
    await desk.waitForSelector('[role=dialog] textarea[name=missingPapers]');
    expect(await seriousViolations(desk)).toEqual([]);
    await click('[role=dialog] button[type=submit]');
    expect(await desk.locator('[role=dialog] .form-problem').textContent()).toBe('Hãy ghi ít nhất một giấy tờ còn thiếu. Write at least one missing paper.');
    await desk.fill('[role=dialog] textarea', 'Bản sao giấy khai sinh\nẢnh 4x6');
    await click('[role=dialog] button[type=submit]');
    await expect.poll(() => status(desk)).toBe('Yêu cầu bổ sung hồ sơ');
    expect(await desk.locator('.dossier .missing li').allTextContents()).toEqual(['Bản sao giấy khai sinh', 'Ảnh 4x6']);
    // The slip that asks for them, as a PDF for the office printer.
    const popup = desk.context().waitForEvent('page');
    await click('.slip[data-form="02"]');
    const slip = await popup;
    expect(slip.url()).toMatch(/^blob:/);
    const head = await slip.evaluate(async () => new TextDecoder().decode((await (await fetch(location.href)).arrayBuffer()).slice(0, 5)));
    expect(head).toBe('%PDF-');
    await slip.close();
    await desk.screenshot({ path: screenshotPath('dossier-desk.png') });

    // The list of dossiers waiting for papers holds it.
    await click('.view-papers');
    await desk.waitForSelector(`.dossier-row[data-dossier="${code}"]`);

    await click('.step-supplement');
    await expect.poll(() => status(desk)).toBe('Đang xử lý');
    await click('.step-complete');
    await expect.poll(() => status(desk)).toBe('Đã có kết quả');
    await click('.view-ready');
    await desk.waitForSelector(`.dossier-row[data-dossier="${code}"]`);
    await click('.step-returnResult');
    await expect.poll(() => status(desk)).toBe('Đã trả kết quả');
    expect(await desk.locator('.steps-actions').textContent()).toContain('Hồ sơ đã kết thúc');
    // Handed over, it leaves the open lists.
    await expect.poll(() => desk.locator(`.dossier-row[data-dossier="${code}"]`).count()).toBe(0);
    // Choose, start, ask (twice: once empty), the slip, the list, brought, ready, the list, handed over.
    expect(clicks).toBe(11);
    const stored = (await api(hub.url, 'GET', `/api/dossiers/${code}`)).body as { status: number; steps: { status: number; by: string }[] };
    expect(stored.steps.map((s) => s.status)).toEqual([2, 4, 5, 4, 9, 10]);
    expect(stored.steps.at(-1)!.by).toBe('Trần Văn Minh');
    await desk.close();
  });

  it('moves a dossier on by keyboard, found by its scanned QR; a text with no code and an unknown code are answered in words', { timeout: 90_000 }, async () => {
    const code = await receivedDossier();
    const desk = await signedInDesk('canbo2', 2);
    let keys = 0;
    const press = async (key: string) => {
      keys += 1;
      await desk.keyboard.press(key);
    };

    // The code search has the focus: a scanner types what the QR holds, then Enter.
    expect(await desk.evaluate(() => document.activeElement?.id)).toBe('dossier-search');
    await desk.keyboard.type('xin chao');
    await desk.keyboard.press('Enter');
    expect(await desk.locator('.message.error').textContent()).toContain('Không thấy mã hồ sơ trong nội dung vừa nhập.');
    expect(await desk.locator('.message.error [lang=en]').textContent()).toContain('No dossier code in what was entered.');
    await desk.keyboard.type('000.00.14.H17-261203-9999');
    await desk.keyboard.press('Enter');
    await expect.poll(() => desk.locator('.message.error').textContent()).toContain('Không tìm thấy hồ sơ mã 000.00.14.H17-261203-9999.');
    // The receipt's QR holds the lookup address; the code is taken from it.
    await desk.keyboard.type(`http://192.168.1.10:8080/lookup/?code=${code}&src=qr`);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector(`.dossier[data-code="${code}"]`);
    expect(await desk.locator('.message').textContent()).toBe('');
    // The first step takes the focus: Enter goes forward.
    await expect.poll(() => desk.evaluate(() => document.activeElement?.textContent)).toBe('Bắt đầu xử lý');
    // F2 is a page key: in the search field it is the field's, and it brings the focus back there.
    await press('F2');
    expect(await desk.evaluate(() => document.activeElement?.id)).toBe('dossier-search');
    await desk.keyboard.type(code.toLowerCase());
    await desk.keyboard.press('Enter');
    await expect.poll(() => desk.evaluate(() => document.activeElement?.textContent)).toBe('Bắt đầu xử lý');
    keys = 0;

    await press('Enter');
    await expect.poll(() => status(desk)).toBe('Đang xử lý');
    await expect.poll(() => desk.evaluate(() => document.activeElement?.textContent)).toBe('Đã có kết quả');
    await press('Tab');
    expect(await desk.evaluate(() => document.activeElement?.textContent)).toBe('Yêu cầu bổ sung giấy tờ');
    await press('Enter');
    await desk.waitForSelector('[role=dialog] textarea');
    expect(await desk.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    // The page's keys are quiet in the dialog: F2 does not leave it.
    await press('F2');
    expect(await desk.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    const typed = 'Bản sao giấy khai sinh';
    await desk.keyboard.type(typed);
    await press('Tab');
    await press('Enter');
    await expect.poll(() => status(desk)).toBe('Yêu cầu bổ sung hồ sơ');
    await expect.poll(() => desk.evaluate(() => document.activeElement?.textContent)).toBe('Đã nhận đủ giấy tờ bổ sung');
    await press('Enter');
    await expect.poll(() => status(desk)).toBe('Đang xử lý');
    await expect.poll(() => desk.evaluate(() => document.activeElement?.textContent)).toBe('Đã có kết quả');
    await press('Enter');
    await expect.poll(() => status(desk)).toBe('Đã có kết quả');
    await expect.poll(() => desk.evaluate(() => document.activeElement?.textContent)).toBe('Trả kết quả cho công dân');
    await press('Enter');
    await expect.poll(() => status(desk)).toBe('Đã trả kết quả');
    // Start, Tab, ask, F2 (ignored), Tab, send, brought, ready, handed over: 9 keys and the
    // missing paper's words.
    expect(keys).toBe(9);
    const stored = (await api(hub.url, 'GET', `/api/dossiers/${code}`)).body as { status: number; missingPapers: string[] };
    expect(stored).toMatchObject({ status: 10, missingPapers: [typed] });
    await desk.close();
  });
});
