// Routes of the procedures guide: search, one procedure, its due date, the manager's import, and
// the admin's import with a preview (upload, see what changes, apply) and export.

import Type, { type Static } from 'typebox';
import { PAPER_KINDS } from '../../domain/dossier/procedures.js';
import type { ProcedureGuideEntry } from '../dossiers.js';
import type { Same } from '../reply-schemas.js';
import { ErrorSchema } from '../reply-schemas.js';
import { Nullable, OneOf, errorResponses, staffErrorResponses, staffOnly } from '../route-schemas.js';

const Text = Type.Object({ vi: Type.String(), en: Type.String() });

/** The legal time to process: working days, calendar days, working hours, or the same day before a cut-off. */
export const ProcessingTimeSchema = Type.Union([
  Type.Object({ unit: Type.Literal('days'), value: Type.Number({ description: 'working days' }) }),
  Type.Object({ unit: Type.Literal('calendarDays'), value: Type.Number() }),
  Type.Object({ unit: Type.Literal('hours'), value: Type.Number() }),
  Type.Object({ unit: Type.Literal('sameDay'), cutoff: Type.String({ description: 'HH:MM' }) }),
]);

export const PaperSchema = Type.Object({ name: Type.String(), kind: OneOf(PAPER_KINDS), count: Type.Integer() });

/** A procedure of the guide, with the counters that receive it and its time in words. */
export const ProcedureGuideEntrySchema = Type.Object({
  code: Type.String({ description: "The hall's code, e.g. HT.01" }),
  nationalCode: Nullable(Type.String()),
  name: Text,
  serviceId: Type.String(),
  field: Type.String({ description: 'Lĩnh vực, as the national catalogue names it' }),
  papers: Type.Array(PaperSchema),
  fee: Type.Object({ text: Type.String(), amountVnd: Nullable(Type.Number()) }),
  processing: ProcessingTimeSchema,
  processingText: Type.String({ description: 'The legal wording of the time, e.g. "03 ngày làm việc"' }),
  resultAt: Type.String(),
  legalBasis: Type.String(),
  counters: Type.Array(Type.Integer()),
  processingWords: Text,
});
const guideEntryMatches: Same<Static<typeof ProcedureGuideEntrySchema>, ProcedureGuideEntry> = true;
void guideEntryMatches;

const Named = Type.Object({ code: Type.String(), name: Text });

/** What applying a catalogue file would change. */
export const CataloguePreviewSchema = Type.Object({
  previewId: Type.String(),
  baseHash: Type.String({ description: 'The running catalogue the preview was made against' }),
  count: Type.Integer({ description: 'Procedures in the file' }),
  unchanged: Type.Integer(),
  added: Type.Array(Named),
  changed: Type.Array(Type.Object({ code: Type.String(), name: Text, fields: Type.Array(Type.Object({ field: Type.String(), before: Type.String(), after: Type.String() })) })),
  removed: Type.Array(Named),
  expiresAt: Type.Number(),
});

/** A refused catalogue: the usual refusal, with each problem and its row (null: the whole file). */
const CatalogueRefusalSchema = Type.Object({
  ...ErrorSchema.properties,
  problems: Type.Optional(Type.Array(Type.Object({ row: Nullable(Type.Integer()), message: Type.String(), messageEn: Type.String() }))),
});

const CodeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9._-]{1,32}$', description: 'The procedure code, e.g. HT.01' }) });

const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the name, code or field; diacritics optional' })),
    serviceId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_]{1,16}$' })),
  },
  { additionalProperties: false },
);

const DueQuery = Type.Object(
  { at: Type.Optional(Type.Integer({ minimum: 0, maximum: 8_640_000_000_000, description: 'Received at (ms since 1970); now by default' })) },
  { additionalProperties: false },
);

export const PROCEDURE_ROUTES = {
  'GET /api/procedures': {
    tags: ['procedures'],
    summary: 'The procedures guide, searched as you type (with or without Vietnamese diacritics)',
    querystring: SearchQuery,
    response: {
      200: Type.Array(ProcedureGuideEntrySchema),
      ...errorResponses,
    },
  },
  'GET /api/procedures/:code': {
    tags: ['procedures'],
    summary: 'One procedure: papers (original, certified copy, copy, to show), fee, legal time, where the result is returned, counters',
    params: CodeParams,
    response: { 200: ProcedureGuideEntrySchema, ...errorResponses },
  },
  'GET /api/procedures/:code/due': {
    tags: ['procedures'],
    summary: "When the result is due if the dossier is received at a time (now by default), in the hall's working time",
    params: CodeParams,
    querystring: DueQuery,
    response: {
      200: Type.Object({
        receivedAt: Type.Number(),
        startsAt: Type.Number(),
        dueAt: Type.Number({ description: 'The instant the limit runs out: the end of its last day for limits in days' }),
        dueDay: Type.String({ description: 'The last day of the limit (YYYY-MM-DD)' }),
        dueTime: Nullable(Type.String({ description: 'HH:MM for limits in working hours; null: the whole last day counts' })),
      }),
      ...errorResponses,
    },
  },
  'PUT /api/procedures': {
    tags: ['procedures'],
    summary: 'Replace the whole catalogue (managers): a JSON list, or CSV with Content-Type: text/csv (docs/procedures.md)',
    body: Type.Unsafe<unknown>({ description: 'A JSON list of procedures, or CSV text' }),
    response: { 200: Type.Object({ count: Type.Integer() }), ...staffErrorResponses },
    security: staffOnly,
  },
  'POST /api/procedures/import/preview': {
    tags: ['procedures'],
    summary: 'Check a catalogue file (CSV or XLSX) and say what applying it would change, without changing anything (admins)',
    description:
      'The answer lists the procedures added, those changed with each field that changes, and those removed. A file the hub cannot use is refused (422) with every problem and its row, in Vietnamese and English. Apply the preview with its previewId within 30 minutes.',
    body: Type.Object(
      {
        format: OneOf(['csv', 'xlsx'] as const, { description: 'csv (UTF-8) or xlsx (the first sheet)' }),
        data: Type.String({ maxLength: 2_700_000, pattern: '^[A-Za-z0-9+/=\\s]*$', description: 'The file, base64 (at most 2 MB)' }),
      },
      { additionalProperties: false },
    ),
    response: { 200: CataloguePreviewSchema, ...staffErrorResponses, 422: CatalogueRefusalSchema },
    security: staffOnly,
  },
  'POST /api/procedures/import/:previewId/apply': {
    tags: ['procedures'],
    summary: 'Apply a preview exactly as it was shown (admins); refused (409) when the catalogue changed since; logged with who applied it',
    params: Type.Object({ previewId: Type.String({ pattern: '^[0-9a-f-]{36}$', description: 'From the preview' }) }),
    response: { 200: Type.Object({ count: Type.Integer(), added: Type.Integer(), changed: Type.Integer(), removed: Type.Integer() }), ...staffErrorResponses },
    security: staffOnly,
  },
  'GET /api/procedures/export': {
    tags: ['procedures'],
    summary: 'The running catalogue as a CSV or XLSX file in the import layout; no cell starts like a formula (admins)',
    querystring: Type.Object({ format: OneOf(['csv', 'xlsx'] as const) }, { additionalProperties: false }),
    response: { 200: Type.Unsafe<Uint8Array>({ description: 'text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), ...staffErrorResponses },
    security: staffOnly,
  },
};
