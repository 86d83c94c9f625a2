// The hub's limits, stored so that a restart does not reset them: sign-in delays per user and
// address and a cap per address, a kiosk's tickets per minute (counting only tickets actually
// given), reprints per ticket, public dossier lookups that found nothing and wrong device
// pairing codes, per address.

import { DomainError } from '../domain/domain-error.js';
import {
  ADDRESS_FAILURES,
  ADDRESS_WINDOW_MS,
  FAILURE_MEMORY_MS,
  KIOSK_WINDOW_MS,
  LOOKUP_FAILURES,
  LOOKUP_WINDOW_MS,
  PAIRING_FAILURES,
  PAIRING_WINDOW_MS,
  signInWait,
  windowWait,
} from '../domain/access/rate-limits.js';
import type { RateMarksRepository } from '../db/rate-marks-repository.js';

const PRUNE_EVERY_MS = 60 * 60_000;
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export class LimitsService {
  /** Tickets a kiosk is issuing right now, not yet committed. */
  private readonly pending = new Map<string, number>();
  private prunedAt = 0;

  constructor(
    private readonly marks: RateMarksRepository,
    private readonly clock: () => number,
  ) {}

  /** Refuses a sign-in attempt while this user is delayed from this address, or the address is. */
  checkSignIn(user: string, address: string): void {
    const now = this.clock();
    const pairWait = signInWait(this.marks.since('sign_in_failure', `${user}|${address}`, now - FAILURE_MEMORY_MS), now);
    if (pairWait > 0) throw new DomainError('sign_in_rate_limited', { seconds: seconds(pairWait) });
    const addressWait = windowWait(this.marks.since('sign_in_failure_address', address, now - ADDRESS_WINDOW_MS), ADDRESS_FAILURES, ADDRESS_WINDOW_MS, now);
    if (addressWait > 0) throw new DomainError('sign_in_address_limited', { seconds: seconds(addressWait) });
  }

  signInFailed(user: string, address: string): void {
    const now = this.clock();
    this.marks.add('sign_in_failure', `${user}|${address}`, now);
    this.marks.add('sign_in_failure_address', address, now);
    this.prune(now);
  }

  signInSucceeded(user: string, address: string): void {
    this.marks.clear('sign_in_failure', `${user}|${address}`);
  }

  /**
   * Runs `issue` if the kiosk is under its cap. Only a ticket actually given counts; taps that
   * arrive together are counted while in flight, so they cannot slip past the cap as a group.
   */
  async kioskTicket<T>(kioskId: string, perMinute: number, issue: () => Promise<T>): Promise<T> {
    const now = this.clock();
    const inFlight = this.pending.get(kioskId) ?? 0;
    const wait = windowWait(this.marks.since('kiosk_ticket', kioskId, now - KIOSK_WINDOW_MS), perMinute, KIOSK_WINDOW_MS, now, inFlight);
    if (wait > 0) throw new DomainError('kiosk_rate_limited', { seconds: seconds(wait) });
    this.pending.set(kioskId, inFlight + 1);
    try {
      const result = await issue();
      const given = this.clock();
      this.marks.add('kiosk_ticket', kioskId, given);
      this.prune(given);
      return result;
    } finally {
      const left = (this.pending.get(kioskId) ?? 1) - 1;
      if (left > 0) this.pending.set(kioskId, left);
      else this.pending.delete(kioskId);
    }
  }

  /** Refuses a dossier lookup from an address that found nothing LOOKUP_FAILURES times lately. */
  checkLookup(address: string): void {
    const now = this.clock();
    const wait = windowWait(this.marks.since('lookup_failure', address, now - LOOKUP_WINDOW_MS), LOOKUP_FAILURES, LOOKUP_WINDOW_MS, now);
    if (wait > 0) throw new DomainError('lookup_rate_limited', { seconds: seconds(wait), minutes: Math.ceil(wait / 60_000) });
  }

  /** A lookup that found nothing: an unknown code, or a wrong or missing check code alike. */
  lookupFailed(address: string): void {
    const now = this.clock();
    this.marks.add('lookup_failure', address, now);
    this.prune(now);
  }

  /** Refuses a pairing code from an address that gave wrong codes PAIRING_FAILURES times lately. */
  checkPairing(address: string): void {
    const now = this.clock();
    const wait = windowWait(this.marks.since('pairing_failure', address, now - PAIRING_WINDOW_MS), PAIRING_FAILURES, PAIRING_WINDOW_MS, now);
    if (wait > 0) throw new DomainError('pairing_rate_limited', { seconds: seconds(wait), minutes: Math.ceil(wait / 60_000) });
  }

  /** A pairing code that was wrong, used already or expired. */
  pairingFailed(address: string): void {
    const now = this.clock();
    this.marks.add('pairing_failure', address, now);
    this.prune(now);
  }

  /** Refuses a reprint once the ticket was reprinted `max` times. */
  checkReprint(ticketId: string, max: number): void {
    const count = this.marks.since('reprint', ticketId, 0).length;
    if (count >= max) throw new DomainError('reprint_limit', { count });
  }

  /** A reprint that reached the paper; one that failed does not count. */
  reprinted(ticketId: string): void {
    const now = this.clock();
    this.marks.add('reprint', ticketId, now);
    this.prune(now);
  }

  private prune(now: number): void {
    if (now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    // Reprints are counted per ticket, which lives one day; two days covers every limit.
    this.marks.prune(now - 2 * 24 * 60 * 60_000);
  }
}
