// The queue's state as plain data: the day's tickets and where each counter stands. No I/O here;
// the queue engine changes them (queue-engine.ts), the store keeps them.

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'not_served'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses from which a ticket never moves again (no_show can still be restored for a while). */
export const FINAL_STATUSES: ReadonlySet<TicketStatus> = new Set(['done', 'cancelled', 'not_served']);

export type TicketSource = 'kiosk' | 'counter' | 'api';

export interface Ticket {
  /** `<yyyymmdd>-<serviceId>-<seq>`: unique, stable, printed in the QR link. */
  id: string;
  /** Hall-local working day, YYYY-MM-DD. */
  day: string;
  serviceId: string;
  /** Position in the service's daily series, from 1. */
  seq: number;
  /** What the citizen sees and hears: "A012", "1023". */
  number: string;
  /** Priority category code, or null for a regular ticket. */
  priority: string | null;
  status: TicketStatus;
  source: TicketSource;
  issuedAt: number;
  /** Orders the queue: arrival time, kept or reset by a transfer. */
  queueAt: number;
  /** Put at the front of its queue by a transfer. */
  front: boolean;
  /** Only this counter may call it (transfer to a specific counter). */
  targetCounterId: number | null;
  /** The counter holding it (called/serving), or the last one that did. */
  counterId: number | null;
  calledAt: number | null;
  recallCount: number;
  servingAt: number | null;
  /** When it reached done, no_show, cancelled or not_served. */
  endedAt: number | null;
  transferCount: number;
  /** Why it ended, for cancelled and not_served. */
  endReason: string | null;
}

export type CounterMode = 'open' | 'paused' | 'closed';

export interface CounterState {
  id: number;
  mode: CounterMode;
  pauseReason: string | null;
  clerk: string | null;
  currentTicketId: string | null;
  /** Regular calls since the last priority call, for the interleaved policy. */
  regularSincePriority: number;
  since: number;
}
