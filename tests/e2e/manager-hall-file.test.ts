/// <reference lib="dom" />
// The configuration as a hall file in Chromium at 1366x768: an admin downloads the running
// configuration, renames a service in the file, imports it, reads the preview (Vietnamese labels,
// old -> new), applies it with the keyboard, and the kiosk, open all along, shows the new name
// without a reload. A file with a mistake is refused with its field. axe-core finds no serious
// or critical violation with the preview shown.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { DEMO_KIOSK_TOKEN } from '../helpers/callers.js';
import { findOnKiosk } from '../helpers/kiosk-page.js';
import { checkAxe, signInConsole } from '../helpers/manager-console.js';
import { startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

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

describe('the hall file on the configuration screen', () => {
  it('an admin downloads the hall file, renames a service in it, previews and applies it; the open kiosk shows the new name', { timeout: 180_000 }, async () => {
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${hub.url}/kiosk/?device=K1&token=${DEMO_KIOSK_TOKEN}`);
    await kiosk.waitForSelector('.service');
    await kiosk.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    const page = await signInConsole(browser, hub.url, 'quantri', { acceptDownloads: true });
    await page.click('.bar .tab:has-text("Cấu hình")');
    await page.waitForSelector('tr[data-service=HT]');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Tải về tệp cấu hình")')]);
    expect(download.suggestedFilename()).toMatch(/^hall-\d{4}-\d{2}-\d{2}\.yaml$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('Tư pháp - Hộ tịch - Chứng thực');
    expect(text).not.toContain('scrypt$');

    // A mistake in the file: refused, with its field, and nothing previewed.
    const dir = tempDataDir();
    const wrong = join(dir, 'wrong.yaml');
    writeFileSync(wrong, text.replace('numbering: {prefix: B, digits: 3}', 'numbering: {prefix: A, digits: 3}'));
    await page.setInputFiles('input[name=hall-file]', wrong);
    await page.click('button:has-text("Xem trước các khác biệt")');
    const refusal = page.locator('.hall-file .refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/services\.(HT|DD)\.numbering/);

    const edited = join(dir, 'hall.yaml');
    // The name changes live; the no-show time is not changed while the hall runs, and says so.
    writeFileSync(edited, text.replace('Tư pháp - Hộ tịch - Chứng thực', 'Hộ tịch và Chứng thực').replace('noShowRestoreMinutes: 15', 'noShowRestoreMinutes: 20'));
    await page.setInputFiles('input[name=hall-file]', edited);
    // The keyboard alone: to the preview button, then Apply.
    await page.focus('input[name=hall-file]');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const row = page.locator('.hall-file-preview [data-section=services] tr[data-item=HT]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Tên');
    expect(await row.locator('td.before').textContent()).toContain('Tư pháp - Hộ tịch - Chứng thực');
    expect(await row.locator('td.after').textContent()).toContain('Hộ tịch và Chứng thực');
    expect(await page.locator('.hall-file-preview .hint').textContent()).toContain('1 thay đổi sẽ được áp dụng ngay; 1 thay đổi không áp dụng được khi đang chạy');
    const notLive = page.locator('.hall-file-preview [data-section=hall] tr.not-live');
    expect(await notLive.textContent()).toContain('Thời gian gọi lại số vắng (phút)');
    expect(await notLive.textContent()).toContain('Không áp dụng khi đang chạy');
    await page.locator('.hall-file-preview').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('manager-config-import.png') });
    await checkAxe(page, 'configuration, hall file preview');

    await page.focus('.hall-file-preview button.primary');
    await page.keyboard.press('Enter');
    await page.locator('.hall-file .message.ok').waitFor();
    expect(await page.locator('.hall-file .message.ok').textContent()).toContain('Đã áp dụng 1 thay đổi');
    expect(await page.locator('.hall-file .message.ok').textContent()).toContain('1 thay đổi không được áp dụng');
    await page.waitForSelector('tr[data-service=HT] >> text=Hộ tịch và Chứng thực');

    await kiosk.waitForFunction(() => document.body.textContent?.includes('Hộ tịch và Chứng thực') ?? false, undefined, { timeout: 10_000 }).catch(() => undefined);
    expect(await findOnKiosk(kiosk, 'Hộ tịch và Chứng thực')).toBe(true);
    expect(await kiosk.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await checkAxe(page, 'configuration, hall file applied');

    // In English too.
    await page.click('.bar button:has-text("English")');
    await page.waitForSelector('#config-hall-file:has-text("Hall file (YAML)")');
    expect(await page.locator('.hall-file button', { hasText: 'Download hall file' }).count()).toBe(1);
    expect(await page.locator('.hall-file form[aria-label="Import a hall file"]').count()).toBe(1);
  });
});
