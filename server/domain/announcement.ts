// The sentence that calls a citizen, as the ordered words a voice pack plays one after another.

import { numberWords, ticketNumberWords } from './vietnamese-numbers.js';

export const DEFAULT_CALL_PHRASE = 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}';

/**
 * Words of a call: the hall's phrase with {number} and {counter} filled in, lower-cased and
 * split where the voice pack has one clip per word.
 */
export function callWords(ticketNumber: string, counterId: number, phrase = DEFAULT_CALL_PHRASE): string[] {
  return phrase
    .normalize('NFC')
    .split(/\s+/)
    .map((w) => w.replace(/[.,;:!?]+$/u, ''))
    .filter((w) => w !== '')
    .flatMap((w) => {
      if (w === '{number}') return ticketNumberWords(ticketNumber);
      if (w === '{counter}') return numberWords(counterId);
      return [w.toLocaleLowerCase('vi')];
    });
}
