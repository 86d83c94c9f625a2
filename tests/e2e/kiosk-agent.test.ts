/// <reference lib="dom" />
// A kiosk whose printer is on its own PC (printer: { type: agent }): a real hub, the real
// device agent process (the bundle the package ships) printing to a file standing for
// /dev/usb/lp0, and the kiosk page in Chromium. The bytes written are decoded by the tests'
// own ESC/POS decoder and read back by OCR.

import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startAgent, type AgentProcess } from '../helpers/agent-process.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { decodeJob, toPbm } from '../helpers/escpos-decoder.js';
import { ocrVietnamese } from '../helpers/ocr.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

const TOKEN = 'kiosk-with-its-own-printer';
let browser: Browser;
let hub: TestHub;
let agent: AgentProcess;
let lp0: string;
let page: Page;
/** The number taken while the printer was unplugged. */
let unprinted = '';

function hallFile(dataDir: string): string {
  const file = join(dataDir, 'hall.yaml');
  writeFileSync(
    file,
    stringify({
      hall: { name: 'Bộ phận Một cửa phường Thử Nghiệm', agencyCode: '000.00.14.H56', hours: null, publicUrl: 'http://10.1.2.3:8080' },
      services: [
        { id: 'HT', name: { vi: 'Tư pháp - Hộ tịch', en: 'Civil status' }, numbering: { prefix: 'A' } },
        { id: 'DD', name: { vi: 'Đất đai', en: 'Land' }, numbering: { prefix: 'B' } },
      ],
      counters: [{ id: 1, services: ['HT', 'DD'] }],
      kiosks: [{ id: 'K1', token: TOKEN, ticketsPerMinute: 30, printer: { type: 'agent', paper: 80 } }],
    }),
  );
  return file;
}

const printerHealth = async () => (await api(hub.url, 'GET', '/api/health')).body.devices.find((d: { id: string }) => d.id === 'printer:K1');

/** Taps a service on the kiosk and gives the number the screen shows. */
async function tap(serviceId: string): Promise<{ number: string; printed: boolean }> {
  await page.locator(`[data-service=${serviceId}]`).tap();
  await page.waitForSelector('.result-screen');
  const number = (await page.locator('.result-number').getAttribute('data-number'))!;
  const printed = (await page.locator('.result-screen.print-failed').count()) === 0;
  // Back to the services for the next tap.
  await page.goto(`${hub.url}/kiosk/?device=K1&token=${TOKEN}`);
  await page.waitForSelector('.service');
  return { number, printed };
}

beforeAll(async () => {
  const dataDir = tempDataDir();
  hub = await startTestHub({ dataDir, hallFile: hallFile(dataDir) });
  lp0 = join(tempDataDir(), 'lp0');
  writeFileSync(lp0, '');
  agent = await startAgent({ HUB: hub.url, ROLE: 'kiosk', TOKEN, DEVICE: 'K1', PRINTER: lp0, PRINTER_CHECK_MS: '200', SCREEN: 'always' });
  await agent.waitFor(/connected to the hub as kiosk K1\b/);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1024 }, hasTouch: true });
  await page.goto(`${hub.url}/kiosk/?device=K1&token=${TOKEN}`);
  await page.waitForSelector('.service');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await agent?.stop();
  await hub?.stop(true);
});

describe('a kiosk printing through its device agent', () => {
  it('a tap prints the ticket on the local printer: the bytes are one picture and a cut, showing the number', async () => {
    await expect.poll(printerHealth).toMatchObject({ ok: true, code: null });
    expect(await page.locator('.banner.printer-down').count()).toBe(0);
    const { number, printed } = await tap('HT');
    expect(printed).toBe(true);
    expect(number).toMatch(/^A\d{3}$/);
    await expect.poll(() => statSync(lp0).size).toBeGreaterThan(0);
    const job = decodeJob(readFileSync(lp0), 'escpos');
    expect(job.rasters).toHaveLength(1);
    expect(job.rasters[0]!.width).toBe(576);
    expect(job.cuts).toBe(1);
    const text = await ocrVietnamese(toPbm(job.rasters[0]!), 'pbm');
    expect(text.replace(/\s/g, '')).toContain(number);
    expect(text).toContain('Tư pháp');
    expect(agent.output()).toMatch(/printed \S+_K1_\d+ \(\d+ bytes\)/);
  });

  it('unplugging the printer shows the banner before the next tap; the ticket is on screen; plugging back clears it and prints again', async () => {
    rmSync(lp0);
    await expect.poll(() => page.locator('.banner.printer-down').textContent(), { timeout: 10_000 }).toContain('Máy in chưa kết nối được');
    expect(await printerHealth()).toMatchObject({ ok: false, code: 'unreachable' });
    await page.screenshot({ path: screenshotPath('kiosk-agent-unplugged.png') });
    // A tap meanwhile still gives the number, on screen, and writes no plain file in the printer's place.
    const meanwhile = await tap('DD');
    expect(meanwhile.printed).toBe(false);
    expect(meanwhile.number).toMatch(/^B\d{3}$/);
    unprinted = meanwhile.number;
    expect(existsSync(lp0)).toBe(false);

    writeFileSync(lp0, '');
    await page.waitForSelector('.banner.printer-down', { state: 'detached', timeout: 10_000 });
    expect(await printerHealth()).toMatchObject({ ok: true });
    const after = await tap('DD');
    expect(after.printed).toBe(true);
    await expect.poll(() => statSync(lp0).size).toBeGreaterThan(0);
    const text = await ocrVietnamese(toPbm(decodeJob(readFileSync(lp0), 'escpos').rasters[0]!), 'pbm');
    expect(text.replace(/\s/g, '')).toContain(after.number);
  });

  it('the reprint of the ticket that failed goes through the agent too', async () => {
    const tickets = await api<{ id: string; number: string }[]>(hub.url, 'GET', '/api/tickets');
    const failed = tickets.body.find((t) => t.number === unprinted)!;
    expect(failed.number).toBe(unprinted);
    const before = statSync(lp0).size;
    const reprint = await fetch(`${hub.url}/api/kiosk/tickets/${failed.id}/print`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    const body = await reprint.json();
    expect(body.print).toMatchObject({ ok: true });
    const bytes = readFileSync(lp0).subarray(before);
    const text = await ocrVietnamese(toPbm(decodeJob(bytes, 'escpos').rasters[0]!), 'pbm');
    expect(text.replace(/\s/g, '')).toContain(unprinted);
  });

  it('an agent that stops leaves the kiosk with the banner; started again, it clears', async () => {
    await agent.stop();
    await expect.poll(() => page.locator('.banner.printer-down').count(), { timeout: 10_000 }).toBe(1);
    expect(await printerHealth()).toMatchObject({ ok: false, code: 'unreachable' });
    agent = await startAgent({ HUB: hub.url, ROLE: 'kiosk', TOKEN, DEVICE: 'K1', PRINTER: lp0, PRINTER_CHECK_MS: '200', SCREEN: 'always' });
    await agent.waitFor(/connected to the hub as kiosk K1\b/);
    await page.waitForSelector('.banner.printer-down', { state: 'detached', timeout: 10_000 });
  });
});
