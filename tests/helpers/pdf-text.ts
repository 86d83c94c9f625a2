// Reads a PDF's first page as a person would: rendered by poppler's pdftoppm at 300 dpi, then
// read by tesseract's Vietnamese model.

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDataDir } from './test-hub.js';

const run = promisify(execFile);

export async function pdfFirstPageText(pdf: Uint8Array): Promise<string> {
  const dir = tempDataDir();
  writeFileSync(join(dir, 'slip.pdf'), pdf);
  await run('pdftoppm', ['-png', '-r', '300', '-f', '1', '-l', '1', join(dir, 'slip.pdf'), join(dir, 'page')]);
  const { stdout } = await run('tesseract', [join(dir, 'page-1.png'), '-', '-l', 'vie'], { encoding: 'utf8' });
  return stdout.normalize('NFC');
}
