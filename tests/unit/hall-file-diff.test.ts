// The differences between the running hall and a hall file, as the import's preview shows them,
// and the export read back by the hall file's own loader: pure, no hub.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoHall } from '../../server/config/demo-hall.js';
import { hallFileChanges, shown } from '../../server/config/hall-diff.js';
import { hallFileText } from '../../server/config/hall-file-export.js';
import { hallFromText, hoursEntryOf, readHallFile } from '../../server/config/hall-file.js';
import { smallHall } from '../helpers/hall-fixture.js';

describe('the differences a hall file makes', () => {
  it('finds none between a hall and its own export', () => {
    const hall = demoHall();
    const back = hallFromText(hallFileText(hall, 'now'), '/tmp/hall.yaml');
    expect(hallFileChanges(hall, back)).toEqual([]);
  });

  it('groups differences by section: the live hall fields apart from the others; services added, changed field by field, removed', () => {
    const running = smallHall();
    const file = smallHall({
      hall: { name: 'Bộ phận Một cửa mới', noShowRestoreMinutes: 30 },
      services: [
        { id: 'HT', name: { vi: 'Hộ tịch', en: 'Civil status' }, numbering: { prefix: 'A', digits: 4 }, dailyMax: 50 },
        { id: 'DD', name: { vi: 'Đất đai', en: 'Land' }, numbering: { prefix: 'B', digits: 3 } },
        { id: 'XD', name: 'Xây dựng', numbering: { prefix: 'C' } },
      ],
      counters: [
        { id: 1, services: ['HT', { service: 'XD', weight: 2 }] },
        { id: 2, services: ['HT', 'DD'] },
      ],
    });
    const changes = hallFileChanges(running, file);
    expect(changes.map((s) => s.section)).toEqual(['hall', 'services', 'counters']);
    expect(changes[0]!.items).toEqual([
      { id: 'hall', name: 'Bộ phận Một cửa mới', change: 'changed', live: true, fields: [{ field: 'name', before: 'Bộ phận Một cửa thử nghiệm', after: 'Bộ phận Một cửa mới' }] },
      { id: 'hall', name: 'Bộ phận Một cửa mới', change: 'changed', live: false, fields: [{ field: 'noShowRestoreMinutes', before: '15', after: '30' }] },
    ]);
    expect(changes[1]!.items).toEqual([
      {
        id: 'HT',
        name: 'Hộ tịch',
        change: 'changed',
        live: true,
        fields: [
          { field: 'name', before: 'Tư pháp - Hộ tịch / Civil status', after: 'Hộ tịch / Civil status' },
          { field: 'numbering', before: '{ prefix: A; digits: 3 }', after: '{ prefix: A; digits: 4 }' },
          { field: 'dailyMax', before: null, after: '50' },
        ],
      },
      expect.objectContaining({ id: 'XD', name: 'Xây dựng', change: 'added', live: true }),
      { id: 'CA', name: 'Công an', change: 'removed', live: true, fields: [] },
    ]);
    expect(changes[2]!.items).toEqual([
      { id: '1', name: 'Quầy 1', change: 'changed', live: true, fields: [{ field: 'services', before: 'HT', after: 'HT, { service: XD; weight: 2 }' }] },
      { id: '3', name: 'Quầy 3', change: 'removed', live: true, fields: [] },
    ]);
  });

  it('shows devices and accounts as not applied live, and never compares secrets', () => {
    const running = demoHall();
    const file = { ...running, kiosks: running.kiosks.map((k) => ({ ...k, token: 'another-token-of-the-file', name: { vi: 'Máy sảnh', en: 'Hall kiosk' } })) };
    file.staff = running.staff.map((s) => ({ ...s, passwordHash: 'scrypt$1$2$3$x$y' }));
    const changes = hallFileChanges(running, file);
    expect(changes.map((s) => s.section)).toEqual(['kiosks', 'staff']);
    expect(changes[0]!.items[0]).toEqual({
      id: 'K1',
      name: 'Máy sảnh',
      change: 'changed',
      live: false,
      fields: [
        { field: 'name', before: expect.any(String), after: 'Máy sảnh / Hall kiosk' },
        { field: 'token', before: '•••', after: '•••' },
      ],
    });
    expect(changes[1]!.items.every((i) => !i.live && i.fields.length === 1 && i.fields[0]!.field === 'passwordHash')).toBe(true);
    // Said, never shown.
    expect(JSON.stringify(changes)).not.toMatch(/another-token|scrypt/);
    // A file without secrets (an export) says nothing of them.
    const withoutSecrets = { ...running, kiosks: running.kiosks.map((k) => ({ ...k, token: '', tokenHash: null })), staff: running.staff.map((s) => ({ ...s, passwordHash: '' })) };
    expect(hallFileChanges(running, withoutSecrets)).toEqual([]);
  });

  it('says a catalogue the file names is not imported with it', () => {
    const running = demoHall();
    const changes = hallFileChanges(running, { ...running, catalogFile: '/somewhere/thu-tuc.csv' });
    expect(changes).toEqual([{ section: 'hall', items: [expect.objectContaining({ live: false, fields: [{ field: 'catalog', before: null, after: 'thu-tuc.csv' }] })] }]);
  });

  it('writes values as a person reads them', () => {
    expect(shown({ vi: 'Đất đai', en: 'Land' })).toBe('Đất đai / Land');
    expect(shown(['F1', 'Numpad1'])).toBe('F1, Numpad1');
    expect(shown(null)).toBe('—');
    expect(shown(undefined)).toBeNull();
  });
});

