// The hall's own calendar: reading it, and a manager's closures, extra working days and
// official years.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { addHallDay, loadOfficialYear, readCalendar, removeHallDay } from '../../use-cases/hall/hall-calendar.js';
import type { UseCase } from '../../use-cases/ports.js';
import { actorOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

export interface CalendarRoutesOptions {
  readCalendar: UseCase<typeof readCalendar>;
  addHallDay: UseCase<typeof addHallDay>;
  removeHallDay: UseCase<typeof removeHallDay>;
  loadOfficialYear: UseCase<typeof loadOfficialYear>;
}

export const calendarRoutes: FastifyPluginAsyncTypebox<CalendarRoutesOptions> = async (app, use) => {
  app.route({ ...routeOf('GET /api/calendar'), handler: async () => use.readCalendar() });
  app.route({
    ...routeOf('POST /api/calendar/days'),
    handler: async (request, reply) => reply.code(201).send(await use.addHallDay(request.body, actorOf(request.caller))),
  });
  app.route({ ...routeOf('DELETE /api/calendar/days/:id'), handler: async (request) => use.removeHallDay(request.params.id, actorOf(request.caller)) });
  app.route({ ...routeOf('PUT /api/calendar/years/:year'), handler: async (request) => use.loadOfficialYear(request.params.year, request.body, actorOf(request.caller)) });
};
