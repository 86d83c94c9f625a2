// What staff do to a ticket by its id, wherever it is: put a skipped ticket back, cancel it,
// mark it as priority (or back to regular).

import type { TicketView } from '../../contract/events.js';
import type { Actor } from '../../domain/access/actor.js';
import type { Command } from '../../domain/queue/queue-engine.js';
import type { HallQueries } from '../../services/hall-queries.js';
import type { LiveState } from '../../services/live-state.js';
import { lastSeqOf, type CommandRunner } from '../ports.js';
import { knownTicket } from './read-tickets.js';

export interface ActOnTicketDeps {
  queue: Pick<CommandRunner, 'execute' | 'read'>;
  live: Pick<LiveState, 'ticket'>;
  queries: Pick<HallQueries, 'ticketView'>;
}

export interface TicketActed {
  seq: number;
  ticket: TicketView;
}

async function actOnTicket(deps: ActOnTicketDeps, command: Extract<Command, { type: 'restore' | 'cancel' | 'setPriority' }>, actor: Actor): Promise<TicketActed> {
  const { events } = await deps.queue.execute(command, actor);
  return deps.queue.read(() => ({ seq: lastSeqOf(events), ticket: deps.queries.ticketView(knownTicket(deps.live, command.ticketId)) }));
}

export const ticketActions = {
  /** Puts a skipped (no-show) ticket back in its queue, within the allowed minutes. */
  restore: (deps: ActOnTicketDeps, ticketId: string, actor: Actor) => actOnTicket(deps, { type: 'restore', ticketId }, actor),
  /** Cancels a waiting, called or skipped ticket. */
  cancel: (deps: ActOnTicketDeps, ticketId: string, reason: string | null, actor: Actor) => actOnTicket(deps, { type: 'cancel', ticketId, reason }, actor),
  /** Marks a waiting ticket as priority, or back to regular with null. */
  setPriority: (deps: ActOnTicketDeps, ticketId: string, priority: string | null, actor: Actor) => actOnTicket(deps, { type: 'setPriority', ticketId, priority }, actor),
};
