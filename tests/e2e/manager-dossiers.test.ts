/// <reference lib="dom" />
// The manager console's dossier figures in Chromium at 1366x768, on a hub whose clock the test
// moves: dossiers received on Monday at three counters and moved on by the back office; on
// Thursday the manager sees "about to be late" raised for the one due that evening, opens the
// Dossiers screen, follows a figure to the list behind it, and sees the figures change live when
// a dossier is finished elsewhere. axe-core finds no serious or critical violation.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { COUNTER_VIEWPORT } from '../helpers/counter-page.js';
import { api, startTestHub, type TestHub } from '../helpers/test-hub.js';

const TZ = 'Asia/Ho_Chi_Minh';
const APPLICANTS = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Phương'];

let browser: Browser;
let hub: TestHub;
// Monday 30/11/2026 at 09:00 in the hall.
let now = localInstant('2026-11-30', 9 * 60, TZ);
const codes: Record<string, string> = {};

const as = (token: string) => ({ authorization: `Bearer ${token}` });
async function signIn(user: string, counterId: number | null): Promise<string> {
  const reply = await api(hub.url, 'POST', '/api/staff/sign-in', { user, password: 'luot-demo', counterId }, { authorization: null });
  expect(reply.status).toBe(200);
  return reply.body.token;
}

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startTestHub({ clock: () => now });
  const clerks = { 1: await signIn('canbo1', 1), 2: await signIn('canbo2', 2), 3: await signIn('canbo3', 3) };
  let applicant = 0;
  const receive = async (name: string, counterId: 1 | 2 | 3, serviceId: string, procedureCode: string) => {
    expect((await api(hub.url, 'POST', '/api/tickets', { serviceId })).status).toBe(201);
    const called = await api(hub.url, 'POST', `/api/counters/${counterId}/call-next`, { finishCurrent: true }, as(clerks[counterId]));
    expect(called.status).toBe(200);
    const body = {
      counterId,
      ticketId: called.body.ticket.id,
      procedureCode,
      applicant: { name: APPLICANTS[applicant++ % APPLICANTS.length], idNumber: '001099012345', phone: null, address: 'Phường Hòa An' },
      papers: [],
      outcome: 'complete',
    };
    const received = await api(hub.url, 'POST', '/api/dossiers', body, as(clerks[counterId]));
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    codes[name] = received.body.code;
    now += 5 * 60_000;
  };
  // Counter 1 (Nguyễn Thị Lan): two certificates of marital status (3 working days: due at the
  // end of Thursday) and a signature certification (the same day: due Monday evening).
  await receive('maritalA', 1, 'HT', 'HT.04');
  await receive('maritalB', 1, 'HT', 'HT.04');
  await receive('signature', 1, 'HT', 'CT.02');
  // Counter 2 (Trần Văn Minh): a copy certification, the same day.
  await receive('copy', 2, 'HT', 'CT.01');
  // Counter 3 (Lê Thị Hương): two land dossiers (5 and 8 working days: next week).
  await receive('landRenew', 3, 'DD', 'DD.04');
  await receive('landTransfer', 3, 'DD', 'DD.02');
  for (const counterId of [1, 2, 3] as const) await api(hub.url, 'POST', `/api/counters/${counterId}/finish`, {}, as(clerks[counterId]));
  // The back office moves some on: papers asked for, a result ready, fees asked for.
  const civil = await signIn('xuly1', null);
  const land = await signIn('xuly2', null);
  const step = async (code: string, token: string, action: string, extra: Record<string, unknown> = {}) =>
    expect((await api(hub.url, 'POST', `/api/dossiers/${code}/status`, { action, ...extra }, as(token))).status).toBe(200);
  await step(codes.maritalB!, civil, 'requestPapers', { missingPapers: ['Giấy xác nhận nơi cư trú'] });
  await step(codes.copy!, civil, 'complete');
  await step(codes.landTransfer!, land, 'requestFees');
  // Thursday 03/12/2026 at 09:00: the marital status certificate A is due tonight; the signature
  // certification is three days late.
  now = localInstant('2026-12-03', 9 * 60, TZ);
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
});

