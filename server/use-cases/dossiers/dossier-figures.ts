// The leader's dossier figures (the manager console's "Hồ sơ" screen): the open dossiers due
// today, overdue, waiting for papers, waiting for fees and with their result ready, in all, per
// procedure and per clerk. Counted over the dossiers the caller handles (a manager: the
// centre's), by the same lists the desk shows, so each figure is the length of the list behind it
// (GET /api/dossiers?view=…&procedure=…|receivedBy=…|heldBy=…). Counts and names only: no
// applicant's data, so nothing goes to the read log.

import type { DossierRepository } from '../../db/dossier-repository.js';
import type { DossierFiguresReply } from '../../contract/dossiers.js';
import { dossierFigures, FIGURE_LISTS } from '../../domain/dossier/dossier-figures.js';
import type { CommandRunner } from '../ports.js';
import { withTimeliness, type HallTime } from './dossier-view.js';
import { onlyInScope, type DossierCaller, type DossierScopeDeps } from './dossier-scope.js';
import { deskView } from './read-dossiers.js';

export interface DossierFiguresDeps extends DossierScopeDeps {
  queue: Pick<CommandRunner, 'read'>;
  dossiers: Pick<DossierRepository, 'everyOpen'>;
  time: HallTime;
}

export function dossierFiguresOf(deps: DossierFiguresDeps, caller: DossierCaller): Promise<DossierFiguresReply> {
  return deps.queue.read(() => {
    const open = onlyInScope(deps, caller, deps.dossiers.everyOpen()).map((d) => withTimeliness(deps.time, d));
    const inList = FIGURE_LISTS.map((list) => [list, deskView(list, deps.time)] as const);
    const figures = dossierFigures(open, (d) => inList.filter(([, has]) => has(d)).map(([list]) => list));
    return { at: deps.time.clock(), ...figures };
  });
}
