import { describe, expect, it } from 'vitest';
import { dossierCodeIn } from '../../server/contract/dossiers.js';
import { dossierCode, isCitizenId, maskName, timelinessOf } from '../../server/domain/dossier/dossier.js';

const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const at = (iso: string) => Date.parse(iso);

describe('dossiers', () => {
  it('are coded <agency code>-<YYMMDD>-<NNNN>', () => {
    expect(dossierCode('000.17.22.H56', '2021-05-31', 1)).toBe('000.17.22.H56-210531-0001');
    expect(dossierCode('000.00.14.H17', '2026-11-27', 123)).toBe('000.00.14.H17-261127-0123');
  });

  it('are found in what a scanner or a citizen typed', () => {
    expect(dossierCodeIn('000.00.14.H17-261127-0001')).toBe('000.00.14.H17-261127-0001');
    expect(dossierCodeIn(' http://192.168.1.10:8080/lookup/?code=000.00.14.h17-261127-0001 ')).toBe('000.00.14.H17-261127-0001');
    expect(dossierCodeIn('12345')).toBeNull();
    expect(dossierCodeIn('000.00.14.H17-26112-0001')).toBeNull();
  });

  it('take a 12-digit citizen ID that starts with a province code', () => {
    expect(isCitizenId('001099012345')).toBe(true);
    expect(isCitizenId('096199012345')).toBe(true);
    expect(isCitizenId('000099012345')).toBe(false);
    expect(isCitizenId('097099012345')).toBe(false);
    expect(isCitizenId('00109901234')).toBe(false);
    expect(isCitizenId('00109901234a')).toBe(false);
  });

  it('show the applicant as initials only', () => {
    expect(maskName('Nguyễn Văn An')).toBe('N*** V** A*');
    expect(maskName('  Đỗ   Thị Hạnh ')).toBe('Đ* T** H***');
    expect(maskName('Lý')).toBe('L*');
  });

  it('are early, on time or late by the day the result was ready, against the due day', () => {
    const due = at('2026-11-27T09:00:00Z');
    expect(timelinessOf({ dueAt: due, doneAt: at('2026-11-26T10:00:00Z'), status: 9 }, 0, day)).toBe('early');
    expect(timelinessOf({ dueAt: due, doneAt: at('2026-11-27T16:00:00Z'), status: 9 }, 0, day)).toBe('on_time');
    expect(timelinessOf({ dueAt: due, doneAt: at('2026-11-30T08:00:00Z'), status: 10 }, 0, day)).toBe('late');
    expect(timelinessOf({ dueAt: due, doneAt: null, status: 4 }, due - 1, day)).toBe('due');
    expect(timelinessOf({ dueAt: due, doneAt: null, status: 4 }, due + 1, day)).toBe('overdue');
    expect(timelinessOf({ dueAt: null, doneAt: null, status: 5 }, due, day)).toBeNull();
  });
});
