// A voice pack: one WAV clip per word, looked up first in the hall's own folder, then in the
// default pack. A phrase is its clips joined sample to sample, so it plays as one sound.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { concatPcm, readWav, silence, trimSilence, type Pcm } from './wav.js';

export const PACK_RATE = 22050;
/**
 * Not a clip: a short silence, where the words ask for one (between the two sayings of a number
 * said twice). The hall's call sentence writes it as PAUSE (server/domain/announcement/announcement.ts).
 */
export const SILENCE_WORD = '{pause}';
/** A breath between the chime and the words. */
const AFTER_CHIME_MS = 200;
/** Between the two sayings of a number said twice. */
const PAUSE_MS = 400;

export class MissingClipsError extends Error {
  constructor(readonly words: string[]) {
    super(`the voice pack has no clip for: ${words.join(', ')}`);
  }
}

export class VoicePack {
  private readonly cache = new Map<string, Int16Array | null>();

  /** `folders`: the hall's own first, the default pack last. */
  constructor(private readonly folders: string[]) {}

  /** The clip of one word, at the pack's rate with its silences trimmed; null if no folder has it. */
  clip(word: string): Int16Array | null {
    const key = word.normalize('NFC');
    if (!this.cache.has(key)) this.cache.set(key, this.load(key));
    return this.cache.get(key)!;
  }

  private load(word: string): Int16Array | null {
    for (const folder of this.folders) {
      const file = join(folder, `${word}.wav`);
      if (existsSync(file)) return trimSilence(readWav(readFileSync(file), PACK_RATE)).samples;
    }
    return null;
  }

  missing(words: string[]): string[] {
    return [...new Set(words)].filter((w) => this.clip(w) === null);
  }

  /** The chime, then the words in order, with nothing between the words' clips. */
  announcement(chime: string, words: string[]): Pcm {
    const missing = this.missing([chime, ...words.filter((w) => w !== SILENCE_WORD)]);
    if (missing.length > 0) throw new MissingClipsError(missing);
    const clips = words.map((w) => (w === SILENCE_WORD ? silence(PACK_RATE, PAUSE_MS) : this.clip(w)!));
    return concatPcm(PACK_RATE, [this.clip(chime)!, silence(PACK_RATE, AFTER_CHIME_MS), ...clips]);
  }
}
