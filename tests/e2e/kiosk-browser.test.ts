/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The kiosk, phone and prints pages in a real Chromium against a real hub.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let browser: Browser;
let hub: TestHub;

const KIOSK_TOKEN = 'browser-kiosk-token';
const DEAD_PRINTER_TOKEN = 'kiosk-with-dead-printer';
const NARROW_KIOSK_TOKEN = 'kiosk-with-58-mm-paper';

/** A hall of 24 services in 3 groups, as large as a ward or a province branch has. */
function hallOf24(dataDir: string): string {
  const names = [
    'Tư pháp - Hộ tịch',
    'Chứng thực',
    'Đất đai',
    'Xây dựng',
    'Nông nghiệp và Môi trường',
    'Lao động, người có công',
    'Đăng ký hộ kinh doanh',
    'Giáo dục và Đào tạo',
    'Y tế',
    'Văn hóa và Thể thao',
    'Dân tộc - Tôn giáo',
    'Tài chính - Kế hoạch',
    'Công an phường (cư trú, căn cước)',
    'Thuế cơ sở',
    'Bảo hiểm xã hội',
    'Điện lực',
    'Cấp nước',
    'Kho bạc Nhà nước',
    'Ngân hàng Chính sách xã hội',
    'Bưu điện (gửi, nhận kết quả qua bưu chính)',
    'Chi nhánh Văn phòng đăng ký đất đai',
    'Trả kết quả',
    'Hỗ trợ dịch vụ công trực tuyến',
    'Tiếp nhận phản ánh, kiến nghị',
  ];
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWX';
  const services = names.map((name, i) => ({
    id: `S${i + 1}`,
    name: { vi: name, en: `Service ${i + 1}` },
    group: i < 12 ? 'g1' : i < 21 ? 'g2' : 'g3',
    // The trial's colours (white on them failed AA), and a white one a hall might choose.
    color: ['#1565c0', '#2e7d32', '#ad1457', '#f9a825', '#00838f', '#ef6c00', '#ffffff'][i % 7],
    location: { vi: `Tầng 1, quầy ${i + 1}`, en: `Ground floor, counter ${i + 1}` },
    numbering: { prefix: letters[i] },
    ...(i === 3 ? { dailyMax: 1 } : {}),
  }));
  const file = join(dataDir, 'hall.yaml');
  writeFileSync(
    file,
    stringify({
      hall: {
        name: 'Trung tâm Phục vụ hành chính công tỉnh Thử Nghiệm',
        agencyCode: '000.00.14.H56',
        hours: null,
        serviceGroups: [
          { id: 'g1', name: { vi: 'Sở, ngành', en: 'Departments' } },
          { id: 'g2', name: { vi: 'Cơ quan ngành dọc', en: 'Other agencies' } },
          { id: 'g3', name: { vi: 'Kết quả và hỗ trợ', en: 'Results and help' } },
        ],
      },
      services,
      counters: services.map((s, i) => ({ id: i + 1, services: [s.id] })),
      kiosks: [
        { id: 'K1', token: KIOSK_TOKEN, ticketsPerMinute: 50 },
        { id: 'K3', token: NARROW_KIOSK_TOKEN, printer: { type: 'simulated', paper: 58 } },
        { id: 'K9', token: DEAD_PRINTER_TOKEN, printer: { type: 'epson', address: 'tcp://127.0.0.1:9' } },
      ],
    }),
  );
  return file;
}

async function openKiosk(width: number, height: number, token = KIOSK_TOKEN): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, hasTouch: true });
  await page.goto(`${hub.url}/kiosk/?device=K1&token=${token}`);
  await page.waitForSelector('.service');
  await page.evaluate(() => document.fonts.ready);
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
  const dataDir = tempDataDir();
  hub = await startTestHub({ dataDir, hallFile: hallOf24(dataDir) });
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop(true);
});

afterEach(async () => {
  for (const context of browser.contexts()) await context.close();
});

