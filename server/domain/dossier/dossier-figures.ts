// The centre leader's dossier figures: how many open dossiers are due today, overdue, waiting
// for papers, waiting for fees, or with their result ready, in all, per procedure and per clerk
// (the clerk who received it, and the clerk who holds it: the one who took its latest step).
// Pure counting: the caller says which list a dossier is in (the desk's lists) and gives only the
// dossiers the reader may see.

import type { LocalizedText } from '../localized-text.js';
import type { Dossier } from './dossier.js';

/** The figures, each one of the desk's lists. */
export const FIGURE_LISTS = ['due_today', 'overdue', 'papers', 'fees', 'ready'] as const;
export type FigureList = (typeof FIGURE_LISTS)[number];
export type FigureCounts = Record<FigureList, number>;

/** How the figures are grouped; each group's key is what the list behind a figure filters by. */
export type FigureGrouping = 'procedure' | 'receivedBy' | 'heldBy';

export interface FigureRow {
  /** The procedure's code (or its name when it has none); the clerk's name. */
  key: string;
  name: LocalizedText;
  counts: FigureCounts;
}

export interface DossierFigures {
  totals: FigureCounts;
  byProcedure: FigureRow[];
  byReceiver: FigureRow[];
  byHolder: FigureRow[];
}

type Counted = Pick<Dossier, 'procedureCode' | 'procedureName' | 'steps'>;

/** Stands for a clerk's name where a dossier has no step (never the case for one received in luot). */
export const NOBODY = '—';

/** The key of a dossier in a grouping: its procedure, who received it, who holds it. */
export function figureKeyOf(grouping: FigureGrouping, d: Counted): string {
  switch (grouping) {
    case 'procedure':
      return d.procedureCode ?? d.procedureName.vi;
    case 'receivedBy':
      // The step that received it (status 2); a linked dossier's first step otherwise.
      return (d.steps.find((s) => s.status === 2) ?? d.steps[0])?.by ?? NOBODY;
    case 'heldBy':
      return d.steps.at(-1)?.by ?? NOBODY;
  }
}

const none = (): FigureCounts => ({ due_today: 0, overdue: 0, papers: 0, fees: 0, ready: 0 });

/**
 * Counts the dossiers of each list (a dossier may be in two: due today and waiting for papers),
 * in all and by group. Groups come in order of their name; a group with no dossier in any list
 * is left out.
 */
export function dossierFigures<D extends Counted>(dossiers: readonly D[], listsOf: (d: D) => readonly FigureList[]): DossierFigures {
  const totals = none();
  const groups: Record<FigureGrouping, Map<string, FigureRow>> = { procedure: new Map(), receivedBy: new Map(), heldBy: new Map() };
  for (const d of dossiers) {
    const lists = listsOf(d);
    if (lists.length === 0) continue;
    for (const list of lists) totals[list]++;
    for (const grouping of Object.keys(groups) as FigureGrouping[]) {
      const key = figureKeyOf(grouping, d);
      let row = groups[grouping].get(key);
      if (!row) {
        row = { key, name: grouping === 'procedure' ? d.procedureName : { vi: key, en: key }, counts: none() };
        groups[grouping].set(key, row);
      }
      for (const list of lists) row.counts[list]++;
    }
  }
  const sorted = (rows: Map<string, FigureRow>) => [...rows.values()].sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi') || a.key.localeCompare(b.key));
  return { totals, byProcedure: sorted(groups.procedure), byReceiver: sorted(groups.receivedBy), byHolder: sorted(groups.heldBy) };
}
