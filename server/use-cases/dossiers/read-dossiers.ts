// Staff reading dossiers: one in full, a ticket's dossiers, the open ones due soon, and the
// dossier desk's lists (due today, overdue, waiting for papers or fees, result ready). Each goes
// through the caller's scope (dossier-scope.ts) and is written to the read log.

import { DOSSIER_LIST_LIMIT, type DossierListView, type DossierReply } from '../../contract/dossiers.js';
import type { DossierRepository } from '../../db/dossier-repository.js';
import { dayOf } from '../../domain/calendar/hall-clock.js';
import type { Dossier } from '../../domain/dossier/dossier.js';
import { figureKeyOf } from '../../domain/dossier/dossier-figures.js';
import type { CommandRunner } from '../ports.js';
import { withTimeliness, type HallTime } from './dossier-view.js';
import { inScope, logRead, onlyInScope, type DossierCaller, type DossierScopeDeps, type ReadLogDeps } from './dossier-scope.js';

export interface ReadDossiersDeps extends DossierScopeDeps, ReadLogDeps {
  queue: Pick<CommandRunner, 'read'>;
  dossiers: Pick<DossierRepository, 'get' | 'ofTicket' | 'dueBefore' | 'open'>;
  time: HallTime;
}

export interface DossierListFilter {
  ticketId?: string;
  dueWithinHours?: number;
  counterId?: number;
  view?: DossierListView;
  /** With a view: only one procedure's (its code, or its name when it has none), as the console's figures group them. */
  procedure?: string;
  /** With a view: only those received by this clerk (their name). */
  receivedBy?: string;
  /** With a view: only those whose latest step this clerk took (their name). */
  heldBy?: string;
}

const LIST_LIMIT = DOSSIER_LIST_LIMIT;
/** The most the "due soon" list answers. */
const DUE_SOON_LIMIT = 200;
/** Rows read at a time while a list looks for the caller's dossiers. */
const PAGE = 200;

/** One dossier with its applicant, papers, steps and timeliness. */
export function dossierOf(deps: ReadDossiersDeps, code: string, caller: DossierCaller): Promise<DossierReply> {
  return deps.queue.read(() => {
    const d = inScope(deps, caller, deps.dossiers.get(code), code);
    logRead(deps, caller, [d], 'view');
    return withTimeliness(deps.time, d);
  });
}

/**
 * Of the dossiers a filter finds, those the caller handles, with their timeliness: a ticket's
 * dossiers; or one of the desk's lists (view); or the open dossiers due within some hours (48 by
 * default). The last two optionally of one counter.
 */
export function listDossiers(deps: ReadDossiersDeps, filter: DossierListFilter, caller: DossierCaller): Promise<DossierReply[]> {
  return deps.queue.read(() => {
    const shown = dossiersMatching(deps, filter, caller);
    logRead(
      deps,
      caller,
      shown.map(([d]) => d),
      'list',
    );
    return shown.map(([, reply]) => reply);
  });
}

/**
 * The caller's dossiers a filter finds, each with its reply. The lists are read page by page,
 * filtered by the caller's scope, the counter and the desk's view as they go, until enough are
 * found or none are left: a clerk of one agency sees all of theirs, however many of other
 * agencies' are due first.
 */
function dossiersMatching(deps: ReadDossiersDeps, filter: DossierListFilter, caller: DossierCaller): [Dossier, DossierReply][] {
  const { ticketId, dueWithinHours, counterId, view } = filter;
  const reply = (d: Dossier): [Dossier, DossierReply] => [d, withTimeliness(deps.time, d)];
  if (ticketId) return onlyInScope(deps, caller, deps.dossiers.ofTicket(ticketId)).map(reply);
  const ofCounter = (d: Dossier) => counterId === undefined || d.counterId === counterId;
  const inList = view ? deskView(view, deps.time) : () => true;
  const inFigure = view ? ofFigure(filter) : () => true;
  const inView = (d: Dossier, r: DossierReply) => inList(r) && inFigure(d);
  const before = deps.time.clock() + (dueWithinHours ?? 48) * 3_600_000;
  const page = view ? (offset: number) => deps.dossiers.open(PAGE, offset) : (offset: number) => deps.dossiers.dueBefore(before, PAGE, offset);
  const limit = view ? LIST_LIMIT : DUE_SOON_LIMIT;
  const found: [Dossier, DossierReply][] = [];
  for (let offset = 0; found.length < limit; offset += PAGE) {
    const rows = page(offset);
    for (const [d, r] of onlyInScope(deps, caller, rows.filter(ofCounter)).map(reply)) if (inView(d, r) && found.length < limit) found.push([d, r]);
    if (rows.length < PAGE) break;
  }
  return found;
}

/** Whether a dossier is in the group a console figure counts (every one when no group is asked). */
function ofFigure(filter: DossierListFilter): (d: Dossier) => boolean {
  const asked = (['procedure', 'receivedBy', 'heldBy'] as const).filter((g) => filter[g] !== undefined);
  return (d) => asked.every((g) => figureKeyOf(g, d) === filter[g]);
}

/** Whether an open dossier belongs to one of the desk's lists. */
export function deskView(view: DossierListView, time: HallTime): (d: DossierReply) => boolean {
  const timeZone = time.settings().timeZone;
  const today = dayOf(time.clock(), timeZone);
  switch (view) {
    case 'open':
      return () => true;
    case 'due_today':
      // A limit in days ends at 24:00 of its last day, the first instant of the next: that day is the one it is due.
      return (d) => d.status !== 9 && d.dueAt !== null && dayOf(d.dueAt - 1, timeZone) === today;
    case 'overdue':
      return (d) => d.timeliness === 'overdue';
    case 'papers':
      return (d) => d.status === 5;
    case 'fees':
      return (d) => d.status === 6;
    case 'ready':
      return (d) => d.status === 9;
  }
}
