// The admin's catalogue import in two steps (preview, then apply) and the catalogue's export.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { UseCase } from '../../use-cases/ports.js';
import { CatalogueRefusal, type applyCatalogue, type exportCatalogue, type previewCatalogue } from '../../use-cases/procedures/catalogue-import.js';
import { actorOf } from '../access/access-rules.js';
import { toApiError } from '../error-handler.js';
import { routeOf } from '../route-map.js';

export interface CatalogueRoutesOptions {
  previewCatalogue: UseCase<typeof previewCatalogue>;
  applyCatalogue: UseCase<typeof applyCatalogue>;
  exportCatalogue: UseCase<typeof exportCatalogue>;
}

export const catalogueRoutes: FastifyPluginAsyncTypebox<CatalogueRoutesOptions> = async (app, { previewCatalogue, applyCatalogue, exportCatalogue }) => {
  app.route({
    ...routeOf('POST /api/procedures/import/preview'),
    // A 2 MB file is some 2.7 MB once in base64.
    bodyLimit: 3_000_000,
    handler: async (request, reply) => {
      try {
        return await previewCatalogue(request.body);
      } catch (error) {
        if (!(error instanceof CatalogueRefusal)) throw error;
        // Every problem with its row, beside the usual refusal.
        return reply.status(422).send({ ...toApiError(error), problems: error.problems });
      }
    },
  });

  app.route({
    ...routeOf('POST /api/procedures/import/:previewId/apply'),
    handler: async (request) => applyCatalogue(request.params.previewId, actorOf(request.caller)),
  });

  app.route({
    ...routeOf('GET /api/procedures/export'),
    config: { passive: true },
    handler: async (request, reply) => {
      const file = await exportCatalogue(request.query.format);
      return reply.type(file.type).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
    },
  });
};
