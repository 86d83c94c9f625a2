// The procedures guide: search as you type (with or without diacritics), one procedure with its
// papers and the counters that receive it, the due date it would have if received at a time, and
// a manager's import of the whole catalogue (JSON or CSV).

import { CatalogError, catalogFromCsv, catalogFromData } from '../../config/procedure-file.js';
import type { ProcedureGuideEntry } from '../../contract/dossiers.js';
import { DomainError } from '../../domain/domain-error.js';
import { localTime } from '../../domain/calendar/hall-clock.js';
import type { HallSettings } from '../../domain/hall/hall-definition.js';
import { describeProcessing, dueHasTime, timeLimitOf, type Procedure } from '../../domain/dossier/procedures.js';
import type { HallCalendar } from '../../domain/calendar/hall-calendar.js';
import type { ProcedureCatalog } from '../../services/procedure-catalog.js';
import type { CommandRunner } from '../ports.js';

export interface GuideDeps {
  catalog: Pick<ProcedureCatalog, 'search' | 'get' | 'countersFor'>;
}

function guideEntry(catalog: Pick<ProcedureCatalog, 'countersFor'>, p: Procedure): ProcedureGuideEntry {
  return { ...p, counters: catalog.countersFor(p), processingWords: describeProcessing(p.processing) };
}

export function searchProcedures(deps: GuideDeps, query: string, serviceId: string | undefined): ProcedureGuideEntry[] {
  return deps.catalog.search(query, serviceId).map((p) => guideEntry(deps.catalog, p));
}

export function procedureOf(deps: GuideDeps, code: string): ProcedureGuideEntry {
  return guideEntry(deps.catalog, deps.catalog.get(code));
}

export interface DueDateDeps {
  catalog: Pick<ProcedureCatalog, 'get'>;
  calendar: () => HallCalendar;
  settings: () => Pick<HallSettings, 'timeZone'>;
  clock: () => number;
}

/** When the result is due if the dossier is received at `at` (now by default), in the hall's working time. */
export function dueDateOf(deps: DueDateDeps, code: string, at: number | undefined) {
  const procedure = deps.catalog.get(code);
  const receivedAt = at ?? deps.clock();
  const calendar = deps.calendar();
  const dueAt = calendar.dueAt(receivedAt, timeLimitOf(procedure.processing, calendar.workingMinutesPerDay));
  // A limit in days runs to the end of its last day (24:00, Civil Code art. 148): that day is the due day.
  const withTime = dueHasTime(procedure.processing);
  const local = localTime(withTime ? dueAt : dueAt - 1, deps.settings().timeZone);
  const hhmm = `${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:${String(local.minutes % 60).padStart(2, '0')}`;
  return { receivedAt, startsAt: calendar.addWorkingMinutes(receivedAt, 0), dueAt, dueDay: local.day, dueTime: withTime ? hhmm : null };
}

export interface ReplaceCatalogDeps {
  queue: Pick<CommandRunner, 'read'>;
  catalog: Pick<ProcedureCatalog, 'replace'>;
}

/** Replaces the whole catalogue with a JSON list or CSV text; a faulty one is refused whole. */
export async function replaceCatalog(deps: ReplaceCatalogDeps, upload: unknown): Promise<{ count: number }> {
  let list: Procedure[];
  try {
    list = typeof upload === 'string' ? catalogFromCsv(upload, 'the uploaded CSV') : catalogFromData(upload, 'the uploaded list');
  } catch (error) {
    if (error instanceof CatalogError) throw new DomainError('catalog_invalid', { problems: error.problems.slice(0, 5).join('; ') });
    throw error;
  }
  await deps.queue.read(() => deps.catalog.replace(list));
  return { count: list.length };
}
