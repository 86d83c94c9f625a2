import { describe, expect, it } from 'vitest';
import { coversDossier, type DossierScope, type DossierScopeFacts } from '../../server/domain/dossier/dossier-scope.js';

// Counter 1 serves civil status (HT), counter 11 electricity (DIEN) and holds ticket T-11.
const facts: DossierScopeFacts = {
  fieldOf: (code) => ({ 'HT.01': 'Hộ tịch', 'CT.01': 'Chứng thực', 'DD.01': 'Đất đai' })[code],
  servicesOf: (counterId) => ({ 1: ['HT'], 11: ['DIEN'] })[counterId] ?? [],
  ticketAt: (counterId) => (counterId === 11 ? 'T-11' : null),
};
const marriage = { procedureCode: 'HT.01', serviceId: 'HT', ticketId: 'T-1', returnTicketIds: [] };
const land = { procedureCode: 'DD.01', serviceId: 'DD', ticketId: 'T-3', returnTicketIds: [] };
const clerk = (counterId: number | null, fields: string[] = [], services: string[] = []): DossierScope => ({ all: false, counterId, fields, services });

describe('whose dossiers a person handles', () => {
  it('a manager: all of them', () => {
    expect(coversDossier({ all: true }, land, facts)).toBe(true);
  });

  it('a clerk with no fields listed: those of the services of their counter', () => {
    expect(coversDossier(clerk(1), marriage, facts)).toBe(true);
    expect(coversDossier(clerk(1), land, facts)).toBe(false);
    expect(coversDossier(clerk(11), marriage, facts)).toBe(false);
  });

  it('fields as the catalogue names them, whatever the case or diacritics; listed ones replace the counter’s', () => {
    expect(coversDossier(clerk(11, ['đất Đai']), land, facts)).toBe(true);
    expect(coversDossier(clerk(1, ['Đất đai']), marriage, facts)).toBe(false);
    expect(coversDossier(clerk(null, [], ['HT']), marriage, facts)).toBe(true);
    // A procedure gone from the catalogue is judged by its service only.
    expect(coversDossier(clerk(null, ['Hộ tịch']), { ...marriage, procedureCode: 'HT.99' }, facts)).toBe(false);
    // A province dossier has no procedure: its service decides.
    expect(coversDossier(clerk(null, [], ['DD']), { ...land, procedureCode: null }, facts)).toBe(true);
  });

  it('whatever the fields, the dossier of the ticket the counter holds now, taken to open it or collect its result', () => {
    expect(coversDossier(clerk(11, [], ['DIEN']), { ...land, ticketId: 'T-11' }, facts)).toBe(true);
    expect(coversDossier(clerk(11, [], ['DIEN']), { ...land, returnTicketIds: ['T-5', 'T-11'] }, facts)).toBe(true);
    expect(coversDossier(clerk(11, [], ['DIEN']), land, facts)).toBe(false);
    // Back office holds no counter, so no ticket.
    expect(coversDossier(clerk(null, ['Hộ tịch']), land, facts)).toBe(false);
  });
});
