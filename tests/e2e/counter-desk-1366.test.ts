/// <reference lib="dom" />
// The counter page at its target size, 1366x768, with a hall's worth of data (the demo hall's
// 23 services and 20 counters, a long queue, three dossiers on one ticket): everything the
// clerk needs is on screen with no page scroll, the return clerk sees the dossier a citizen
// came back for, the receiving form is done by keys (and the keys are counted), every dialog
// keeps the focus inside, and each command says what it did.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { DEMO_KIOSK_TOKEN } from '../helpers/callers.js';
import { signedInCounter as signIn } from '../helpers/counter-page.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

const VIEWPORT = { width: 1366, height: 768 };
let browser: Browser;
let hub: TestHub;

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub({ dataDir: tempDataDir() });
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
});

async function signedInCounter(user: string, counter: number): Promise<Page> {
  const page = await signIn(browser, hub.url, user, counter);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const held = (page: Page) => page.locator('[data-testid=current-number]').textContent();
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (e?.tagName === 'SUMMARY') return 'summary';
    return e?.getAttribute('name') ?? e?.getAttribute('data-outcome') ?? e?.getAttribute('data-reason') ?? e?.className ?? null;
  });
const focusInDialog = (page: Page) => page.evaluate(() => document.querySelector('[role=dialog]')?.contains(document.activeElement) ?? false);

/** The page fits the screen: no scroll bar either way. */
async function noPageScroll(page: Page): Promise<void> {
  const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
  expect(size).toEqual({ w: VIEWPORT.width, h: VIEWPORT.height });
}

/** Each element fully inside the viewport and inside the visible part of its scrolling card. */
async function allFullyVisible(page: Page, selector: string, minHeight = 32): Promise<{ text: string; top: number; bottom: number }[]> {
  const boxes = await page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      const card = e.closest('.dossiers')!.getBoundingClientRect();
      return { text: e.textContent ?? '', top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, card: { top: card.top, bottom: card.bottom } };
    }),
  );
  for (const b of boxes) {
    expect(b.height, b.text).toBeGreaterThanOrEqual(minHeight);
    expect(b.top, b.text).toBeGreaterThanOrEqual(b.card.top);
    expect(b.bottom, b.text).toBeLessThanOrEqual(Math.min(b.card.bottom, VIEWPORT.height));
    expect(b.left, b.text).toBeGreaterThanOrEqual(0);
    expect(b.right, b.text).toBeLessThanOrEqual(VIEWPORT.width);
  }
  return boxes;
}

/** Presses Tab (or Shift+Tab) `times` times; the focus must stay in the dialog after each. */
async function tabRound(page: Page, times: number, back = false): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    expect(await focusInDialog(page), `${back ? 'Shift+Tab' : 'Tab'} number ${i + 1}`).toBe(true);
  }
}

