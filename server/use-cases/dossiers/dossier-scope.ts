// The one check every staff read and write of a dossier goes through (server/domain/dossier/
// dossier-scope.ts says whose dossiers a person handles). A dossier outside the caller's scope
// is answered exactly as one that does not exist: 404, never a hint. Each read of personal data
// is written to the read log with who and when.

import type { DossierReadKind, DossierReadLog } from '../../db/dossier-read-log.js';
import type { DossierRepository } from '../../db/dossier-repository.js';
import type { LoggedEvent } from '../../db/event-log.js';
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/domain-error.js';
import type { Dossier } from '../../domain/dossier/dossier.js';
import { coversDossier, type DossierScope, type DossierScopeFacts, type ScopedDossier } from '../../domain/dossier/dossier-scope.js';

/** Who asks: as the read log names them, whose dossiers they handle, and who runs their commands. */
export interface DossierCaller {
  user: string;
  name: string;
  scope: DossierScope;
  actor: Actor;
}

export interface DossierScopeDeps {
  scope: DossierScopeFacts;
}

/** Whether the caller handles a dossier (or a procedure about to be received): the one check. */
export function handles(deps: DossierScopeDeps, caller: DossierCaller, d: ScopedDossier): boolean {
  return coversDossier(caller.scope, d, deps.scope);
}

/** The dossier, when the caller handles it; otherwise refused as unknown. */
export function inScope<D extends ScopedDossier>(deps: DossierScopeDeps, caller: DossierCaller, d: D | null | undefined, code: string): D {
  if (!d || !handles(deps, caller, d)) throw new DomainError('dossier_not_found', { code });
  return d;
}

/** Of some dossiers, those the caller handles. */
export function onlyInScope<D extends ScopedDossier>(deps: DossierScopeDeps, caller: DossierCaller, list: readonly D[]): D[] {
  return list.filter((d) => handles(deps, caller, d));
}

export interface ReadLogDeps {
  reads: Pick<DossierReadLog, 'record'>;
  clock: () => number;
}

/** Writes down that the caller read these dossiers' personal data. */
export function logRead(deps: ReadLogDeps, caller: DossierCaller, dossiers: readonly Pick<Dossier, 'code'>[], what: DossierReadKind): void {
  if (dossiers.length > 0)
    deps.reads.record(
      caller,
      dossiers.map((d) => d.code),
      what,
      deps.clock(),
    );
}

export interface EventScopeDeps extends DossierScopeDeps {
  dossiers: Pick<DossierRepository, 'get'>;
}

/** The event log as the caller may read it: the changes of dossiers they do not handle left out. */
export function eventsInScope(deps: EventScopeDeps, caller: DossierCaller, events: LoggedEvent[]): LoggedEvent[] {
  if (caller.scope.all) return events;
  return events.filter((e) => {
    const code = e.type === 'dossier:changed' ? (e.data as { dossier?: { code?: string } } | null)?.dossier?.code : undefined;
    if (code === undefined) return e.type !== 'dossier:changed';
    const d = deps.dossiers.get(code);
    return d !== null && d !== undefined && handles(deps, caller, d);
  });
}
