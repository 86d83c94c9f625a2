// The checks a configuration change made in the console passes: the hall file's own schema and
// rules, each problem with its field and its words in Vietnamese and English.

import { describe, expect, it } from 'vitest';
import { demoHall } from '../../server/config/demo-hall.js';
import { counterEntryOf, counterOfEntry, entryProblems, hallFromData, HallSettingsChangeSchema, serviceEntryOf, serviceOfEntry } from '../../server/config/hall-file.js';
import { checkHallDefinition, hallProblems } from '../../server/config/hall-rules.js';
import { smallHall } from '../helpers/hall-fixture.js';

const VIETNAMESE = /[ăâđêôơưáàảãạếềểễệíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i;

describe('a service or counter checked against the hall file', () => {
  it('names each wrong field of a service, in both languages', () => {
    const { def, problems } = serviceOfEntry({ id: 'NEW', name: { vi: 'Mới', en: 'New' }, color: 'red', numbering: { prefix: 'q' }, dailyMax: 'many' });
    expect(def).toBeNull();
    expect(problems.map((p) => p.field).sort()).toEqual(['services.NEW.color', 'services.NEW.dailyMax', 'services.NEW.numbering']);
    const color = problems.find((p) => p.field === 'services.NEW.color')!;
    expect(color.vi).toBe('phải là một màu dạng #1565c0');
    expect(color.en).toBe('services.NEW.color: must be a colour such as #1565c0');
    for (const p of problems) expect(p.vi).toMatch(VIETNAMESE);
  });

  it('names a field the file does not know, and one that is missing', () => {
    const { problems } = counterOfEntry({ id: 9, services: ['HT'], colour: '#fff' });
    expect(problems).toEqual([{ field: 'counters.9.colour', vi: 'trường "colour" không được hỗ trợ', en: 'counters.9.colour: "colour" is not a known field' }]);
    expect(counterOfEntry({ id: 9 }).problems.map((p) => p.field)).toEqual(['counters.9.services']);
  });

  it('checks a hall setting with the file’s own pattern', () => {
    const problems = entryProblems(HallSettingsChangeSchema, { agencyCode: 'H56', publicUrl: 'ftp://x' }, 'hall');
    expect(problems.map((p) => [p.field, p.vi])).toEqual([
      ['hall.agencyCode', 'phải là mã định danh cơ quan, ví dụ 000.00.14.H56'],
      ['hall.publicUrl', 'phải là địa chỉ dạng http://192.168.1.10:8080'],
    ]);
  });

  it('reads hours as the file does, and refuses a closing before the opening', () => {
    const { problems } = serviceOfEntry({ id: 'SAT', name: 'Thứ bảy', numbering: { prefix: 'S' }, hours: { sat: ['11:30-07:30'] } });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('services.SAT.hours');
    expect(problems[0]!.vi).toMatch(/^giờ phục vụ không hợp lệ/);
  });
});

describe('the whole hall checked by the file’s rules', () => {
  it('names the service of a duplicate prefix and the counter of a service that does not exist', () => {
    const hall = smallHall();
    const { def } = serviceOfEntry({ id: 'NEW', name: 'Mới', numbering: { prefix: 'A' } });
    const { def: counter } = counterOfEntry({ id: 7, services: ['NOPE'] });
    const problems = hallProblems({ ...hall, services: [...hall.services, def!], counters: [...hall.counters, counter!] });
    const overlap = {
      vi: 'dịch vụ HT và NEW có thể in trùng số: hãy cho mỗi dịch vụ một chữ đầu số hoặc một dải số riêng',
      en: 'services HT and NEW could print the same ticket number: give them different prefixes or blocks',
    };
    expect(problems).toEqual([
      { field: 'services.HT.numbering', ...overlap },
      {
        field: 'services.NEW.numbering',
        vi: 'dịch vụ HT và NEW có thể in trùng số: hãy cho mỗi dịch vụ một chữ đầu số hoặc một dải số riêng',
        en: 'services HT and NEW could print the same ticket number: give them different prefixes or blocks',
      },
      { field: 'counters.7.services', vi: 'quầy 7 phục vụ "NOPE", không có dịch vụ này', en: 'counter 7 serves "NOPE", which is not a service' },
    ]);
    // The hall file at start says the same, in the words it always used.
    expect(checkHallDefinition({ ...hall, services: [...hall.services, def!] })).toEqual(['services HT and NEW could print the same ticket number: give them different prefixes or blocks']);
  });

  it('has no problem with the demo hall', () => {
    expect(hallProblems(demoHall())).toEqual([]);
  });
});

describe('a running service or counter written back as the hall file writes it', () => {
  it('reads back into the same definition, hours included', () => {
    const hall = demoHall();
    for (const s of hall.services) expect(serviceOfEntry(serviceEntryOf(s)).def).toEqual(s);
    for (const c of hall.counters) expect(counterOfEntry(counterEntryOf(c)).def).toEqual(c);
    const withHours = hallFromData(
      {
        hall: { name: 'Thử', agencyCode: '000.00.14.H56' },
        services: [{ id: 'HT', name: 'Hộ tịch', numbering: { prefix: 'A' }, hours: { 'mon-fri': ['07:30-11:30', '13:30-17:00'], sat: ['07:30-11:30'] } }],
        counters: [{ id: 1, services: [{ service: 'HT', weight: 2 }], selection: 'in_order' }],
      },
      'test',
    );
    expect(serviceOfEntry(serviceEntryOf(withHours.services[0]!)).def).toEqual(withHours.services[0]);
    expect(counterEntryOf(withHours.counters[0]!)).toEqual({ id: 1, name: { vi: 'Quầy 1', en: 'Counter 1' }, services: [{ service: 'HT', weight: 2 }], selection: 'in_order' });
  });
});
