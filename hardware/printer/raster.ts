// Draws a paper (a ticket, a dossier slip) given as blocks of text, rules and codes into the dots
// of a thermal printer's head, with the font the caller names (full Vietnamese coverage), so that
// Vietnamese prints right whatever code pages a printer has. What a paper says and how its blocks
// are arranged is the caller's (server/use-cases/tickets/, server/use-cases/dossiers/slips/).

import { join } from 'node:path';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { bilevelPng } from './bilevel-png.js';
import { code128Modules } from './code128.js';

/** Printable dots across the head: 576 on 80 mm paper, 384 on 58 mm (203 dpi). */
export const HEAD_DOTS = { 80: 576, 58: 384 } as const;
export type PaperWidth = keyof typeof HEAD_DOTS;

const FAMILY = 'LuotTicketSans';
/** Luminance under which a drawn pixel becomes a black dot (of 255). */
const BLACK_BELOW = 140;

// The drawing libraries load with the first ticket, so a hub that never prints does not
// carry them in memory.
type Libraries = { canvas: typeof import('@napi-rs/canvas'); qr: typeof import('qrcode') };
let libraries: Libraries | null = null;
async function load(fontsDir: string): Promise<Libraries> {
  if (libraries) return libraries;
  const [canvas, qr] = await Promise.all([import('@napi-rs/canvas'), import('qrcode')]);
  canvas.GlobalFonts.registerFromPath(join(fontsDir, 'NotoSans-Regular.ttf'), FAMILY);
  canvas.GlobalFonts.registerFromPath(join(fontsDir, 'NotoSans-Bold.ttf'), FAMILY);
  libraries = { canvas, qr: (qr as unknown as { default?: Libraries['qr'] }).default ?? qr };
  return libraries;
}

/** What a paper is made of, top to bottom: text (centred unless `left`), rules, a QR code. */
export type Block =
  | { kind: 'text'; text: string; size: number; bold?: boolean; gapAfter?: number; left?: boolean }
  /** Bold text between heavy rules: stands out without a solid black band, which 1-bit heads smear. */
  | { kind: 'boxed'; text: string; size: number }
  | { kind: 'rule' }
  | { kind: 'qr'; url: string }
  /** A Code 128 barcode of the text, drawn in whole dots. */
  | { kind: 'barcode'; text: string; height: number }
  | { kind: 'space'; height: number };

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

/** One drawn line of text and the band of dot rows it occupies. */
export interface DrawnLine {
  text: string;
  top: number;
  height: number;
}

interface Placed {
  height: number;
  /** Its lines, with `top` counted from the block's own top. */
  lines?: DrawnLine[];
  draw(ctx: SKRSContext2D, top: number): void;
}

/**
 * Text for a 1-bit head: never below MIN_TEXT_DOTS (2.7 mm at 203 dpi), where the marks of
 * "ầ", "ượ" or "ỗ" are still a few dots each and survive the threshold.
 */
const MIN_TEXT_DOTS = 22;
const HALF_DOT = 0.5;

