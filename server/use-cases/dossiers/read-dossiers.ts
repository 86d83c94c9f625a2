// Staff reading dossiers: one in full, a ticket's dossiers, and the open ones due soon. Each
// goes through the caller's scope (dossier-scope.ts) and is written to the read log.

import type { DossierReply } from '../../contract/dossiers.js';
import type { DossierRepository } from '../../db/dossier-repository.js';
import type { Dossier } from '../../domain/dossier/dossier.js';
import type { CommandRunner } from '../ports.js';
import { withTimeliness, type HallTime } from './dossier-view.js';
import { inScope, logRead, onlyInScope, type DossierCaller, type DossierScopeDeps, type ReadLogDeps } from './dossier-scope.js';

export interface ReadDossiersDeps extends DossierScopeDeps, ReadLogDeps {
  queue: Pick<CommandRunner, 'read'>;
  dossiers: Pick<DossierRepository, 'get' | 'ofTicket' | 'dueBefore'>;
  time: HallTime;
}

/** One dossier with its applicant, papers, steps and timeliness. */
export function dossierOf(deps: ReadDossiersDeps, code: string, caller: DossierCaller): Promise<DossierReply> {
  return deps.queue.read(() => {
    const d = inScope(deps, caller, deps.dossiers.get(code), code);
    logRead(deps, caller, [d], 'view');
    return withTimeliness(deps.time, d);
  });
}

/** Of the dossiers a filter finds, those the caller handles, with their timeliness. */
export function listDossiers(deps: ReadDossiersDeps, filter: { ticketId?: string; dueWithinHours?: number; counterId?: number }, caller: DossierCaller): Promise<DossierReply[]> {
  return deps.queue.read(() => {
    const listed = onlyInScope(deps, caller, dossiersMatching(deps, filter));
    logRead(deps, caller, listed, 'list');
    return listed.map((d) => withTimeliness(deps.time, d));
  });
}

/** A ticket's dossiers, or the open dossiers due within some hours (48 by default), optionally of one counter. */
function dossiersMatching(deps: ReadDossiersDeps, filter: { ticketId?: string; dueWithinHours?: number; counterId?: number }): Dossier[] {
  const { ticketId, dueWithinHours, counterId } = filter;
  if (ticketId) return deps.dossiers.ofTicket(ticketId);
  const before = deps.time.clock() + (dueWithinHours ?? 48) * 3_600_000;
  return deps.dossiers.dueBefore(before, 200).filter((d) => counterId === undefined || d.counterId === counterId);
}
