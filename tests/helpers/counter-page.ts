// The counter page's sign-in, as a clerk does it: choose the counter, type the user and the
// password, submit, and wait for the desk's buttons.

import type { Browser, Page } from 'playwright-core';

export const COUNTER_VIEWPORT = { width: 1366, height: 768 };

/** Signs in on the counter page in a page already open (any viewport). */
export async function signInAtCounter(page: Page, hubUrl: string, user: string, counter: number, password = 'luot-demo'): Promise<void> {
  await page.goto(`${hubUrl}/counter/?counter=${counter}`);
  await page.waitForSelector(`select option[value="${counter}"]`, { state: 'attached' });
  await page.fill('input[name=user]', user);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

/** A new 1366x768 page (the counter page's target size) with the clerk signed in at the desk. */
export async function signedInCounter(browser: Browser, hubUrl: string, user: string, counter: number): Promise<Page> {
  const page = await browser.newPage({ viewport: COUNTER_VIEWPORT });
  await signInAtCounter(page, hubUrl, user, counter);
  await page.waitForSelector('.action-callNext');
  return page;
}
