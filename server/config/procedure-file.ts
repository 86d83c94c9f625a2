// A procedures catalogue as a hall writes it, in JSON, CSV or XLSX (docs/procedures.md), checked
// and turned into Procedure records, and written back out as CSV or XLSX. Every problem is
// reported with its row, all at once, in Vietnamese and English.

import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import Type from 'typebox';
import Value from 'typebox/value';
import { PAPER_KINDS, type Paper, type PaperKind, type Procedure } from '../domain/dossier/procedures.js';
import type { ProcessingTime } from '../domain/calendar/working-time.js';
import { describeProblem, type SchemaProblem } from '../http/validation-messages.js';
import { readFirstSheet, SpreadsheetError, writeWorkbook } from './spreadsheet-file.js';

/** One reason a catalogue is refused: where (a row of the file, or null for the whole file), in both languages. */
export interface CatalogProblem {
  row: number | null;
  message: string;
  messageEn: string;
}

/** "row 3: ..." / "dòng 3: ...": a problem as one line. */
export const problemLine = (p: CatalogProblem, lang: 'vi' | 'en') =>
  p.row === null ? (lang === 'vi' ? p.message : p.messageEn) : lang === 'vi' ? `Dòng ${p.row}: ${p.message}` : `Row ${p.row}: ${p.messageEn}`;

export class CatalogError extends Error {
  /** The problems in English, each with its place ("row 3: ..."). */
  readonly problems: string[];

