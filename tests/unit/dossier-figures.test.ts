// The leader's dossier figures counted by hand: per list, per procedure, per clerk who received
// a dossier and per clerk who took its latest step.

import { describe, expect, it } from 'vitest';
import { dossierFigures, figureKeyOf, NOBODY, type FigureList } from '../../server/domain/dossier/dossier-figures.js';

const step = (status: number, by: string) => ({ status: status as 2, at: 0, by, note: null });
const dossier = (procedureCode: string | null, name: string, steps: ReturnType<typeof step>[], lists: FigureList[]) => ({
  procedureCode,
  procedureName: { vi: name, en: name },
  steps,
  lists,
});

describe('dossier figures', () => {
  it('count each list in all and per group; a dossier in two lists counts in both; one in none is left out', () => {
    const dossiers = [
      dossier('HT.01', 'Đăng ký khai sinh', [step(2, 'Lan'), step(5, 'Bình')], ['papers', 'due_today']),
      dossier('HT.01', 'Đăng ký khai sinh', [step(2, 'Lan')], ['overdue']),
      dossier('CT.02', 'Chứng thực chữ ký', [step(2, 'Minh'), step(4, 'Bình'), step(9, 'Bình')], ['ready']),
      dossier('CT.02', 'Chứng thực chữ ký', [step(2, 'Minh')], []),
      // A province dossier linked without a code: grouped by its name, its first step the receiver.
      dossier(null, 'Cấp phép xây dựng', [step(4, 'Hương')], ['fees']),
    ];
    const f = dossierFigures(dossiers, (d) => d.lists);
    expect(f.totals).toEqual({ due_today: 1, overdue: 1, papers: 1, fees: 1, ready: 1 });
    expect(f.byProcedure.map((r) => [r.key, r.counts])).toEqual([
      ['Cấp phép xây dựng', { due_today: 0, overdue: 0, papers: 0, fees: 1, ready: 0 }],
      ['CT.02', { due_today: 0, overdue: 0, papers: 0, fees: 0, ready: 1 }],
      ['HT.01', { due_today: 1, overdue: 1, papers: 1, fees: 0, ready: 0 }],
    ]);
    expect(f.byReceiver.map((r) => [r.key, r.counts.papers + r.counts.overdue + r.counts.ready + r.counts.fees + r.counts.due_today])).toEqual([
      ['Hương', 1],
      ['Lan', 3],
      ['Minh', 1],
    ]);
    expect(f.byHolder.map((r) => [r.key, r.counts])).toEqual([
      ['Bình', { due_today: 1, overdue: 0, papers: 1, fees: 0, ready: 1 }],
      ['Hương', { due_today: 0, overdue: 0, papers: 0, fees: 1, ready: 0 }],
      ['Lan', { due_today: 0, overdue: 1, papers: 0, fees: 0, ready: 0 }],
    ]);
  });

  it('names the groups a dossier is counted in', () => {
    const d = dossier('HT.01', 'Đăng ký khai sinh', [step(1, 'Kiosk'), step(2, 'Lan'), step(4, 'Bình')], []);
    expect([figureKeyOf('procedure', d), figureKeyOf('receivedBy', d), figureKeyOf('heldBy', d)]).toEqual(['HT.01', 'Lan', 'Bình']);
    expect(figureKeyOf('heldBy', { ...d, steps: [] })).toBe(NOBODY);
  });
});
