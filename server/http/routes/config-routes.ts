// The hall's configuration changed live by an admin (the console's Configuration screen). Each
// change answers with the configuration as it now runs.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { addCounter, addService, changeCounter, changeHallSettings, changeService, readConfiguration, removeCounter, removeService } from '../../use-cases/config/configure-hall.js';
import type { applyHallFile, exportHallFile, previewHallFile } from '../../use-cases/config/hall-file-import.js';
import type { UseCase } from '../../use-cases/ports.js';
import { actorOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

export interface ConfigRoutesOptions {
  readConfiguration: UseCase<typeof readConfiguration>;
  changeHallSettings: UseCase<typeof changeHallSettings>;
  addService: UseCase<typeof addService>;
  changeService: UseCase<typeof changeService>;
  removeService: UseCase<typeof removeService>;
  addCounter: UseCase<typeof addCounter>;
  changeCounter: UseCase<typeof changeCounter>;
  removeCounter: UseCase<typeof removeCounter>;
  exportHallFile: UseCase<typeof exportHallFile>;
  previewHallFile: UseCase<typeof previewHallFile>;
  applyHallFile: UseCase<typeof applyHallFile>;
}

export const configRoutes: FastifyPluginAsyncTypebox<ConfigRoutesOptions> = async (app, uc) => {
  app.route({
    ...routeOf('GET /api/config'),
    config: { passive: true },
    handler: async () => uc.readConfiguration(),
  });
  app.route({
    ...routeOf('PUT /api/config/hall'),
    handler: async (request) => {
      await uc.changeHallSettings(request.body, actorOf(request.caller));
      return uc.readConfiguration();
    },
  });
  app.route({
    ...routeOf('POST /api/config/services'),
    handler: async (request, reply) => {
      await uc.addService(request.body, actorOf(request.caller));
      return reply.status(201).send(uc.readConfiguration());
    },
  });
  app.route({
    ...routeOf('POST /api/config/services/:serviceId'),
    handler: async (request) => {
      await uc.changeService(request.params.serviceId, request.body, actorOf(request.caller));
      return uc.readConfiguration();
    },
  });
  app.route({
    ...routeOf('DELETE /api/config/services/:serviceId'),
    handler: async (request) => {
      await uc.removeService(request.params.serviceId, actorOf(request.caller));
      return uc.readConfiguration();
    },
  });
  app.route({
    ...routeOf('POST /api/config/counters'),
    handler: async (request, reply) => {
      await uc.addCounter(request.body, actorOf(request.caller));
      return reply.status(201).send(uc.readConfiguration());
    },
  });
  app.route({
    ...routeOf('POST /api/config/counters/:counterId'),
    handler: async (request) => {
      await uc.changeCounter(request.params.counterId, request.body, actorOf(request.caller));
      return uc.readConfiguration();
    },
  });
  app.route({
    ...routeOf('DELETE /api/config/counters/:counterId'),
    handler: async (request) => {
      await uc.removeCounter(request.params.counterId, actorOf(request.caller));
      return uc.readConfiguration();
    },
  });
  app.route({
    ...routeOf('GET /api/config/hall-file'),
    config: { passive: true },
    handler: async (_request, reply) => {
      const file = await uc.exportHallFile();
      return reply.type('application/yaml; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
    },
  });
  app.route({
    ...routeOf('POST /api/config/hall-file/preview'),
    // A 1 MB file, as JSON text.
    bodyLimit: 2_000_000,
    handler: async (request) => uc.previewHallFile(request.body),
  });
  app.route({
    ...routeOf('POST /api/config/hall-file/:previewId/apply'),
    handler: async (request) => uc.applyHallFile(request.params.previewId, actorOf(request.caller)),
  });
};
