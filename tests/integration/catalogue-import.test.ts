// The admin's catalogue import with a preview: a CSV or XLSX is checked and compared with the
// running catalogue without changing it; applying takes exactly that preview, refuses one made
// against a catalogue that has changed since, and is logged with who applied it. Bad files are
// refused with each problem and its row and change nothing. Dossiers already received keep the
// procedure as they were received with.

import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { readFirstSheet } from '../../server/config/spreadsheet-file.js';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import { inject, LAN_ADDRESS, prepareCallers, type TestCaller } from '../helpers/callers.js';
import { startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

const TZ = 'Asia/Ho_Chi_Minh';
const anyone = { address: LAN_ADDRESS, token: null };
const PREVIEW = '/api/procedures/import/preview';
const apply = (id: string) => `/api/procedures/import/${id}/apply`;
const csvUpload = (text: string) => ({ format: 'csv', data: Buffer.from(text, 'utf8').toString('base64') });

async function hall() {
  const clock = { now: localInstant('2026-11-24', 9 * 60, TZ) };
  hub = await startTestHub({ dataDir: tempDataDir(), clock: () => clock.now });
  return { clock, c: await prepareCallers(hub) };
}

/** The running catalogue as the export gives it: the header and its rows. */
async function exportedRows(admin: TestCaller): Promise<string[][]> {
  const reply = await inject(hub!, admin, 'GET', '/api/procedures/export?format=csv');
  expect(reply.status).toBe(200);
  return parse(reply.text, { bom: true }) as string[][];
}

const toCsv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n');

/** The exported catalogue with HT.04 renamed and given 5 working days, and one new procedure. */
function edited(rows: string[][]): string[][] {
  const header = rows[0]!;
  const col = (name: string) => header.indexOf(name);
  const next = rows.map((r) => [...r]);
  const ht04 = next.find((r) => r[0] === 'HT.04')!;
  ht04[col('name')] = 'Cấp Giấy xác nhận tình trạng hôn nhân (mẫu mới)';
  ht04[col('processing')] = '5d';
  const added = header.map(() => '');
  Object.assign(added, {
    [col('code')]: 'HT.99',
    [col('name')]: 'Đăng ký giám hộ',
    [col('nameEn')]: 'Guardianship registration',
    [col('serviceId')]: 'HT',
    [col('field')]: 'Hộ tịch',
    [col('processing')]: '3d',
    [col('fee')]: 'Miễn lệ phí',
    [col('resultAt')]: 'Bộ phận Một cửa',
    [col('papers')]: 'Tờ khai đăng ký giám hộ [original]',
  });
  next.push(added);
  return next;
}

async function codes(): Promise<string[]> {
  return (await inject(hub!, anyone, 'GET', '/api/procedures')).body.map((p: { code: string }) => p.code);
}

async function catalogueEvents(caller: TestCaller) {
  const log = await inject(hub!, caller, 'GET', '/api/events?limit=200');
  return (log.body.events ?? log.body).filter((e: { type: string }) => e.type === 'catalog:replaced');
}

describe('catalogue import with a preview', () => {
  it('previews a CSV without changing anything, applies exactly that preview, and logs who applied it', async () => {
    const { c } = await hall();
    const before = await codes();
    expect(before).toHaveLength(26);
    const csv = toCsv(edited(await exportedRows(c.admin)));

    // Only an admin: a manager, a clerk, a passer-by are refused.
    expect((await inject(hub!, c.manager, 'POST', PREVIEW, csvUpload(csv))).status).toBe(403);
    expect((await inject(hub!, c.api, 'POST', PREVIEW, csvUpload(csv))).status).toBe(403);
    expect((await inject(hub!, c.clerk1, 'POST', PREVIEW, csvUpload(csv))).status).toBe(403);
    expect((await inject(hub!, anyone, 'POST', PREVIEW, csvUpload(csv))).status).toBe(401);
    expect((await inject(hub!, c.manager, 'GET', '/api/procedures/export?format=csv')).status).toBe(403);

    const preview = await inject(hub!, c.admin, 'POST', PREVIEW, csvUpload(csv));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      count: 27,
      unchanged: 25,
      added: [{ code: 'HT.99', name: { vi: 'Đăng ký giám hộ', en: 'Guardianship registration' } }],
      changed: [
        {
          code: 'HT.04',
          fields: [
            { field: 'name', before: 'Cấp Giấy xác nhận tình trạng hôn nhân', after: 'Cấp Giấy xác nhận tình trạng hôn nhân (mẫu mới)' },
            { field: 'processing', before: '3d', after: '5d' },
          ],
        },
      ],
      removed: [],
    });
    // Nothing changed yet.
    expect((await inject(hub!, anyone, 'GET', '/api/procedures/HT.99')).status).toBe(404);
    expect(await catalogueEvents(c.admin)).toEqual([]);

    expect((await inject(hub!, c.manager, 'POST', apply(preview.body.previewId))).status).toBe(403);
    const applied = await inject(hub!, c.admin, 'POST', apply(preview.body.previewId));
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({ count: 27, added: 1, changed: 1, removed: 0 });
    expect((await inject(hub!, anyone, 'GET', '/api/procedures/HT.99')).body).toMatchObject({ name: { vi: 'Đăng ký giám hộ' }, counters: [1, 2, 12] });
    expect((await inject(hub!, anyone, 'GET', '/api/procedures/HT.04')).body.processing).toEqual({ unit: 'days', value: 5 });

    const logged = await catalogueEvents(c.admin);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actor: 'Ngô Minh Quân', data: { count: 27, added: ['HT.99'], changed: ['HT.04'], removed: [] } });
    // A preview is applied once.
    const again = await inject(hub!, c.admin, 'POST', apply(preview.body.previewId));
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('catalog_preview_not_found');
  });

  it('refuses a preview made against a catalogue that changed since, and keeps the newer one', async () => {
    const { c } = await hall();
    const rows = await exportedRows(c.admin);
    const first = await inject(hub!, c.admin, 'POST', PREVIEW, csvUpload(toCsv(edited(rows))));
    const removing = await inject(hub!, c.admin, 'POST', PREVIEW, csvUpload(toCsv(rows.filter((r) => r[0] !== 'XD.01'))));
    expect(removing.body).toMatchObject({ added: [], changed: [], removed: [{ code: 'XD.01' }], unchanged: 25 });
    expect(first.body.baseHash).toBe(removing.body.baseHash);

    expect((await inject(hub!, c.admin, 'POST', apply(removing.body.previewId))).status).toBe(200);
    const stale = await inject(hub!, c.admin, 'POST', apply(first.body.previewId));
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'catalog_preview_stale', message: expect.stringContaining('Hãy xem trước lại') });
    const now = await codes();
    expect(now).toHaveLength(25);
    expect(now).not.toContain('XD.01');
    expect(now).not.toContain('HT.99');
    expect(await catalogueEvents(c.admin)).toHaveLength(1);

    // A manager's whole replacement in between makes a preview stale too.
    const third = await inject(hub!, c.admin, 'POST', PREVIEW, csvUpload(toCsv(edited(rows))));
    expect((await inject(hub!, c.manager, 'PUT', '/api/procedures', toCsv(rows), { 'content-type': 'text/csv' })).status).toBe(200);
    expect((await inject(hub!, c.admin, 'POST', apply(third.body.previewId))).status).toBe(409);
  });

  it('refuses bad files with each problem and its row, in both languages, and changes nothing', async () => {
    const { c } = await hall();
    const rows = await exportedRows(c.admin);
    const header = rows[0]!;
    const refused = async (upload: unknown) => {
      const reply = await inject(hub!, c.admin, 'POST', PREVIEW, upload);
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      return reply;
    };

    const wrongColumns = await refused(csvUpload(toCsv(rows.map((r) => r.filter((_, i) => header[i] !== 'processing')))));
    expect(wrongColumns.status).toBe(422);
    expect(wrongColumns.body.problems).toEqual([{ row: null, message: 'dòng tiêu đề thiếu các cột processing', messageEn: 'the header lacks the columns processing' }]);
    expect(wrongColumns.body.message).toBe('Danh mục thủ tục không dùng được: dòng tiêu đề thiếu các cột processing');

    const long = rows.map((r) => [...r]);
    long[3]![header.indexOf('processing')] = '999d';
    long[7]![header.indexOf('processing')] = '9999h';
    const tooLong = await refused(csvUpload(toCsv(long)));
    expect(tooLong.body.problems).toEqual([
      { row: 4, message: 'thời hạn "999d" phải lớn hơn 0 và không quá 365 ngày làm việc', messageEn: 'processing "999d" must be more than 0 and at most 365 working days' },
      { row: 8, message: 'thời hạn "9999h" phải lớn hơn 0 và không quá 2000 giờ làm việc', messageEn: 'processing "9999h" must be more than 0 and at most 2000 working hours' },
    ]);
    expect(tooLong.body.message).toContain('Dòng 4: thời hạn "999d"');
    expect(tooLong.body.messageEn).toContain('Row 8: processing "9999h"');

    const empty = await refused(csvUpload(`${header.join(',')}\n`));
    expect(empty.body.messageEn).toContain('the catalogue is empty');
    expect((await refused(csvUpload(''))).body.message).toContain('Tệp tải lên trống');

    const unknownService = await refused(csvUpload(toCsv(edited(rows).map((r, i) => (i === rows.length ? r.map((cell, j) => (header[j] === 'serviceId' ? 'NOPE' : cell)) : r)))));
    expect(unknownService.body.problems).toEqual([{ row: null, message: 'Thủ tục HT.99: sảnh không có dịch vụ "NOPE".', messageEn: 'Procedure HT.99: the hall has no service "NOPE".' }]);

    const notAWorkbook = await refused({ format: 'xlsx', data: Buffer.from(toCsv(rows)).toString('base64') });
    expect(notAWorkbook.body.messageEn).toContain('not a readable .xlsx workbook');

    // Over 2 MB of file (still under the body limit): refused by the hub with the limit.
    const big = await refused({ format: 'csv', data: Buffer.alloc(2_010_000, 0x41).toString('base64') });
    expect(big.status).toBe(422);
    expect(big.body.message).toContain('Tệp lớn quá 2 MB');
    // Over the body limit: 413, before the hub reads it.
    const huge = await refused({ format: 'csv', data: 'A'.repeat(3_100_000) });
    expect(huge.status).toBe(413);
    expect((await refused({ format: 'ods', data: '' })).status).toBe(400);

    expect(await codes()).toHaveLength(26);
    expect(await catalogueEvents(c.admin)).toEqual([]);
  });

  it('neutralises formulas on import and in both exports', async () => {
    const { c } = await hall();
    const rows = edited(await exportedRows(c.admin));
    const header = rows[0]!;
    const added = rows.at(-1)!;
    added[header.indexOf('name')] = '=HYPERLINK("http://x","Bấm")';
    added[header.indexOf('resultAt')] = '@SUM(1)';
    added[header.indexOf('papers')] = '-Tờ khai [original]';
    const preview = await inject(hub!, c.admin, 'POST', PREVIEW, csvUpload(toCsv(rows)));
    expect(preview.body.added).toEqual([{ code: 'HT.99', name: { vi: `'=HYPERLINK("http://x","Bấm")`, en: 'Guardianship registration' } }]);
    expect((await inject(hub!, c.admin, 'POST', apply(preview.body.previewId))).status).toBe(200);
    expect((await inject(hub!, anyone, 'GET', '/api/procedures/HT.99')).body).toMatchObject({ resultAt: "'@SUM(1)", papers: [{ name: "'-Tờ khai" }] });

    const csv = await inject(hub!, c.admin, 'GET', '/api/procedures/export?format=csv');
    for (const row of parse(csv.text, { bom: true }) as string[][]) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    const xlsx = await hub!.app.inject({ method: 'GET', url: '/api/procedures/export?format=xlsx', remoteAddress: LAN_ADDRESS, headers: { authorization: `Bearer ${c.admin.token}` } });
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="thu-tuc.xlsx"');
    const sheet = readFirstSheet(xlsx.rawPayload);
    expect(sheet).toHaveLength(28);
    for (const row of sheet) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);

    // The exported workbook previews as the running catalogue: nothing to change.
    const back = await inject(hub!, c.admin, 'POST', PREVIEW, { format: 'xlsx', data: xlsx.rawPayload.toString('base64') });
    expect(back.body).toMatchObject({ count: 27, unchanged: 27, added: [], changed: [], removed: [] });
  });

  it('leaves the dossiers already received with the procedure as it was when they were received', async () => {
    const { c } = await hall();
    await inject(hub!, c.api, 'POST', '/api/tickets', { serviceId: 'HT' });
    const ticketId = (await inject(hub!, c.clerk1, 'POST', '/api/counters/1/call-next', {})).body.ticket.id;
    const applicant = { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: '0912345678', address: 'Số 5 đường Hoa Sữa, phường Hòa An' };
    const received = await inject(hub!, c.clerk1, 'POST', '/api/dossiers', { counterId: 1, ticketId, procedureCode: 'HT.04', applicant, papers: [], outcome: 'complete' });
    expect(received.status).toBe(201);
    const dueAt = received.body.dueAt;
    expect(dueAt).toBe(localInstant('2026-11-28', 0, TZ));

    const preview = await inject(hub!, c.admin, 'POST', PREVIEW, csvUpload(toCsv(edited(await exportedRows(c.admin)))));
    expect((await inject(hub!, c.admin, 'POST', apply(preview.body.previewId))).status).toBe(200);

    const kept = await inject(hub!, c.admin, 'GET', `/api/dossiers/${received.body.code}`);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ procedureCode: 'HT.04', procedureName: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân' }, processing: { unit: 'days', value: 3 }, dueAt });
    // A dossier received now takes the new version: 5 working days.
    const next = await inject(hub!, c.clerk1, 'POST', '/api/dossiers', { counterId: 1, ticketId, procedureCode: 'HT.04', applicant, papers: [], outcome: 'complete' });
    expect(next.body).toMatchObject({ procedureName: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân (mẫu mới)' }, processing: { unit: 'days', value: 5 } });
    expect(next.body.dueAt).toBe(localInstant('2026-12-02', 0, TZ));
  });
});
