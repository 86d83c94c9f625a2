// A dossier's life at the hall: received at the counter from the ticket being served (or linked
// to the province system's code), then moved on status by status until its result is handed over.

import type { DossierReply } from '../../contract/dossiers.js';
import type { DossierRepository } from '../../db/dossier-repository.js';
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/domain-error.js';
import type { Applicant, Dossier, DossierPaper } from '../../domain/dossier/dossier.js';
import type { DossierAction, DossierCommand } from '../../domain/dossier/dossier-engine.js';
import type { ProcedureCatalog } from '../../services/procedure-catalog.js';
import { randomInt } from 'node:crypto';
import { newCheckCode } from '../../domain/dossier/dossier.js';
import type { CommandRunner } from '../ports.js';
import { withTimeliness, type HallTime } from './dossier-view.js';
import { handles, inScope, type DossierCaller, type DossierScopeDeps } from './dossier-scope.js';

export interface DossierCommandDeps extends DossierScopeDeps {
  queue: Pick<CommandRunner, 'execute' | 'read'>;
  time: HallTime;
}

/** Receiving and linking need a counter: back-office staff do neither. */
function atACounter(caller: DossierCaller): void {
  if (!caller.scope.all && caller.scope.counterId === null) throw new DomainError('back_office_no_queue');
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

export interface ReceiveDeps extends DossierCommandDeps {
  catalog: Pick<ProcedureCatalog, 'find'>;
}

/**
 * Receives a dossier from the ticket being served: complete (due date), incomplete (papers
 * requested) or refused. A clerk receives only the procedures of the fields they handle.
 */
export async function receiveDossier(deps: ReceiveDeps, r: Reception, caller: DossierCaller): Promise<DossierReply> {
  atACounter(caller);
  const procedure = deps.catalog.find(r.procedureCode);
  // An unknown procedure is left to the engine, which names it.
  if (procedure && !handles(deps, caller, { procedureCode: procedure.code, serviceId: procedure.serviceId })) {
    throw new DomainError('procedure_not_in_scope', { code: procedure.code, field: procedure.field });
  }
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
    caller.actor,
  );
}

/** Links the ticket being served to a dossier of the province's system, by its code. */
export function linkProvinceDossier(deps: DossierCommandDeps, link: { counterId: number; ticketId: string; code: string }, caller: DossierCaller): Promise<DossierReply> {
  atACounter(caller);
  return runDossierCommand(deps, { type: 'linkDossier', counterId: link.counterId, ticketId: link.ticketId, code: link.code, checkCode: newCheckCode(randomInt) }, caller.actor);
}

export interface StatusChange {
  action: DossierAction;
  note?: string | null;
  missingPapers?: string[];
  promisedAt?: number;
}

export interface ChangeStatusDeps extends DossierCommandDeps {
  dossiers: Pick<DossierRepository, 'get'>;
}

/**
 * Moves a dossier on: start, requestPapers, supplement, requestFees, feesPaid, complete,
 * withdraw, stop, returnResult (the result handed over to the citizen), apologize. Only a
 * dossier the caller handles: what decides it (its procedure, service and tickets) does not
 * change with its status, so the check before the command holds when it runs.
 */
export async function changeDossierStatus(deps: ChangeStatusDeps, code: string, change: StatusChange, caller: DossierCaller): Promise<DossierReply> {
  await deps.queue.read(() => inScope(deps, caller, deps.dossiers.get(code), code));
  const { action, note, missingPapers, promisedAt } = change;
  return runDossierCommand(
    deps,
    { type: 'changeDossier', code, action, note: note ?? null, ...(missingPapers ? { missingPapers } : {}), ...(promisedAt ? { promisedAt } : {}) },
    caller.actor,
  );
}
