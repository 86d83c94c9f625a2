// A dossier slip for the kiosk's thermal printer: the same words as the PDF, laid out in one
// column on the roll, with the check code, and the lookup address (with both codes) as a QR code.

import type { Block } from '../../../../hardware/printer/raster.js';
import { formLabel, spaced, type SlipContent } from './slip-content.js';

export function slipBlocks(slip: SlipContent, scale: number): Block[] {
  const s = (n: number) => Math.round(n * scale);
  const blocks: Block[] = [
    { kind: 'text', text: slip.agency, size: s(22), bold: true },
    { kind: 'rule' },
    { kind: 'text', text: slip.title, size: s(26), bold: true },
    { kind: 'text', text: `${formLabel(slip)} · ${slip.place}`, size: s(18) },
    { kind: 'space', height: s(6) },
    { kind: 'text', text: `Mã hồ sơ: ${slip.code}`, size: s(22), bold: true },
    { kind: 'barcode', text: slip.code, height: s(60) },
    { kind: 'text', text: `Mã kiểm tra: ${spaced(slip.checkCode)}`, size: s(30), bold: true },
    { kind: 'rule' },
  ];
  // One column, sizes large enough that every mark survives the head's black-or-white dots.
  for (const [label, value] of slip.fields) {
    if (!value) continue;
    blocks.push({ kind: 'text', text: `${label}:`, size: s(24), bold: true, left: true, gapAfter: 0 }, { kind: 'text', text: value, size: s(26), left: true, gapAfter: s(6) });
  }
  if (slip.listTitle) {
    blocks.push({ kind: 'text', text: `${slip.listTitle}:`, size: s(24), bold: true, left: true });
    const items = slip.papers ? slip.papers.map((p) => `${p.name}, ${p.kind}, số lượng ${String(p.count).padStart(2, '0')}`) : slip.list;
    items.forEach((item, i) => {
      blocks.push({ kind: 'text', text: `${i + 1}. ${item}`, size: s(26), left: true });
    });
  }
  if (slip.closing) blocks.push({ kind: 'space', height: s(6) }, { kind: 'text', text: slip.closing, size: s(24), left: true });
  blocks.push({ kind: 'rule' }, { kind: 'text', text: slip.signatures[1], size: s(26), bold: true }, { kind: 'text', text: slip.clerk, size: s(26) });
  // The lookup address (with both codes) last, where the roll is torn off: a phone opens the
  // progress from it, the kiosk and the terminal read both codes.
  blocks.push({ kind: 'rule' }, { kind: 'qr', url: slip.lookupUrl }, { kind: 'text', text: 'Quét mã QR để xem tiến độ hồ sơ', size: s(18) });
  return blocks;
}
