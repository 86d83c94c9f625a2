import { describe, expect, it } from 'vitest';
import { demoHall } from '../../server/config/demo-hall.js';
import { hallFromText, HallFileError } from '../../server/config/hall-file.js';

function problems(yaml: string): string[] {
  try {
    hallFromText(yaml, 'hall.yaml');
  } catch (error) {
    if (error instanceof HallFileError) return error.problems;
    throw error;
  }
  return [];
}

describe('hall description files', () => {
  it('describes the demo ward centre: at least 20 services and 20 counters, some shared', () => {
    const hall = demoHall();
    expect(hall.services.length).toBeGreaterThanOrEqual(20);
    expect(hall.counters.length).toBeGreaterThanOrEqual(20);
    expect(hall.counters.filter((c) => c.services.length > 1).length).toBeGreaterThan(0);
    expect(hall.settings.agencyCode).toMatch(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/);
    expect(hall.services.map((s) => s.name.vi)).toEqual(
      expect.arrayContaining([
        'Tư pháp - Hộ tịch - Chứng thực',
        'Đất đai',
        'Xây dựng - Giao thông',
        'Đăng ký hộ kinh doanh',
        'Công an phường (cư trú, căn cước)',
        'Thuế cơ sở',
        'Bảo hiểm xã hội',
        'Chi nhánh Văn phòng đăng ký đất đai',
        'Trả kết quả',
      ]),
    );
    // A ward centre of 2026: no district names left in what citizens read.
    expect(hall.settings.name).toMatch(/^Trung tâm Phục vụ hành chính công phường /);
    expect(JSON.stringify(hall)).not.toMatch(/quận|huyện|District/i);
  });

  const WARD_DAY = [
    { start: 7 * 60 + 30, end: 11 * 60 + 30 },
    { start: 13 * 60 + 30, end: 17 * 60 },
  ];

  it('fills sensible defaults and accepts the shorthands', () => {
    const hall = hallFromText(
      `{"hall": {"name": "UBND xã An Phú", "agencyCode": "000.00.31.H40"},
        "services": [{"id": "HT", "name": "Hộ tịch", "numbering": {"prefix": "A"}},
                     {"id": "DD", "name": "Đất đai", "numbering": {"from": 101, "to": 199}}],
        "counters": [{"id": 1, "services": ["HT", {"service": "DD", "weight": 2}]}]}`,
      'hall.json',
    );
    expect(hall.settings).toMatchObject({
      timeZone: 'Asia/Ho_Chi_Minh',
      // Said nothing of its hours: a ward centre's, 07:30-11:30 and 13:30-17:00, Monday to Friday.
      hours: [[], ...Array(5).fill(WARD_DAY), []],
      priorityPolicy: { mode: 'strict' },
      transferPosition: 'keep_arrival',
      noShowRestoreMinutes: 15,
      maxWaitMinutes: null,
      voice: { sayNumberTwice: false },
    });
    expect(hall.settings.priorityCategories.map((c) => c.code)).toContain('nguoi_cao_tuoi');
    expect(hall.services[0]).toMatchObject({ numbering: { kind: 'prefix', prefix: 'A', digits: 3 }, name: { vi: 'Hộ tịch' } });
    expect(hall.counters[0]).toMatchObject({
      name: { vi: 'Quầy 1', en: 'Counter 1' },
      selection: 'longest_wait',
      services: [
        { serviceId: 'HT', weight: 1 },
        { serviceId: 'DD', weight: 2 },
      ],
    });
  });

  it('names every problem of a broken file', () => {
    const schema = problems(`
hall: { name: "X", agencyCode: "0001422H56" }
services: []
counters: [{ id: 0, services: [HT] }]
`);
    expect(schema.join('\n')).toMatch(/agencyCode[\s\S]*services[\s\S]*counters\/0\/id/);
    const semantic = problems(`
hall: { name: "X", agencyCode: "000.00.14.H56", hours: { open: "17:00", close: "07:00" }, timeZone: "Mars/Olympus" }
services:
  - { id: HT, name: "Hộ tịch", numbering: { from: 1001, to: 1999 } }
  - { id: CA, name: "Công an", numbering: { from: 1500, to: 1600 } }
counters:
  - { id: 1, services: [HT, XX] }
  - { id: 1, services: [CA] }
`);
    expect(semantic).toEqual(
      expect.arrayContaining([
        'hall.timeZone: "Mars/Olympus" is not a known time zone',
        'hall.hours: opening time 17:00 must come before closing time 07:00',
        'services HT and CA could print the same ticket number: give them different prefixes or blocks',
        'counter 1 is listed twice',
        'counter 1 serves "XX", which is not a service',
      ]),
    );
    expect(problems('hall: [unclosed')[0]).toMatch(/not valid YAML/);
  });

  it('describes kiosks with their printers, and refuses unsafe or incomplete ones', () => {
    const base = `hall: { name: "UBND xã An Phú", agencyCode: "000.00.31.H40", serviceGroups: [{ id: g, name: "Nhóm" }] }
services: [{ id: HT, name: "Hộ tịch", group: g, numbering: { prefix: A } }]
counters: [{ id: 1, services: [HT] }]
`;
    const hall = hallFromText(
      `${base}kiosks:
  - { id: K1, token: "a-long-enough-secret" }
  - { id: K2, token: "another-long-secret", ticketsPerMinute: 3, printer: { type: star, address: "tcp://10.0.0.9", paper: 58 } }
`,
      'hall.yaml',
    );
    expect(hall.kiosks[0]).toMatchObject({ id: 'K1', ticketsPerMinute: 6, printer: { kind: 'simulated', address: null, paperWidth: 80 }, active: true });
    expect(hall.kiosks[1]).toMatchObject({ ticketsPerMinute: 3, printer: { kind: 'star', address: 'tcp://10.0.0.9', paperWidth: 58 } });
    expect(hall.settings.serviceGroups).toEqual([{ id: 'g', name: { vi: 'Nhóm', en: 'Nhóm' } }]);

    expect(problems(`${base}kiosks: [{ id: K1, token: "short" }]`).join()).toMatch(/token/);
    expect(problems(`${base}kiosks: [{ id: K1, token: "same-secret-twice" }, { id: K2, token: "same-secret-twice" }]`)).toContain('two kiosks share the token "same…": give each its own');
    expect(problems(`${base}kiosks: [{ id: K1, token: "a-long-enough-secret", printer: { type: epson } }]`)).toContain(
      'kiosk K1: its EPSON printer needs an address (tcp://host:9100 or /dev/usb/lp0)',
    );
    expect(problems(`${base}kiosks: [{ id: K1, token: "a-long-enough-secret", printer: { type: epson, address: "usb0" } }]`).join()).toContain(
      'must be tcp://host:port (a network printer) or a device file such as /dev/usb/lp0',
    );
    expect(problems(base.replace('group: g', 'group: other'))).toContain('service HT is in group "other", which hall.serviceGroups does not list');
  });

  it("gives a kiosk the printer of its own PC through its device agent, and refuses an agent's printer with an address", () => {
    const base = `hall: { name: "UBND xã An Phú", agencyCode: "000.00.31.H40" }
services: [{ id: HT, name: "Hộ tịch", numbering: { prefix: A } }]
counters: [{ id: 1, services: [HT] }]
`;
    const hall = hallFromText(
      `${base}kiosks:
  - { id: K1, token: "a-long-enough-secret", printer: { type: agent } }
  - { id: K2, token: "another-long-secret", printer: { type: agent, model: star, paper: 58 } }
`,
      'hall.yaml',
    );
    expect(hall.kiosks[0]!.printer).toEqual({ kind: 'agent', address: null, model: 'epson', paperWidth: 80 });
    expect(hall.kiosks[1]!.printer).toEqual({ kind: 'agent', address: null, model: 'star', paperWidth: 58 });
    expect(problems(`${base}kiosks: [{ id: K1, token: "a-long-enough-secret", printer: { type: agent, address: /dev/usb/lp0 } }]`)).toContain(
      "kiosk K1: an agent's printer takes no address: its device is set on the kiosk PC, in /etc/luot-agent/agent.conf (PRINTER=)",
    );
    expect(problems(`${base}kiosks: [{ id: K1, token: "a-long-enough-secret", printer: { type: epson, address: "tcp://10.0.0.9", model: star } }]`)).toContain(
      'kiosk K1: "model" is for printers of type agent; for the others the type says it (epson or star)',
    );
  });

  it('gives a kiosk the services its screen offers, and refuses one the hall does not have', () => {
    const base = `hall: { name: "UBND xã An Phú", agencyCode: "000.00.31.H40" }
services: [{ id: HT, name: "Hộ tịch", numbering: { prefix: A } }, { id: DD, name: "Đất đai", numbering: { prefix: B } }]
counters: [{ id: 1, services: [HT, DD] }]
`;
    const hall = hallFromText(`${base}kiosks: [{ id: K1, token: "a-long-enough-secret", services: [DD] }, { id: K2, token: "another-long-secret" }]`, 'hall.yaml');
    expect(hall.kiosks[0]!.services).toEqual(['DD']);
    expect(hall.kiosks[1]!.services).toBeUndefined();
    expect(problems(`${base}kiosks: [{ id: K1, token: "a-long-enough-secret", services: [HT, XD] }]`)).toContain('kiosk K1 offers the service "XD", which the hall does not have');
  });

  it("gives staff the fields and services whose dossiers they handle, and back office no counter; marks a kiosk's printer for slips", () => {
    const base = `hall: { name: "UBND xã An Phú", agencyCode: "000.00.31.H40" }
services: [{ id: HT, name: "Hộ tịch", numbering: { prefix: A } }, { id: DIEN, name: "Điện lực", numbering: { prefix: D } }]
counters: [{ id: 1, services: [HT] }, { id: 2, services: [DIEN] }]
kiosks: [{ id: K1, token: "a-long-enough-secret" }, { id: K2, token: "another-long-secret", slips: true }]
`;
    const hash = 'scrypt$32768$8$1$AAAA$BBBB';
    const hall = hallFromText(
      `${base}staff:
  - { user: canbo1, name: "Lan", passwordHash: "${hash}" }
  - { user: dienluc, name: "Yến", passwordHash: "${hash}", counters: [2], services: [DIEN] }
  - { user: xuly1, name: "Bình", role: back_office, passwordHash: "${hash}", fields: [Hộ tịch] }
`,
      'hall.yaml',
    );
    expect(hall.staff.map((s) => [s.user, s.role, s.fields, s.services])).toEqual([
      ['canbo1', 'clerk', [], []],
      ['dienluc', 'clerk', [], ['DIEN']],
      ['xuly1', 'back_office', ['Hộ tịch'], []],
    ]);
    expect(hall.kiosks.map((k) => [k.id, k.slips])).toEqual([
      ['K1', false],
      ['K2', true],
    ]);
    const staff = (line: string) => problems(`${base}staff:\n  - { user: xuly1, name: "Bình", passwordHash: "${hash}", ${line} }\n`);
    expect(staff('services: [NUOC]')).toContain('staff xuly1 handles the dossiers of service NUOC, which is not a service');
    expect(staff('role: back_office')).toContain('staff xuly1 is back office but handles no field or service: list its fields or services');
    expect(staff('role: back_office, fields: [Hộ tịch], counters: [1]')).toContain('staff xuly1 is back office, which takes no counter: remove its counters');
  });

  it('gives each serial bus an LED protocol, luot unless told, and keeps keypads off other protocols', () => {
    const base = `hall: { name: "UBND xã An Phú", agencyCode: "000.00.31.H40" }
services: [{ id: HT, name: "Hộ tịch", numbering: { prefix: A } }]
counters: [{ id: 1, services: [HT] }]
`;
    const hall = hallFromText(
      `${base}serialBuses:
  - { id: B1, port: /dev/ttyUSB0, keypads: [{ address: 1, counter: 1 }], ledBoards: [{ address: 31, counter: 1 }] }
  - { id: B2, port: /dev/ttyUSB1, protocol: modbus-text, baudRate: 19200, ledBoards: [{ address: 5, hall: true }] }
`,
      'hall.yaml',
    );
    expect(hall.serialBuses.map((b) => [b.id, b.protocol, b.baudRate])).toEqual([
      ['B1', 'luot', 9600],
      ['B2', 'modbus-text', 19200],
    ]);

    expect(problems(`${base}serialBuses: [{ id: B1, port: /dev/ttyUSB0, protocol: modbus-text, keypads: [{ address: 1, counter: 1 }] }]`)).toContain(
      'serial bus B1: keypads speak the luot protocol and cannot share a modbus-text bus; put them on a bus of their own',
    );
    expect(problems(`${base}serialBuses: [{ id: B1, port: /dev/ttyUSB0, protocol: acme }]`).join()).toMatch(/protocol/);
  });

  it('takes a maximum wait guard and a voice that says the number twice, and refuses a guard too short', () => {
    const text = (hall: string) => `hall: { name: "UBND xã An Phú", agencyCode: "000.00.31.H40", ${hall} }
services: [{ id: HT, name: "Hộ tịch", numbering: { prefix: A } }]
counters: [{ id: 1, services: [HT] }]
`;
    const hall = hallFromText(text('maxWaitMinutes: 60, voice: { sayNumberTwice: true }'), 'hall.yaml');
    expect(hall.settings.maxWaitMinutes).toBe(60);
    expect(hall.settings.voice.sayNumberTwice).toBe(true);
    expect(problems(text('maxWaitMinutes: 2')).join()).toMatch(/maxWaitMinutes/);
  });
});

