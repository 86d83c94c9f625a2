// Routes of the procedures guide: search, one procedure, its due date, the manager's import.

import Type from 'typebox';
import type { ProcedureGuideEntry } from '../dossiers.js';
import { Described, errorResponses, staffErrorResponses, staffOnly } from '../route-schemas.js';

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
      200: Described<ProcedureGuideEntry[]>('[{ code, name, serviceId, field, papers, fee, processing, processingText, processingWords, resultAt, legalBasis, counters }]'),
      ...errorResponses,
    },
  },
  'GET /api/procedures/:code': {
    tags: ['procedures'],
    summary: 'One procedure: papers (original, certified copy, copy, to show), fee, legal time, where the result is returned, counters',
    params: CodeParams,
    response: { 200: Described<ProcedureGuideEntry>('{ code, name, papers, fee, processing, ..., counters }'), ...errorResponses },
  },
  'GET /api/procedures/:code/due': {
    tags: ['procedures'],
    summary: "When the result is due if the dossier is received at a time (now by default), in the hall's working time",
    params: CodeParams,
    querystring: DueQuery,
    response: {
      200: Type.Object({ receivedAt: Type.Number(), startsAt: Type.Number(), dueAt: Type.Number(), dueDay: Type.String(), dueTime: Type.String() }),
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
};
