// The steps a dossier may take and the statuses each leaves from: the engine decides by this
// table, and the dossier desk offers only the steps it allows (through contract/page-rules.ts).

import { DOSSIER_ACTION_WORDS, type DossierStatus } from './dossier.js';
import type { LocalizedText } from '../localized-text.js';

export const DOSSIER_ACTIONS = ['start', 'requestPapers', 'supplement', 'requestFees', 'feesPaid', 'complete', 'withdraw', 'stop', 'returnResult', 'apologize'] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

// Every action has its words (dossier.ts), so a refusal never shows an action's code name.
const actionWords: Record<DossierAction, LocalizedText> = DOSSIER_ACTION_WORDS;
void actionWords;

/** Which statuses each action leaves from, and where it goes (null: stays). */
export const DOSSIER_STEPS: Record<DossierAction, { from: DossierStatus[]; to: DossierStatus | null }> = {
  start: { from: [2], to: 4 },
  requestPapers: { from: [2, 4], to: 5 },
  supplement: { from: [5], to: null },
  requestFees: { from: [2, 4], to: 6 },
  feesPaid: { from: [6], to: 4 },
  complete: { from: [2, 4], to: 9 },
  withdraw: { from: [2, 4, 5, 6], to: 7 },
  stop: { from: [2, 4, 5, 6], to: 8 },
  returnResult: { from: [9], to: 10 },
  apologize: { from: [2, 4, 5, 6], to: null },
};

/** The steps a dossier in this status may take, in the table's order. */
export function dossierActionsFrom(status: DossierStatus): DossierAction[] {
  return DOSSIER_ACTIONS.filter((a) => DOSSIER_STEPS[a].from.includes(status));
}
