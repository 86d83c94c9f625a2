// Taking a number over the API (staff, scripts, a clerk for their counter's services). A kiosk
// takes its numbers through server/use-cases/kiosk/ (its cap, and the print).

import type { TicketView } from '../../contract/events.js';
import type { Actor } from '../../domain/access/actor.js';
import type { TicketSource } from '../../domain/queue/queue-state.js';
import type { HallQueries } from '../../services/hall-queries.js';
import type { LiveState } from '../../services/live-state.js';
import { lastSeqOf, type CommandRunner } from '../ports.js';

export interface TakeNumberDeps {
  queue: Pick<CommandRunner, 'execute' | 'read'>;
  live: Pick<LiveState, 'ticket'>;
  queries: Pick<HallQueries, 'ticketView'>;
}

export interface NumberWanted {
  serviceId: string;
  /** A priority category, or none. */
  priority?: string | null;
  source?: TicketSource;
}

export async function takeNumber(deps: TakeNumberDeps, wanted: NumberWanted, actor: Actor): Promise<{ seq: number; ticket: TicketView }> {
  const command = { type: 'issue', serviceId: wanted.serviceId, priority: wanted.priority ?? null, source: wanted.source ?? 'api' } as const;
  const { change, events } = await deps.queue.execute(command, actor);
  const ticket = await deps.queue.read(() => deps.queries.ticketView(deps.live.ticket(change.tickets[0]!.id)!));
  return { seq: lastSeqOf(events), ticket };
}
