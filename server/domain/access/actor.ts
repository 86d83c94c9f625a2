// Who runs a command, and what they may touch. A clerk (or a counter's keypad) acts for one
// counter: on that counter, on the ticket it holds or last skipped, and on tickets waiting for
// the services it serves. A manager, the hub's API token and the hub itself act anywhere.
// Checked in the same turn as the command runs, so the queue cannot move in between.

import { DomainError } from '../domain-error.js';
import type { DossierCommand } from '../dossier/dossier-engine.js';
import type { RatingCommand } from '../rating/rating.js';
import type { Command, QueueView } from '../queue/queue-engine.js';
import type { Ticket } from '../queue/queue-state.js';

export interface Actor {
  /** Who, as the event log records it: a clerk's name, "keypad:B1:2", "kiosk:K1", "API". */
  name: string;
  /** The counter this actor works for; null: anywhere. */
  counterId: number | null;
}

/** The hub acting by itself (closing the day at midnight). */
export const HUB_ACTOR: Actor = { name: 'hub', counterId: null };

export function anywhere(name: string): Actor {
  return { name, counterId: null };
}

export function atCounter(name: string, counterId: number): Actor {
  return { name, counterId };
}

function serves(view: QueueView, counterId: number, serviceId: string): boolean {
  return view.counter(counterId)?.services.some((l) => l.serviceId === serviceId) ?? false;
}

/** Whether a counter may act on a ticket: it holds it, skipped it, or the ticket waits for it. */
export function ticketInCounterScope(view: QueueView, counterId: number, ticket: Ticket): boolean {
  switch (ticket.status) {
    case 'called':
    case 'serving':
      return ticket.counterId === counterId;
    case 'waiting':
      return ticket.targetCounterId === null ? serves(view, counterId, ticket.serviceId) : ticket.targetCounterId === counterId;
    case 'no_show':
      return ticket.counterId === counterId || serves(view, counterId, ticket.serviceId);
    default:
      return ticket.counterId === counterId;
  }
}

/** Throws when the actor may not run the command; unknown tickets are left to the engine. */
export function checkScope(view: QueueView, actor: Actor, command: Command | DossierCommand | RatingCommand): void {
  const own = actor.counterId;
  if (own === null) return;
  switch (command.type) {
    // A dossier's later steps are the back office's, whoever holds which counter.
    case 'changeDossier':
    case 'returnTicket':
      return;
    case 'closeDay':
      throw new DomainError('manager_only');
    case 'issue':
      if (!serves(view, own, command.serviceId)) throw new DomainError('service_not_in_scope', { counterId: own, serviceId: command.serviceId });
      return;
    case 'restore':
    case 'cancel':
    case 'setPriority': {
      const ticket = view.ticket(command.ticketId);
      if (ticket && !ticketInCounterScope(view, own, ticket)) {
        throw new DomainError('ticket_not_in_scope', { counterId: own, number: ticket.number });
      }
      return;
    }
    default:
      if (command.counterId !== own) throw new DomainError('counter_not_held', { counterId: command.counterId, held: own });
  }
}
