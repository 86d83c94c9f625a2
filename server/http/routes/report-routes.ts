// The manager's reading: the day report, closing the day by hand, and the event log.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { UseCase } from '../../use-cases/ports.js';
import type { backUpNow, closeDayNow, dayReportOf, eventLog } from '../../use-cases/reports/day-reports.js';
import { actorOf, dossierCallerOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

export interface ReportRoutesOptions {
  dayReportOf: UseCase<typeof dayReportOf>;
  closeDayNow: UseCase<typeof closeDayNow>;
  backUpNow: UseCase<typeof backUpNow>;
  eventLog: UseCase<typeof eventLog>;
}

export const reportRoutes: FastifyPluginAsyncTypebox<ReportRoutesOptions> = async (app, { dayReportOf, closeDayNow, backUpNow, eventLog }) => {
  app.route({
    ...routeOf('GET /api/reports/day'),
    handler: async (request) => dayReportOf(request.query.day),
  });

  app.route({
    ...routeOf('POST /api/day/close'),
    handler: async (request) => closeDayNow(actorOf(request.caller, request.body.clerk)),
  });

  app.route({
    ...routeOf('POST /api/backups'),
    handler: async (_request, reply) => reply.status(201).send(await backUpNow()),
  });

  app.route({
    ...routeOf('GET /api/events'),
    handler: async (request) => eventLog(request.query.after ?? 0, request.query.limit ?? 200, dossierCallerOf(request.caller)),
  });
};
