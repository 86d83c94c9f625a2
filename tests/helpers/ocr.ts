// Reads printed text back with tesseract and its Vietnamese model (Debian: tesseract-ocr-vie).

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDataDir } from './test-hub.js';

export function ocrVietnamese(image: Buffer, extension: 'pbm' | 'png'): string {
  const file = join(tempDataDir(), `ticket.${extension}`);
  writeFileSync(file, image);
  return execFileSync('tesseract', [file, '-', '-l', 'vie'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).normalize('NFC');
}
