// The manager's reading: the day report, closing the day by hand, and the event log.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { backupDatabase, databaseBytes } from '../../db/database.js';
import { reserveBytes, roomForCopy } from '../../domain/disk-space.js';
import { DomainError } from '../../domain/errors.js';
import type { Hub } from '../../hub.js';
import { dayReport } from '../../domain/day-report.js';
import { actorOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

export const reportRoutes: FastifyPluginAsyncTypebox<{ hub: Hub }> = async (app, { hub }) => {
  app.route({
    ...routeOf('GET /api/reports/day'),
    handler: async (request) => {
      const day = request.query.day ?? hub.queries.today();
      return hub.queue.read(() => dayReport(day, hub.tickets.ticketsOfDay(day), hub.live.allServices().map((s) => s.id)));
    },
  });

  app.route({
    ...routeOf('POST /api/day/close'),
    handler: async (request) => {
      const { events } = await hub.queue.execute({ type: 'closeDay', includeToday: true }, actorOf(request.caller, request.body.clerk));
      const closed = events.flatMap((e) => (e.type === 'day:closed' ? e.data.tickets : []));
      return { seq: hub.queue.lastSeq(), closed: closed.length };
    },
  });

  app.route({
    ...routeOf('POST /api/backups'),
    handler: async (request, reply) => {
      const free = hub.diskFreeBytes(hub.dataDir);
      const size = databaseBytes(hub.db);
      if (!roomForCopy(free, size)) {
        throw new DomainError('disk_full', { free, copy: size, reserve: reserveBytes(size) });
      }
      const path = await hub.queue.read(() => backupDatabase(hub.db, hub.dataDir, 'manual'));
      return reply.status(201).send({ path: await path });
    },
  });

  app.route({
    ...routeOf('GET /api/events'),
    handler: async (request) => hub.queue.read(() => hub.events.read({ after: request.query.after ?? 0, limit: request.query.limit ?? 200 })),
  });
};
