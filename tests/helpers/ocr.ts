// Reads printed text back with tesseract and its Vietnamese model (Debian: tesseract-ocr-vie).

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDataDir } from './test-hub.js';

const run = promisify(execFile);

/** The whole image read by one model: Vietnamese unless told (codes of ASCII letters read best in English). */
export async function ocrVietnamese(image: Buffer, extension: 'pbm' | 'png', lang: 'vie' | 'eng' = 'vie'): Promise<string> {
  const file = join(tempDataDir(), `ticket.${extension}`);
  writeFileSync(file, image);
  const { stdout } = await run('tesseract', [file, '-', '-l', lang], { encoding: 'utf8' });
  return stdout.normalize('NFC');
}

/**
 * One printed line read alone (tesseract's single-line mode) by the model of its language: a
 * line with any letter beyond ASCII is Vietnamese, the rest (the English beneath) English,
 * since the Vietnamese model puts marks on English words ("mìn", "ís") that were never printed.
 */
export async function ocrLine(image: Buffer, text: string): Promise<string> {
  const file = join(tempDataDir(), 'line.pbm');
  writeFileSync(file, image);
  const lang = /^[\x20-\x7e]*$/.test(text) ? 'eng' : 'vie';
  const { stdout } = await run('tesseract', [file, '-', '-l', lang, '--psm', '7'], { encoding: 'utf8' });
  return stdout.normalize('NFC').trim();
}
