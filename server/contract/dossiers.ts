// Replies about procedures and dossiers as pages read them (the lookup terminal, the counter
// page, the phone page).

import { DOSSIER_CODE_PATTERN, type PublicDossier } from '../domain/dossier/dossier.js';
import type { LocalizedText } from '../domain/localized-text.js';
import type { Procedure } from '../domain/dossier/procedures.js';

export type { Dossier, DossierStatus, PublicDossier } from '../domain/dossier/dossier.js';
export { DOSSIER_STATUSES } from '../domain/dossier/dossier.js';

const CODE_INSIDE = new RegExp(DOSSIER_CODE_PATTERN.slice(1, -1), 'i');

/**
 * The dossier code inside what a citizen typed or a scanner read (the slip's QR may hold a whole
 * address, …/lookup/?code=…), in capitals; null when there is none.
 */
export function dossierCodeIn(text: string): string | null {
  const match = CODE_INSIDE.exec(text.trim());
  return match ? match[0].toUpperCase() : null;
}
/**
 * The dossier desk's lists (GET /api/dossiers?view=): every open dossier, those due today,
 * those past their due date, those waiting for papers or for fees, and results ready to hand over.
 */
export const DOSSIER_LIST_VIEWS = ['open', 'due_today', 'overdue', 'papers', 'fees', 'ready'] as const;
export type DossierListView = (typeof DOSSIER_LIST_VIEWS)[number];

export type { DossierAction } from '../domain/dossier/dossier-engine.js';
export type { Paper, PaperKind, Procedure } from '../domain/dossier/procedures.js';

/** GET /api/procedures and /api/procedures/:code: a procedure with the counters that receive it. */
export interface ProcedureGuideEntry extends Procedure {
  counters: number[];
  processingWords: LocalizedText;
}

/** GET /api/lookup/:code: what anyone may see of a dossier, and where to go. */
export interface LookupReply extends PublicDossier {
  /** How many missing papers the clerk wrote in their own words: counted, not shown (missingPapers holds only the procedure's paper names). */
  otherMissingPapers: number;
  resultAt: string | null;
  counters: number[];
  /** For a dossier of the province's system: whether its status could be read from there now. */
  provinceStatus: 'read' | 'unavailable' | null;
}

/** GET /api/dossiers and the commands' replies: the dossier with its timeliness. */
export type DossierReply = import('../domain/dossier/dossier.js').Dossier & { timeliness: import('../domain/dossier/dossier.js').Timeliness };
