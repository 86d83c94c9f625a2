// Draws a ticket as a black-and-white PNG exactly as wide as the printer's head, with the
// project's own font, so that Vietnamese prints right whatever code pages a printer has.

import { join } from 'node:path';
import type { SKRSContext2D } from '@napi-rs/canvas';
import { FONTS_DIR } from '../../server/paths.js';
import { code128Modules } from './code128.js';
import type { TicketWords } from './ticket-content.js';

/** Printable dots across the head: 576 on 80 mm paper, 384 on 58 mm (203 dpi). */
export const HEAD_DOTS = { 80: 576, 58: 384 } as const;
export type PaperWidth = keyof typeof HEAD_DOTS;

const FAMILY = 'LuotTicketSans';

// The drawing libraries load with the first ticket, so a hub that never prints does not
// carry them in memory.
type Libraries = { canvas: typeof import('@napi-rs/canvas'); qr: typeof import('qrcode') };
let libraries: Libraries | null = null;
async function load(): Promise<Libraries> {
  if (libraries) return libraries;
  const [canvas, qr] = await Promise.all([import('@napi-rs/canvas'), import('qrcode')]);
  canvas.GlobalFonts.registerFromPath(join(FONTS_DIR, 'NotoSans-Regular.ttf'), FAMILY);
  canvas.GlobalFonts.registerFromPath(join(FONTS_DIR, 'NotoSans-Bold.ttf'), FAMILY);
  libraries = { canvas, qr: (qr as unknown as { default?: Libraries['qr'] }).default ?? qr };
  return libraries;
}

/** What a paper is made of, top to bottom: text (centred unless `left`), rules, a QR code. */
export type Block =
  | { kind: 'text'; text: string; size: number; bold?: boolean; gapAfter?: number; left?: boolean }
  | { kind: 'inverse'; text: string; size: number }
  | { kind: 'rule' }
  | { kind: 'qr'; url: string }
  /** A Code 128 barcode of the text, drawn in whole dots. */
  | { kind: 'barcode'; text: string; height: number }
  | { kind: 'space'; height: number };

function blocksOf(words: TicketWords, scale: number): Block[] {
  const s = (n: number) => Math.round(n * scale);
  const blocks: Block[] = [
    { kind: 'text', text: words.hallName, size: s(24), bold: true },
    { kind: 'rule' },
    { kind: 'text', text: words.serviceVi, size: s(34), bold: true },
    { kind: 'text', text: words.serviceEn, size: s(22) },
  ];
  if (words.location) blocks.push({ kind: 'text', text: words.location, size: s(22) });
  blocks.push(
    { kind: 'space', height: s(10) },
    { kind: 'text', text: words.numberLabel, size: s(22), bold: true },
    { kind: 'text', text: words.number, size: s(words.number.length > 4 ? 128 : 150), bold: true },
  );
  if (words.priority) blocks.push({ kind: 'inverse', text: words.priority, size: s(24) });
  for (const line of [words.ahead, words.wait]) {
    if (line.vi) blocks.push({ kind: 'text', text: line.vi, size: s(26), bold: true }, { kind: 'text', text: line.en, size: s(20) });
  }
  blocks.push(
    { kind: 'space', height: s(8) },
    { kind: 'qr', url: words.phoneUrl },
    { kind: 'text', text: words.qrHint.vi, size: s(20) },
    { kind: 'text', text: words.qrHint.en, size: s(18) },
    { kind: 'rule' },
    { kind: 'text', text: words.issued, size: s(24), bold: true },
    { kind: 'text', text: words.footer.vi, size: s(22) },
    { kind: 'text', text: words.footer.en, size: s(18) },
  );
  return blocks;
}

