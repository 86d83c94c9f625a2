// Reading the hall: its whole live state, its services with waits, and health.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DomainError } from '../../domain/errors.js';
import type { Hub } from '../../hub.js';
import { DeviceStatusSchema, errorResponses, FilterQuery, ServiceParams, ServiceSummarySchema } from '../schemas.js';
import type { DeviceRegistry } from '../../services/device-registry.js';
import type { ClockWatch } from '../../services/clock-watch.js';

export interface HallRoutesOptions {
  hub: Hub;
  version: string;
  devices: DeviceRegistry;
  clock: ClockWatch;
}

function memoryFigures() {
  const m = process.memoryUsage();
  // `external` already counts the buffers (`arrayBuffers`).
  return { rssBytes: m.rss, heapUsedBytes: m.heapUsed, heapTotalBytes: m.heapTotal, externalBytes: m.external };
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').filter((v) => v !== '');
}

export const hallRoutes: FastifyPluginAsyncTypebox<HallRoutesOptions> = async (app, { hub, version, devices, clock }) => {
  const ping = hub.db.prepare('SELECT 1');
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
            clock: Type.Object(
              {
                synchronized: Type.Union([Type.Boolean(), Type.Null()], { description: 'NTP synchronised; null where it cannot be read' }),
                message: Type.Union([Type.String(), Type.Null()]),
                messageEn: Type.Union([Type.String(), Type.Null()]),
              },
              { description: 'A clock that is not synchronised is a warning: numbering and deadlines follow it' },
            ),
            memory: Type.Object({ rssBytes: Type.Number(), heapUsedBytes: Type.Number(), heapTotalBytes: Type.Number(), externalBytes: Type.Number() }),
          }),
        },
      },
    },
    async () => {
      let dbOk = true;
      try {
        ping.get();
      } catch {
        dbOk = false;
      }
      const deviceList = devices.list();
      return {
        ok: dbOk && deviceList.every((d) => d.ok),
        version,
        uptimeSeconds: Math.round((hub.clock() - hub.startedAt) / 1000),
        day: hub.queries.today(),
        seq: hub.queue.lastSeq(),
        database: { ok: dbOk, schemaVersion: hub.schemaVersion },
        devices: deviceList,
        clock: clock.current(),
        memory: memoryFigures(),
      };
    },
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
      return hub.queue.read(() => hub.queries.snapshot({ services: list(request.query.services), counters }));
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
    async () => hub.queue.read(() => hub.queries.serviceSummaries()),
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
    async (request) => {
      const [summary] = await hub.queue.read(() => hub.queries.serviceSummaries([request.params.serviceId]));
      if (!summary) throw new DomainError('service_not_found', { serviceId: request.params.serviceId });
      return summary;
    },
  );
};
