/// <reference lib="dom" />
// The dossier's whole path through the hall in Chromium: a clerk calls a ticket on the counter
// page and receives a dossier (procedure found without diacritics, the papers checked); its
// receipt is a PDF; the citizen looks it up at the lookup terminal; the back office starts and
// completes it at the dossier desk; back for the result, the
// citizen scans the slip's code at the kiosk and gets a number linked to it; the clerk who calls
// that number sees the dossier at once and hands the result over.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { COUNTER_VIEWPORT, signedInCounter } from '../helpers/counter-page.js';
import { launchChromium } from '../helpers/browser.js';
import { DEMO_KIOSK_TOKEN } from '../helpers/callers.js';
import { pdfFirstPageText } from '../helpers/pdf-text.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

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

describe('a dossier through the hall', () => {
  it('is received at the counter, looked up, and its result collected with a number from the kiosk', { timeout: 90_000 }, async () => {
    // The citizen takes a number for civil status at the kiosk.
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await kiosk.goto(`${hub.url}/kiosk/?device=K1&token=${DEMO_KIOSK_TOKEN}`);
    await kiosk.locator('[data-service=HT]').tap();
    await kiosk.waitForSelector('.result-screen');
    expect(await kiosk.locator('.result-number').textContent()).toBe('A001');
    await kiosk.getByRole('button', { name: 'Xong' }).tap();
    const counter = await counterPage('canbo1', 1);
    await counter.click('.action-callNext');
    await expect.poll(() => counter.locator('[data-testid=current-number]').textContent()).toBe('A001');
    // The bundled font, not the machine's.
    expect(await counter.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Luot Sans/);
    await expect.poll(() => counter.evaluate(() => [...document.fonts].some((f) => f.family.replaceAll('"', '') === 'Luot Sans' && f.status === 'loaded'))).toBe(true);
    await counter.waitForSelector('.dossiers');
    expect(await counter.locator('.dossiers-none').textContent()).toBe('Chưa có hồ sơ');

    // Receive: the procedure typed without diacritics, the applicant, every paper there.
    await counter.click('.dossiers .receive');
    await counter.fill('.receive-dialog input', 'xac nhan tinh trang hon nhan');
    await counter.click('.procedure-choices button[data-procedure="HT.04"]');
    expect(await counter.isDisabled('[data-outcome=complete]')).toBe(true);
    await counter.fill('input[name=name]', 'Nguyễn Văn An');
    await counter.fill('input[name=idNumber]', '00109901234');
    expect(await counter.getAttribute('input[name=idNumber]', 'aria-invalid')).toBe('true');
    await counter.fill('input[name=idNumber]', '001099012345');
    await counter.fill('input[name=phone]', '0912345678');
    await counter.fill('input[name=address]', 'Số 5 đường Hoa Sữa, phường Hòa An');
    expect(await seriousViolations(counter)).toEqual([]);
    const popup = counter.context().waitForEvent('page');
    await counter.click('[data-outcome=complete]');
    // The receipt opens as a PDF for the office printer.
    const receipt = await popup;
    expect(receipt.url()).toMatch(/^blob:/);
    // What the office printer gets, read back from the paper's picture.
    const pdf = await receipt.evaluate(async () => Array.from(new Uint8Array(await (await fetch(location.href)).arrayBuffer())));
    const paper = await pdfFirstPageText(Uint8Array.from(pdf));
    // The slip's exact wording is checked line by line in tests/integration/dossier-slips.test.ts.
    for (const line of ['GIẤY TIẾP NHẬN HỒ SƠ', 'Tiếp nhận hồ sơ của: Nguyễn Văn An', 'Số định danh cá nhân: 001099012345', 'Nguyễn Thị Lan']) {
      expect(paper).toContain(line);
    }
    await counter.waitForSelector('.dossiers li[data-dossier]');
    const code = (await counter.getAttribute('.dossiers li[data-dossier]', 'data-dossier'))!;
    expect(code).toMatch(/^000\.00\.14\.H17-\d{6}-0001$/);
    // The citizen holds the check code printed beside the code (in two halves).
    const printedCheck = /Mã kiểm tra: ([A-Z0-9]{3}) ([A-Z0-9]{3})/.exec(paper);
    expect(printedCheck).not.toBeNull();
    const check = printedCheck![1]! + printedCheck![2]!;
    expect(await counter.locator('.dossiers li .dossier-status').textContent()).toBe('Đã tiếp nhận');
    await counter.click('.action-finish');

    // The citizen follows it at the lookup terminal.
    const lookup = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await lookup.goto(`${hub.url}/lookup/?code=${encodeURIComponent(code)}&check=${check}`);
    await lookup.waitForSelector('.dossier');
    expect(await lookup.locator('.dossier .masked').textContent()).toBe('N*** V** A*');

    // The back office moves it on at the dossier desk, opened from the counter page's link with
    // the counter's session (no second sign-in): the slip's QR scanned, processing started, the
    // result ready. Three clicks and the scan.
    const deskOpened = counter.context().waitForEvent('page');
    await counter.click('.find-dossier');
    const desk = await deskOpened;
    await desk.setViewportSize(COUNTER_VIEWPORT);
    await desk.waitForSelector('.dossier-search input');
    expect(await desk.locator('.who .clerk').textContent()).toBe('Nguyễn Thị Lan · Quầy số 1');
    await desk.keyboard.type(`http://192.168.1.10:8080/lookup/?code=${code}`);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector(`.dossier[data-code="${code}"]`);
    await desk.click('.step-start');
    await expect.poll(() => desk.locator('.dossier .status-badge').textContent()).toBe('Đang xử lý');
    await desk.click('.step-complete');
    await expect.poll(() => desk.locator('.dossier .status-badge').textContent()).toBe('Đã có kết quả');
    // The counter page still holds its session.
    await counter.bringToFront();
    expect(await counter.locator('.action-callNext').count()).toBe(1);

    // Back for the result: the kiosk reads the slip's QR (a scanner types the address).
    await kiosk.bringToFront();
    await kiosk.waitForSelector('.return-button');
    await kiosk.tap('.return-button');
    await kiosk.waitForSelector('#dossier-code');
    expect(await seriousViolations(kiosk)).toEqual([]);
    await kiosk.locator('#dossier-code').fill(`http://192.168.1.10:8080/lookup/?code=${code}&check=${check}`);
    await kiosk.keyboard.press('Enter');
    await kiosk.waitForSelector('.result-screen');
    const returnTicket = (await kiosk.getAttribute('.result-screen', 'data-ticket'))!;
    expect(returnTicket).toMatch(/-TKQ-/);

    // The clerk at counter 12 (results) calls it and sees the dossier at once.
    const results = await counterPage('canbo12', 12);
    await results.click('.action-callNext');
    await results.waitForSelector(`.dossiers li[data-dossier="${code}"]`);
    expect(await results.locator('.dossiers li .dossier-status').textContent()).toBe('Đã có kết quả');
    await results.click('.dossiers .hand-over');
    await expect.poll(() => results.locator('.dossiers li .dossier-status').textContent()).toBe('Đã trả kết quả');
    // The lookup terminal says it was handed over, ahead of its due date.
    await lookup.reload();
    await lookup.waitForSelector('.dossier[data-status="10"]');
    expect(await lookup.locator('.dossier .status').textContent()).toBe('Đã trả kết quả');
    expect(await lookup.locator('.dossier .timeliness').getAttribute('class')).toContain('early');

    // The citizen rates the service on counter 12's tablet when the clerk finishes.
    const tablet = await browser.newPage({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    await tablet.goto(`${hub.url}/rating/?device=R12&token=demo-rating-R12-token`);
    await expect.poll(() => tablet.locator('.counter').textContent()).toBe('Quầy số 12');
    await results.click('.action-finish');
    await tablet.waitForSelector('.ask');
    await tablet.tap('.level[data-level=satisfied]');
    await tablet.waitForSelector('.thanks');
    expect(hub.hub.ratings.get(returnTicket)).toMatchObject({ level: 'satisfied', counterId: 12, clerk: 'Lý Văn Phúc', dossierCodes: [code] });
  });
});
