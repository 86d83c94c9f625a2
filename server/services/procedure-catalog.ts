// The hall's procedures catalogue in memory, with its search. Changed only by a whole import.
// Due dates come from the hall's calendar (LiveState.calendar).

import { DomainError } from '../domain/domain-error.js';
import { searchProcedures, type Procedure } from '../domain/dossier/procedures.js';
import type { ProcedureRepository } from '../db/procedure-repository.js';
import type { LiveState } from './live-state.js';

export class ProcedureCatalog {
  private list: Procedure[];
  private byCode: Map<string, Procedure>;

  constructor(
    private readonly repo: ProcedureRepository,
    private readonly live: LiveState,
  ) {
    this.list = repo.all();
    this.byCode = new Map(this.list.map((p) => [p.code, p]));
  }

  all(): readonly Procedure[] {
    return this.list;
  }

  find(code: string): Procedure | undefined {
    return this.byCode.get(code);
  }

  get(code: string): Procedure {
    const found = this.byCode.get(code);
    if (!found) throw new DomainError('procedure_not_found', { code });
    return found;
  }

  search(query: string, serviceId?: string): Procedure[] {
    return searchProcedures(this.list, query, serviceId);
  }

  /** Counters that receive a procedure now: those serving its service. */
  countersFor(procedure: Procedure): number[] {
    return this.live
      .allCounters()
      .filter(({ def }) => def.active && def.services.some((l) => l.serviceId === procedure.serviceId))
      .map(({ def }) => def.id);
  }

  /** Replaces the whole catalogue; every procedure must name a service of the hall. */
  replace(list: Procedure[]): void {
    const unknown = [...new Set(list.filter((p) => !this.live.service(p.serviceId)).map((p) => p.serviceId))];
    if (unknown.length > 0) throw new DomainError('catalog_unknown_service', { services: unknown.join(', ') });
    this.repo.replaceAll(list);
    this.list = list;
    this.byCode = new Map(list.map((p) => [p.code, p]));
  }
}
