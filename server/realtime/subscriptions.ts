// Which events reach which pages. Each distinct filter is one socket.io room that keeps the
// sequence number of the last event it was sent, so every page can detect a gap.

import type { HallEvent, PublishedEvent } from '../contract/events.js';
import type { CounterDef } from '../domain/hall/hall-definition.js';

export interface NormalizedFilter {
  services: string[];
  counters: number[];
}

/** A filter from a page, whatever it sent: anything that is not a list of codes or numbers is ignored. */
export function normalizeFilter(filter: unknown): NormalizedFilter {
  const given = (typeof filter === 'object' && filter !== null ? filter : {}) as Record<string, unknown>;
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const services = [...new Set(list(given.services).filter((s): s is string => typeof s === 'string' && /^[A-Za-z0-9_]{1,16}$/.test(s)))].sort();
  const counters = [
    ...new Set(
      list(given.counters)
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0 && n < 1000),
    ),
  ].sort((a, b) => a - b);
  return { services, counters };
}

export function roomKey(filter: NormalizedFilter): string {
  if (filter.services.length === 0 && filter.counters.length === 0) return 'hall:all';
  return `hall:s=${filter.services.join(',')};c=${filter.counters.join(',')}`;
}

/** The services and counters an event is about. */
export function eventSubjects(event: PublishedEvent): { services: Set<string>; counters: Set<number> } {
  const services = new Set<string>();
  const counters = new Set<number>();
  const data = event.data as {
    ticket?: { serviceId: string; counterId: number | null; targetCounterId: number | null };
    tickets?: { serviceId: string; counterId: number | null }[];
    counter?: { id: number } | null;
    counters?: { id: number }[];
    dossier?: { counterId: number | null; serviceId: string | null };
  };
  for (const t of [...(data.ticket ? [data.ticket] : []), ...(data.tickets ?? [])]) {
    services.add(t.serviceId);
    if (t.counterId !== null) counters.add(t.counterId);
  }
  if (data.ticket?.targetCounterId != null) counters.add(data.ticket.targetCounterId);
  if (data.counter) counters.add(data.counter.id);
  for (const c of data.counters ?? []) counters.add(c.id);
  if (event.type === 'ticket:transferred') services.add(event.data.from.serviceId);
  if (data.dossier?.counterId != null) counters.add(data.dossier.counterId);
  if (data.dossier?.serviceId != null) services.add(data.dossier.serviceId);
  return { services, counters };
}

/**
 * A page following some counters also follows the queues they serve; one following some
 * services also sees the counters serving them.
 */
export function matches(filter: NormalizedFilter, event: PublishedEvent, counterDef: (id: number) => CounterDef | undefined): boolean {
  if (filter.services.length === 0 && filter.counters.length === 0) return true;
  // The calendar opens and closes every service: every page hears it.
  if (event.type === 'calendar:changed') return true;
  const subjects = eventSubjects(event);
  if (filter.services.some((s) => subjects.services.has(s))) return true;
  if (filter.counters.some((c) => subjects.counters.has(c))) return true;
  return filter.counters.some((c) => counterDef(c)?.services.some((l) => subjects.services.has(l.serviceId)));
}

export class SubscriptionRooms {
  private readonly rooms = new Map<string, { filter: NormalizedFilter; lastSent: number }>();

  constructor(private readonly startSeq: () => number) {}

  join(filter: NormalizedFilter): string {
    const key = roomKey(filter);
    if (!this.rooms.has(key)) this.rooms.set(key, { filter, lastSent: this.startSeq() });
    return key;
  }

  forget(key: string): void {
    this.rooms.delete(key);
  }

  keys(): string[] {
    return [...this.rooms.keys()];
  }

  /** The events each room should receive, stamped with the room's prevSeq chain. */
  route(events: PublishedEvent[], counterDef: (id: number) => CounterDef | undefined): { key: string; events: HallEvent[] }[] {
    const out: { key: string; events: HallEvent[] }[] = [];
    for (const [key, room] of this.rooms) {
      const forRoom: HallEvent[] = [];
      for (const event of events) {
        // A room made after this change already has it in its pages' snapshots.
        if (event.seq <= room.lastSent) continue;
        if (!matches(room.filter, event, counterDef)) continue;
        forRoom.push({ ...event, prevSeq: room.lastSent } as HallEvent);
        room.lastSent = event.seq;
      }
      if (forRoom.length > 0) out.push({ key, events: latestFiguresOnly(forRoom) });
    }
    return out;
  }
}

/**
 * Keeps each service's figures on the last event of a message that carries them: the page
 * applies the events in order, so earlier figures of the same service would only be replaced.
 * Forty calls in one message to two hundred displays are then a quarter lighter.
 */
function latestFiguresOnly(events: HallEvent[]): HallEvent[] {
  const carried = new Set<string>();
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    const services = event.services.filter((f) => !carried.has(f.id));
    for (const f of services) carried.add(f.id);
    if (services.length !== event.services.length) events[i] = { ...event, services };
  }
  return events;
}
