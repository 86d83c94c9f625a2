// The procedures guide: search as you type (with or without diacritics), one procedure with
// its papers and the counters that receive it, the due date it would have if received now,
// and a manager's import of the whole catalogue (JSON or CSV).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { ProcedureGuideEntry } from '../../contract/dossiers.js';
import { CatalogError, catalogFromCsv, catalogFromData } from '../../config/procedure-file.js';
import { DomainError } from '../../domain/domain-error.js';
import { localTime } from '../../domain/calendar/hall-clock.js';
import { describeProcessing, type Procedure } from '../../domain/dossier/procedures.js';
import type { Hub } from '../../hub.js';
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

export const procedureRoutes: FastifyPluginAsyncTypebox<{ hub: Hub }> = async (app, { hub }) => {
  const withCounters = (p: Procedure): ProcedureGuideEntry => ({ ...p, counters: hub.catalog.countersFor(p), processingWords: describeProcessing(p.processing) });

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
    async (request) => hub.catalog.search(request.query.q ?? '', request.query.serviceId).map(withCounters),
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
    async (request) => withCounters(hub.catalog.get(request.params.code)),
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
    async (request) => {
      const procedure = hub.catalog.get(request.params.code);
      const receivedAt = request.query.at ?? hub.clock();
      const time = hub.catalog.workingTime();
      const dueAt = time.dueAt(receivedAt, procedure.processing);
      const local = localTime(dueAt, hub.live.settings.timeZone);
      const hhmm = `${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:${String(local.minutes % 60).padStart(2, '0')}`;
      return { receivedAt, startsAt: time.startOf(receivedAt), dueAt, dueDay: local.day, dueTime: hhmm };
    },
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
    async (request) => {
      let list: Procedure[];
      try {
        list = typeof request.body === 'string' ? catalogFromCsv(request.body, 'the uploaded CSV') : catalogFromData(request.body, 'the uploaded list');
      } catch (error) {
        if (error instanceof CatalogError) throw new DomainError('catalog_invalid', { problems: error.problems.slice(0, 5).join('; ') });
        throw error;
      }
      await hub.queue.read(() => hub.catalog.replace(list));
      return { count: list.length };
    },
  );
};
