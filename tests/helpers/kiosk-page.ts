// The kiosk page in Chromium, as a citizen turns it.

import type { Page } from 'playwright-core';

/** Turns the kiosk's pages until a service's tile shows; false when no page has it. */
export async function findOnKiosk(kiosk: Page, name: string): Promise<boolean> {
  for (let i = 0; i < 6; i++) {
    if ((await kiosk.locator('.service', { hasText: name }).count()) > 0) return true;
    const next = kiosk.locator('.pager-button.next');
    if ((await next.count()) === 0 || (await next.isDisabled())) return false;
    await next.click();
  }
  return false;
}
