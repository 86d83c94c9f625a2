// The paper ticket's words, its drawing, the bytes for each command set, and what a
// printer's status bytes mean.

import { describe, expect, it } from 'vitest';
import { composeTicketJob, starRaster, thermalPrinter } from '../../hardware/printer/escpos-job.js';
import { decodeStatus, isStatusByte } from '../../hardware/printer/printer-status.js';
import { issuedAtWords, ticketWords, type TicketFacts } from '../../server/use-cases/tickets/ticket-content.js';
import { HEAD_DOTS, type TicketRaster } from '../../hardware/printer/raster.js';
import { renderTicket } from '../../server/use-cases/tickets/ticket-layout.js';
import { decodeJob, inkIn, toPbm, unpack, type DecodedRaster } from '../helpers/escpos-decoder.js';
import { ocrLine } from '../helpers/ocr.js';
import { hanoi } from '../helpers/hall-fixture.js';

const facts: TicketFacts = {
  hallName: 'Bộ phận Một cửa phường Thử Nghiệm',
  number: 'A012',
  service: { vi: 'Tư pháp - Hộ tịch', en: 'Civil status' },
  location: { vi: 'Tầng 1, dãy A', en: 'Ground floor, row A' },
  priority: null,
  peopleAhead: 3,
  estimatedWaitSeconds: 17 * 60,
  issuedAt: hanoi(8, 5),
  timeZone: 'Asia/Ho_Chi_Minh',
  phoneUrl: 'http://10.0.0.2:8080/t/20261123-HT-12',
  footer: { vi: 'Xin cảm ơn!', en: 'Thank you!' },
};

/** A drawn ticket's rows of bits as one byte per dot, read by the tests' own decoder. */
function dotsOf(raster: TicketRaster): Uint8Array {
  return unpack(raster.rows, raster.bytesPerRow, raster.height).dots;
}

describe('ticket words', () => {
  it('says time and date in the hall time zone, in Vietnamese', () => {
    expect(issuedAtWords(hanoi(8, 5), 'Asia/Ho_Chi_Minh')).toBe('08:05 - Thứ Hai, 23/11/2026');
    expect(issuedAtWords(hanoi(23, 59, 22), 'Asia/Ho_Chi_Minh')).toBe('23:59 - Chủ nhật, 22/11/2026');
  });

  it('rounds the wait as people are told it and says who is next', () => {
    const words = ticketWords(facts);
    expect(words.ahead.vi).toBe('Phía trước còn 3 người');
    expect(words.wait.vi).toBe('Thời gian chờ dự kiến: khoảng 20 phút');
    const next = ticketWords({ ...facts, peopleAhead: 0, estimatedWaitSeconds: 0 });
    expect(next.ahead).toEqual({ vi: 'Công dân là người tiếp theo', en: 'You are next' });
    expect(next.wait.vi).toBe('');
    expect(ticketWords({ ...facts, estimatedWaitSeconds: null }).wait.vi).toBe('Chưa có quầy phục vụ lúc này');
  });

  it('prints Vietnamese in its composed form, whatever form it was typed in', () => {
    const decomposed = 'Tư pháp - Hộ tịch'.normalize('NFD');
    const words = ticketWords({ ...facts, service: { vi: decomposed, en: 'x' }, priority: { vi: 'Người cao tuổi', en: 'Elderly' } });
    expect(words.serviceVi).toBe('Tư pháp - Hộ tịch'.normalize('NFC'));
    expect(words.priority).toBe('Ưu tiên / Priority: Người cao tuổi');
  });
});