describe('the counter page at 1366x768', () => {
  const codes: string[] = [];
  const checks: string[] = [];

  it('shows the held ticket, the buttons, three dossiers with their buttons and a long queue without page scroll; the return clerk sees the dossier', { timeout: 90_000 }, async () => {
    for (let i = 0; i < 3; i++) await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    const desk = await signedInCounter('canbo1', 1);
    await desk.click('.action-callNext');
    await expect.poll(() => held(desk)).toBe('A001');
    await desk.click('.action-start');
    await expect.poll(() => desk.locator('.current-status').textContent()).toContain('Đang phục vụ');
    expect(await desk.locator('.message').textContent()).toBe('Bắt đầu phục vụ số A001');

    // Three dossiers on A001, received under the clerk's session; the first then gets its result.
    const token = await desk.evaluate(() => JSON.parse(sessionStorage.getItem('luot.counter.session')!).token as string);
    const ticketId = (await api(hub.url, 'GET', '/api/counters/1')).body.current.id as string;
    const procedures = (await api(hub.url, 'GET', '/api/procedures?q=dang%20ky')).body.slice(0, 3);
    expect(procedures).toHaveLength(3);
    for (const p of procedures) {
      const received = await api(
        hub.url,
        'POST',
        '/api/dossiers',
        {
          counterId: 1,
          ticketId,
          procedureCode: p.code,
          applicant: { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: null, address: 'Số 5 đường Hoa Sữa, phường Hòa An' },
          papers: p.papers.map((x: { name: string; kind: string; count: number }) => ({ ...x, received: true })),
          outcome: 'complete',
          notes: null,
        },
        { authorization: `Bearer ${token}` },
      );
      expect(received.status).toBe(201);
      codes.push(received.body.code);
      checks.push(received.body.checkCode);
    }
    for (const action of ['start', 'complete']) expect((await api(hub.url, 'POST', `/api/dossiers/${codes[0]}/status`, { action })).status).toBe(200);
    // The citizen of the first dossier comes back and takes a number for its result at the kiosk.
    const kiosk = await api(hub.url, 'POST', '/api/kiosk/returns', { code: codes[0], check: checks[0] }, { authorization: `Bearer ${DEMO_KIOSK_TOKEN}` });
    expect(kiosk.status).toBe(201);
    const returnTicket = kiosk.body.ticket.ticket as { id: string; number: string };
    // A hall's morning: a long queue for this counter and the others.
    for (let i = 0; i < 60; i++) await api(hub.url, 'POST', '/api/tickets', { serviceId: i % 3 ? 'HT' : ['DD', 'CA', 'BHXH', 'THUE'][i % 4] });

    await expect.poll(() => desk.locator('.dossiers li[data-dossier]').count()).toBe(3);
    await expect.poll(() => desk.locator('.dossiers .hand-over').count()).toBe(1);
    await noPageScroll(desk);
    const receive = desk.locator('.dossiers .receive');
    expect(await receive.textContent()).toBe('Tiếp nhận hồ sơ');
    const receiveBox = (await receive.boundingBox())!;
    expect(receiveBox.height).toBeGreaterThanOrEqual(36);
    expect(receiveBox.y + receiveBox.height).toBeLessThanOrEqual(VIEWPORT.height);
    const dossierButtons = await allFullyVisible(desk, '.dossiers li button');
    expect(dossierButtons.map((b) => b.text)).toEqual(['In phiếu', 'Đã trả kết quả', 'In phiếu', 'In phiếu']);
    await allFullyVisible(desk, '.dossiers li .dossier-status', 18);
    const panel = (await desk.locator('.dossiers').boundingBox())!;
    expect(panel.height).toBeGreaterThanOrEqual(240);
    // The buttons keep their size, and the queue is there too.
    const buttonHeights = await desk.locator('.action').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...buttonHeights)).toBeGreaterThanOrEqual(80);
    expect(await desk.locator('.waiting-list li').count()).toBe(40);
    expect(await desk.locator('.desk-hall').textContent()).toBe('Trung tâm Phục vụ hành chính công phường Hòa An');
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.screenshot({ path: screenshotPath('counter-dossiers.png') });

    // The return clerk at counter 12 calls the citizen's number and sees the dossier at once.
    const returns = await signedInCounter('canbo12', 12);
    await returns.click(`.waiting-list button[data-ticket="${returnTicket.id}"]`);
    await expect.poll(() => held(returns)).toBe(returnTicket.number);
    await returns.waitForSelector(`.dossiers li[data-dossier="${codes[0]}"] .hand-over`);
    await noPageScroll(returns);
    expect((await allFullyVisible(returns, '.dossiers li button')).map((b) => b.text)).toEqual(['In phiếu', 'Đã trả kết quả']);
    await returns.click('.dossiers .hand-over');
    await expect.poll(() => returns.locator('.message').textContent()).toBe(`Đã trả kết quả hồ sơ ${codes[0]}`);
    await expect.poll(() => returns.locator('.dossiers li .dossier-status').textContent()).toBe('Đã trả kết quả');
    await returns.keyboard.press('F6');
    await expect.poll(() => returns.locator('.message').textContent()).toBe(`Đã kết thúc số ${returnTicket.number}`);
    await returns.close();

    // Counter 1 finishes A001: it says so, and with nobody held shows the dossiers due soon.
    await desk.locator('body').click({ position: { x: 5, y: 760 } });
    await desk.keyboard.press('F6');
    await expect.poll(() => desk.locator('.message').textContent()).toBe('Đã kết thúc số A001');
    await desk.waitForSelector('.due-soon');
    expect(await desk.locator('.due-soon h2').textContent()).toBe('Hồ sơ của quầy sắp đến hạn (48 giờ)');
    // Same-day procedures are due within 48 hours, except from a Friday afternoon on: the page
    // lists what the hub says is due, soonest first.
    const due = (await api(hub.url, 'GET', '/api/dossiers?dueWithinHours=48&counterId=1')).body.map((d: { code: string }) => d.code);
    await expect.poll(() => desk.locator('.due-soon li[data-dossier]').evaluateAll((els) => els.map((e) => e.getAttribute('data-dossier')))).toEqual(due);
    if (due.length === 0) expect(await desk.locator('.dossiers-none').textContent()).toBe('Không có hồ sơ nào sắp đến hạn');
    await noPageScroll(desk);
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.screenshot({ path: screenshotPath('counter-due-soon.png') });
    await desk.close();
  });

  it('receives a dossier by keyboard in under 60 keys, counted, and says so', { timeout: 90_000 }, async () => {
    const desk = await signedInCounter('canbo1', 1);
    await desk.click('.action-callNext');
    await expect.poll(() => held(desk)).toBe('A002');
    const ticketId = (await api(hub.url, 'GET', '/api/counters/1')).body.current.id as string;
    await desk.click('.dossiers .receive');
    await desk.waitForSelector('.receive-dialog');

    // Every key sent from here on is counted: each character typed is one key.
    let keys = 0;
    const type = async (text: string) => {
      await desk.keyboard.type(text);
      keys += [...text].length;
    };
    const press = async (key: string) => {
      await desk.keyboard.press(key);
      keys += 1;
    };

    // The search has the focus; Enter takes the first procedure found.
    expect(await focused(desk)).toBe('procedure');
    await type('hon nhan');
    await desk.waitForSelector('.procedure-choices button[data-procedure="HT.04"]');
    await press('Enter');
    await desk.waitForSelector('input[name=name]');
    expect(await desk.locator('.chosen strong').textContent()).toBe('Cấp Giấy xác nhận tình trạng hôn nhân');
    expect(await focused(desk)).toBe('name');
    await type('Lê Văn An');
    await press('Tab');
    expect(await focused(desk)).toBe('idNumber');
    await type('001099012345');
    await press('Tab');
    expect(await focused(desk)).toBe('phone');
    await press('Tab');
    expect(await focused(desk)).toBe('address');
    await type('Số 5 Hoa Sữa');
    expect(await desk.isDisabled('[data-outcome=complete]')).toBe(false);
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.screenshot({ path: screenshotPath('counter-receive-dossier.png') });
    const slip = desk.context().waitForEvent('page');
    await press('Enter');
    await (await slip).close();

    expect(keys).toBe(8 + 1 + 9 + 1 + 12 + 2 + 12 + 1);
    expect(keys).toBeLessThan(60);
    await desk.waitForSelector('.receive-dialog', { state: 'detached' });
    const saved = (await api(hub.url, 'GET', `/api/dossiers?ticketId=${encodeURIComponent(ticketId)}`)).body;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ procedureCode: 'HT.04', status: 2, applicant: { name: 'Lê Văn An', idNumber: '001099012345', phone: null, address: 'Số 5 Hoa Sữa' } });
    await expect.poll(() => desk.locator('.message').textContent()).toMatch(new RegExp(`^Đã tiếp nhận hồ sơ ${saved[0].code.replaceAll('.', '\\.')} của số A002, hẹn trả `));
    await desk.waitForSelector(`.dossiers li[data-dossier="${saved[0].code}"]`);
    // The same in English.
    await desk.click('.lang');
    await expect.poll(() => desk.locator('.message').textContent()).toMatch(new RegExp(`^Dossier ${saved[0].code.replaceAll('.', '\\.')} received for A002, result due `));
    await desk.click('.lang');
    await desk.close();
  });

  it('the receiving form: focus order, arrow keys, why "Đủ hồ sơ" is disabled, and Tab never leaves it', { timeout: 90_000 }, async () => {
    const desk = await signedInCounter('canbo1', 1);
    await expect.poll(() => held(desk)).toBe('A002');
    await desk.click('.dossiers .receive');
    await desk.waitForSelector('.receive-dialog');
    expect(await seriousViolations(desk)).toEqual([]);
    // The arrows walk the choices; Up from the first goes back to the search.
    await desk.keyboard.type('dang ky');
    await desk.waitForSelector('.procedure-choices li:nth-child(3) button');
    const choices = await desk.locator('.procedure-choices button').evaluateAll((els) => els.map((e) => e.getAttribute('data-procedure')));
    await desk.keyboard.press('ArrowDown');
    expect(await desk.evaluate(() => document.activeElement?.getAttribute('data-procedure'))).toBe(choices[0]);
    await desk.keyboard.press('ArrowUp');
    expect(await focused(desk)).toBe('procedure');
    await desk.keyboard.press('ArrowDown');
    await desk.keyboard.press('ArrowDown');
    expect(await desk.evaluate(() => document.activeElement?.getAttribute('data-procedure'))).toBe(choices[1]);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('input[name=name]');
    expect(await focused(desk)).toBe('name');

    // Tab order: the applicant, the papers, the rare fields' disclosure; outcomes once possible.
    const order: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      order.push(await focused(desk));
      await desk.keyboard.press('Tab');
    }
    expect(order).toEqual(['name', 'idNumber', 'phone', 'address', 'paper-0']);
    const why = desk.locator('[data-testid=why-not-complete]');
    expect(await desk.isDisabled('[data-outcome=complete]')).toBe(true);
    expect(await why.textContent()).toBe('Chưa thể “Đủ hồ sơ”: chưa có họ tên; chưa có số định danh; chưa có địa chỉ');
    expect(await desk.getAttribute('[data-outcome=complete]', 'aria-describedby')).toBe('why-not-complete');
    await desk.fill('input[name=name]', 'Trần Thị Bình');
    await desk.fill('input[name=idNumber]', '0011990');
    expect(await why.textContent()).toBe('Chưa thể “Đủ hồ sơ”: số định danh mới có 7/12 chữ số; chưa có địa chỉ');
    // Enter on an unfinished form goes to the first field still wanted; nothing is saved.
    await desk.focus('input[name=name]');
    await desk.keyboard.press('Enter');
    expect(await focused(desk)).toBe('idNumber');
    await desk.fill('input[name=idNumber]', '001199054321');
    await desk.fill('input[name=address]', 'Số 9 phố Chợ, phường Hòa An');
    await desk.uncheck('input[name=paper-0]');
    expect(await why.textContent()).toContain('còn 1 giấy tờ chưa nhận');
    await desk.check('input[name=paper-0]');
    expect(await why.count()).toBe(0);

    await desk.locator('input[name^=paper-]').last().focus();
    const after: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      await desk.keyboard.press('Tab');
      after.push(await focused(desk));
    }
    expect(after).toEqual(['complete', 'incomplete', 'refused', 'summary', 'modal-cancel', 'link']);
    // The disclosure holds the rare fields. Refusing asks for its reason first: they open with
    // the focus in it. Enter there receives nothing (checked at the end: one dossier only).
    expect(await desk.locator('input[name=reason]').isVisible()).toBe(false);
    await desk.click('[data-outcome=refused]');
    await desk.waitForSelector('input[name=reason]');
    expect(await focused(desk)).toBe('reason');
    expect(await desk.locator('.more [role=alert]').textContent()).toBe('Ghi lý do từ chối, rồi bấm lại “Từ chối tiếp nhận”.');
    await desk.keyboard.type('Không thuộc thẩm quyền');
    await desk.keyboard.press('Enter');
    expect(await desk.locator('.receive-dialog').count()).toBe(1);
    await desk.focus('.more summary');
    await desk.keyboard.press('Tab');
    expect(await focused(desk)).toBe('reason');
    // Round and round, both ways: the focus never reaches the page behind.
    await tabRound(desk, 25);
    await tabRound(desk, 25, true);
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.keyboard.press('Escape');
    await desk.waitForSelector('[role=dialog]', { state: 'detached' });
    expect(await api(hub.url, 'GET', `/api/dossiers?ticketId=${encodeURIComponent((await api(hub.url, 'GET', '/api/counters/1')).body.current.id)}`)).toMatchObject({
      body: [{ applicant: { name: 'Lê Văn An' } }],
    });
    await desk.close();
  });

  it('pause, transfer and cancel dialogs keep the focus inside; no-show and transfer say what happened', { timeout: 90_000 }, async () => {
    const desk = await signedInCounter('canbo1', 1);
    await expect.poll(() => held(desk)).toBe('A002');
    await desk.keyboard.press('F6');
    await expect.poll(() => desk.locator('.message').textContent()).toBe('Đã kết thúc số A002');

    // The pause dialog opens with its first reason focused.
    await desk.keyboard.press('F8');
    await desk.waitForSelector('.modal .choice');
    expect(await focused(desk)).toBe('0');
    await tabRound(desk, 8);
    await tabRound(desk, 8, true);
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.keyboard.press('Escape');
    await desk.waitForSelector('[role=dialog]', { state: 'detached' });

    await desk.keyboard.press('F1');
    await expect.poll(() => held(desk)).toBe('A003');
    await desk.keyboard.press('F4');
    await expect.poll(() => desk.locator('.message').textContent()).toBe('Số A003 vắng mặt. Có thể khôi phục trong 15 phút.');

    await desk.keyboard.press('F1');
    await expect.poll(() => held(desk)).toBe('A004');
    await desk.click('.cancel-ticket');
    await desk.waitForSelector('.modal .choice[data-reason="0"]');
    expect(await focused(desk)).toBe('0');
    await tabRound(desk, 10);
    await tabRound(desk, 10, true);
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.keyboard.press('Escape');
    await desk.waitForSelector('[role=dialog]', { state: 'detached' });

    // Transfer: every one of the hall's services and counters is in the dialog, within the screen.
    await desk.keyboard.press('F7');
    await desk.waitForSelector('.modal .counter-choice[data-counter="20"]');
    await expect.poll(() => desk.evaluate(() => document.activeElement?.classList.contains('choice'))).toBe(true);
    const services = (await api(hub.url, 'GET', '/api/services')).body.filter((x: { active: boolean; id: string }) => x.active && x.id !== 'HT');
    expect(services.length).toBeGreaterThanOrEqual(19);
    expect(await desk.locator('.modal .choice[data-service]').count()).toBe(services.length);
    const modal = (await desk.locator('.modal').boundingBox())!;
    expect(modal.y).toBeGreaterThanOrEqual(0);
    expect(modal.y + modal.height).toBeLessThanOrEqual(VIEWPORT.height);
    await tabRound(desk, 50);
    await tabRound(desk, 50, true);
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.click('.modal .choice[data-service="DD"]');
    await expect.poll(() => desk.locator('.message').textContent()).toBe('Đã chuyển số A004 sang Đất đai');
    await desk.keyboard.press('F1');
    await expect.poll(() => held(desk)).toBe('A005');
    await desk.keyboard.press('F7');
    await desk.waitForSelector('.modal .counter-choice[data-counter="2"]');
    await desk.click('.modal .counter-choice[data-counter="2"]');
    await expect.poll(() => desk.locator('.message').textContent()).toBe('Đã chuyển số A005 đến quầy 2');
    await desk.close();
  });
});
