// The public shapes of tickets, counters, settings and events: what anyone on the hall's
// network may read (why, below). Every public route, the snapshot and every realtime event
// pass through these, so a new field stays private until added here.

import type { Dossier } from '../dossier/dossier.js';
import type { CommittedEvent, EventPayloadsOf, HallEventType, Numbered } from '../events/hall-events.js';
import type { CounterDef, HallSettings, VoiceSettings } from '../hall/hall-definition.js';
import type { CounterState, Ticket } from './queue-state.js';

// ---- What public pages may read (Decree 13/2023/NĐ-CP) ----
// Displays, phones and kiosks are read by anyone on the hall's network. They learn whether a
// ticket is a priority one, never its category (which can reveal a disability), and no text a
// clerk typed (a cancel or pause reason may hold an ID or a phone number). Staff read the full
// shapes through routes that need their credential (docs/access.md).

/** A ticket as public pages see it: `priority` says only whether it is a priority ticket. */
export type PublicTicket = Omit<Ticket, 'priority' | 'endReason'> & { priority: boolean };

/** A counter's state as public pages see it: paused or not, without the typed reason. */
export type PublicCounterState = Omit<CounterState, 'pauseReason'>;

/**
 * The hall's settings without the hub's file paths, and without the province status source,
 * whose address and headers may hold a key or a password (they never leave the hub).
 */
export type PublicHallSettings = Omit<HallSettings, 'voice' | 'statusSource'> & { voice: Omit<VoiceSettings, 'packDir'> };

/**
 * A dossier as pages hear of it: no applicant, no papers, and no code (a dossier code is what a
 * citizen looks a dossier up by, and displays and phones are read by anyone in the hall). Pages
 * that need the dossier read it again with their credential.
 */
export interface DossierSignal {
  status: number;
  counterId: number | null;
  serviceId: string | null;
  dueAt: number | null;
}

/** Payloads as they travel to pages. */
export type PublicEventPayloads = EventPayloadsOf<PublicTicket, PublicCounterState, DossierSignal>;

/**
 * A change as it goes out to pages: numbered, public payload, without its actor (who pressed
 * the key, a clerk's name, is for staff reads only). In one message, a service's figures come
 * with the last of its events (earlier ones would be overwritten by the page anyway). Each
 * subscription adds its chain (prevSeq, server/contract/events.ts).
 */
export type PublishedEvent = {
  [K in HallEventType]: Omit<Numbered<K, PublicEventPayloads[K]>, 'actor'>;
}[HallEventType];

/** A counter as staff see it (GET /api/counters/:id, command replies). */
export interface CounterView {
  def: CounterDef;
  state: CounterState;
  current: Ticket | null;
}

/** A counter as public pages see it (snapshot, GET /api/counters). */
export interface PublicCounterView {
  def: CounterDef;
  state: PublicCounterState;
  current: PublicTicket | null;
}

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
  const { statusSource: _source, ...rest } = settings;
  return { ...rest, voice };
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
    // Neither the clerk's name nor the dossier codes of the rated ticket.
    const { clerk: _clerk, dossierCodes: _codes, ...rating } = d.rating as { clerk: string | null; dossierCodes: string[] };
    data.rating = rating;
  }
  if (d.dossier) {
    const { status, counterId, serviceId, dueAt } = d.dossier as Dossier;
    data.dossier = { status, counterId, serviceId, dueAt };
  }
  const { actor: _actor, ...numbered } = event;
  return { ...numbered, data } as PublishedEvent;
}