describe('ticket image', () => {
  for (const paper of [80, 58] as const) {
    it(`is exactly as wide as the ${paper} mm head, black on white`, async () => {
      const raster = await renderTicket(ticketWords(facts), paper);
      expect(raster.width).toBe(HEAD_DOTS[paper]);
      expect(raster.png.readUInt32BE(16)).toBe(HEAD_DOTS[paper]);
      expect(raster.png.readUInt32BE(20)).toBe(raster.height);
      const dots = dotsOf(raster);
      expect(dots.length).toBe(raster.width * raster.height);
      const ink = dots.reduce((n, d) => n + d, 0) / dots.length;
      expect(ink).toBeGreaterThan(0.05);
      expect(ink).toBeLessThan(0.4);
    });
  }

  it('a priority ticket stands out between heavy rules, with no solid black band', async () => {
    const plain = await renderTicket(ticketWords(facts), 80);
    const priority = await renderTicket(ticketWords({ ...facts, priority: { vi: 'Người cao tuổi', en: 'Elderly' } }), 80);
    expect(priority.height).toBeGreaterThan(plain.height);
    const fullRows = (r: typeof plain) => {
      const dots = dotsOf(r);
      return Array.from({ length: r.height }, (_, y) => dots.subarray(y * r.width + 20, y * r.width + r.width - 20).every((d) => d === 1)).filter(Boolean).length;
    };
    expect(fullRows(priority) - fullRows(plain)).toBe(8);
    expect(priority.lines.map((l) => l.text)).toContain('Ưu tiên / Priority: Người cao tuổi');
  });

  it('hands the printer the 1-bit picture itself: the PNG holds only black and white, dot for dot', async () => {
    const { loadImage, createCanvas } = await import('@napi-rs/canvas');
    for (const paper of [80, 58] as const) {
      const raster = await renderTicket(ticketWords(facts), paper);
      const image = await loadImage(raster.png);
      const ctx = createCanvas(image.width, image.height).getContext('2d');
      ctx.drawImage(image, 0, 0);
      const rgba = ctx.getImageData(0, 0, image.width, image.height).data;
      const dots = dotsOf(raster);
      let wrong = 0;
      for (let i = 0; i < dots.length; i++) if (rgba[i * 4] !== (dots[i] ? 0 : 255)) wrong++;
      expect(wrong).toBe(0);
    }
  });
});

/** Rows top..top+height of a raster inside a 16-dot white border (rows outside it are white). */
function rowsOf(raster: DecodedRaster, top: number, height: number): DecodedRaster {
  const border = 16;
  const width = raster.width + 2 * border;
  const rows = height + 2 * border;
  const dots = new Uint8Array(width * rows);
  for (let y = 0; y < height; y++) {
    const from = top + y;
    if (from < 0 || from >= raster.height) continue;
    dots.set(raster.dots.subarray(from * raster.width, (from + 1) * raster.width), (y + border) * width + border);
  }
  return { ...raster, width, height: rows, dots };
}

describe('what reaches the paper reads back', () => {
  // A long hall name, a three-part service, a priority and every line of the ticket: the
  // Vietnamese model of tesseract must read each drawn line back exactly, from the bytes.
  const busy: TicketFacts = {
    ...facts,
    hallName: 'Trung tâm Phục vụ hành chính công phường Hòa An',
    number: '1023',
    service: { vi: 'Công an phường (cư trú, căn cước)', en: 'Ward police (residence, ID cards)' },
    location: { vi: 'Tầng 1, dãy C', en: 'Ground floor, row C' },
    priority: { vi: 'Thương binh, bệnh binh', en: 'War invalids and sick soldiers' },
    footer: { vi: 'Công dân vui lòng chờ gọi số. Xin cảm ơn!', en: 'Please wait until your number is called. Thank you!' },
  };
  const landTicket: TicketFacts = {
    ...busy,
    number: 'B107',
    service: { vi: 'Đất đai', en: 'Land' },
    location: { vi: 'Tầng 2, phòng tiếp dân số 3', en: 'First floor, room 3' },
    priority: { vi: 'Người có công với cách mạng', en: 'People with meritorious service' },
    peopleAhead: 12,
    estimatedWaitSeconds: 47 * 60,
  };
  for (const [paper, kind, ticket] of [
    [80, 'epson', busy],
    [58, 'star', busy],
    [80, 'epson', landTicket],
    [58, 'epson', landTicket],
  ] as const) {
    it(`every line of a ${paper} mm ticket for ${ticket.number}, through ${kind} bytes, by OCR`, async () => {
      const raster = await renderTicket(ticketWords(ticket), paper);
      const bytes = await composeTicketJob(thermalPrinter(kind, { execute: async () => undefined, isPrinterConnected: async () => true }), kind, raster);
      const decoded = decodeJob(bytes, kind === 'epson' ? 'escpos' : 'star').rasters[0]!;
      expect(raster.lines.length).toBeGreaterThan(15);
      // Each line's band of dot rows, cut from the decoded bytes with a white border, read alone.
      const misread: string[] = [];
      for (const line of raster.lines) {
        const band = rowsOf(decoded, line.top, line.height);
        const read = await ocrLine(toPbm(band), line.text);
        if (read !== line.text) misread.push(`${line.text} → ${read}`);
      }
      expect(misread).toEqual([]);
    }, 90_000);
  }
});

