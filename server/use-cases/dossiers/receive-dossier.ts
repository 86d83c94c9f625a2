// A dossier's life at the hall: received at the counter from the ticket being served (or linked
// to the province system's code), then moved on status by status until its result is handed over.

import type { DossierReply } from '../../contract/dossiers.js';
import type { Actor } from '../../domain/access/actor.js';
import type { Applicant, Dossier, DossierPaper } from '../../domain/dossier/dossier.js';
import type { DossierAction, DossierCommand } from '../../domain/dossier/dossier-engine.js';
import { randomInt } from 'node:crypto';
import { newCheckCode } from '../../domain/dossier/dossier.js';
import type { CommandRunner } from '../ports.js';
import { withTimeliness, type HallTime } from './dossier-view.js';

export interface DossierCommandDeps {
  queue: Pick<CommandRunner, 'execute'>;
  time: HallTime;
}

async function runDossierCommand(deps: DossierCommandDeps, command: DossierCommand, actor: Actor): Promise<DossierReply> {
  const { events } = await deps.queue.execute(command, actor);
  const changed = events.findLast((e) => e.type === 'dossier:changed')!.data as { dossier: Dossier };
  return withTimeliness(deps.time, changed.dossier);
}

export interface Reception {
  counterId: number;
  ticketId: string;
  procedureCode: string;
  applicant: Omit<Applicant, 'phone'> & { phone?: string | null };
  papers: DossierPaper[];
  notes?: string | null;
  /** complete: received with a due date; incomplete: papers requested; refused: not received. */
  outcome: 'complete' | 'incomplete' | 'refused';
  missingPapers?: string[];
  reason?: string | null;
}

/** Receives a dossier from the ticket being served: complete (due date), incomplete (papers requested) or refused. */
export function receiveDossier(deps: DossierCommandDeps, r: Reception, actor: Actor): Promise<DossierReply> {
  return runDossierCommand(
    deps,
    {
      type: 'receiveDossier',
      counterId: r.counterId,
      ticketId: r.ticketId,
      procedureCode: r.procedureCode,
      applicant: { name: r.applicant.name, idNumber: r.applicant.idNumber, phone: r.applicant.phone ?? null, address: r.applicant.address },
      papers: r.papers,
      notes: r.notes ?? null,
      outcome: r.outcome,
      missingPapers: r.missingPapers ?? [],
      reason: r.reason ?? null,
      checkCode: newCheckCode(randomInt),
    },
    actor,
  );
}

/** Links the ticket being served to a dossier of the province's system, by its code. */
export function linkProvinceDossier(deps: DossierCommandDeps, link: { counterId: number; ticketId: string; code: string }, actor: Actor): Promise<DossierReply> {
  return runDossierCommand(deps, { type: 'linkDossier', counterId: link.counterId, ticketId: link.ticketId, code: link.code, checkCode: newCheckCode(randomInt) }, actor);
}

export interface StatusChange {
  action: DossierAction;
  note?: string | null;
  missingPapers?: string[];
  promisedAt?: number;
}

/**
 * Moves a dossier on: start, requestPapers, supplement, requestFees, feesPaid, complete,
 * withdraw, stop, returnResult (the result handed over to the citizen), apologize.
 */
export function changeDossierStatus(deps: DossierCommandDeps, code: string, change: StatusChange, actor: Actor): Promise<DossierReply> {
  const { action, note, missingPapers, promisedAt } = change;
  return runDossierCommand(deps, { type: 'changeDossier', code, action, note: note ?? null, ...(missingPapers ? { missingPapers } : {}), ...(promisedAt ? { promisedAt } : {}) }, actor);
}
