// The test ticket a printer prints from the console's Devices screen: which hall and kiosk it
// belongs to, when, and a line the width of the head, so that the person beside it sees the
// paper, the cut and the print's darkness.

import type { Block } from '../../../hardware/printer/raster.js';
import type { LocalizedText } from '../../domain/localized-text.js';
import { issuedAtWords } from '../tickets/ticket-content.js';

export interface TestPrintWords {
  hallName: string;
  kiosk: LocalizedText;
  at: number;
  timeZone: string;
  paperWidth: 58 | 80;
}

/** The test ticket's blocks, with type sized by `scale` (1 on 80 mm paper). */
export function testPrintBlocks(words: TestPrintWords, scale: number): Block[] {
  const s = (n: number) => Math.round(n * scale);
  return [
    { kind: 'text', text: words.hallName, size: s(24), bold: true },
    { kind: 'rule' },
    { kind: 'text', text: 'IN THỬ', size: s(64), bold: true },
    { kind: 'text', text: 'TEST TICKET', size: s(28) },
    { kind: 'space', height: s(10) },
    { kind: 'text', text: `Máy lấy số: ${words.kiosk.vi}`, size: s(26), bold: true },
    { kind: 'text', text: `Kiosk: ${words.kiosk.en}`, size: s(20) },
    { kind: 'text', text: `Khổ giấy ${words.paperWidth} mm · ${words.paperWidth} mm paper`, size: s(22) },
    { kind: 'rule' },
    { kind: 'text', text: issuedAtWords(words.at, words.timeZone), size: s(24), bold: true },
    { kind: 'text', text: 'Máy in hoạt động bình thường.', size: s(22) },
    { kind: 'text', text: 'The printer works.', size: s(18) },
  ];
}
