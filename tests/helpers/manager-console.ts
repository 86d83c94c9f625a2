// Signing in to the manager console in Chromium, and its accessibility check, for the console's tests.

import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './axe.js';
import { COUNTER_VIEWPORT } from './counter-page.js';

/** A console page at 1366x768 signed in as `user` (password luot-demo), its live hall shown. */
export async function signInConsole(browser: Browser, hubUrl: string, user: string, options: { acceptDownloads?: boolean; acceptDialogs?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: COUNTER_VIEWPORT, acceptDownloads: options.acceptDownloads ?? false });
  if (options.acceptDialogs) page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${hubUrl}/manager/`);
  await page.fill('input[name=user]', user);
  await page.fill('input[name=password]', 'luot-demo');
  await page.click('button[type=submit]');
  await page.waitForSelector('.counters .counter');
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** No serious or critical axe-core violation on the console's screen (named in the failure). */
export async function checkAxe(page: Page, screen: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 1).slice(0, 1500)}`).toEqual([]);
}
