// A day's figures per service and per counter, from its tickets. Not-served tickets (closed
// at closing time) are counted apart, so that a long queue left at 17:00 shows in reports.

import type { Ticket } from '../queue/queue-state.js';
import { serviceDurationMs } from '../estimate/wait-estimate.js';

export interface ReportLine {
  issued: number;
  done: number;
  noShow: number;
  cancelled: number;
  notServed: number;
  /** Still waiting or at a counter (only while the day is running). */
  open: number;
  /** Mean seconds from taking the number to being called, over called tickets. */
  averageWaitSeconds: number | null;
  /** Mean seconds at the counter, over finished tickets. */
  averageServiceSeconds: number | null;
}

export interface DayReport {
  day: string;
  total: ReportLine;
  services: ({ serviceId: string } & ReportLine)[];
  counters: { counterId: number; done: number; noShow: number; averageServiceSeconds: number | null }[];
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

function line(tickets: Ticket[]): ReportLine {
  const count = (status: Ticket['status']) => tickets.filter((t) => t.status === status).length;
  const waits = tickets.filter((t) => t.calledAt !== null).map((t) => (t.calledAt! - t.issuedAt) / 1000);
  const services = tickets.flatMap((t) => serviceDurationMs(t) ?? []).map((ms) => ms / 1000);
  return {
    issued: tickets.length,
    done: count('done'),
    noShow: count('no_show'),
    cancelled: count('cancelled'),
    notServed: count('not_served'),
    open: count('waiting') + count('called') + count('serving'),
    averageWaitSeconds: mean(waits),
    averageServiceSeconds: mean(services),
  };
}

export function dayReport(day: string, tickets: Ticket[], serviceIds: string[]): DayReport {
  const ofDay = tickets.filter((t) => t.day === day);
  const counterIds = [...new Set(ofDay.flatMap((t) => (t.counterId === null ? [] : [t.counterId])))].sort((a, b) => a - b);
  return {
    day,
    total: line(ofDay),
    services: serviceIds.map((serviceId) => ({ serviceId, ...line(ofDay.filter((t) => t.serviceId === serviceId)) })),
    counters: counterIds.map((counterId) => {
      const mine = ofDay.filter((t) => t.counterId === counterId);
      return {
        counterId,
        done: mine.filter((t) => t.status === 'done').length,
        noShow: mine.filter((t) => t.status === 'no_show').length,
        averageServiceSeconds: mean(mine.flatMap((t) => serviceDurationMs(t) ?? []).map((ms) => ms / 1000)),
      };
    }),
  };
}
