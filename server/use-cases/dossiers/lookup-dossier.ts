// The lookup terminal's answer: a dossier's progress for the citizen (status timeline, due date,
// where to go), the name masked, no ID, no phone. A dossier of the province's system shows the
// province's status, read now (or lately).

import type { LookupReply } from '../../contract/dossiers.js';
import type { DossierRepository } from '../../db/dossier-repository.js';
import { publicDossier } from '../../domain/dossier/dossier.js';
import { dayOf } from '../../domain/calendar/hall-clock.js';
import type { ProcedureCatalog } from '../../services/procedure-catalog.js';
import type { StatusSource } from '../../services/status-source.js';
import type { CommandRunner } from '../ports.js';
import { storedDossier, type HallTime } from './dossier-view.js';

export interface LookupDeps {
  queue: Pick<CommandRunner, 'read'>;
  dossiers: Pick<DossierRepository, 'get'>;
  catalog: Pick<ProcedureCatalog, 'find' | 'countersFor'>;
  statusSource: Pick<StatusSource, 'statusOf'>;
  time: HallTime;
}

export async function lookUpDossier(deps: LookupDeps, code: string): Promise<LookupReply> {
  const d = await deps.queue.read(() => storedDossier(deps.dossiers, code));
  const procedure = d.procedureCode ? deps.catalog.find(d.procedureCode) : undefined;
  const where = { resultAt: procedure?.resultAt ?? null, counters: procedure ? deps.catalog.countersFor(procedure) : [] };
  const sourced = d.kind === 'linked' ? await deps.statusSource.statusOf(d.code) : null;
  const shown = sourced?.available ? { ...d, status: sourced.status, dueAt: sourced.dueAt ?? d.dueAt } : d;
  const provinceStatus = sourced === null ? null : sourced.available ? 'read' : 'unavailable';
  const timeZone = deps.time.settings().timeZone;
  return { ...publicDossier(shown, deps.time.clock(), (at) => dayOf(at, timeZone)), ...where, provinceStatus };
}
