// The lookup terminal's answer: a dossier's progress for the citizen (status timeline, due date,
// where to go), the name masked, no ID, no phone. A dossier of the province's system shows the
// province's status, read now (or lately). It needs what the citizen holds, the code and the
// slip's check code; lookups that find nothing are limited per address.

import type { LookupReply } from '../../contract/dossiers.js';
import type { DossierRepository } from '../../db/dossier-repository.js';
import { publicDossier, type Dossier } from '../../domain/dossier/dossier.js';
import type { Procedure } from '../../domain/dossier/procedures.js';
import { dayOf } from '../../domain/calendar/hall-clock.js';
import type { ProcedureCatalog } from '../../services/procedure-catalog.js';
import type { StatusSource } from '../../services/status-source.js';
import { DomainError } from '../../domain/domain-error.js';
import type { LimitsService } from '../../services/limits-service.js';
import type { CommandRunner } from '../ports.js';
import { dossierForCitizen, type CitizenKey, type HallTime } from './dossier-view.js';

export interface LookupDeps {
  queue: Pick<CommandRunner, 'read'>;
  dossiers: Pick<DossierRepository, 'get' | 'byShortCode'>;
  limits: Pick<LimitsService, 'checkLookup' | 'lookupFailed'>;
  catalog: Pick<ProcedureCatalog, 'find' | 'countersFor'>;
  statusSource: Pick<StatusSource, 'statusOf'>;
  time: HallTime;
}

/**
 * The dossier a citizen's code and check code name. Refused with 429 while the address has found
 * nothing too often lately; an unknown code and a wrong check code get the same 404, and each
 * counts against the address.
 */
export async function findForCitizen(
  deps: { queue: Pick<CommandRunner, 'read'>; dossiers: Pick<DossierRepository, 'get' | 'byShortCode'>; limits: Pick<LimitsService, 'checkLookup' | 'lookupFailed'> },
  key: CitizenKey,
  address: string,
): Promise<Dossier> {
  deps.limits.checkLookup(address);
  const found = await deps.queue.read(() => dossierForCitizen(deps.dossiers, key));
  if (found) return found;
  deps.limits.lookupFailed(address);
  throw new DomainError('dossier_lookup_not_found', { code: key.code.trim().toUpperCase() });
}

export async function lookUpDossier(deps: LookupDeps, key: CitizenKey, address: string): Promise<LookupReply> {
  const d = await findForCitizen(deps, key, address);
  const procedure = d.procedureCode ? deps.catalog.find(d.procedureCode) : undefined;
  const where = { resultAt: procedure?.resultAt ?? null, counters: procedure ? deps.catalog.countersFor(procedure) : [] };
  const sourced = d.kind === 'linked' ? await deps.statusSource.statusOf(d.code) : null;
  const shown = sourced?.available ? { ...d, status: sourced.status, dueAt: sourced.dueAt ?? d.dueAt } : d;
  const provinceStatus = sourced === null ? null : sourced.available ? 'read' : 'unavailable';
  const timeZone = deps.time.settings().timeZone;
  const open = publicDossier(shown, deps.time.clock(), (at) => dayOf(at, timeZone));
  return { ...open, ...missingShown(d, procedure), ...where, provinceStatus };
}

/**
 * The papers still missing, as the public may read them: only names from the procedure's list of
 * papers (or the dossier's own), never what the clerk typed in a free line, which may hold a
 * name, an ID number or an address; those lines are only counted.
 */
function missingShown(d: Pick<Dossier, 'missingPapers' | 'papers'>, procedure: Procedure | undefined): Pick<LookupReply, 'missingPapers' | 'otherMissingPapers'> {
  const listed = new Set([...(procedure?.papers ?? []), ...d.papers].map((p) => p.name));
  const named = d.missingPapers.filter((m) => listed.has(m));
  return { missingPapers: [...new Set(named)], otherMissingPapers: d.missingPapers.filter((m) => !listed.has(m)).length };
}
