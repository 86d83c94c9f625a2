// A procedures catalogue as a hall writes it, in JSON or CSV (docs/procedures.md), checked
// and turned into Procedure records. Every problem is reported with its row, all at once.

import { parse as parseCsv } from 'csv-parse/sync';
import Type from 'typebox';
import Value from 'typebox/value';
import { PAPER_KINDS, type Paper, type PaperKind, type Procedure } from '../domain/dossier/procedures.js';
import type { ProcessingTime } from '../domain/calendar/working-time.js';

export class CatalogError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`The procedures catalogue ${source} cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}

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
  if (time.unit === 'days' && (time.value <= 0 || time.value > MAX_PROCESSING_DAYS)) {
    return `must be more than 0 and at most ${MAX_PROCESSING_DAYS} working days`;
  }
  if (time.unit === 'calendarDays' && (time.value < 1 || time.value > MAX_PROCESSING_DAYS || !Number.isInteger(time.value))) {
    return `must be a whole number of calendar days from 1 to ${MAX_PROCESSING_DAYS}`;
  }
  if (time.unit === 'hours' && (time.value <= 0 || time.value > MAX_PROCESSING_HOURS)) {
    return `must be more than 0 and at most ${MAX_PROCESSING_HOURS} working hours`;
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

/** Checks entries (from JSON, or rows of a CSV) and returns the catalogue in their order. */
export function catalogFromData(data: unknown, source: string, rowName = (i: number) => `entry ${i + 1}`): Procedure[] {
  if (!Array.isArray(data)) throw new CatalogError(source, ['the catalogue must be a list of procedures']);
  // Replacing the catalogue with nothing would remove every procedure from the guide and the counters.
  if (data.length === 0) throw new CatalogError(source, ['the catalogue is empty: it must list at least one procedure']);
  const problems: string[] = [];
  const seen = new Set<string>();
  data.forEach((entry, i) => {
    if (!Value.Check(ProcedureEntry, entry)) {
      for (const e of [...Value.Errors(ProcedureEntry, entry)].slice(0, 3)) problems.push(`${rowName(i)}: ${e.instancePath || '(entry)'} ${e.message}`);
      return;
    }
    const processing = parseProcessing(entry.processing);
    if (!processing) problems.push(`${rowName(i)}: processing "${entry.processing}" must be like 5d (working days), 15cd (calendar days), 8h (working hours) or same-day 15:00`);
    const outOfRange = processing && processingOutOfRange(processing);
    if (outOfRange) problems.push(`${rowName(i)}: processing "${entry.processing}" ${outOfRange}`);
    if (seen.has(entry.code)) problems.push(`${rowName(i)}: the code ${entry.code} is used twice`);
    seen.add(entry.code);
  });
  if (problems.length > 0) throw new CatalogError(source, problems.slice(0, 20));
  return (data as Entry[]).map(toProcedure);
}

/** "Tờ khai [original x1]; Giấy chứng sinh [original]" → papers. */
export function parsePapers(text: string): Paper[] | string {
  const papers: Paper[] = [];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(.+?)\s*\[([a-z_]+)(?:\s*x(\d{1,2}))?\]$/.exec(part);
    if (!match || !(PAPER_KINDS as readonly string[]).includes(match[2]!)) {
      return `"${part}" must be written as: name [kind] or name [kind xN], kind one of ${PAPER_KINDS.join(', ')}`;
    }
    papers.push({ name: match[1]!, kind: match[2] as PaperKind, count: match[3] ? Number(match[3]) : 1 });
  }
  return papers;
}

const CSV_COLUMNS = ['code', 'name', 'serviceId', 'field', 'processing', 'fee', 'resultAt', 'papers'] as const;

/** A CSV with a header row; see docs/procedures.md for the columns. */
export function catalogFromCsv(text: string, source: string): Procedure[] {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  } catch (error) {
    throw new CatalogError(source, [`it is not valid CSV: ${(error as Error).message}`]);
  }
  if (rows.length === 0) throw new CatalogError(source, ['the catalogue is empty: it must have a header and at least one procedure row']);
  const missing = CSV_COLUMNS.filter((c) => rows.length > 0 && !(c in rows[0]!));
  if (missing.length > 0) throw new CatalogError(source, [`the header lacks the columns ${missing.join(', ')}`]);
  const problems: string[] = [];
  const entries = rows.map((row, i) => {
    const papers = parsePapers(row.papers ?? '');
    if (typeof papers === 'string') problems.push(`row ${i + 2}: papers: ${papers}`);
    const feeVnd = row.feeVnd ? Number(row.feeVnd) : null;
    if (feeVnd !== null && !Number.isInteger(feeVnd)) problems.push(`row ${i + 2}: feeVnd must be a whole number of đồng`);
    return {
      code: row.code,
      ...(row.nationalCode ? { nationalCode: row.nationalCode } : {}),
      name: row.nameEn ? { vi: row.name, en: row.nameEn } : row.name,
      serviceId: row.serviceId,
      field: row.field,
      papers: typeof papers === 'string' ? [] : papers,
      fee: { text: row.fee, amountVnd: feeVnd },
      processing: row.processing,
      ...(row.processingText ? { processingText: row.processingText } : {}),
      resultAt: row.resultAt,
      ...(row.legalBasis ? { legalBasis: row.legalBasis } : {}),
    };
  });
  if (problems.length > 0) throw new CatalogError(source, problems.slice(0, 20));
  return catalogFromData(entries, source, (i) => `row ${i + 2}`);
}

/** A catalogue file's text, by its name: .csv or .json. */
export function catalogFromText(text: string, source: string): Procedure[] {
  if (source.toLowerCase().endsWith('.csv')) return catalogFromCsv(text, source);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CatalogError(source, [`it is not valid JSON: ${(error as Error).message}`]);
  }
  return catalogFromData(data, source);
}
