// What a service's queue looks like now: open or not, how many wait, how long a ticket taken
// now would wait. Built by the hub's read model, sent in the snapshot and with each change.

import type { LocalizedText } from '../localized-text.js';

export type ServiceClosedReason = 'inactive' | 'hours' | 'break' | 'holiday' | 'closure' | 'daily_max';

export interface ServiceSummary {
  id: string;
  name: LocalizedText;
  group: string | null;
  color: string | null;
  location: LocalizedText | null;
  active: boolean;
  /** Taking numbers right now (active and within opening hours, below the daily maximum). */
  open: boolean;
  /**
   * Why it is not open, as a code the pages translate: inactive; hours (before opening, after
   * closing, a day it does not work), break, holiday, closure (the hall's own); daily_max.
   */
  closedReason: ServiceClosedReason | null;
  /** The holiday's or the closure's name, when that is why. */
  closedWords: LocalizedText | null;
  /** When it opens again (ms), when closed by the calendar; null otherwise or never within a year. */
  opensAt: number | null;
  waiting: number;
  waitingPriority: number;
  issuedToday: number;
  /** Tickets it can still give today. */
  remainingToday: number;
  /** Open counters that serve it now. */
  openCounters: number;
  /** Seconds a ticket taken now would wait; null when no counter serves it now or closing comes first. */
  estimatedWaitSeconds: number | null;
  /** A ticket taken now is not expected to be called before closing ("may not be served today"). */
  beyondClosing: boolean;
  /** Mean service time the estimate uses. */
  averageServiceSeconds: number;
}

/** The parts of a ServiceSummary that change as the queue moves. */
export type ServiceFigures = Pick<
  ServiceSummary,
  | 'id'
  | 'open'
  | 'closedReason'
  | 'closedWords'
  | 'opensAt'
  | 'waiting'
  | 'waitingPriority'
  | 'issuedToday'
  | 'remainingToday'
  | 'openCounters'
  | 'estimatedWaitSeconds'
  | 'beyondClosing'
  | 'averageServiceSeconds'
>;

export function serviceFigures(s: ServiceSummary): ServiceFigures {
  return {
    id: s.id,
    open: s.open,
    closedReason: s.closedReason,
    closedWords: s.closedWords,
    opensAt: s.opensAt,
    waiting: s.waiting,
    waitingPriority: s.waitingPriority,
    issuedToday: s.issuedToday,
    remainingToday: s.remainingToday,
    openCounters: s.openCounters,
    estimatedWaitSeconds: s.estimatedWaitSeconds,
    beyondClosing: s.beyondClosing,
    averageServiceSeconds: s.averageServiceSeconds,
  };
}
