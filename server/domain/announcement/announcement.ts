// The sentence that calls a citizen, as the ordered words a voice pack plays one after another.

import type { VoiceSettings } from '../hall/hall-definition.js';
import { NUMBER_WORDS, numberWords, ticketNumberWords } from './vietnamese-numbers.js';

export const DEFAULT_CALL_PHRASE = 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}';

/** The default pack only, heard on the displays. */
export const DEFAULT_VOICE: VoiceSettings = { phrase: DEFAULT_CALL_PHRASE, packDir: null, hubSpeaker: false, sayNumberTwice: false, volume: 100 };

/** The clip played before every call. */
export const CHIME = 'chime';

/** Not a clip: a short silence, between the two sayings of a number said twice. */
export const PAUSE = '{pause}';

/** The phrase split where the voice pack has one clip per word; placeholders stay as they are. */
function phraseTokens(phrase: string): string[] {
  return phrase
    .normalize('NFC')
    .split(/\s+/)
    .map((w) => w.replace(/[.,;:!?]+$/u, ''))
    .filter((w) => w !== '')
    .map((w) => (w === '{number}' || w === '{counter}' ? w : w.toLocaleLowerCase('vi')));
}

/** Words of a call: the hall's phrase with {number} and {counter} filled in. */
export function callWords(ticketNumber: string, counterId: number, phrase = DEFAULT_CALL_PHRASE, sayNumberTwice = false): string[] {
  return phraseTokens(phrase).flatMap((w) => {
    if (w === '{number}') {
      const said = ticketNumberWords(ticketNumber);
      return sayNumberTwice ? [...said, PAUSE, ...said] : said;
    }
    if (w === '{counter}') return numberWords(counterId);
    return [w];
  });
}

/** Every clip a pack needs for this phrase: the chime, the phrase's own words and all number words. */
export function clipsNeeded(phrase = DEFAULT_CALL_PHRASE): string[] {
  const own = phraseTokens(phrase).filter((w) => w !== '{number}' && w !== '{counter}');
  return [...new Set([CHIME, ...own, ...NUMBER_WORDS])];
}