describe("a hall's week", () => {
  const hallWith = (hours: string, serviceHours = '') =>
    hallFromText(
      `hall: { name: "UBND phường An Khánh", agencyCode: "000.00.31.H40", hours: ${hours} }
services: [{ id: HT, name: "Hộ tịch", numbering: { prefix: A }${serviceHours ? `, hours: ${serviceHours}` : ''} }]
counters: [{ id: 1, services: [HT] }]`,
      'hall.yaml',
    );
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  const periods = (...texts: string[]) => texts.map((t) => ({ start: minutes(t.slice(0, 5)), end: minutes(t.slice(6)) }));

  it('reads runs of weekdays with their breaks, a Saturday morning, and a service of its own week', () => {
    const hall = hallWith('{ mon-fri: ["07:30-11:30", "13:30-17:00"], sat: ["07:30-11:30"] }', '{ mon-sat: ["08:00-11:00"] }');
    const day = periods('07:30-11:30', '13:30-17:00');
    expect(hall.settings.hours).toEqual([[], day, day, day, day, day, periods('07:30-11:30')]);
    expect(hall.services[0]!.hours).toEqual([[], ...Array(6).fill(periods('08:00-11:00'))]);
  });

  it('still reads the former { open, close } as those hours Monday to Friday, and null as around the clock', () => {
    expect(hallWith('{ open: "07:00", close: "17:00" }').settings.hours).toEqual([[], ...Array(5).fill(periods('07:00-17:00')), []]);
    expect(hallWith('null').settings.hours).toBeNull();
  });

  it('names overlapping periods, a day given twice and a period that ends before it starts', () => {
    expect(() => hallWith('{ mon-fri: ["07:30-11:30", "11:00-17:00"], fri: ["07:30-11:30"], sat: ["11:30-07:30"] }')).toThrow(
      /hall\.hours\.mon-fri: periods overlap[\s\S]*fri is given twice[\s\S]*hall\.hours\.sat: "11:30-07:30": a period must end after it starts/,
    );
  });
});
