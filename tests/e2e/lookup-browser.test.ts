/// <reference lib="dom" />
// The lookup terminal in Chromium, on a portrait 1080x1920 touch screen: a code (its short form)
// and the slip's check code typed on the on-screen keyboard, or the slip's QR scanned (a scanner
// types the address and presses Enter), the QR's address opened on a phone, the procedures
// guide, the return to the start when left alone, and axe-core's checks.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { inject, prepareCallers } from '../helpers/callers.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let hub: TestHub;
let code: string;
let check: string;

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
  check = received.body.checkCode;
  await inject(hub, c.api!, 'POST', `/api/dossiers/${code}/status`, { action: 'start' });
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
});

/**
 * What a standing reader and a finger need: every button at least 64 px tall, every text at
 * least 24 px, nothing outside the screen (the page itself does not scroll on the terminal).
 */
async function sizes(page: Page) {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const all = [...document.querySelectorAll<HTMLElement>('main *')].filter(visible);
    const scrolls = (e: HTMLElement) => {
      for (let p = e.parentElement; p; p = p.parentElement) if (/(auto|scroll)/.test(getComputedStyle(p).overflowY) && p.scrollHeight > p.clientHeight) return true;
      return false;
    };
    const texts = all.filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''));
    return {
      lowestTarget: Math.min(...all.filter((e) => e.matches('button, input')).map((e) => e.getBoundingClientRect().height)),
      smallestText: Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize))),
      offScreen: all
        .filter((e) => !scrolls(e))
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1;
        })
        .map((e) => e.className || e.tagName),
      pageScrolls: document.documentElement.scrollHeight > innerHeight + 1 || document.documentElement.scrollWidth > innerWidth + 1,
    };
  });
}

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
    const start = await sizes(page);
    expect(start.lowestTarget).toBeGreaterThanOrEqual(64);
    expect(start.smallestText).toBeGreaterThanOrEqual(24);
    expect(start.offScreen).toEqual([]);
    expect(start.pageScrolls).toBe(false);
    await page.screenshot({ path: screenshotPath('lookup-start.png') });
    // The short form's ten digits (the dash comes by itself), the check code, then "Tra cứu":
    // 17 taps where the whole code took 26.
    let taps = 0;
    const tap = async (key: string) => {
      await page.tap(`.key[data-key="${key}"]`);
      taps++;
    };
    for (const ch of code.slice(-11).replace('-', '')) await tap(ch);
    expect(await page.locator('#code').inputValue()).toBe(code.slice(-11));
    // The code complete, the keyboard types into the check code.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('check');
    for (const ch of check) await tap(ch);
    expect(await page.locator('#check').inputValue()).toBe(check);
    await page.screenshot({ path: screenshotPath('lookup-typed.png') });
    await tap('enter');
    expect(taps).toBe(17);
    await page.waitForSelector('.dossier');
    expect(await page.locator('.dossier .status').textContent()).toBe('Đang xử lý');
    expect(await page.locator('.dossier .masked').textContent()).toBe('N*** V** A*');
    const text = (await page.locator('main').textContent()) ?? '';
    for (const secret of ['001099012345', '0912345678', 'Hoa Sữa', 'Nguyễn']) expect(text).not.toContain(secret);
    expect(await page.locator('.timeline li').count()).toBe(2);
    // Where to go: the counters of the hall's return service (TKQ: 2, 12 and 20), not those
    // that receive the procedure (1, 2, 12), and never a number to take at the kiosk.
    expect(await page.locator('.where-counters').textContent()).toBe('Quầy số 2, 12, 20');
    expect(await page.locator('.where h3').textContent()).toBe('Nhận kết quả tại');
    expect(text).not.toMatch(/lấy số/i);
    // The step line: received (done), in progress (current), result due with its date, returned.
    expect(await page.locator('.step-line .step').evaluateAll((steps) => steps.map((s) => [s.querySelector('.step-name')!.textContent, s.className.replace('step ', '')]))).toEqual([
      ['Tiếp nhận', 'done'],
      ['Đang xử lý', 'current'],
      ['Có kết quả', 'todo'],
      ['Đã trả kết quả', 'todo'],
    ]);
    expect(await page.locator('.step[data-step="9"] .step-date').textContent()).toMatch(/^Hẹn \d{2}\/\d{2}\/\d{4}$/);
    expect(await page.locator('.masthead .hall-name').textContent()).toBe('Trung tâm Phục vụ hành chính công phường Hòa An');
    // Names and numbers are large enough for a standing reader.
    expect(Number.parseFloat(await page.locator('.dossier .status').evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(40);
    const seen = await sizes(page);
    expect(seen.lowestTarget).toBeGreaterThanOrEqual(64);
    expect(seen.smallestText).toBeGreaterThanOrEqual(24);
    expect(seen.offScreen).toEqual([]);
    expect(seen.pageScrolls).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('lookup-dossier.png') });
    await page.tap('.again');
    await page.waitForSelector('.keyboard');
    await page.close();
  });

  it('sends a citizen with papers to bring to the receiving counters, and one whose result is ready to the return counters', async () => {
    const c = await prepareCallers(hub);
    await inject(hub, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
    await inject(hub, c.clerk1!, 'POST', '/api/counters/1/finish', {});
    const called = await inject(hub, c.clerk1!, 'POST', '/api/counters/1/call-next', {});
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    const ticketId = called.body.ticket.id;
    const other = await inject(hub, c.clerk1!, 'POST', '/api/dossiers', {
      counterId: 1,
      ticketId,
      procedureCode: 'HT.04',
      applicant: { name: 'Trần Thị Bình', idNumber: '001199012345', phone: '0987654321', address: 'Số 9' },
      papers: [],
      outcome: 'complete',
    });
    const second = other.body.code as string;
    const secondCheck = other.body.checkCode as string;
    await inject(hub, c.api!, 'POST', `/api/dossiers/${second}/status`, { action: 'start' });
    expect(
      (
        await inject(hub, c.api!, 'POST', `/api/dossiers/${second}/status`, {
          action: 'requestPapers',
          missingPapers: ['Giấy tờ tùy thân có ảnh (thẻ căn cước, căn cước công dân, hộ chiếu)', 'Bản sao Giấy khai sinh'],
          note: 'Thiếu giấy khai sinh',
        })
      ).status,
    ).toBe(200);
    const page = await terminal();
    await page.locator('#code').fill(second);
    await page.locator('#check').fill(secondCheck);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.dossier');
    expect(await page.locator('.where h3').textContent()).toBe('Nộp bổ sung tại');
    expect(await page.locator('.where-counters').textContent()).toBe('Quầy số 1, 2, 12');
    // Only the procedure's own paper names are shown; what the clerk typed is only counted.
    expect(await page.locator('.missing').textContent()).toBe('Giấy tờ tùy thân có ảnh (thẻ căn cước, căn cước công dân, hộ chiếu)');
    expect(await page.locator('.missing-other').textContent()).toBe('Và 1 giấy tờ khác ghi trên Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.');
    expect(await page.textContent('body')).not.toContain('Bản sao Giấy khai sinh');
    await page.screenshot({ path: screenshotPath('lookup-papers-missing.png') });
    expect(await page.locator('.step[data-step="4"]').getAttribute('class')).toBe('step current');

    expect((await inject(hub, c.api!, 'POST', `/api/dossiers/${second}/status`, { action: 'supplement' })).status).toBe(200);
    expect((await inject(hub, c.api!, 'POST', `/api/dossiers/${second}/status`, { action: 'complete' })).status).toBe(200);
    await page.tap('.again');
    await page.locator('#code').fill(second);
    await page.locator('#check').fill(secondCheck);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.dossier .status').textContent()).toBe('Đã có kết quả');
    expect(await page.locator('.where.ready .where-counters').textContent()).toBe('Quầy số 2, 12, 20');
    // A ready result: the one way to be called at those counters is the kiosk's "Nhận kết quả hồ
    // sơ" with the slip's QR (the "Trả kết quả" tile is gone; a number must be linked to the dossier).
    expect(await page.locator('.where-note').textContent()).toBe(
      'Kết quả đã sẵn sàng. Mời công dân quét mã QR trên giấy hẹn tại máy lấy số (nút "Nhận kết quả hồ sơ") để lấy số, rồi đến quầy khi được gọi.',
    );
    expect(await page.locator('.step-line .step').evaluateAll((steps) => steps.map((s) => s.className))).toEqual(['step done', 'step done', 'step done', 'step current']);
    const seen = await sizes(page);
    expect(seen.offScreen).toEqual([]);
    expect(seen.smallestText).toBeGreaterThanOrEqual(24);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('takes a scanned QR code (the scanner types the address and presses Enter), and says when a code is unknown', async () => {
    const page = await terminal();
    await page.locator('#code').fill(`http://192.168.1.10:8080/lookup/?code=${code}&check=${check}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.dossier');
    expect(await page.locator('.dossier .code').textContent()).toBe(code);
    await page.tap('.again');
    await page.locator('#code').fill('000.00.14.H17-261127-9999');
    await page.locator('#check').fill(check);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.error').textContent()).toBe('Không tìm thấy hồ sơ với mã hồ sơ và mã kiểm tra này. Vui lòng xem lại hai mã in trên giấy hẹn.');
    // The right code with a wrong check code reads exactly the same.
    await page.locator('#code').fill(code);
    await page.locator('#check').fill(check === '333333' ? '444444' : '333333');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.dossier, .error').first().textContent()).toBe('Không tìm thấy hồ sơ với mã hồ sơ và mã kiểm tra này. Vui lòng xem lại hai mã in trên giấy hẹn.');
    // Without a check code, the page asks for it before asking the hub.
    await page.locator('#check').fill('');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.key-error').textContent()).toBe('Mã kiểm tra gồm 6 ký tự in trên giấy hẹn, cạnh mã hồ sơ.');
    await page.locator('#code').fill('12345');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.key-error').textContent()).toContain('Nhập 10 chữ số cuối của mã hồ sơ');
    await page.close();
  });

  it("opens a dossier from the slip's QR address (?code=&check=) in a phone layout", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    // The address the slip's QR carries, as the hub writes it.
    const { lookupAddress } = await import('../../server/contract/dossiers.js');
    await page.goto(lookupAddress(hub.url, code, check));
    await page.waitForSelector('.dossier');
    await page.evaluate(() => document.fonts.ready);
    expect(await page.locator('.dossier .code').textContent()).toBe(code);
    const phone = await page.evaluate(() => ({
      // Nothing wider than the phone: the page scrolls down only.
      width: document.documentElement.scrollWidth,
      wide: [...document.querySelectorAll<HTMLElement>('main *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1).map((e) => e.className || e.tagName),
      keyboard: document.querySelector('.keyboard') ? getComputedStyle(document.querySelector('.keyboard')!).display : 'none',
      status: parseFloat(getComputedStyle(document.querySelector('.dossier .status')!).fontSize),
      counters: document.querySelector('.where-counters')?.textContent,
      lowestTarget: Math.min(...[...document.querySelectorAll('main button')].map((b) => b.getBoundingClientRect().height)),
      smallestText: Math.min(
        ...[...document.querySelectorAll<HTMLElement>('main *')]
          .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
          .map((e) => parseFloat(getComputedStyle(e).fontSize)),
      ),
    }));
    expect(phone.width).toBeLessThanOrEqual(390);
    expect(phone.wide).toEqual([]);
    expect(phone.counters).toBe('Quầy số 2, 12, 20');
    expect(phone.status).toBeGreaterThanOrEqual(28);
    expect(phone.lowestTarget).toBeGreaterThanOrEqual(44);
    expect(phone.smallestText).toBeGreaterThanOrEqual(13);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('lookup-phone.png'), fullPage: true });
    // The phone types with its own keyboard: the terminal's is not shown.
    await page.tap('.again');
    await page.waitForSelector('#code');
    expect(await page.locator('.keyboard').evaluate((k) => getComputedStyle(k).display)).toBe('none');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('browses the procedures guide typed without diacritics', async () => {
    const page = await terminal();
    await page.tap('.tabs button:nth-child(2)');
    // The guide opens on its fields, as large tiles; a field lists its procedures.
    await page.waitForSelector('.fields button');
    expect(await page.locator('.fields button .name').allTextContents()).toEqual([
      'Hộ tịch',
      'Chứng thực',
      'Đất đai',
      'Hoạt động xây dựng',
      'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)',
      'Đăng ký, quản lý cư trú',
    ]);
    const tiles = await sizes(page);
    expect(tiles.lowestTarget).toBeGreaterThanOrEqual(64);
    expect(tiles.smallestText).toBeGreaterThanOrEqual(24);
    expect(tiles.offScreen).toEqual([]);
    expect(
      await page
        .locator('.fields button')
        .first()
        .evaluate((b) => b.getBoundingClientRect().height),
    ).toBeGreaterThanOrEqual(120);
    await page.screenshot({ path: screenshotPath('lookup-fields.png') });
    await page.tap('.fields button[data-field="Hộ tịch"]');
    await expect.poll(() => page.locator('.procedures li').count()).toBe(8);
    const field = await sizes(page);
    expect(field.offScreen).toEqual([]);
    expect(field.lowestTarget).toBeGreaterThanOrEqual(64);
    await page.tap('.list-head .back');
    await page.waitForSelector('.fields button');
    for (const ch of 'chung thuc') await page.tap(ch === ' ' ? '.key[data-key="space"]' : `.key[data-key="${ch}"]`);
    await expect.poll(() => page.locator('.procedures li').count()).toBe(4);
    await page.screenshot({ path: screenshotPath('lookup-guide.png') });
    await page.tap('.procedures button[data-procedure="CT.01"]');
    await page.waitForSelector('.procedure');
    expect(await page.locator('.procedure h2').textContent()).toBe('Chứng thực bản sao từ bản chính giấy tờ, văn bản');
    expect(await page.locator('.papers').textContent()).toContain('Bản chính giấy tờ, văn bản cần chứng thực (xuất trình, 1 bản)');
    // Submitted at the counters that receive it; the result where the procedure says.
    expect(await page.locator('.fact-main').allTextContents()).toEqual([`Quầy số ${(await page.evaluate(() => fetch('/api/procedures/CT.01').then((r) => r.json()))).counters.join(', ')}`]);
    expect(await page.locator('.fact').nth(3).textContent()).toBe('Nơi trả kết quảTrả ngay tại quầy tiếp nhận');
    const detail = await sizes(page);
    expect(detail.lowestTarget).toBeGreaterThanOrEqual(64);
    expect(detail.smallestText).toBeGreaterThanOrEqual(24);
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
    await expect.poll(() => page.locator('.tabs button.active .tab-name').textContent()).toBe('Tra cứu hồ sơ');
    expect(await page.locator('#code').inputValue()).toBe('');
    await page.close();
  });
});
