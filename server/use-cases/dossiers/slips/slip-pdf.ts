// A dossier slip as a PDF for the office printer, A4 or A5, with Noto Sans embedded (so every
// Vietnamese letter prints on any printer), the dossier code and its check code, the lookup
// address (with both) as a QR code and the dossier code as a Code 128 barcode.

import { join } from 'node:path';
import QRCode from 'qrcode';
import { FONTS_DIR } from '../../../paths.js';
import { formLabel, spaced, type SlipContent } from './slip-content.js';

export type PaperSize = 'A4' | 'A5';

const REGULAR = join(FONTS_DIR, 'NotoSans-Regular.ttf');
const BOLD = join(FONTS_DIR, 'NotoSans-Bold.ttf');

// pdfkit and bwip-js are loaded at the first slip: a quarter of a second less at every start.
async function codeImages(code: string, lookupUrl: string): Promise<{ qr: Buffer; barcode: Buffer }> {
  const { default: bwipjs } = await import('bwip-js');
  const qr = await QRCode.toBuffer(lookupUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const barcode = await bwipjs.toBuffer({ bcid: 'code128', text: code, scale: 2, height: 9, includetext: false });
  return { qr, barcode };
}

export async function slipPdf(slip: SlipContent, size: PaperSize = 'A4'): Promise<Buffer> {
  const [{ qr, barcode }, { default: PDFDocument }] = await Promise.all([codeImages(slip.code, slip.lookupUrl), import('pdfkit')]);
  const a5 = size === 'A5';
  const scale = a5 ? 0.78 : 1;
  const margin = a5 ? 36 : 56;
  const doc = new PDFDocument({ size, margin, info: { Title: `${slip.title} ${slip.code}`, Subject: formLabel(slip) } });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const width = doc.page.width - 2 * margin;
  const left = margin;
  const font = (name: 'regular' | 'bold', pt: number) => doc.font(name).fontSize(pt * scale);

  // Heading: the unit on the left, the national motto on the right, the form number above.
  font('regular', 9).text(formLabel(slip), left, margin - 20 * scale, { width, align: 'right' });
  const top = doc.y + 4;
  font('bold', 11).text(slip.agency.toUpperCase(), left, top, { width: width * 0.45, align: 'center' });
  font('bold', 11).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + width * 0.45, top, { width: width * 0.55, align: 'center' });
  font('bold', 11).text('Độc lập - Tự do - Hạnh phúc', { width: width * 0.55, align: 'center' });
  doc.moveDown(0.4);
  font('regular', 10).text(slip.place, left + width * 0.45, doc.y, { width: width * 0.55, align: 'center' });

  doc.moveDown(1.2);
  font('bold', 14).text(slip.title, left, doc.y, { width, align: 'center' });
  // Clear space under the title: the codes beside it must not read as part of its line.
  doc.moveDown(1.2);
  const codeTop = doc.y;
  const qrSize = 84 * scale;
  doc.image(qr, left + width - qrSize, codeTop, { width: qrSize });
  font('bold', 12).text(`Mã hồ sơ: ${slip.code}`, left, codeTop + 4, { width: width - qrSize - 12 });
  doc.image(barcode, left, codeTop + 24 * scale, { height: 28 * scale });
  font('bold', 12).text(`Mã kiểm tra: ${spaced(slip.checkCode)}`, left, codeTop + 58 * scale, { width: width - qrSize - 12 });
  font('regular', 8.5).text('Xem tiến độ: quét mã QR, hoặc nhập 10 số cuối của mã hồ sơ và mã kiểm tra.', left, doc.y, { width: width - qrSize - 12 });
  doc.y = Math.max(codeTop + qrSize + 10, doc.y + 10);

  // Label: value lines.
  for (const [label, value] of slip.fields) {
    font('bold', 11).text(`${label}: `, left, doc.y, { continued: true, width });
    font('regular', 11).text(value || '……………………………………', { width });
    doc.moveDown(0.25);
  }

  if (slip.listTitle) {
    doc.moveDown(0.4);
    font('bold', 11).text(`${slip.listTitle}:`, left, doc.y, { width });
    doc.moveDown(0.2);
    if (slip.papers) {
      slip.papers.forEach((p, i) => {
        font('regular', 11).text(`${i + 1}. ${p.name} (${p.kind}, số lượng: ${String(p.count).padStart(2, '0')})`, left + 14, doc.y, { width: width - 14 });
      });
      if (slip.papers.length === 0) font('regular', 11).text('(không có)', left + 14, doc.y);
    } else {
      slip.list.forEach((line, i) => {
        font('regular', 11).text(slip.list.length > 1 ? `${i + 1}. ${line}` : line, left + 14, doc.y, { width: width - 14 });
      });
    }
  }
  if (slip.closing) {
    doc.moveDown(0.6);
    font('regular', 11).text(slip.closing, left, doc.y, { width });
  }

  // Signatures, side by side.
  doc.moveDown(1.5);
  const signTop = doc.y;
  const half = width / 2;
  slip.signatures.forEach((title, i) => {
    if (!title) return;
    font('bold', 11).text(title, left + i * half, signTop, { width: half, align: 'center' });
    font('regular', 9).text('(Ký và ghi rõ họ tên)', left + i * half, doc.y, { width: half, align: 'center' });
  });
  font('regular', 11).text(slip.clerk, left + half, signTop + 70 * scale, { width: half, align: 'center' });

  doc.end();
  return done;
}
