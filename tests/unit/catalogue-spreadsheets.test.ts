import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CatalogError, catalogFromCsv, catalogFromText, catalogFromXlsx, catalogToCsv, catalogToXlsx, problemLine } from '../../server/config/procedure-file.js';
import { readFirstSheet, writeWorkbook, zipParts } from '../../server/config/spreadsheet-file.js';
import { PROJECT_ROOT } from '../../server/paths.js';

const demo = catalogFromText(readFileSync(join(PROJECT_ROOT, 'config', 'demo-procedures.json'), 'utf8'), 'demo-procedures.json');

/** A workbook as spreadsheet programs write it: texts in the shared-strings table, numbers as values, rich text runs. */
function sharedStringsWorkbook(rows: (string | number)[][]): Buffer {
  const strings: string[] = [];
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const sheet = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}" spans="1:${row.length}">${row
          .map((cell, c) => {
            const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
            if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
            if (cell === '') return '';
            strings.push(cell);
            return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
          })
          .join('')}</row>`,
    )
    .join('');
  // The first string is split in two rich-text runs, as a program writes a cell with two fonts.
  const shared = strings.map((s, i) => (i === 0 ? `<si><r><t>${esc(s.slice(0, 2))}</t></r><r><rPr><b/></rPr><t>${esc(s.slice(2))}</t></r></si>` : `<si><t>${esc(s)}</t></si>`));
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipParts([
    ['[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['xl/workbook.xml', `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="DS" sheetId="7" r:id="rId3"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="x"><Relationship Id="rId3" Type="${rel}/worksheet" Target="/xl/worksheets/danh-muc.xml"/></Relationships>`],
    ['xl/sharedStrings.xml', `<sst xmlns="${main}" count="${strings.length}">${shared.join('')}</sst>`],
    ['xl/worksheets/danh-muc.xml', `<worksheet xmlns="${main}"><sheetData>${sheet}</sheetData></worksheet>`],
  ]);
}

const HEADER = ['code', 'name', 'serviceId', 'field', 'processing', 'fee', 'feeVnd', 'resultAt', 'papers'];

describe('catalogue spreadsheets', () => {
  it('reads a workbook written with shared strings, numbers, rich text and skipped cells', () => {
    const bytes = sharedStringsWorkbook([
      HEADER,
      ['HT.01', 'Đăng ký khai sinh', 'HT', 'Hộ tịch', 'same-day 15:00', 'Miễn lệ phí', 0, 'Bộ phận Một cửa', 'Tờ khai [original]'],
      [],
      ['CT.02', 'Chứng thực chữ ký & điểm chỉ', 'HT', 'Chứng thực', '2d', '10.000 đồng', 10000, 'Tại quầy', 'Giấy tờ [present]'],
    ]);
    const list = catalogFromXlsx(bytes, 'danh-muc.xlsx');
    expect(list.map((p) => p.code)).toEqual(['HT.01', 'CT.02']);
    expect(list[1]).toMatchObject({ name: { vi: 'Chứng thực chữ ký & điểm chỉ' }, fee: { amountVnd: 10000 }, processing: { unit: 'days', value: 2 } });
  });

  it('names the row of the file where a problem is, in Vietnamese and English', () => {
    const bytes = sharedStringsWorkbook([HEADER, ['HT.01', 'A', 'HT', 'F', '1d', 'x', '', 'y', 'P [original]'], [], ['HT.02', 'B', 'HT', 'F', '999d', 'x', '', 'y', 'P [original]']]);
    try {
      catalogFromXlsx(bytes, 'bad.xlsx');
      expect.unreachable();
    } catch (error) {
      const details = (error as CatalogError).details;
      expect(details).toHaveLength(1);
      expect(details[0]!.row).toBe(4);
      expect(problemLine(details[0]!, 'vi')).toBe('Dòng 4: thời hạn "999d" phải lớn hơn 0 và không quá 365 ngày làm việc');
      expect(problemLine(details[0]!, 'en')).toBe('Row 4: processing "999d" must be more than 0 and at most 365 working days');
    }
  });

  it('refuses a file that is not a workbook, an empty sheet, and unknown or missing columns', () => {
    expect(() => catalogFromXlsx(Buffer.from('code,name\n'), 'x.xlsx')).toThrow(/not a readable .xlsx workbook/);
    expect(() => catalogFromXlsx(sharedStringsWorkbook([HEADER]), 'x.xlsx')).toThrow(/the catalogue is empty/);
    expect(() => catalogFromCsv('code,name,serviceId\nA,B,HT\n', 'x.csv')).toThrow(/lacks the columns field, processing, fee, resultAt, papers/);
    expect(() => catalogFromCsv(`${HEADER.join(',')},thoiHan\nHT.01,A,HT,F,1d,x,,y,P [original],2\n`, 'x.csv')).toThrow(/columns the catalogue does not know: thoiHan/);
  });

  it('exports the catalogue as CSV and XLSX that import back the same, formulas neutralised', () => {
    const list = demo.map((p, i) => (i === 0 ? { ...p, name: { vi: '=HYPERLINK("http://x")', en: '+1' }, field: '@SUM(A1)' } : p));
    const csv = catalogToCsv(list);
    expect(csv.startsWith('\uFEFFcode,nationalCode,name,nameEn')).toBe(true);
    const csvBack = catalogFromCsv(csv, 'export.csv');
    const xlsxBack = catalogFromXlsx(catalogToXlsx(list), 'export.xlsx');
    expect(csvBack[0]!.name).toEqual({ vi: `'=HYPERLINK("http://x")`, en: "'+1" });
    expect(csvBack[0]!.field).toBe("'@SUM(A1)");
    const neutralised = (l: typeof list) => l.slice(1);
    expect(neutralised(csvBack)).toEqual(neutralised(demo));
    expect(neutralised(xlsxBack)).toEqual(neutralised(demo));
    expect(xlsxBack[0]).toEqual(csvBack[0]);
    for (const row of readFirstSheet(catalogToXlsx(list))) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes a workbook whose zip the system unzip tool reads', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
    writeFileSync(
      join(dir, 'a.xlsx'),
      writeWorkbook('Thủ tục', [
        ['a', 'b'],
        ['Đăng ký', '<&>'],
      ]),
    );
    const listing = execFileSync('python3', [
      '-c',
      `import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip()); print(z.read('xl/worksheets/sheet1.xml').decode())`,
      join(dir, 'a.xlsx'),
    ]).toString();
    expect(listing).toMatch(/^None/);
    expect(listing).toContain('<t xml:space="preserve">&lt;&amp;&gt;</t>');
  });
});
