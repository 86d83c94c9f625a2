// The procedures guide: search as you type (with or without diacritics), one procedure with
// its papers and the counters that receive it, the due date it would have if received now,
// and a manager's import of the whole catalogue (JSON or CSV).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ProcedureGuideEntry } from '../../contract/dossiers.js';
import { CatalogError, catalogFromCsv, catalogFromData } from '../../config/procedure-file.js';
import { DomainError } from '../../domain/errors.js';
import { localTime } from '../../domain/hall-clock.js';
import { describeProcessing, type Procedure } from '../../domain/procedures.js';
import type { Hub } from '../../hub.js';
import { routeOf } from '../route-map.js';

export const procedureRoutes: FastifyPluginAsyncTypebox<{ hub: Hub }> = async (app, { hub }) => {
  const withCounters = (p: Procedure): ProcedureGuideEntry => ({ ...p, counters: hub.catalog.countersFor(p), processingWords: describeProcessing(p.processing) });

  app.route({
    ...routeOf('GET /api/procedures'),
    handler: async (request) => hub.catalog.search(request.query.q ?? '', request.query.serviceId).map(withCounters),
  });

  app.route({
    ...routeOf('GET /api/procedures/:code'),
    handler: async (request) => withCounters(hub.catalog.get(request.params.code)),
  });

  app.route({
    ...routeOf('GET /api/procedures/:code/due'),
    handler: async (request) => {
      const procedure = hub.catalog.get(request.params.code);
      const receivedAt = request.query.at ?? hub.clock();
      const time = hub.catalog.workingTime();
      const dueAt = time.dueAt(receivedAt, procedure.processing);
      const local = localTime(dueAt, hub.live.settings.timeZone);
      const hhmm = `${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:${String(local.minutes % 60).padStart(2, '0')}`;
      return { receivedAt, startsAt: time.startOf(receivedAt), dueAt, dueDay: local.day, dueTime: hhmm };
    },
  });

  // A catalogue is plain text when it is CSV; it reaches the handler as it came.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 2_000_000 }, (_request, body, done) => done(null, body));

  app.route({
    ...routeOf('PUT /api/procedures'),
    bodyLimit: 2_000_000,
    handler: async (request) => {
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
  });
};
