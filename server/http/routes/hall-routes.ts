// Reading the hall: its whole live state, its services with waits, and health.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '../../domain/errors.js';
import type { Hub } from '../../hub.js';
import type { DeviceRegistry } from '../../services/device-registry.js';
import { routeOf } from '../route-map.js';

export interface HallRoutesOptions {
  hub: Hub;
  version: string;
  devices: DeviceRegistry;
}

function memoryFigures() {
  const m = process.memoryUsage();
  // `external` already counts the buffers (`arrayBuffers`).
  return { rssBytes: m.rss, heapUsedBytes: m.heapUsed, heapTotalBytes: m.heapTotal, externalBytes: m.external };
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').filter((v) => v !== '');
}

export const hallRoutes: FastifyPluginAsyncTypebox<HallRoutesOptions> = async (app, { hub, version, devices }) => {
  const ping = hub.db.prepare('SELECT 1');
  app.route({
    ...routeOf('GET /api/health'),
    handler: async () => {
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
        memory: memoryFigures(),
      };
    },
  });

  app.route({
    ...routeOf('GET /api/hall'),
    handler: async (request) => {
      const counters = list(request.query.counters).map(Number);
      return hub.queue.read(() => hub.queries.snapshot({ services: list(request.query.services), counters }));
    },
  });

  app.route({
    ...routeOf('GET /api/services'),
    handler: async () => hub.queue.read(() => hub.queries.serviceSummaries()),
  });

  app.route({
    ...routeOf('GET /api/services/:serviceId'),
    handler: async (request) => {
      const [summary] = await hub.queue.read(() => hub.queries.serviceSummaries([request.params.serviceId]));
      if (!summary) throw new DomainError('service_not_found', { serviceId: request.params.serviceId });
      return summary;
    },
  });
};
