/// <reference lib="dom" />
// The console's catalogue and voice screens in Chromium at 1366x768: an admin uploads a CSV
// with one new and one changed procedure, sees the preview, applies it, and the lookup
// terminal's guide shows the new procedure; the admin sets the voice and plays a sample that
// a hall display says. axe-core finds no serious or critical violation on either screen.

import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VOICE_DIR } from '../../server/paths.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';
import { checkAxe, signInConsole } from '../helpers/manager-console.js';

let browser: Browser;
let hub: TestHub;
let dataDir: string;

beforeAll(async () => {
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  dataDir = tempDataDir();
  // A hall's own voice pack beside the default one.
  const own = join(dataDir, 'voice', 'giong-nu-ha-noi');
  mkdirSync(own, { recursive: true });
  copyFileSync(join(DEFAULT_VOICE_DIR, 'chime.wav'), join(own, 'chime.wav'));
  hub = await startTestHub({ dataDir });
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
});

/** The running catalogue, downloaded from the console, with HT.04 renamed and one procedure added. */
async function editedCatalogue(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.click('button:has-text("Tải về CSV")');
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const rows = parse(readFileSync(file, 'utf8'), { bom: true }) as string[][];
  const header = rows[0]!;
  const col = (name: string) => header.indexOf(name);
  const ht04 = rows.find((r) => r[0] === 'HT.04')!;
  ht04[col('name')] = 'Cấp Giấy xác nhận tình trạng hôn nhân (mẫu mới)';
  ht04[col('processing')] = '2.5d';
  ht04[col('papers')] = ht04[col('papers')]!.replace('[original]', '[original x2]');
  const added = header.map(() => '');
  added[col('code')] = 'HT.99';
  added[col('name')] = 'Đăng ký giám hộ';
  added[col('serviceId')] = 'HT';
  added[col('field')] = 'Hộ tịch';
  added[col('processing')] = '3d';
  added[col('fee')] = 'Miễn lệ phí';
  added[col('resultAt')] = 'Bộ phận Một cửa';
  added[col('papers')] = 'Tờ khai đăng ký giám hộ [original]';
  rows.push(added);
  const path = join(dataDir, 'danh-muc-moi.csv');
  writeFileSync(path, rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n'));
  return path;
}

describe('the console’s catalogue and voice screens', () => {
  it('an admin previews a catalogue with one new and one changed procedure, applies it, and the lookup guide shows it', { timeout: 120_000 }, async () => {
    const page = await signInConsole(browser, hub.url, 'quantri', { acceptDownloads: true });
    await page.click('.bar .tab:has-text("Danh mục thủ tục")');
    await page.waitForSelector('input[name=catalogue]');
    await checkAxe(page, 'catalogue');
    const csv = await editedCatalogue(page);

    // A file with a bad row first: refused row by row, nothing to apply.
    const bad = join(dataDir, 'sai.csv');
    const { readFileSync } = await import('node:fs');
    const badText = readFileSync(csv, 'utf8').replace(',3d,', ',999d,');
    writeFileSync(bad, badText);
    const badRow = badText.split('\n').findIndex((line) => line.includes(',999d,')) + 1;
    await page.setInputFiles('input[name=catalogue]', bad);
    await page.click('button:has-text("Xem trước thay đổi")');
    await page.waitForSelector('.refusal li');
    expect(await page.locator('.refusal li').allTextContents()).toEqual([`Dòng ${badRow}: thời hạn "999d" phải lớn hơn 0 và không quá 365 ngày làm việc`]);
    expect(await page.locator('button:has-text("Áp dụng")').count()).toBe(0);

    await page.setInputFiles('input[name=catalogue]', csv);
    await page.click('button:has-text("Xem trước thay đổi")');
    await page.waitForSelector('.preview');
    expect(await page.locator('.preview h2').textContent()).toBe('Tệp có 27 thủ tục; 25 thủ tục không đổi.');
    expect(await page.locator('table.added tbody tr').allTextContents()).toEqual(['HT.99Đăng ký giám hộ']);
    const changed = page.locator('table.changed tbody tr');
    // Each field and value in words, not as the file writes them ("3d", "[original x2]").
    expect(await changed.count()).toBe(3);
    expect(await changed.nth(0).locator('td').allTextContents()).toEqual(['Tên (tiếng Việt)', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Cấp Giấy xác nhận tình trạng hôn nhân (mẫu mới)']);
    expect(await changed.nth(1).locator('td').allTextContents()).toEqual(['Thời hạn', '3 ngày làm việc', '2,5 ngày làm việc']);
    expect(await changed.nth(2).locator('td').first().textContent()).toBe('Thành phần hồ sơ');
    expect(await changed.nth(2).locator('td.after').textContent()).toContain('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (bản chính, 2 bản)');
    expect(await changed.nth(2).locator('td.after').textContent()).toContain('(xuất trình)');
    expect(await page.locator('table.changed').textContent()).not.toMatch(/\[|\b\d+d\b|processing|papers/);
    await checkAxe(page, 'catalogue preview');
    await page.screenshot({ path: screenshotPath('manager-catalogue.png') });
    // Nothing is applied by the preview.
    expect((await api(hub.url, 'GET', '/api/procedures/HT.99')).status).toBe(404);

    await page.click('button:has-text("Áp dụng đúng bản xem trước này")');
    await page.waitForSelector('.message.ok');
    expect(await page.textContent('.message.ok')).toBe('Đã áp dụng danh mục mới: 27 thủ tục. Hồ sơ đã tiếp nhận giữ nguyên thời hạn cũ.');

    const lookup = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await lookup.goto(`${hub.url}/lookup/`);
    await lookup.waitForSelector('.keyboard');
    await lookup.tap('.tabs button:nth-child(2)');
    await lookup.tap('.fields button[data-field="Hộ tịch"]');
    await expect.poll(() => lookup.locator('.procedures li').count()).toBe(9);
    expect(await lookup.locator('.procedures li').allTextContents()).toContainEqual(expect.stringContaining('Đăng ký giám hộ'));
    await lookup.close();
    await page.close();
  });

  it('an admin sets the voice and plays a sample that a hall display says', { timeout: 120_000 }, async () => {
    const display = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await display.goto(`${hub.url}/display/`);
    await display.waitForFunction(() => document.querySelector('.is-offline') === null && document.querySelector('.display') !== null);

    const page = await signInConsole(browser, hub.url, 'quantri', { acceptDownloads: true });
    await page.click('.bar .tab:has-text("Giọng đọc")');
    await page.waitForSelector('select[name=pack]');
    expect(await page.locator('select[name=pack] option').allTextContents()).toEqual(['Giọng mặc định (eSpeak NG)', 'giong-nu-ha-noi (1 từ)']);
    await checkAxe(page, 'voice');

    // A volume out of range is refused with the field named.
    await page.fill('input[name=volume]', '150');
    await page.click('button:has-text("Lưu giọng đọc")');
    await page.waitForSelector('.message.error');
    expect(await page.textContent('.message.error')).toContain('volume');

    await page.fill('input[name=volume]', '80');
    await page.check('input[name=say-twice]');
    await page.selectOption('select[name=pack]', { label: 'giong-nu-ha-noi (1 từ)' });
    await page.click('button:has-text("Lưu giọng đọc")');
    await page.waitForSelector('.message.ok');
    const settings = await api(hub.url, 'GET', '/api/hall');
    expect(settings.body.hall?.voice ?? settings.body.settings?.voice ?? settings.body.voice).toMatchObject({ volume: 80, sayNumberTwice: true });

    await page.fill('input[name=sample-number]', 'A012');
    await page.fill('input[name=sample-counter]', '5');
    await page.click('button:has-text("Phát thử")');
    await page.waitForSelector('.message.ok');
    expect(await page.textContent('.message.ok')).toBe('Đã gửi lệnh đọc thử số A012 đến quầy 5 tới các màn hình sảnh.');
    await display.waitForFunction(() => (window.luotAnnouncements ?? []).some((a) => a.number === 'A012' && a.counterId === 5 && a.outcome !== null), undefined, { timeout: 30_000 });
    const said = await display.evaluate(() => window.luotAnnouncements!.find((a) => a.number === 'A012')!);
    expect(said.outcome).toBe('played');
    await page.screenshot({ path: screenshotPath('manager-voice.png') });
    await page.close();
    await display.close();
  });
});
