// The public shapes of tickets, counters, settings and events: what anyone on the hall's
// network may read (server/contract/events.ts says why). Every public route, the snapshot and
// every realtime event pass through these, so a new field stays private until added here.

import type {
  CommittedEvent,
  CounterView,
  PublicCounterState,
  PublicCounterView,
  PublicHallSettings,
  PublicTicket,
  PublishedEvent,
} from '../../contract/events.js';
import type { Dossier } from '../dossier/dossier.js';
import type { CounterState, Ticket } from './queue-state.js';
import type { HallSettings } from '../hall/hall-definition.js';

export function publicTicket(ticket: Ticket): PublicTicket {
  const { priority, endReason: _reason, ...rest } = ticket;
  return { ...rest, priority: priority !== null };
}

export function publicCounterState(state: CounterState): PublicCounterState {
  const { pauseReason: _reason, ...rest } = state;
  return rest;
}

export function publicCounterView(view: CounterView): PublicCounterView {
  return { def: view.def, state: publicCounterState(view.state), current: view.current ? publicTicket(view.current) : null };
}

export function publicSettings(settings: HallSettings): PublicHallSettings {
  const { packDir: _dir, ...voice } = settings.voice;
  return { ...settings, voice };
}

/** The same change with every ticket and counter in its public shape and no typed reason. */
export function publicEvent(event: CommittedEvent): PublishedEvent {
  const d = event.data as unknown as Record<string, unknown>;
  const data: Record<string, unknown> = { ...d };
  if (d.ticket) data.ticket = publicTicket(d.ticket as Ticket);
  if (d.counter) data.counter = publicCounterState(d.counter as CounterState);
  if (Array.isArray(d.tickets)) data.tickets = (d.tickets as Ticket[]).map(publicTicket);
  if (Array.isArray(d.counters)) data.counters = (d.counters as CounterState[]).map(publicCounterState);
  if ('reason' in d) data.reason = null;
  if (d.rating) {
    const { clerk: _clerk, ...rating } = d.rating as { clerk: string | null };
    data.rating = rating;
  }
  if (d.dossier) {
    const { code, status, counterId, serviceId, dueAt } = d.dossier as Dossier;
    data.dossier = { code, status, counterId, serviceId, dueAt };
  }
  const { actor: _actor, ...numbered } = event;
  return { ...numbered, data } as PublishedEvent;
}
