// Staff reading dossiers: one in full, a ticket's dossiers, the open ones due soon, and the
// dossier desk's lists (due today, overdue, waiting for papers or fees, result ready).

import type { DossierListView, DossierReply } from '../../contract/dossiers.js';
import type { DossierRepository } from '../../db/dossier-repository.js';
import { dayOf } from '../../domain/calendar/hall-clock.js';
import type { CommandRunner } from '../ports.js';
import { storedDossier, withTimeliness, type HallTime } from './dossier-view.js';

export interface ReadDossiersDeps {
  queue: Pick<CommandRunner, 'read'>;
  dossiers: Pick<DossierRepository, 'get' | 'ofTicket' | 'dueBefore' | 'open'>;
  time: HallTime;
}

export interface DossierListFilter {
  ticketId?: string;
  dueWithinHours?: number;
  counterId?: number;
  view?: DossierListView;
}

/** The most a list answers; a hall's open dossiers are far fewer. */
const LIST_LIMIT = 500;

/** One dossier with its applicant, papers, steps and timeliness. */
export function dossierOf(deps: ReadDossiersDeps, code: string): Promise<DossierReply> {
  return deps.queue.read(() => withTimeliness(deps.time, storedDossier(deps.dossiers, code)));
}

/**
 * A ticket's dossiers; or one of the desk's lists (view); or the open dossiers due within some
 * hours (48 by default). The last two optionally of one counter.
 */
export function listDossiers(deps: ReadDossiersDeps, filter: DossierListFilter): Promise<DossierReply[]> {
  const { ticketId, dueWithinHours, counterId, view } = filter;
  return deps.queue.read(() => {
    if (ticketId) return deps.dossiers.ofTicket(ticketId).map((d) => withTimeliness(deps.time, d));
    const ofCounter = (d: DossierReply) => counterId === undefined || d.counterId === counterId;
    if (view) {
      const inView = deskView(view, deps.time);
      return deps.dossiers
        .open(LIST_LIMIT)
        .map((d) => withTimeliness(deps.time, d))
        .filter((d) => ofCounter(d) && inView(d));
    }
    const before = deps.time.clock() + (dueWithinHours ?? 48) * 3_600_000;
    return deps.dossiers
      .dueBefore(before, 200)
      .map((d) => withTimeliness(deps.time, d))
      .filter(ofCounter);
  });
}

/** Whether an open dossier belongs to one of the desk's lists. */
export function deskView(view: DossierListView, time: HallTime): (d: DossierReply) => boolean {
  const timeZone = time.settings().timeZone;
  const today = dayOf(time.clock(), timeZone);
  switch (view) {
    case 'open':
      return () => true;
    case 'due_today':
      return (d) => d.status !== 9 && d.dueAt !== null && dayOf(d.dueAt, timeZone) === today;
    case 'overdue':
      return (d) => d.timeliness === 'overdue';
    case 'papers':
      return (d) => d.status === 5;
    case 'fees':
      return (d) => d.status === 6;
    case 'ready':
      return (d) => d.status === 9;
  }
}
