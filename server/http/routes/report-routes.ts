// The manager's reading: the day report, closing the day by hand, and the event log.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { backupDatabase, databaseBytes } from '../../db/database.js';
import { reserveBytes, roomForCopy } from '../../domain/storage/disk-space.js';
import { DomainError } from '../../domain/domain-error.js';
import type { Hub } from '../../hub.js';
import { dayReport } from '../../domain/report/day-report.js';
import Type from 'typebox';
import { actorOf } from '../access/access-rules.js';
import { ClerkBody, Described, EventsQuery, ReportQuery, staffErrorResponses } from '../schemas.js';

export const reportRoutes: FastifyPluginAsyncTypebox<{ hub: Hub }> = async (app, { hub }) => {
  app.get(
    '/api/reports/day',
    {
      schema: {
        tags: ['reports'],
        summary: "A day's figures per service and counter: issued, served, no-show, not served, waits (staff)",
        querystring: ReportQuery,
        response: { 200: Described('{ day, total, services[], counters[] }'), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request) => {
      const day = request.query.day ?? hub.queries.today();
      return hub.queue.read(() => dayReport(day, hub.tickets.ticketsOfDay(day), hub.live.allServices().map((s) => s.id)));
    },
  );

  app.post(
    '/api/day/close',
    {
      schema: {
        tags: ['reports'],
        summary: "Close today's queue now: every waiting ticket becomes not served (managers)",
        body: ClerkBody,
        response: { 200: Type.Object({ seq: Type.Integer(), closed: Type.Integer() }), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request) => {
      const { events } = await hub.queue.execute({ type: 'closeDay', includeToday: true }, actorOf(request.caller, request.body.clerk));
      const closed = events.flatMap((e) => (e.type === 'day:closed' ? e.data.tickets : []));
      return { seq: hub.queue.lastSeq(), closed: closed.length };
    },
  );

  app.post(
    '/api/backups',
    {
      schema: {
        tags: ['reports'],
        summary: 'Copy the database now, with SQLite\'s online backup API, into the data folder\'s backups/ (managers)',
        body: ClerkBody,
        response: { 201: Described('{ path }'), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request, reply) => {
      const free = hub.diskFreeBytes(hub.dataDir);
      const size = databaseBytes(hub.db);
      if (!roomForCopy(free, size)) {
        throw new DomainError('disk_full', { free, copy: size, reserve: reserveBytes(size) });
      }
      const path = await hub.queue.read(() => backupDatabase(hub.db, hub.dataDir, 'manual'));
      return reply.status(201).send({ path: await path });
    },
  );

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['reports'],
        summary: 'The event log, oldest first, after a sequence number (staff)',
        querystring: EventsQuery,
        response: { 200: Described('[{ seq, at, type, ticketId, counterId, serviceId, actor, data }]'), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request) => hub.queue.read(() => hub.events.read({ after: request.query.after ?? 0, limit: request.query.limit ?? 200 })),
  );
};
