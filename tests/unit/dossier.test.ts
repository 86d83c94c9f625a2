import { describe, expect, it } from 'vitest';
import { checkCodeIn, citizenEntryIn, dossierCodeIn, lookupAddress } from '../../server/contract/dossiers.js';
import { CHECK_CODE_ALPHABET, CHECK_CODE_PATTERN, dossierCode, isCitizenId, maskName, newCheckCode, shortCodeOf, timelinessOf } from '../../server/domain/dossier/dossier.js';
import { typeIntoCode } from '../../web-shared/dossier-key-typing.js';

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

  it('have a check code of letters that cannot be read as another, drawn from the source given', () => {
    for (const confusable of '0ODQ1IL2Z5S8B') expect(CHECK_CODE_ALPHABET).not.toContain(confusable);
    expect(newCheckCode(() => 0)).toBe('333333');
    expect(newCheckCode((n) => n - 1)).toBe('YYYYYY');
    // Drawn evenly: every letter of the alphabet comes up, and nothing else.
    let i = 0;
    const drawn = Array.from({ length: 40 }, () => newCheckCode((n) => i++ % n)).join('');
    expect(new Set(drawn)).toEqual(new Set(CHECK_CODE_ALPHABET));
    expect(new RegExp(CHECK_CODE_PATTERN).test('7kx4ma')).toBe(true);
    expect(new RegExp(CHECK_CODE_PATTERN).test('7KX4M0')).toBe(false);
  });

  it('are found with their check code in the slip QR address, or typed in their short form', () => {
    const url = lookupAddress('http://192.168.1.10:8080/', '000.00.14.H17-261203-0007', '7KX4MA');
    expect(url).toBe('http://192.168.1.10:8080/lookup/?code=000.00.14.H17-261203-0007&check=7KX4MA');
    expect(citizenEntryIn(url)).toEqual({ code: '000.00.14.H17-261203-0007', check: '7KX4MA' });
    // A page puts what the scanner typed in capitals.
    expect(citizenEntryIn(url.toUpperCase())).toEqual({ code: '000.00.14.H17-261203-0007', check: '7KX4MA' });
    expect(citizenEntryIn('261203-0007')).toEqual({ code: '261203-0007', check: null });
    expect(citizenEntryIn('2612030007')).toEqual({ code: '261203-0007', check: null });
    expect(citizenEntryIn('261203-007')).toBeNull();
    expect(shortCodeOf('000.00.14.H17-261203-0007')).toBe('261203-0007');
    expect(checkCodeIn(' 7kx 4ma ')).toBe('7KX4MA');
    expect(checkCodeIn('7KX4M')).toBeNull();
    expect(checkCodeIn('7KX4MS')).toBeNull();
    // On the on-screen keyboard the dash of the short form comes by itself.
    const typed = [...'2612030007'].reduce(typeIntoCode, '');
    expect(typed).toBe('261203-0007');
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
