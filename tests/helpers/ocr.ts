// Reads printed text back with tesseract and its Vietnamese model (Debian: tesseract-ocr-vie).

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDataDir } from './test-hub.js';

const run = promisify(execFile);

export async function ocrVietnamese(image: Buffer, extension: 'pbm' | 'png'): Promise<string> {
  const file = join(tempDataDir(), `ticket.${extension}`);
  writeFileSync(file, image);
  const { stdout } = await run('tesseract', [file, '-', '-l', 'vie'], { encoding: 'utf8' });
  return stdout.normalize('NFC');
}