  constructor(
    readonly source: string,
    readonly details: CatalogProblem[],
    /** How the place of a problem is named in English ("row 3", "entry 3"). */
    place: (row: number) => string = (row) => `row ${row}`,
  ) {
    const problems = details.map((p) => (p.row === null ? p.messageEn : `${place(p.row)}: ${p.messageEn}`));
    super(`The procedures catalogue ${source} cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

const whole = (vi: string, en: string): CatalogProblem => ({ row: null, message: vi, messageEn: en });
const atRow = (row: number, vi: string, en: string): CatalogProblem => ({ row, message: vi, messageEn: en });

const Text = Type.Union([Type.String({ minLength: 1 }), Type.Object({ vi: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, { additionalProperties: false })]);

const PaperEntry = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    kind: Type.Union(PAPER_KINDS.map((k) => Type.Literal(k))),
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  },
  { additionalProperties: false },
);

const ProcedureEntry = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$' }),
    nationalCode: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9A-Za-z.]{1,20}$' }), Type.Null()])),
    name: Text,
    serviceId: Type.String({ pattern: '^[A-Za-z0-9_]{1,16}$' }),
    field: Type.String({ minLength: 1 }),
    papers: Type.Array(PaperEntry),
    fee: Type.Union([
      Type.String({ minLength: 1 }),
      Type.Object({ text: Type.String({ minLength: 1 }), amountVnd: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]) }, { additionalProperties: false }),
    ]),
    processing: Type.String(),
    processingText: Type.Optional(Type.String()),
    resultAt: Type.String({ minLength: 1 }),
    legalBasis: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

type Entry = Type.Static<typeof ProcedureEntry>;

// A guard against typing slips (999d, 9999h), not a legal limit: no procedure a ward hall receives
// takes anywhere near a working year, and the due-date reckoning walks the calendar day by day.
export const MAX_PROCESSING_DAYS = 365;
export const MAX_PROCESSING_HOURS = 2_000;

/** Why a processing time is out of the sane range, or null when it is within it. */
export function processingOutOfRange(time: ProcessingTime): string | null {
  return processingOutOfRangeWords(time)?.en ?? null;
}

/** Why a processing time is out of the sane range, in both languages, or null. */
export function processingOutOfRangeWords(time: ProcessingTime): { vi: string; en: string } | null {
  if (time.unit === 'days' && (time.value <= 0 || time.value > MAX_PROCESSING_DAYS)) {
    return { vi: `phải lớn hơn 0 và không quá ${MAX_PROCESSING_DAYS} ngày làm việc`, en: `must be more than 0 and at most ${MAX_PROCESSING_DAYS} working days` };
  }
  if (time.unit === 'calendarDays' && (time.value < 1 || time.value > MAX_PROCESSING_DAYS || !Number.isInteger(time.value))) {
    return { vi: `phải là số nguyên ngày từ 1 đến ${MAX_PROCESSING_DAYS}`, en: `must be a whole number of calendar days from 1 to ${MAX_PROCESSING_DAYS}` };
  }
  if (time.unit === 'hours' && (time.value <= 0 || time.value > MAX_PROCESSING_HOURS)) {
    return { vi: `phải lớn hơn 0 và không quá ${MAX_PROCESSING_HOURS} giờ làm việc`, en: `must be more than 0 and at most ${MAX_PROCESSING_HOURS} working hours` };
  }
  return null;
}

/** Characters that make a spreadsheet read a cell as a formula (=, +, -, @, and tab or CR before them). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet will show as text: one starting like a formula gets a leading apostrophe,
 * which spreadsheets read as "this is text" (the OWASP advice for CSV injection).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * "3d" (working days), "0.5d", "15cd" (calendar days), "4h" (working hours), "same-day" or
 * "same-day 15:00" (the cut-off after which it is the next working day).
 */
export function parseProcessing(text: string): ProcessingTime | null {
  const t = text.trim().toLowerCase();
  const calendarDays = /^(\d{1,3})cd$/.exec(t);
  if (calendarDays) return { unit: 'calendarDays', value: Number(calendarDays[1]) };
  const days = /^(\d{1,3}(?:\.\d{1,2})?)d$/.exec(t);
  if (days) return { unit: 'days', value: Number(days[1]) };
  const hours = /^(\d{1,4}(?:\.\d{1,2})?)h$/.exec(t);
  if (hours) return { unit: 'hours', value: Number(hours[1]) };
  const same = /^same-day(?: ([01]\d|2[0-3]):([0-5]\d))?$/.exec(t);
  if (same) return { unit: 'sameDay', cutoff: same[1] ? `${same[1]}:${same[2]}` : '15:00' };
  return null;
}

function toProcedure(entry: Entry): Procedure {
  const processing = parseProcessing(entry.processing)!;
  // Catalogue text is printed on slips and may be opened in a spreadsheet: none of it may start like a formula.
  const text = neutraliseFormula;
  const name = typeof entry.name === 'string' ? { vi: entry.name, en: entry.name } : entry.name;
  const fee = typeof entry.fee === 'string' ? { text: entry.fee, amountVnd: null } : entry.fee;
  return {
    code: entry.code,
    nationalCode: entry.nationalCode ?? null,
    name: { vi: text(name.vi), en: text(name.en) },
    serviceId: entry.serviceId,
    field: text(entry.field),
    papers: entry.papers.map((p) => ({ name: text(p.name), kind: p.kind, count: p.count ?? 1 })),
    fee: { text: text(fee.text), amountVnd: fee.amountVnd },
    processing,
    processingText: text(entry.processingText?.trim() || ''),
    resultAt: text(entry.resultAt),
    legalBasis: text(entry.legalBasis ?? ''),
  };
}

/** At most this many problems are listed: a wholly wrong file would otherwise list every row. */
const MAX_PROBLEMS = 20;

/**
 * Checks entries (from JSON, or rows of a CSV or XLSX) and returns the catalogue in their order.
 * `rowOf` gives the number a person finds the entry by (the file's row); `place` names it.
 */
export function catalogFromData(data: unknown, source: string, rowOf = (i: number) => i + 1, place: (row: number) => string = (row) => `entry ${row}`): Procedure[] {
  if (!Array.isArray(data)) throw new CatalogError(source, [whole('danh mục phải là một danh sách thủ tục', 'the catalogue must be a list of procedures')], place);
  // Replacing the catalogue with nothing would remove every procedure from the guide and the counters.
  if (data.length === 0) throw new CatalogError(source, [whole('danh mục trống: phải có ít nhất một thủ tục', 'the catalogue is empty: it must list at least one procedure')], place);
  const problems: CatalogProblem[] = [];
  const seen = new Set<string>();
  data.forEach((entry, i) => {
    const row = rowOf(i);
    if (!Value.Check(ProcedureEntry, entry)) {
      for (const e of [...Value.Errors(ProcedureEntry, entry)].slice(0, 3)) {
        const words = describeProblem(e as unknown as SchemaProblem);
        problems.push(atRow(row, words.vi, `${e.instancePath || '(entry)'} ${e.message}`));
      }
      return;
    }
    const processing = parseProcessing(entry.processing);
    if (!processing) {
      problems.push(
        atRow(
          row,
          `thời hạn "${entry.processing}" phải viết như 5d (ngày làm việc), 15cd (ngày), 8h (giờ làm việc) hoặc same-day 15:00`,
          `processing "${entry.processing}" must be like 5d (working days), 15cd (calendar days), 8h (working hours) or same-day 15:00`,
        ),
      );
    }
    const outOfRange = processing && processingOutOfRangeWords(processing);
    if (outOfRange) problems.push(atRow(row, `thời hạn "${entry.processing}" ${outOfRange.vi}`, `processing "${entry.processing}" ${outOfRange.en}`));
    if (seen.has(entry.code)) problems.push(atRow(row, `mã ${entry.code} bị dùng hai lần`, `the code ${entry.code} is used twice`));
    seen.add(entry.code);
  });
  if (problems.length > 0) throw new CatalogError(source, problems.slice(0, MAX_PROBLEMS), place);
  return (data as Entry[]).map(toProcedure);
}

/** "Tờ khai [original x1]; Giấy chứng sinh [original]" → papers, or why not (in English). */
export function parsePapers(text: string): Paper[] | string {
  const papers = parsePapersWords(text);
  return 'en' in papers ? papers.en : papers;
}

/** "Tờ khai [original x1]; Giấy chứng sinh [original]" → papers, or why not in both languages. */
export function parsePapersWords(text: string): Paper[] | { vi: string; en: string } {
  const papers: Paper[] = [];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(.+?)\s*\[([a-z_]+)(?:\s*x(\d{1,2}))?\]$/.exec(part);
    if (!match || !(PAPER_KINDS as readonly string[]).includes(match[2]!)) {
      return {
        vi: `"${part}" phải viết: tên [loại] hoặc tên [loại xN], loại là một trong ${PAPER_KINDS.join(', ')}`,
        en: `"${part}" must be written as: name [kind] or name [kind xN], kind one of ${PAPER_KINDS.join(', ')}`,
      };
    }
    papers.push({ name: match[1]!, kind: match[2] as PaperKind, count: match[3] ? Number(match[3]) : 1 });
  }
  return papers;
}

const CSV_COLUMNS = ['code', 'name', 'serviceId', 'field', 'processing', 'fee', 'resultAt', 'papers'] as const;
const OPTIONAL_COLUMNS = ['nationalCode', 'nameEn', 'feeVnd', 'processingText', 'legalBasis'] as const;

/** Rows of a table with a header (CSV or the first sheet of an XLSX), the header being the file's row 1. */
function catalogFromRecords(rows: Record<string, string>[], header: string[], source: string): Procedure[] {
  const place = (row: number) => `row ${row}`;
  if (rows.length === 0)
    throw new CatalogError(
      source,
      [whole('danh mục trống: phải có dòng tiêu đề và ít nhất một dòng thủ tục', 'the catalogue is empty: it must have a header and at least one procedure row')],
      place,
    );
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new CatalogError(source, [whole(`dòng tiêu đề thiếu các cột ${missing.join(', ')}`, `the header lacks the columns ${missing.join(', ')}`)], place);
  }
  const known = new Set<string>([...CSV_COLUMNS, ...OPTIONAL_COLUMNS]);
  const unknown = header.filter((c) => c !== '' && !known.has(c));
  if (unknown.length > 0) {
    throw new CatalogError(
      source,
      [
        whole(
          `dòng tiêu đề có cột không dùng được: ${unknown.join(', ')} (các cột: ${[...CSV_COLUMNS, ...OPTIONAL_COLUMNS].join(', ')})`,
          `the header has columns the catalogue does not know: ${unknown.join(', ')} (the columns: ${[...CSV_COLUMNS, ...OPTIONAL_COLUMNS].join(', ')})`,
        ),
      ],
      place,
    );
  }
  const problems: CatalogProblem[] = [];
  const entries = rows.map((row, i) => {
    const papers = parsePapersWords(row.papers ?? '');
    if ('en' in papers) problems.push(atRow(i + 2, `giấy tờ: ${papers.vi}`, `papers: ${papers.en}`));
    const feeVnd = row.feeVnd ? Number(row.feeVnd) : null;
    if (feeVnd !== null && !Number.isInteger(feeVnd)) problems.push(atRow(i + 2, 'feeVnd phải là số nguyên đồng', 'feeVnd must be a whole number of đồng'));
    return {
      code: row.code,
      ...(row.nationalCode ? { nationalCode: row.nationalCode } : {}),
      name: row.nameEn ? { vi: row.name, en: row.nameEn } : row.name,
      serviceId: row.serviceId,
      field: row.field,
      papers: 'en' in papers ? [] : papers,
      fee: { text: row.fee, amountVnd: feeVnd },
      processing: row.processing,
      ...(row.processingText ? { processingText: row.processingText } : {}),
      resultAt: row.resultAt,
      ...(row.legalBasis ? { legalBasis: row.legalBasis } : {}),
    };
  });
  if (problems.length > 0) throw new CatalogError(source, problems.slice(0, MAX_PROBLEMS), place);
  return catalogFromData(entries, source, (i) => i + 2, place);
}

/** A CSV with a header row; see docs/procedures.md for the columns. */
export function catalogFromCsv(text: string, source: string): Procedure[] {
  let table: string[][];
  try {
    table = parseCsv(text, { skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    throw new CatalogError(source, [whole(`tệp không phải CSV hợp lệ: ${(error as Error).message}`, `it is not valid CSV: ${(error as Error).message}`)]);
  }
  return catalogFromTable(table, source);
}

/** The first sheet of an XLSX workbook, laid out as the CSV: a header row, then one procedure a row. */
export function catalogFromXlsx(bytes: Buffer, source: string): Procedure[] {
  let table: string[][];
  try {
    table = readFirstSheet(bytes);
  } catch (error) {
    if (error instanceof SpreadsheetError) throw new CatalogError(source, [whole(error.vi, error.en)]);
    throw error;
  }
  return catalogFromTable(
    table.map((row) => row.map((cell) => cell.trim())),
    source,
  );
}

/** A table whose first row is the header; rows left wholly empty are skipped (their numbers stay the file's). */
function catalogFromTable(table: string[][], source: string): Procedure[] {
  const header = (table[0] ?? []).map((c) => c.replace(/^\uFEFF/, '').trim());
  const rows: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c === '')) return;
    rows.push(Object.fromEntries(header.map((name, c) => [name, cells[c] ?? ''])));
    rowNumbers.push(i + 2);
  });
  try {
    return catalogFromRecords(rows, header, source);
  } catch (error) {
    // Rows were numbered as if none was skipped: give each problem its row in the file.
    if (!(error instanceof CatalogError)) throw error;
    throw new CatalogError(
      source,
      error.details.map((p) => (p.row === null ? p : { ...p, row: rowNumbers[p.row - 2] ?? p.row })),
      (row) => `row ${row}`,
    );
  }
}

/** How the catalogue files write a processing time: 5d, 15cd, 8h, same-day 15:00. */
export function processingCode(time: ProcessingTime): string {
  switch (time.unit) {
    case 'days':
      return `${time.value}d`;
    case 'calendarDays':
      return `${time.value}cd`;
    case 'hours':
      return `${time.value}h`;
    case 'sameDay':
      return `same-day ${time.cutoff}`;
  }
}

/** Papers as the catalogue files write them: "Tờ khai [original]; Bản sao [copy x3]". */
export function papersCode(papers: readonly Paper[]): string {
  return papers.map((p) => `${p.name} [${p.kind}${p.count > 1 ? ` x${p.count}` : ''}]`).join('; ');
}

/** The columns of an exported catalogue, in order (the import reads them back). */
export const EXPORT_COLUMNS = ['code', 'nationalCode', 'name', 'nameEn', 'serviceId', 'field', 'processing', 'processingText', 'fee', 'feeVnd', 'resultAt', 'legalBasis', 'papers'] as const;

/** The catalogue as a table (header first); no cell starts like a formula. */
export function catalogTable(list: readonly Procedure[]): string[][] {
  const rows = list.map((p) =>
    [
      p.code,
      p.nationalCode ?? '',
      p.name.vi,
      p.name.en,
      p.serviceId,
      p.field,
      processingCode(p.processing),
      p.processingText,
      p.fee.text,
      p.fee.amountVnd === null ? '' : String(p.fee.amountVnd),
      p.resultAt,
      p.legalBasis,
      papersCode(p.papers),
    ].map(neutraliseFormula),
  );
  return [[...EXPORT_COLUMNS], ...rows];
}

const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The catalogue as CSV (UTF-8 with a byte order mark, so that spreadsheets read Vietnamese right). */
export function catalogToCsv(list: readonly Procedure[]): string {
  return `\uFEFF${catalogTable(list)
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')}\r\n`;
}

/** The catalogue as an XLSX workbook of one sheet. */
export function catalogToXlsx(list: readonly Procedure[]): Buffer {
  return writeWorkbook('Thủ tục', catalogTable(list));
}

/**
 * The catalogue a hall file names (`catalog:`), read from disk: a file that is missing or may not
 * be read is a CatalogError naming it, not a bare system error.
 */
export function readCatalogFile(path: string): Procedure[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CatalogError(path, [
      code === 'ENOENT'
        ? whole(
            `không có tệp này (tệp hội trường nêu nó ở catalog:); hãy chép tệp vào đó hoặc sửa catalog:`,
            `the file is not there (the hall file names it as catalog:); copy it there or correct catalog:`,
          )
        : whole(`không đọc được tệp (${code ?? (error as Error).message})`, `the file cannot be read (${code ?? (error as Error).message})`),
    ]);
  }
  return catalogFromText(text, path);
}

/** A catalogue file's text, by its name: .csv or .json. */
export function catalogFromText(text: string, source: string): Procedure[] {
  if (source.toLowerCase().endsWith('.csv')) return catalogFromCsv(text, source);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CatalogError(source, [whole(`tệp không phải JSON hợp lệ: ${(error as Error).message}`, `it is not valid JSON: ${(error as Error).message}`)]);
  }
  return catalogFromData(data, source);
}
