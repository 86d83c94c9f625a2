// The procedures guide: search as you type (with or without diacritics), one procedure with
// its papers and the counters that receive it, the due date it would have if received now,
// and a manager's import of the whole catalogue (JSON or CSV).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { UseCase } from '../../use-cases/ports.js';
import type { dueDateOf, procedureOf, replaceCatalog, searchProcedures } from '../../use-cases/procedures/procedures-guide.js';
import { routeOf } from '../route-map.js';

export interface ProcedureRoutesOptions {
  searchProcedures: UseCase<typeof searchProcedures>;
  procedureOf: UseCase<typeof procedureOf>;
  dueDateOf: UseCase<typeof dueDateOf>;
  replaceCatalog: UseCase<typeof replaceCatalog>;
}

export const procedureRoutes: FastifyPluginAsyncTypebox<ProcedureRoutesOptions> = async (app, { searchProcedures, procedureOf, dueDateOf, replaceCatalog }) => {
  app.route({
    ...routeOf('GET /api/procedures'),
    handler: async (request) => searchProcedures(request.query.q ?? '', request.query.serviceId),
  });

  app.route({
    ...routeOf('GET /api/procedures/:code'),
    handler: async (request) => procedureOf(request.params.code),
  });

  app.route({
    ...routeOf('GET /api/procedures/:code/due'),
    handler: async (request) => dueDateOf(request.params.code, request.query.at),
  });

  // A catalogue is plain text when it is CSV; it reaches the handler as it came.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 2_000_000 }, (_request, body, done) => done(null, body));

  app.route({
    ...routeOf('PUT /api/procedures'),
    bodyLimit: 2_000_000,
    handler: async (request) => replaceCatalog(request.body),
  });
};
