// How the on-screen keyboard types a dossier code: after the six digits of the day, the dash of
// the short form (261203-0007) comes by itself, so the citizen taps ten digits.

/** A code typed to its end: the short form, or the whole code. */
export const COMPLETE_CODE = /^(?:[0-9]{6}-[0-9]{4}|[A-Z0-9]{3}\.[A-Z0-9]{2}\.[A-Z0-9]{2}\.[A-Z0-9]{3}-[0-9]{6}-[0-9]{4})$/;

/** The code after `key` is pressed on it. */
export function typeIntoCode(code: string, key: string): string {
  if (/^[0-9]{6}$/.test(code) && /^[0-9]$/.test(key)) return `${code}-${key}`;
  return (code + key).slice(0, 40);
}
