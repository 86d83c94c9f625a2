// The citizen's satisfaction rating after service (very satisfied / satisfied / not satisfied),
// given on the counter's rating tablet or rating keys: one per ticket, stored against the
// clerk, counter, service and dossiers. Pure: the store and the clock are passed in.

import { DomainError } from '../domain-error.js';
import type { Ticket } from '../queue/queue-state.js';

export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'not_satisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_WORDS: Record<RatingLevel, { vi: string; en: string }> = {
  very_satisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  not_satisfied: { vi: 'Không hài lòng', en: 'Not satisfied' },
};

/** A citizen rates the service within this long after it finished. */
export const RATING_WINDOW_MS = 10 * 60_000;

export interface Rating {
  ticketId: string;
  level: RatingLevel;
  at: number;
  counterId: number;
  clerk: string | null;
  serviceId: string;
  dossierCodes: string[];
}

export interface RatingView {
  ticket(id: string): Ticket | undefined;
  /** The ticket this counter finished last, if any. */
  lastFinishedAt(counterId: number): Ticket | undefined;
  rating(ticketId: string): Rating | undefined;
  /** Who finished serving the ticket (the clerk, or the counter's keypad). */
  servedBy(ticketId: string): string | null;
  dossierCodesOf(ticketId: string): string[];
}

export type RatingCommand = { type: 'rateTicket'; counterId: number; ticketId?: string; level: RatingLevel };

/**
 * The rating a command gives, or a refusal: the ticket was served and finished here, just now,
 * it is the last one the counter finished, and it is not rated yet.
 */
export function rate(view: RatingView, cmd: RatingCommand, now: number): Rating {
  const last = view.lastFinishedAt(cmd.counterId);
  const ticket = cmd.ticketId ? view.ticket(cmd.ticketId) : last;
  if (!ticket) throw new DomainError(cmd.ticketId ? 'ticket_not_found' : 'rating_nothing_to_rate', { ticketId: cmd.ticketId ?? '', counterId: cmd.counterId });
  if (ticket.status !== 'done' || ticket.counterId !== cmd.counterId || ticket.endedAt === null || now - ticket.endedAt > RATING_WINDOW_MS) {
    throw new DomainError('rating_nothing_to_rate', { counterId: cmd.counterId });
  }
  // The tablet asks about the ticket its counter has just finished, and only that one can be
  // rated: whoever holds the tablet cannot rate earlier tickets by their id.
  if (cmd.ticketId && last?.id !== ticket.id) throw new DomainError('rating_not_last_finished', { counterId: cmd.counterId });
  if (view.rating(ticket.id)) throw new DomainError('rating_given', { number: ticket.number });
  return {
    ticketId: ticket.id,
    level: cmd.level,
    at: now,
    counterId: cmd.counterId,
    clerk: view.servedBy(ticket.id),
    serviceId: ticket.serviceId,
    dossierCodes: view.dossierCodesOf(ticket.id),
  };
}
