// Whose dossiers a staff member handles. A clerk of one agency sees and acts on the dossiers of
// the procedures their agency handles, and no other: the fields (lĩnh vực) and services their
// account lists, or, when it lists none, the services of the counter they sit at; and, whatever
// the fields, the dossiers of the ticket their counter holds now (a citizen back for a result
// shows the slip). Managers and the hub's API token handle every dossier. Pure: the caller
// gives the facts (the catalogue, the counters) as functions.

import { foldVietnamese } from './procedures.js';
import type { Dossier } from './dossier.js';

export type DossierScope =
  | { all: true }
  | {
      all: false;
      /** The counter the clerk holds; null for back-office staff. */
      counterId: number | null;
      fields: readonly string[];
      services: readonly string[];
    };

export interface DossierScopeFacts {
  /** The field (lĩnh vực) of a procedure of the catalogue, if it is there. */
  fieldOf(procedureCode: string): string | undefined;
  /** The services a counter serves. */
  servicesOf(counterId: number): readonly string[];
  /** The ticket a counter holds now (called or serving). */
  ticketAt(counterId: number): string | null;
}

/** What a dossier is judged by: its procedure and service, and the tickets it is linked to. */
export type ScopedDossier = Pick<Dossier, 'procedureCode' | 'serviceId'> & Partial<Pick<Dossier, 'ticketId' | 'returnTicketIds'>>;

/** The services whose dossiers the scope covers, the counter's when the account lists none. */
function servicesCovered(scope: Extract<DossierScope, { all: false }>, facts: DossierScopeFacts): readonly string[] {
  if (scope.fields.length + scope.services.length > 0) return scope.services;
  return scope.counterId === null ? [] : facts.servicesOf(scope.counterId);
}

/** Whether the scope covers a dossier (or, with no tickets given, a procedure about to be received). */
export function coversDossier(scope: DossierScope, d: ScopedDossier, facts: DossierScopeFacts): boolean {
  if (scope.all) return true;
  if (scope.counterId !== null) {
    const held = facts.ticketAt(scope.counterId);
    if (held !== null && (d.ticketId === held || (d.returnTicketIds ?? []).includes(held))) return true;
  }
  if (d.serviceId !== null && servicesCovered(scope, facts).includes(d.serviceId)) return true;
  const field = d.procedureCode === null ? undefined : facts.fieldOf(d.procedureCode);
  if (field === undefined) return false;
  const folded = foldVietnamese(field);
  return scope.fields.some((f) => foldVietnamese(f) === folded);
}