describe('kiosk page', () => {
  for (const [width, height] of [
    [1080, 1920],
    [1920, 1080],
    [1366, 768],
    [1280, 1024],
  ] as const) {
    it(`lays out 24 services at ${width}x${height}: names of 24 px or more, nothing cut, no empty cell, pages beyond`, async () => {
      const page = await openKiosk(width, height);
      const pages = Number(await page.locator('.service-area').getAttribute('data-pages'));
      const seen: string[] = [];
      for (let n = 1; n <= pages; n++) {
        await expect.poll(() => page.locator('.service-area').getAttribute('data-page')).toBe(String(n));
        await page.waitForTimeout(100);
        const fit = await page.evaluate(() => {
          const doc = document.documentElement;
          const tiles = [...document.querySelectorAll<HTMLElement>('.service')];
          const cut = (e: HTMLElement) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1;
          // Each grid row's tiles, left to right, must span the grid's whole width.
          const rowsNotFilled = [...document.querySelectorAll<HTMLElement>('.service-grid')].flatMap((grid) => {
            const box = grid.getBoundingClientRect();
            const rows = new Map<number, { width: number; tiles: number }>();
            for (const tile of grid.querySelectorAll<HTMLElement>('.service')) {
              const r = tile.getBoundingClientRect();
              const row = rows.get(Math.round(r.top)) ?? { width: 0, tiles: 0 };
              rows.set(Math.round(r.top), { width: row.width + r.width, tiles: row.tiles + 1 });
            }
            const gap = parseFloat(getComputedStyle(grid).columnGap);
            return [...rows.values()].filter((row) => row.width + (row.tiles - 1) * gap < box.width - 2);
          });
          const fontOf = (e: Element) => parseFloat(getComputedStyle(e).fontSize);
          return {
            ids: tiles.map((t) => t.dataset.service!),
            scrolls: doc.scrollHeight > innerHeight || doc.scrollWidth > innerWidth,
            outside: tiles.filter((b) => b.getBoundingClientRect().bottom > innerHeight || b.getBoundingClientRect().right > innerWidth).length,
            clipped: tiles.filter(cut).map((b) => b.textContent),
            smallestName: Math.min(...tiles.map((b) => fontOf(b.querySelector('.service-name')!))),
            largestHeading: Math.max(0, ...[...document.querySelectorAll('.group-heading')].map(fontOf)),
            headingsCut: [...document.querySelectorAll<HTMLElement>('.group-heading')].filter(cut).map((h) => h.textContent),
            rowsNotFilled,
            pagerCut: [...document.querySelectorAll<HTMLElement>('.pager-button, .home-actions .big')].filter((b) => b.getBoundingClientRect().right > innerWidth + 1).length,
          };
        });
        expect(fit.scrolls).toBe(false);
        expect(fit.outside).toBe(0);
        expect(fit.clipped).toEqual([]);
        expect(fit.smallestName).toBeGreaterThanOrEqual(24);
        expect(fit.largestHeading).toBeLessThan(fit.smallestName);
        expect(fit.headingsCut).toEqual([]);
        expect(fit.rowsNotFilled).toEqual([]);
        expect(fit.pagerCut).toBe(0);
        expect(await seriousViolations(page)).toEqual([]);
        if (n === 1) await page.screenshot({ path: screenshotPath(`kiosk-${width}x${height}.png`) });
        seen.push(...fit.ids);
        if (n < pages) await page.locator('.pager-button.next').tap();
      }
      // Every service once, in the hall's order, across the pages.
      expect(seen).toEqual(Array.from({ length: 24 }, (_, i) => `S${i + 1}`));
      if (pages > 1) {
        await page.locator('.pager-button').first().tap();
        await expect.poll(() => page.locator('.service-area').getAttribute('data-page')).toBe(String(pages - 1));
      }
    });
  }

  it('with the hub down it shows the offline state and takes no tap until the hub is back', async () => {
    const dataDir = tempDataDir();
    let own = await startTestHub({ dataDir, hallFile: hallOf24(dataDir) });
    const port = Number(new URL(own.url).port);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
    try {
      await page.goto(`${own.url}/kiosk/?device=K1&token=${KIOSK_TOKEN}`);
      await page.waitForSelector('.service');
      await own.stop();
      await page.waitForSelector('.banner.offline');
      expect(await page.locator('.banner.offline').textContent()).toContain('Tạm thời chưa lấy số được');
      expect(await page.locator('.service:not([disabled])').count()).toBe(0);
      expect(await page.locator('.priority-button').isDisabled()).toBe(true);
      await page.locator('[data-service=S1]').tap({ force: true });
      expect(await page.locator('.overlay').count()).toBe(0);
      await page.screenshot({ path: screenshotPath('kiosk-offline.png') });
      own = await startTestHub({ dataDir, hallFile: join(dataDir, 'hall.yaml'), port });
      await page.waitForSelector('.banner.offline', { state: 'detached', timeout: 20_000 });
      await page.locator('[data-service=S1]').tap();
      await page.waitForSelector('.result-screen');
    } finally {
      await own.stop(true);
    }
  });

  it('every text on a service tile reaches WCAG AA against its colour', async () => {
    const page = await openKiosk(1080, 1920);
    const ratios = await page.evaluate(() => {
      const luminance = (rgb: string) => {
        const [r, g, b] = rgb
          .match(/\d+(\.\d+)?/g)!
          .slice(0, 3)
          .map((v) => Number(v) / 255)
          .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      return [...document.querySelectorAll<HTMLElement>('.service:not(.closed)')].flatMap((tile) => {
        const back = luminance(getComputedStyle(tile).backgroundColor);
        return [...tile.querySelectorAll<HTMLElement>('.service-name, .service-figures span')].map((text) => {
          const fore = luminance(getComputedStyle(text).color);
          return { id: tile.dataset.service, ratio: (Math.max(back, fore) + 0.05) / (Math.min(back, fore) + 0.05) };
        });
      });
    });
    expect(ratios.length).toBeGreaterThan(40);
    expect(ratios.filter((r) => r.ratio < 4.5)).toEqual([]);
  });

  it('a tap on a service gives a number on screen, printed by the simulated printer', async () => {
    const page = await openKiosk(1920, 1080);
    await page.locator('[data-service=S1]').tap();
    await page.waitForSelector('.result-screen');
    const number = await page.locator('.result-number').textContent();
    expect(number).toMatch(/^A\d{3}$/);
    await expect.poll(() => page.locator('.print-state.ok').textContent()).toContain('Mời công dân nhận phiếu');
    const qr = await page.getAttribute('.result-qr', 'data-qr');
    const ticketId = await page.getAttribute('.result-screen', 'data-ticket');
    expect(qr).toMatch(new RegExp(`/t/${ticketId}$`));
    const prints = await api<any[]>(hub.url, 'GET', '/api/prints');
    expect(prints.body.some((p) => p.name.startsWith(`${ticketId}_K1_`))).toBe(true);

    // The waiting count on the home screen follows the hub.
    await page.getByRole('button', { name: 'Xong' }).tap();
    await expect.poll(() => page.locator('[data-service=S1] .service-figures').textContent()).toMatch(/[1-9]\d* người đang chờ/);

    // The same ticket on 58 mm paper, then /prints shows both as the head gets them.
    const narrow = await api(hub.url, 'POST', '/api/kiosk/tickets', { serviceId: 'S2' }, { authorization: `Bearer ${NARROW_KIOSK_TOKEN}` });
    expect(narrow.body.print.ok).toBe(true);
    const printsPage = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await printsPage.goto(`${hub.url}/prints`);
    await printsPage.waitForSelector('.print img[data-paper="58"]');
    await printsPage.waitForSelector('.print img[data-paper="80"]');
    const shown = await printsPage.evaluate(async () => {
      const measure = async (paper: string) => {
        const img = document.querySelector<HTMLImageElement>(`.print img[data-paper="${paper}"]`)!;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let grey = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] !== 0 && data[i] !== 255) grey++;
        return { dots: img.naturalWidth, onScreen: img.getBoundingClientRect().width - 2, grey, rendering: getComputedStyle(img).imageRendering };
      };
      return { wide: await measure('80'), narrow: await measure('58') };
    });
    expect(shown.wide).toEqual({ dots: 576, onScreen: 576, grey: 0, rendering: 'pixelated' });
    expect(shown.narrow).toEqual({ dots: 384, onScreen: 384, grey: 0, rendering: 'pixelated' });
    await printsPage.screenshot({ path: screenshotPath('prints-page.png') });
  });

  for (const [width, height] of [
    [1366, 768],
    [1080, 1920],
  ] as const) {
    it(`every screen fits ${width}x${height}: home, priority, result return and ticket, with every button on screen and 64 px or more`, async () => {
      const page = await openKiosk(width, height);
      const measure = () =>
        page.evaluate(() => {
          const shown = [...document.querySelectorAll<HTMLElement>('.kiosk *')].filter((e) => e.getBoundingClientRect().width > 0);
          return {
            offScreen: shown
              .filter((e) => {
                const r = e.getBoundingClientRect();
                return r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1;
              })
              .map((e) => e.className || e.tagName),
            lowestButton: Math.min(...shown.filter((e) => e.matches('button:not(.service)')).map((e) => e.getBoundingClientRect().height)),
            pageScrolls: document.documentElement.scrollHeight > innerHeight + 1,
          };
        });
      const screens: [string, () => Promise<unknown>][] = [
        ['home', async () => undefined],
        [
          'priority',
          () =>
            page
              .locator('.priority-button')
              .tap()
              .then(() => page.waitForSelector('.priority-option')),
        ],
        [
          'result return',
          () =>
            page
              .locator('.return-button')
              .tap()
              .then(() => page.waitForSelector('.return-entry')),
        ],
        [
          'result return, wrong code',
          () =>
            page
              .locator('.key[data-key="enter"]')
              .tap()
              .then(() => page.waitForSelector('.key-error')),
        ],
        [
          'ticket',
          () =>
            page
              .locator('[data-service=S2]')
              .tap()
              .then(() => page.waitForSelector('.result-screen')),
        ],
      ];
      for (const [name, open] of screens) {
        if (name === 'priority' || name === 'result return' || name === 'ticket') {
          // Back home first, by the screen's own way back.
          if (await page.locator('.return-entry').count()) await page.getByRole('button', { name: 'Quay lại' }).tap();
          if (await page.locator('.priority-screen').count()) await page.getByRole('button', { name: 'Quay lại' }).tap();
          await page.waitForSelector('.service');
        }
        await open();
        await page.waitForTimeout(150);
        const seen = await measure();
        expect({ name, ...seen, lowestButton: seen.lowestButton >= 64 }).toEqual({ name, offScreen: [], lowestButton: true, pageScrolls: false });
        if (name.startsWith('result return')) {
          const back = await page.getByRole('button', { name: 'Quay lại' }).boundingBox();
          expect(back!.y + back!.height).toBeLessThanOrEqual(height);
          expect(back!.height).toBeGreaterThanOrEqual(64);
          if (name === 'result return') await page.screenshot({ path: screenshotPath(`kiosk-return-${width}x${height}.png`) });
        }
      }
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('the priority path names the legal categories and marks the ticket', async () => {
    const page = await openKiosk(1080, 1920);
    await page.getByRole('button', { name: /Tôi thuộc diện ưu tiên/ }).tap();
    const categories = await page.locator('.priority-option').allTextContents();
    expect(categories).toEqual(['Thương binh, bệnh binh', 'Người có công với cách mạng', 'Người cao tuổi', 'Phụ nữ mang thai', 'Người khuyết tật']);
    await page.locator('[data-priority=nguoi_cao_tuoi]').tap();
    await expect.poll(() => page.locator('.home-title h1').textContent()).toContain('Số ưu tiên: Người cao tuổi');
    await page.locator('[data-service=S2]').tap();
    await page.waitForSelector('.result-priority');
    expect(await page.locator('.result-priority').textContent()).toContain('Người cao tuổi');
    const id = await page.getAttribute('.result-screen', 'data-ticket');
    // The phone page's public read says only "priority"; staff see the category.
    const ticket = await api(hub.url, 'GET', `/api/tickets/${id}`, undefined, { authorization: null });
    expect(ticket.body.ticket.priority).toBe(true);
    const day = await api<any[]>(hub.url, 'GET', '/api/tickets');
    expect(day.body.find((t) => t.id === id).priority).toBe('nguoi_cao_tuoi');
  });

  it('a service past its daily maximum shows as unavailable with the reason', async () => {
    const page = await openKiosk(1920, 1080);
    await page.locator('[data-service=S4]').tap();
    await page.waitForSelector('.result-screen');
    await page.getByRole('button', { name: 'Xong' }).tap();
    const button = page.locator('[data-service=S4]');
    await expect.poll(() => button.textContent()).toContain('Đã hết số hôm nay');
    expect(await button.isDisabled()).toBe(true);
  });

  it('switches to English and comes back home after 30 seconds without a touch', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
    await page.clock.install();
    await page.goto(`${hub.url}/kiosk/?device=K1&token=${KIOSK_TOKEN}`);
    await page.waitForSelector('.service');
    await page.getByRole('button', { name: 'English' }).tap();
    await page.getByRole('button', { name: /I have priority/ }).tap();
    expect(await page.locator('.screen-title').textContent()).toBe('Choose your priority category');
    await page.clock.fastForward(29_000);
    expect(await page.locator('.screen-title').count()).toBe(1);
    await page.clock.fastForward(2_000);
    await expect.poll(() => page.locator('.home-title h1').textContent()).toBe('Lấy số thứ tự');
  });

  it('with its printer down it says so before the tap, then shows the number and QR to photograph', async () => {
    const page = await openKiosk(1920, 1080, DEAD_PRINTER_TOKEN);
    await expect.poll(() => page.locator('.banner.printer-down').textContent()).toContain('Máy in chưa kết nối được');
    await page.locator('[data-service=S1]').tap();
    await page.waitForSelector('.result-screen.print-failed');
    expect(await page.locator('.result-number').textContent()).toMatch(/^A\d{3}$/);
    expect(await page.locator('.photo-hint').textContent()).toContain('chụp ảnh');
    expect(await page.locator('.result-qr svg').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('kiosk-print-failed.png') });
    await page.getByRole('button', { name: 'In lại phiếu' }).tap();
    await expect.poll(() => page.locator('.print-problem').textContent()).toContain('Máy in');
    const health = await api(hub.url, 'GET', '/api/health');
    expect(health.body.devices.find((d: any) => d.id === 'printer:K9')).toMatchObject({ ok: false, code: 'unreachable' });
  });

  it('an unregistered kiosk asks for its code and token', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hub.url}/kiosk/?device=K1&token=wrong-token-123`);
    await expect.poll(() => page.locator('.setup .error-text').textContent()).toContain('chưa được đăng ký');
    await page.fill('input[name=device]', 'K1');
    await page.fill('input[name=token]', KIOSK_TOKEN);
    await page.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
    await page.waitForSelector('.service');
  });
});

describe('phone page', () => {
  it('follows the ticket live: people ahead, then the counter when called, then done', async () => {
    const first = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'S7' });
    const mine = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'S7' });
    const id = mine.body.ticket.ticket.id;
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${hub.url}/t/${id}`);
    await expect.poll(() => page.locator('.phone-ahead').textContent()).toBe('Phía trước còn 1 người');
    expect(await page.locator('.phone-number').textContent()).toBe(mine.body.ticket.ticket.number);

    // Counters start the day closed; this test hall has no staff accounts: the manager opens counter 7 for its clerk.
    expect((await api(hub.url, 'POST', '/api/counters/7/open', { clerk: 'Cán bộ quầy 7' })).status).toBe(200);
    await api(hub.url, 'POST', '/api/counters/7/call-next', {});
    await expect.poll(() => page.locator('.phone-ahead').textContent()).toBe('Công dân là người tiếp theo');
    await api(hub.url, 'POST', '/api/counters/7/call-next', { finishCurrent: true });
    await expect.poll(() => page.getAttribute('main', 'data-status')).toBe('called');
    expect(await page.locator('.phone-counter').textContent()).toBe('Quầy số 7');
    expect(await page.locator('.phone-hall').textContent()).toBe('Trung tâm Phục vụ hành chính công tỉnh Thử Nghiệm');
    // The called state flashes the card's border; no text ever loses contrast.
    const opacities = await page.locator('.phone-counter').evaluate(async (el) => {
      const seen = new Set<string>();
      for (let i = 0; i < 8; i++) {
        seen.add(getComputedStyle(el).opacity);
        await new Promise((r) => setTimeout(r, 150));
      }
      return [...seen];
    });
    expect(opacities).toEqual(['1']);
    expect(await seriousViolations(page)).toEqual([]);
    expect(first.body.ticket.ticket.number).not.toBe(mine.body.ticket.ticket.number);

    await api(hub.url, 'POST', '/api/counters/7/finish', {});
    await expect.poll(() => page.locator('.phone-status').textContent()).toContain('Đã phục vụ xong');
  });

  it('says so when the ticket does not exist, why, and what to do', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${hub.url}/t/20261123-S1-999`);
    await expect.poll(() => page.locator('.phone-status').textContent()).toContain('Không tìm thấy');
    const text = await page.locator('.not-found').textContent();
    expect(text).toContain('chỉ có giá trị trong ngày');
    expect(text).toContain('lấy số mới');
    await expect.poll(() => page.locator('.phone-hall').count()).toBe(1);
    expect(await page.locator('.phone-lookup').getAttribute('href')).toBe('/lookup/');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('phone-not-found.png') });
  });

  it('says where a transferred ticket went, and how long a no-show can be restored', async () => {
    const mine = (await api(hub.url, 'POST', '/api/tickets', { serviceId: 'S9' })).body.ticket.ticket;
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${hub.url}/t/${mine.id}`);
    await page.waitForSelector('.phone-ahead');
    for (const counter of [9, 11]) expect((await api(hub.url, 'POST', `/api/counters/${counter}/open`, { clerk: `Cán bộ quầy ${counter}` })).status).toBe(200);
    expect((await api(hub.url, 'POST', '/api/counters/9/call-next', {})).body.ticket.number).toBe(mine.number);
    expect((await api(hub.url, 'POST', '/api/counters/9/transfer', { ticketId: mine.id, toCounterId: 11 })).status).toBe(200);
    await expect.poll(() => page.locator('.phone-transferred').textContent()).toBe('Số đã được chuyển đến quầy số 11. Công dân chờ gọi tại quầy này.');
    await api(hub.url, 'POST', '/api/counters/11/call-next', {});
    await expect.poll(() => page.getAttribute('main', 'data-status')).toBe('called');
    expect(await page.locator('.phone-counter').textContent()).toBe('Quầy số 11');
    await api(hub.url, 'POST', '/api/counters/11/no-show', { ticketId: mine.id });
    await expect.poll(() => page.locator('.phone-restore').textContent()).toMatch(/^Cán bộ còn có thể khôi phục số này đến \d{2}:\d{2} \(khoảng 15 phút nữa\)/);
    await page.screenshot({ path: screenshotPath('phone-no-show.png') });
  });
});
