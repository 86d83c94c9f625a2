// Replies about procedures and dossiers as pages read them (the lookup terminal, the counter
// page, the phone page).

import { CHECK_CODE_ALPHABET, CHECK_CODE_LENGTH, DOSSIER_CODE_PATTERN, SHORT_CODE_PATTERN, type PublicDossier } from '../domain/dossier/dossier.js';
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
/** The most dossiers one list answers (soonest due first); the figures count them all. */
export const DOSSIER_LIST_LIMIT = 500;

export const DOSSIER_LIST_VIEWS = ['open', 'due_today', 'overdue', 'papers', 'fees', 'ready'] as const;
export type DossierListView = (typeof DOSSIER_LIST_VIEWS)[number];

/** The manager console's dossier figures (GET /api/dossiers/figures), counted at `at`. */
export type DossierFiguresReply = import('../domain/dossier/dossier-figures.js').DossierFigures & { at: number };
export type { FigureList, FigureRow, FigureCounts } from '../domain/dossier/dossier-figures.js';

/** The address a slip's QR carries: the lookup page with the code and the check code, e.g. http://192.168.1.10:8080/lookup/?code=…&check=… */
export function lookupAddress(baseUrl: string, code: string, check: string): string {
  return `${baseUrl.replace(/\/$/, '')}/lookup/?code=${encodeURIComponent(code)}&check=${encodeURIComponent(check)}`;
}

const SHORT_INSIDE = new RegExp(`(?:^|[^0-9])(${SHORT_CODE_PATTERN.slice(1, -1)})(?:$|[^0-9])`);
// Case-blind: the pages put what was typed or scanned in capitals.
const CHECK_INSIDE = new RegExp(`[?&]check=([${CHECK_CODE_ALPHABET}]{${CHECK_CODE_LENGTH}})(?:&|$)`, 'i');

/** What a citizen gave: the code (whole or short) and, when the slip's QR was scanned, its check code. */
export interface CitizenEntry {
  code: string;
  check: string | null;
}

/**
 * The code and check code inside what a scanner typed (the slip's QR address) or a citizen typed:
 * a whole code, or its short form (261203-0007, or its ten digits 2612030007). Null when there is
 * no code.
 */
export function citizenEntryIn(text: string): CitizenEntry | null {
  const trimmed = text.trim();
  const check = CHECK_INSIDE.exec(trimmed)?.[1]?.toUpperCase() ?? null;
  const whole = dossierCodeIn(trimmed);
  if (whole) return { code: whole, check };
  const digits = /^[0-9]{10}$/.test(trimmed) ? `${trimmed.slice(0, 6)}-${trimmed.slice(6)}` : null;
  const short = digits ?? SHORT_INSIDE.exec(trimmed)?.[1] ?? null;
  return short ? { code: short, check } : null;
}

/** A check code as typed: capitals, spaces gone; null when it cannot be one. */
export function checkCodeIn(text: string): string | null {
  const cleaned = text.replace(/\s+/g, '').toUpperCase();
  return cleaned.length === CHECK_CODE_LENGTH && [...cleaned].every((c) => CHECK_CODE_ALPHABET.includes(c)) ? cleaned : null;
}
export { CHECK_CODE_ALPHABET, CHECK_CODE_LENGTH };
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
