// Staff reading dossiers: one in full, a ticket's dossiers, and the open ones due soon.

import type { DossierReply } from '../../contract/dossiers.js';
import type { DossierRepository } from '../../db/dossier-repository.js';
import type { CommandRunner } from '../ports.js';
import { storedDossier, withTimeliness, type HallTime } from './dossier-view.js';

export interface ReadDossiersDeps {
  queue: Pick<CommandRunner, 'read'>;
  dossiers: Pick<DossierRepository, 'get' | 'ofTicket' | 'dueBefore'>;
  time: HallTime;
}

/** One dossier with its applicant, papers, steps and timeliness. */
export function dossierOf(deps: ReadDossiersDeps, code: string): Promise<DossierReply> {
  return deps.queue.read(() => withTimeliness(deps.time, storedDossier(deps.dossiers, code)));
}

/** A ticket's dossiers, or the open dossiers due within some hours (48 by default), optionally of one counter. */
export function listDossiers(deps: ReadDossiersDeps, filter: { ticketId?: string; dueWithinHours?: number; counterId?: number }): Promise<DossierReply[]> {
  const { ticketId, dueWithinHours, counterId } = filter;
  return deps.queue.read(() => {
    if (ticketId) return deps.dossiers.ofTicket(ticketId).map((d) => withTimeliness(deps.time, d));
    const before = deps.time.clock() + (dueWithinHours ?? 48) * 3_600_000;
    return deps.dossiers
      .dueBefore(before, 200)
      .filter((d) => counterId === undefined || d.counterId === counterId)
      .map((d) => withTimeliness(deps.time, d));
  });
}
