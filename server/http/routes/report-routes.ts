// The manager's reading: the day report, closing the day by hand, and the event log.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { UseCase } from '../../use-cases/ports.js';
import type { backUpNow, closeDayNow, dayReportOf, eventLog } from '../../use-cases/reports/day-reports.js';
import { actorOf } from '../access/access-rules.js';
import { ClerkBody, Described, EventsQuery, ReportQuery, staffErrorResponses } from '../schemas.js';

export interface ReportRoutesOptions {
  dayReportOf: UseCase<typeof dayReportOf>;
  closeDayNow: UseCase<typeof closeDayNow>;
  backUpNow: UseCase<typeof backUpNow>;
  eventLog: UseCase<typeof eventLog>;
}

export const reportRoutes: FastifyPluginAsyncTypebox<ReportRoutesOptions> = async (app, { dayReportOf, closeDayNow, backUpNow, eventLog }) => {
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
    async (request) => dayReportOf(request.query.day),
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
    async (request) => closeDayNow(actorOf(request.caller, request.body.clerk)),
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
    async (_request, reply) => reply.status(201).send(await backUpNow()),
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
    async (request) => eventLog(request.query.after ?? 0, request.query.limit ?? 200),
  );
};