describe('the export and the upload', () => {
  it('writes runs of equal weekdays as one, as a person would', () => {
    const hall = demoHall();
    expect(hoursEntryOf(hall.settings.hours!)).toEqual({ 'mon-fri': ['07:30-11:30', '13:30-17:00'] });
    expect(hoursEntryOf(hall.services.find((s) => s.id === 'HT')!.hours!)).toEqual({ 'mon-fri': ['07:30-11:30', '13:30-17:00'], sat: ['07:30-11:30'] });
  });

  it('has no secret and a header that says how secrets are kept', () => {
    const text = hallFileText(demoHall(), 'now');
    const data = parse(text);
    expect(data.kiosks.every((k: any) => !('token' in k))).toBe(true);
    expect(data.ratingTablets.every((t: any) => !('token' in t))).toBe(true);
    expect(data.staff.every((s: any) => !('passwordHash' in s))).toBe(true);
    expect(data.hall.statusSource).toBeUndefined();
    expect(text.split('\n')[0]).toMatch(/^# Hall file of /);
    expect(text).toMatch(/^# - accounts have no `passwordHash:`/m);
  });

  it('names each problem of an upload by its path, with the item named by its id', () => {
    const text = hallFileText(demoHall(), 'now');
    const data = parse(text);
    data.services[1].color = 'blue';
    data.counters[0].services.push('NOPE');
    const { def, problems } = readHallFile(JSON.stringify(data));
    expect(def).toBeNull();
    expect(problems.map((p) => p.field)).toContain('services.DD.color');
    expect(problems.find((p) => p.field === 'services.DD.color')).toMatchObject({ vi: 'phải là một màu dạng #1565c0' });
    expect(readHallFile('a: [').problems[0]!.field).toBe('(file)');
    expect(readHallFile('- 1').problems[0]!.field).toBe('(file)');
    // A counter serving a service the hall does not have: the hall file's rules name it.
    const sound = parse(text);
    sound.counters[0].services.push('NOPE');
    const unknown = readHallFile(JSON.stringify(sound));
    expect(unknown.def).toBeNull();
    expect(unknown.problems.find((p) => p.field.startsWith('counters.1'))?.en).toContain('NOPE');
  });
});
