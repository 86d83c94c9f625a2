// How a ticket is laid out on paper: its words (ticket-content.ts) as blocks, top to bottom,
// drawn into the printer head's dots with the project's own font (hardware/fonts).

import { rasterise, type Block, type PaperWidth, type TicketRaster } from '../../../hardware/printer/raster.js';
import { FONTS_DIR } from '../../paths.js';
import type { TicketWords } from './ticket-content.js';

/** A ticket's blocks, top to bottom, with type sized by `scale` (1 on 80 mm paper). */
export function ticketBlocks(words: TicketWords, scale: number): Block[] {
  const s = (n: number) => Math.round(n * scale);
  const blocks: Block[] = [
    { kind: 'text', text: words.hallName, size: s(24), bold: true },
    { kind: 'rule' },
    { kind: 'text', text: words.serviceVi, size: s(34), bold: true },
    { kind: 'text', text: words.serviceEn, size: s(22) },
  ];
  if (words.location) blocks.push({ kind: 'text', text: words.location, size: s(24) });
  blocks.push(
    { kind: 'space', height: s(10) },
    { kind: 'text', text: words.numberLabel, size: s(22), bold: true },
    { kind: 'text', text: words.number, size: s(words.number.length > 4 ? 128 : 150), bold: true },
    { kind: 'space', height: s(10) },
  );
  if (words.priority) blocks.push({ kind: 'boxed', text: words.priority, size: s(24) });
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

/** Any paper made of blocks (a ticket, a dossier slip), drawn with the project's font. */
export function renderBlocks(blocksFor: (scale: number) => Block[], paper: PaperWidth): Promise<TicketRaster> {
  return rasterise(blocksFor, paper, FONTS_DIR);
}

/** The ticket drawn HEAD_DOTS[paper] dots across, black on white. */
export async function renderTicket(words: TicketWords, paper: PaperWidth): Promise<TicketRaster> {
  return renderBlocks((scale) => ticketBlocks(words, scale), paper);
}
