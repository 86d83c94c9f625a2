// How long a caller must wait, from the times of what it did before. Pure: the caller reads the
// marks from the store and passes the clock.

/** Failed sign-ins of one user from one address before delays start. */
export const FREE_FAILURES = 3;
/** The first delay; each further failure doubles it, up to MAX_DELAY_MS. */
export const FIRST_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 15 * 60_000;
/** Failures are forgotten after this long without another one. */
export const FAILURE_MEMORY_MS = 60 * 60_000;
/** Failed sign-ins from one address, whatever the user, within ADDRESS_WINDOW_MS. */
export const ADDRESS_FAILURES = 20;
export const ADDRESS_WINDOW_MS = 10 * 60_000;
/**
 * Public dossier lookups that found nothing (an unknown code, or a wrong or missing check code)
 * from one address, within LOOKUP_WINDOW_MS. A citizen who mistypes a few times stays well
 * under it; a guesser gets LOOKUP_FAILURES tries per window against a check code of
 * 23^6 (about 148 million) values.
 */
export const LOOKUP_FAILURES = 10;
export const LOOKUP_WINDOW_MS = 10 * 60_000;
/**
 * Pairing codes that were wrong, used or expired, from one address within PAIRING_WINDOW_MS. A
 * code is 8 characters of 32 (about a million million values) and lives 10 minutes.
 */
export const PAIRING_FAILURES = 10;
export const PAIRING_WINDOW_MS = 10 * 60_000;
/** A kiosk's cap counts the tickets it gave in the last minute. */
export const KIOSK_WINDOW_MS = 60_000;

/** The delay after `failures` failures in a row: none for the first few, then doubling. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}

/** Milliseconds before one user may try again from one address; 0: now. */
export function signInWait(failureTimes: readonly number[], now: number): number {
  const last = failureTimes.at(-1);
  if (last === undefined) return 0;
  return Math.max(0, last + delayAfter(failureTimes.length) - now);
}

/** Milliseconds before `limit` marks in a sliding `windowMs` leave room for one more; 0: now. */
export function windowWait(times: readonly number[], limit: number, windowMs: number, now: number, pending = 0): number {
  const recent = times.filter((t) => t > now - windowMs);
  if (recent.length + pending < limit) return 0;
  // Waiting for in-flight ones to finish is a moment; otherwise the oldest must leave the window.
  const oldest = recent[recent.length + pending - limit];
  return oldest === undefined ? 1000 : Math.max(1000, oldest + windowMs - now);
}
