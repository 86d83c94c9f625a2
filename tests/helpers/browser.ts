// Debian's Chromium driven by playwright-core, with the flags a closed network needs.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../server/paths.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `extraArgs`: e.g. --autoplay-policy=no-user-gesture-required, as a hall display runs. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/**
 * Where a test saves a screenshot of a page: docs/ when UPDATE_DOCS_SCREENSHOTS=1 (to refresh
 * the pictures in the documentation), a temporary folder otherwise.
 */
export function screenshotPath(name: string): string {
  return process.env.UPDATE_DOCS_SCREENSHOTS === '1' ? join(PROJECT_ROOT, 'docs', name) : join(tmpdir(), `luot-${name}`);
}