function textStyle(block: { size: number; bold?: boolean }): { size: number; bold: boolean } {
  return { size: Math.max(MIN_TEXT_DOTS, block.size), bold: block.bold === true };
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
          bars.forEach((black, i) => {
            if (black) c.fillRect(left + i * module, top + 4, module, block.height);
          });
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
    case 'boxed': {
      const size = Math.max(MIN_TEXT_DOTS, block.size);
      ctx.font = font(size, true);
      // Room between rules and text, so a reader (or OCR) does not take a rule for a stroke.
      const pad = 14;
      const lines = wrap(ctx, block.text, inner - 2 * pad);
      const lineHeight = Math.round(size * 1.45);
      const frame = 4;
      return {
        height: lines.length * lineHeight + 2 * pad + 8,
        lines: lines.map((text, i) => ({ text, top: 4 + pad + i * lineHeight, height: lineHeight })),
        draw(c, top) {
          const boxHeight = lines.length * lineHeight + 2 * pad;
          c.fillRect(margin, top + 4, inner, frame);
          c.fillRect(margin, top + 4 + boxHeight - frame, inner, frame);
          c.font = font(size, true);
          lines.forEach((l, i) => {
            c.fillText(l, width / 2, top + 4 + pad + i * lineHeight + Math.round(size * 1.17));
          });
        },
      };
    }
    case 'text': {
      const { size, bold } = textStyle(block);
      ctx.font = font(size, bold);
      const lines = wrap(ctx, block.text, inner);
      // Room for stacked marks above ("Ở", "Ấ") and descenders below inside each line's band.
      const lineHeight = Math.round(size * (size > 80 ? 1.05 : 1.45));
      return {
        height: lines.length * lineHeight + (block.gapAfter ?? 6),
        lines: lines.map((text, i) => ({ text, top: i * lineHeight, height: lineHeight })),
        draw(c, top) {
          c.font = font(size, bold);
          c.textAlign = block.left ? 'left' : 'center';
          lines.forEach((l, i) => {
            const x = block.left ? margin : width / 2;
            const y = top + i * lineHeight + Math.round(size * (size > 80 ? 0.95 : 1.17));
            c.fillText(l, x, y);
            // Regular text drawn twice, half a dot apart: strokes and marks a dot wide at least.
            if (!bold) c.fillText(l, x + HALF_DOT, y);
          });
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
  /** Bytes in a row of `rows`: the width over 8, rounded up. */
  bytesPerRow: number;
  /**
   * What reaches the head: the dots row by row, eight to a byte, most significant bit first,
   * 1 = black (the layout of ESC/POS and Star raster commands). A byte per dot would be eight
   * times as much memory for every ticket.
   */
  rows: Buffer;
  /** Every line of text drawn, top to bottom, as wrapped, with the rows it stands on. */
  lines: DrawnLine[];
}

/**
 * One drawing surface per paper width, kept and reused. A canvas is native memory that the
 * garbage collector does not see: made afresh for every ticket, thousands of them piled up
 * (gigabytes in a loop of renders) before any was freed.
 *
 * It is only as tall as the tallest paper so far (in steps of SURFACE_STEP rows): reading its
 * pixels leaves them shared with the buffer handed to JavaScript, so the next drawing makes the
 * drawing library copy the whole surface, and that copy is freed only when the buffer is
 * collected. A ticket is about 1,400 rows; a surface of 2,048 made each copy half as big again.
 */
const surfaces = new Map<number, { canvas: Canvas; height: number }>();
const SURFACE_STEP = 128;

function surfaceFor(draw: Libraries['canvas'], width: number, height: number): Canvas {
  let surface = surfaces.get(width);
  if (!surface || surface.height < height) {
    const tall = Math.max(SURFACE_STEP, Math.ceil(height / SURFACE_STEP) * SURFACE_STEP);
    surface = { canvas: draw.createCanvas(width, tall), height: tall };
    surfaces.set(width, surface);
  }
  return surface.canvas;
}

/**
 * Any paper made of blocks, HEAD_DOTS[paper] dots across, black on white. `blocksFor` gives the
 * blocks at a scale of type (1 on 80 mm paper); `fontsDir` holds NotoSans-Regular.ttf and
 * NotoSans-Bold.ttf (read on the first paper).
 */
export async function rasterise(blocksFor: (scale: number) => Block[], paper: PaperWidth, fontsDir: string): Promise<TicketRaster> {
  const { canvas: draw, qr } = await load(fontsDir);
  const width = HEAD_DOTS[paper];
  const margin = paper === 80 ? 16 : 8;
  // 58 mm paper is two thirds as wide; type shrinks less, so its marks stay a dot or more.
  const scale = paper === 80 ? 1 : 0.8;
  const measure = surfaceFor(draw, width, 0).getContext('2d');
  const placed = blocksFor(scale).map((b) => place(qr, measure, b, width, margin));
  const height = placed.reduce((sum, p) => sum + p.height, 0) + 2 * margin;

  const surface = surfaceFor(draw, width, height);
  const ctx = surface.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.textAlign = 'center';
  let top = margin;
  const lines: DrawnLine[] = [];
  for (const p of placed) {
    p.draw(ctx, top);
    for (const line of p.lines ?? []) lines.push({ ...line, top: top + line.top });
    top += p.height;
  }
  // The surface's own pixels, read in place: getImageData copies them into native memory that
  // is never given back (3 MB a ticket). Only black is drawn on white, so every pixel is a grey
  // and the channels' order does not matter.
  const pixels = surface.data();
  const bytesPerRow = Math.ceil(width / 8);
  const rows = Buffer.alloc(bytesPerRow * height);
  // A dot is black when the glyph covers about half of it (the grey's mean under BLACK_BELOW);
  // the half-dot double stroke above keeps thin strokes over that line.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (pixels[o]! + pixels[o + 1]! + pixels[o + 2]! < 3 * BLACK_BELOW) rows[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  // The picture handed on (and shown at /prints) is these dots, nothing grey.
  return { png: bilevelPng(rows, width, height), width, height, bytesPerRow, rows, lines };
}
