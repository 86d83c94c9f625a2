// Citizens are addressed one way on every screen and paper they meet: "công dân", as the hall's
// voice and display call them. A stray "bạn", "Quý khách" or "Ông/Bà" in any citizen-facing
// dictionary, ticket or slip text, or the demo hall's own texts fails here.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CITIZEN_TEXTS = [
  'kiosk/src/i18n.ts',
  'display/src/i18n.ts',
  'lookup/src/i18n.ts',
  'rating/src/i18n.ts',
  'server/use-cases/tickets/ticket-content.ts',
  'server/use-cases/dossiers/slips/slip-content.ts',
  'config/demo-hall.yaml',
];

const OTHER_FORMS = /(?<![\p{L}])(bạn|quý khách|ông\/bà|anh\/chị)(?![\p{L}])/giu;

describe('one form of address for citizens', () => {
  it.each(CITIZEN_TEXTS)('%s says "công dân", never another form', (file) => {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').filter((line) => !line.trim().startsWith('//') && !line.trim().startsWith('#'));
    expect(lines.filter((line) => OTHER_FORMS.test(line))).toEqual([]);
  });

  it('the kiosk and the ticket use it where they speak to the citizen', () => {
    expect(readFileSync('kiosk/src/i18n.ts', 'utf8')).toContain('Mời công dân');
    expect(readFileSync('server/use-cases/tickets/ticket-content.ts', 'utf8')).toContain('Công dân là người tiếp theo');
  });
});
