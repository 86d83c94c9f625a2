// Following tickets: one ticket as the public sees it, a day's tickets for staff, and a
// ticket's history from the event log.

import type { PublicTicketView } from '../../contract/events.js';
import type { EventLog, LoggedEvent } from '../../db/event-log.js';
import type { QueueRepository } from '../../db/queue-repository.js';
import { DomainError } from '../../domain/domain-error.js';
import type { Ticket, TicketStatus } from '../../domain/queue/queue-state.js';
import type { HallQueries } from '../../services/hall-queries.js';
import type { LiveState } from '../../services/live-state.js';
import { eventsInScope, type DossierCaller, type EventScopeDeps } from '../dossiers/dossier-scope.js';
import type { CommandRunner } from '../ports.js';

/** A ticket the hub knows (today's or still open); an unknown id is refused. */
export function knownTicket(live: Pick<LiveState, 'ticket'>, ticketId: string): Ticket {
  const ticket = live.ticket(ticketId);
  if (!ticket) throw new DomainError('ticket_not_found', { ticketId });
  return ticket;
}

export interface PublicTicketDeps {
  queue: Pick<CommandRunner, 'read'>;
  live: Pick<LiveState, 'ticket'>;
  queries: Pick<HallQueries, 'publicTicketView'>;
}

/** One ticket with its status, people ahead and estimated wait (priority shown as yes/no). */
export function publicTicketOf(deps: PublicTicketDeps, ticketId: string): Promise<PublicTicketView> {
  return deps.queue.read(() => deps.queries.publicTicketView(knownTicket(deps.live, ticketId)));
}

export interface TicketsOfDayDeps {
  queue: Pick<CommandRunner, 'read'>;
  queries: Pick<HallQueries, 'today'>;
  tickets: Pick<QueueRepository, 'ticketsOfDay'>;
}

/** A day's tickets (today by default), optionally by status or service. */
export async function ticketsOfDay(deps: TicketsOfDayDeps, filter: { day?: string; status?: TicketStatus; serviceId?: string }): Promise<Ticket[]> {
  const { day, status, serviceId } = filter;
  const tickets = await deps.queue.read(() => deps.tickets.ticketsOfDay(day ?? deps.queries.today()));
  return tickets.filter((t) => (status ? t.status === status : true) && (serviceId ? t.serviceId === serviceId : true));
}

export interface TicketHistoryDeps extends EventScopeDeps {
  queue: Pick<CommandRunner, 'read'>;
  live: Pick<LiveState, 'ticket'>;
  events: Pick<EventLog, 'read'>;
}

/** A ticket's history, oldest first; a clerk's without other fields' dossiers. */
export function ticketHistory(deps: TicketHistoryDeps, ticketId: string, caller: DossierCaller): Promise<LoggedEvent[]> {
  return deps.queue.read(() => {
    knownTicket(deps.live, ticketId);
    return eventsInScope(deps, caller, deps.events.read({ ticketId, limit: 1000 }));
  });
}