function font(size: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${size}px ${FAMILY}`;
}

/** Splits text into lines no wider than `width`, breaking between words. */
function wrap(ctx: SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(candidate).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Placed {
  height: number;
  draw(ctx: SKRSContext2D, top: number): void;
}

function place(qrcode: Libraries['qr'], ctx: SKRSContext2D, block: Block, width: number, margin: number): Placed {
  const inner = width - 2 * margin;
  switch (block.kind) {
    case 'space':
      return { height: block.height, draw() {} };
    case 'rule':
      return {
        height: 18,
        draw(c, top) {
          c.fillRect(margin, top + 8, inner, 2);
        },
      };
    case 'barcode': {
      const bars = code128Modules(block.text);
      // Whole dots per module keep every bar sharp; the widest that fits, with a quiet zone.
      const module = Math.max(1, Math.floor((inner - 20) / bars.length));
      const side = module * bars.length;
      return {
        height: block.height + 8,
        draw(c, top) {
          const left = Math.round((width - side) / 2);
          bars.forEach((black, i) => black && c.fillRect(left + i * module, top + 4, module, block.height));
        },
      };
    }
    case 'qr': {
      const qr = qrcode.create(block.url, { errorCorrectionLevel: 'M' });
      const size = qr.modules.size;
      // Whole dots per module keep the code sharp; quiet zone of 4 modules around it.
      const module = Math.max(2, Math.floor(Math.min(inner * 0.5, 260) / (size + 8)));
      const side = module * (size + 8);
      return {
        height: side,
        draw(c, top) {
          const left = Math.round((width - side) / 2) + 4 * module;
          for (let r = 0; r < size; r++) {
            for (let col = 0; col < size; col++) {
              if (qr.modules.get(r, col)) c.fillRect(left + col * module, top + 4 * module + r * module, module, module);
            }
          }
        },
      };
    }
    case 'inverse': {
      ctx.font = font(block.size, true);
      const lines = wrap(ctx, block.text, inner - 16);
      const lineHeight = Math.round(block.size * 1.3);
      return {
        height: lines.length * lineHeight + 16,
        draw(c, top) {
          c.fillRect(margin, top + 4, inner, lines.length * lineHeight + 8);
          c.fillStyle = '#fff';
          c.font = font(block.size, true);
          lines.forEach((l, i) => c.fillText(l, width / 2, top + 8 + i * lineHeight + block.size));
          c.fillStyle = '#000';
        },
      };
    }
    case 'text': {
      ctx.font = font(block.size, block.bold);
      const lines = wrap(ctx, block.text, inner);
      const lineHeight = Math.round(block.size * (block.size > 80 ? 1.05 : 1.3));
      return {
        height: lines.length * lineHeight + (block.gapAfter ?? 2),
        draw(c, top) {
          c.font = font(block.size, block.bold);
          c.textAlign = block.left ? 'left' : 'center';
          // Baseline at about 80% of the line leaves room for Vietnamese marks above capitals.
          lines.forEach((l, i) => c.fillText(l, block.left ? margin : width / 2, top + i * lineHeight + Math.round(block.size * (block.size > 80 ? 0.95 : 1.05))));
          c.textAlign = 'center';
        },
      };
    }
  }
}

export interface TicketRaster {
  png: Buffer;
  width: number;
  height: number;
  /** Black dots, row by row, one byte per dot (1 = black): what reaches the head. */
  dots: Uint8Array;
}

/** The ticket drawn HEAD_DOTS[paper] dots across, black on white. */
export async function renderTicket(words: TicketWords, paper: PaperWidth): Promise<TicketRaster> {
  return renderBlocks((scale) => blocksOf(words, scale), paper);
}

/** Any paper made of blocks (a ticket, a dossier slip), HEAD_DOTS[paper] dots across. */
export async function renderBlocks(blocksFor: (scale: number) => Block[], paper: PaperWidth): Promise<TicketRaster> {
  const { canvas: draw, qr } = await load();
  const width = HEAD_DOTS[paper];
  const margin = paper === 80 ? 16 : 8;
  const scale = paper === 80 ? 1 : 0.72;
  const scratch = draw.createCanvas(width, 10).getContext('2d');
  const placed = blocksFor(scale).map((b) => place(qr, scratch, b, width, margin));
  const height = placed.reduce((sum, p) => sum + p.height, 0) + 2 * margin;

  const canvas = draw.createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.textAlign = 'center';
  let top = margin;
  for (const p of placed) {
    p.draw(ctx, top);
    top += p.height;
  }
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const dots = new Uint8Array(width * height);
  // The same rule the printer libraries use: luminance below half is a black dot.
  for (let i = 0; i < dots.length; i++) {
    const o = i * 4;
    dots[i] = 0.2126 * rgba[o]! + 0.7152 * rgba[o + 1]! + 0.0722 * rgba[o + 2]! < 128 ? 1 : 0;
  }
  // Encoded synchronously: napi-rs's asynchronous encode has crashed processes under load.
  return { png: canvas.encodeSync('png'), width, height, dots };
}
