// What the digit displays on the bus can show (keypads, LED boards of every protocol):
// digits, capital letters, '-' and space; no diacritics, at most `length` characters.

export function displayableText(text: string, length = 8): string {
  return text
    .toUpperCase()
    .replace(/[^0-9A-Z\- ]/g, '')
    .slice(0, length);
}