describe('the dossier figures in the manager console', () => {
  it('shows "about to be late", the figures per procedure and clerk, the list behind a figure, and follows the hall live', { timeout: 120_000 }, async () => {
    // Monday's alert (the same-day certifications due that evening) ends with its day; Thursday's is raised.
    await expect.poll(async () => (await api(hub.url, 'GET', '/api/manager/hall')).body.alerts.map((a: any) => a.key), { timeout: 15_000 }).toEqual(['dossiers_due:2026-12-03']);
    const page = await browser.newPage({ viewport: COUNTER_VIEWPORT });
    await page.goto(`${hub.url}/manager/`);
    await page.fill('input[name=user]', 'quanly');
    await page.fill('input[name=password]', 'luot-demo');
    await page.click('button[type=submit]');
    await page.waitForSelector('.counters .counter');
    await page.evaluate(() => document.fonts.ready);

    // The hub raises one alert for the day: one dossier due within the next 8 working hours, not
    // ready (the other due tonight waits for the citizen's papers: its clock stands still).
    const strip = page.locator('.alert-strip');
    await strip.waitFor({ timeout: 15_000 });
    expect(await strip.textContent()).toContain(`1 hồ sơ sắp trễ hạn: đến hạn trong 8 giờ làm việc tới mà chưa có kết quả (sớm nhất: ${codes.maritalA}).`);

    await page.click('.bar .tab:has-text("Hồ sơ")');
    const total = (list: string) => page.locator(`.total.${list} .total-count`);
    await total('due_today').waitFor();
    expect(await Promise.all(['due_today', 'overdue', 'papers', 'fees', 'ready'].map((l) => total(l).textContent()))).toEqual(['2', '1', '1', '1', '1']);
    // Per procedure, in the order of their names.
    const procedureRows = page.locator('#by-procedure ~ table tbody tr');
    expect(await procedureRows.locator('th').allTextContents()).toEqual([
      'Cấp Giấy xác nhận tình trạng hôn nhân (HT.04)',
      'Chứng thực bản sao từ bản chính giấy tờ, văn bản (CT.01)',
      'Chứng thực chữ ký trong giấy tờ, văn bản (CT.02)',
      'Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế (DD.02)',
    ]);
    // Per clerk who received them and who holds them.
    expect(await page.locator('#by-receiver ~ table tbody th').allTextContents()).toEqual(['Lê Thị Hương', 'Nguyễn Thị Lan', 'Trần Văn Minh']);
    expect(await page.locator('#by-holder ~ table tbody th').allTextContents()).toEqual(['Lê Minh Châu', 'Nguyễn Thị Lan', 'Nguyễn Văn Bình']);
    await expect.poll(async () => (await seriousViolations(page)).length).toBe(0);

    // The overdue figure of the signature certification opens its list: that one dossier, in red.
    await page.click('a[aria-label="Quá hạn, Chứng thực chữ ký trong giấy tờ, văn bản: 1 hồ sơ. Xem danh sách"]');
    const list = page.locator('.dossier-list');
    await list.locator('tbody tr').first().waitFor();
    expect(await list.locator('h2').textContent()).toBe('Quá hạn · Chứng thực chữ ký trong giấy tờ, văn bản (1)');
    expect(await list.locator('tbody tr.late th').allTextContents()).toEqual([codes.signature]);
    expect(await list.locator('tbody tr td').allTextContents()).toEqual([
      'Chứng thực chữ ký trong giấy tờ, văn bản',
      'Lê Văn Cường',
      '30/11/2026',
      '30/11/2026',
      'Đã tiếp nhận',
      'Nguyễn Thị Lan',
      'Nguyễn Thị Lan',
    ]);
    // The total "due today" lists both due tonight, the one waiting for papers too.
    await page.click('.total.due_today a');
    await expect.poll(() => list.locator('h2').textContent()).toBe('Đến hạn hôm nay (2)');
    expect((await list.locator('tbody th').allTextContents()).sort()).toEqual([codes.maritalA, codes.maritalB].sort());
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 1).slice(0, 1500)).toEqual([]);
    await page.screenshot({ path: screenshotPath('manager-dossiers.png') });

    // The back office finishes certificate A elsewhere: without a reload the figures and the
    // open list follow, and the alert ends.
    const civil = await signIn('xuly1', null);
    expect((await api(hub.url, 'POST', `/api/dossiers/${codes.maritalA}/status`, { action: 'complete' }, as(civil))).status).toBe(200);
    await expect.poll(() => total('ready').textContent(), { timeout: 10_000 }).toBe('2');
    expect(await total('due_today').textContent()).toBe('1');
    await expect.poll(() => list.locator('h2').textContent()).toBe('Đến hạn hôm nay (1)');
    await expect.poll(async () => (await api(hub.url, 'GET', '/api/manager/hall')).body.alerts.length, { timeout: 15_000 }).toBe(0);
    // In English, the same figures with their English words.
    await page.click('.bar .lang');
    await expect.poll(() => page.locator('#dossier-totals').textContent()).toBe("The centre's open dossiers");
    expect(await page.locator('.total.ready .total-name').textContent()).toBe('Result ready, not handed over');
    expect(await page.locator('.dossier-list h2').textContent()).toBe('Due today (1)');
    expect(await page.locator('#by-procedure ~ table tbody th').first().textContent()).toBe('Certificate of marital status (HT.04)');
    await page.close();
  });
});
