// The procedures guide: search as you type (with or without diacritics), one procedure with
// its papers and the counters that receive it, the due date it would have if received now,
// and a manager's import of the whole catalogue (JSON or CSV).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { UseCase } from '../../use-cases/ports.js';
import type { dueDateOf, procedureOf, replaceCatalog, searchProcedures } from '../../use-cases/procedures/procedures-guide.js';
import { Described, errorResponses, staffErrorResponses } from '../schemas.js';

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

export interface ProcedureRoutesOptions {
  searchProcedures: UseCase<typeof searchProcedures>;
  procedureOf: UseCase<typeof procedureOf>;
  dueDateOf: UseCase<typeof dueDateOf>;
  replaceCatalog: UseCase<typeof replaceCatalog>;
}

export const procedureRoutes: FastifyPluginAsyncTypebox<ProcedureRoutesOptions> = async (app, { searchProcedures, procedureOf, dueDateOf, replaceCatalog }) => {
  app.get(
    '/api/procedures',
    {
      schema: {
        tags: ['procedures'],
        summary: 'The procedures guide, searched as you type (with or without Vietnamese diacritics)',
        querystring: SearchQuery,
        response: { 200: Described('[{ code, name, serviceId, field, papers, fee, processing, processingText, processingWords, resultAt, legalBasis, counters }]'), ...errorResponses },
      },
    },
    async (request) => searchProcedures(request.query.q ?? '', request.query.serviceId),
  );

  app.get(
    '/api/procedures/:code',
    {
      schema: {
        tags: ['procedures'],
        summary: 'One procedure: papers (original, certified copy, copy, to show), fee, legal time, where the result is returned, counters',
        params: CodeParams,
        response: { 200: Described('{ code, name, papers, fee, processing, ..., counters }'), ...errorResponses },
      },
    },
    async (request) => procedureOf(request.params.code),
  );

  app.get(
    '/api/procedures/:code/due',
    {
      schema: {
        tags: ['procedures'],
        summary: "When the result is due if the dossier is received at a time (now by default), in the hall's working time",
        params: CodeParams,
        querystring: DueQuery,
        response: {
          200: Type.Object({ receivedAt: Type.Number(), startsAt: Type.Number(), dueAt: Type.Number(), dueDay: Type.String(), dueTime: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request) => dueDateOf(request.params.code, request.query.at),
  );

  // A catalogue is plain text when it is CSV; it reaches the handler as it came.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 2_000_000 }, (_request, body, done) => done(null, body));

  app.put(
    '/api/procedures',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Replace the whole catalogue (managers): a JSON list, or CSV with Content-Type: text/csv (docs/procedures.md)',
        body: Type.Unsafe<unknown>({ description: 'A JSON list of procedures, or CSV text' }),
        response: { 200: Type.Object({ count: Type.Integer() }), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
      bodyLimit: 2_000_000,
    },
    async (request) => replaceCatalog(request.body),
  );
};
