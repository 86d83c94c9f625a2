// Reading the hall: its whole live state, its services with waits, and health.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { hallSnapshot, health, listServices, serviceOf } from '../../use-cases/hall/read-hall.js';
import type { UseCase } from '../../use-cases/ports.js';
import { routeOf } from '../route-map.js';

export interface HallRoutesOptions {
  health: UseCase<typeof health>;
  hallSnapshot: UseCase<typeof hallSnapshot>;
  listServices: UseCase<typeof listServices>;
  serviceOf: UseCase<typeof serviceOf>;
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').filter((v) => v !== '');
}

export const hallRoutes: FastifyPluginAsyncTypebox<HallRoutesOptions> = async (app, { health, hallSnapshot, listServices, serviceOf }) => {
  app.route({
    ...routeOf('GET /api/health'),
    handler: async () => health(),
  });

  app.route({
    ...routeOf('GET /api/hall'),
    handler: async (request) => {
      const counters = list(request.query.counters).map(Number);
      return hallSnapshot({ services: list(request.query.services), counters });
    },
  });

  app.route({
    ...routeOf('GET /api/services'),
    handler: async () => listServices(),
  });

  app.route({
    ...routeOf('GET /api/services/:serviceId'),
    handler: async (request) => serviceOf(request.params.serviceId),
  });
};