describe('ESC/POS jobs', () => {
  it('EPSON: reset, one GS v 0 raster of the drawn dots, a cut', async () => {
    const raster = await renderTicket(ticketWords(facts), 80);
    const bytes = await composeTicketJob(thermalPrinter('epson', { execute: async () => undefined, isPrinterConnected: async () => true }), 'epson', raster);
    const job = decodeJob(bytes, 'escpos');
    expect(job.resets).toBeGreaterThanOrEqual(1);
    expect(job.cuts).toBe(1);
    const [decoded] = job.rasters;
    expect(decoded!.width).toBe(576);
    expect(decoded!.height).toBe(raster.height);
    // Every dot the printer gets is a dot the drawing had.
    const dots = dotsOf(raster);
    let differ = 0;
    for (let i = 0; i < dots.length; i++) if (decoded!.dots[i] !== dots[i]) differ++;
    expect(differ).toBe(0);
    expect(inkIn(decoded!, 0, 60)).toBeGreaterThan(0);
    // Byte for byte what the library's own picture command makes of the same picture.
    const library = thermalPrinter('epson', { execute: async () => undefined, isPrinterConnected: async () => true });
    library.clear();
    library.append(Buffer.from([0x1b, 0x40]));
    await library.printImageBuffer(raster.png);
    library.cut();
    expect(bytes.equals(library.getBuffer())).toBe(true);
  });

  it('STAR: the raster command carries the same dots, then a cut', async () => {
    const raster = await renderTicket(ticketWords(facts), 58);
    const bytes = await composeTicketJob(thermalPrinter('star', { execute: async () => undefined, isPrinterConnected: async () => true }), 'star', raster);
    const job = decodeJob(bytes, 'star');
    expect(job.cuts).toBe(1);
    expect(job.rasters[0]!.width).toBe(384);
    expect(Buffer.from(job.rasters[0]!.dots).equals(Buffer.from(dotsOf(raster)))).toBe(true);
    expect(starRaster(raster).subarray(0, 4)).toEqual(Buffer.from([0x1b, 0x1d, 0x53, 0x01]));
  });
});

describe('printer status bytes', () => {
  it('reads a healthy printer, paper near its end, paper out, an open cover', () => {
    expect(decodeStatus({ printer: 0x12, offlineCause: 0x12, paperSensor: 0x12 })).toMatchObject({ online: true, paper: 'ok', problem: null, reported: true });
    expect(decodeStatus({ printer: 0x12, offlineCause: 0x12, paperSensor: 0x1e })).toMatchObject({ online: true, paper: 'near_end' });
    expect(decodeStatus({ printer: 0x1a, offlineCause: 0x32, paperSensor: 0x72 })).toMatchObject({ online: false, paper: 'out', problem: 'paper_out' });
    expect(decodeStatus({ printer: 0x1a, offlineCause: 0x16, paperSensor: 0x12 })).toMatchObject({ online: false, coverOpen: true, problem: 'cover_open' });
    expect(decodeStatus({ printer: 0x1a, offlineCause: 0x12, paperSensor: 0x12 })).toMatchObject({ online: false, problem: 'offline' });
  });

  it('ignores bytes that are not status answers, and a silent printer is not a broken one', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x41)).toBe(false);
    expect(decodeStatus({ printer: 0x41 })).toMatchObject({ online: true, paper: 'unknown', reported: false });
    expect(decodeStatus({})).toMatchObject({ online: true, reported: false });
  });
});
