// Reading the hall: its whole live state, its services with waits, and health.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { hallSnapshot, health, listServices, serviceOf } from '../../use-cases/hall/read-hall.js';
import type { UseCase } from '../../use-cases/ports.js';
import { DeviceStatusSchema, errorResponses, FilterQuery, ServiceParams, ServiceSummarySchema } from '../schemas.js';

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
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['hall'],
        summary: 'Is the hub alive and its storage writable',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            version: Type.String(),
            uptimeSeconds: Type.Number(),
            day: Type.String(),
            seq: Type.Integer({ description: 'Last event sequence number' }),
            database: Type.Object({ ok: Type.Boolean(), schemaVersion: Type.Integer() }),
            devices: Type.Array(DeviceStatusSchema),
            memory: Type.Object({ rssBytes: Type.Number(), heapUsedBytes: Type.Number(), heapTotalBytes: Type.Number(), externalBytes: Type.Number() }),
          }),
        },
      },
    },
    async () => health(),
  );

  app.get(
    '/api/hall',
    {
      schema: {
        tags: ['hall'],
        summary: "The hall's whole live state (the snapshot pages start from)",
        description: 'Optionally limited to some services or counters, like a display on one floor.',
        querystring: FilterQuery,
      },
    },
    async (request) => {
      const counters = list(request.query.counters).map(Number);
      return hallSnapshot({ services: list(request.query.services), counters });
    },
  );

  app.get(
    '/api/services',
    {
      schema: {
        tags: ['services'],
        summary: 'Every service with its waiting count and estimated wait',
        response: { 200: Type.Array(ServiceSummarySchema) },
      },
    },
    async () => listServices(),
  );

  app.get(
    '/api/services/:serviceId',
    {
      schema: {
        tags: ['services'],
        summary: 'One service with its waiting count and estimated wait',
        params: ServiceParams,
        response: { 200: ServiceSummarySchema, ...errorResponses },
      },
    },
    async (request) => serviceOf(request.params.serviceId),
  );
};
