// Reading numbers the Vietnamese way, as words a voice pack has clips for:
// 15 "mười lăm", 21 "hai mươi mốt", 24 "hai mươi tư", 105 "một trăm linh năm",
// 1023 "một nghìn không trăm hai mươi ba". Speech synthesizers get these wrong, so the
// hub expands numbers itself and voices only single words.

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** Vietnamese names of letters, as announcers say them before a ticket number. */
const LETTERS: Record<string, string[]> = {
  A: ['a'],
  B: ['bê'],
  C: ['xê'],
  D: ['dê'],
  Đ: ['đê'],
  E: ['e'],
  F: ['ép'],
  G: ['giê'],
  H: ['hát'],
  I: ['i'],
  J: ['gi'],
  K: ['ca'],
  L: ['e', 'lờ'],
  M: ['em', 'mờ'],
  N: ['en', 'nờ'],
  O: ['o'],
  P: ['pê'],
  Q: ['quy'],
  R: ['e', 'rờ'],
  S: ['ét', 'xì'],
  T: ['tê'],
  U: ['u'],
  V: ['vê'],
  W: ['vê', 'kép'],
  X: ['ích', 'xì'],
  Y: ['i', 'dài'],
  Z: ['dét'],
};

/** Words for 1-99. */
function tensAndUnits(n: number): string[] {
  if (n < 10) return [DIGITS[n]!];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const head = tens === 1 ? ['mười'] : [DIGITS[tens]!, 'mươi'];
  if (units === 0) return head;
  if (units === 5) return [...head, 'lăm'];
  if (units === 1 && tens > 1) return [...head, 'mốt'];
  if (units === 4 && tens > 1) return [...head, 'tư'];
  return [...head, DIGITS[units]!];
}

/**
 * Words for a group of three digits (0-999). `full` says a higher group came before it, so
 * that a missing hundred is still read: 1023 is "một nghìn không trăm hai mươi ba".
 */
function hundreds(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (h > 0 || full) words.push(DIGITS[h]!, 'trăm');
  if (rest === 0) return words;
  // A lone unit after a hundred is joined with "linh": 105 "một trăm linh năm".
  if (rest < 10 && words.length > 0) return [...words, 'linh', DIGITS[rest]!];
  return [...words, ...tensAndUnits(rest)];
}

/** The words of a whole number from 0 to 999 999 999. */
export function numberWords(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 999_999_999) throw new RangeError(`cannot read ${n}`);
  if (n === 0) return ['không'];
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor(n / 1000) % 1000;
  const units = n % 1000;
  const words: string[] = [];
  if (millions > 0) words.push(...hundreds(millions, false), 'triệu');
  if (thousands > 0) words.push(...hundreds(thousands, millions > 0), 'nghìn');
  if (units > 0) words.push(...hundreds(units, millions > 0 || thousands > 0));
  return words;
}

/** A ticket number as said aloud: letters by their names, then the number ("A012" → a mười hai). */
export function ticketNumberWords(ticketNumber: string): string[] {
  const match = /^([A-ZĐ]*)(\d+)$/u.exec(ticketNumber.toUpperCase());
  if (!match) throw new RangeError(`"${ticketNumber}" is not a ticket number`);
  const letters = [...match[1]!].flatMap((c) => LETTERS[c] ?? [c.toLowerCase()]);
  return [...letters, ...numberWords(Number(match[2]))];
}

/** Every word a ticket number or a counter number can be read with: what a voice pack must hold. */
export const NUMBER_WORDS: readonly string[] = [...new Set([...DIGITS, 'mười', 'mươi', 'lăm', 'mốt', 'tư', 'linh', 'trăm', 'nghìn', 'triệu', ...Object.values(LETTERS).flat()])];

export function readNumber(n: number): string {
  return numberWords(n).join(' ');
}
