// Tickets: take a number, follow it, and the commands that act on a ticket by its id.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ticketActions } from '../../use-cases/queue/act-on-ticket.js';
import type { publicTicketOf, ticketHistory, ticketsOfDay } from '../../use-cases/queue/read-tickets.js';
import type { takeNumber } from '../../use-cases/queue/take-number.js';
import type { Bound, UseCase } from '../../use-cases/ports.js';
import { actorOf, dossierCallerOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

export interface TicketRoutesOptions {
  takeNumber: UseCase<typeof takeNumber>;
  ticketsOfDay: UseCase<typeof ticketsOfDay>;
  publicTicketOf: UseCase<typeof publicTicketOf>;
  ticketHistory: UseCase<typeof ticketHistory>;
  ticketActions: Bound<typeof ticketActions>;
}

export const ticketRoutes: FastifyPluginAsyncTypebox<TicketRoutesOptions> = async (app, { takeNumber, ticketsOfDay, publicTicketOf, ticketHistory, ticketActions }) => {
  app.route({
    ...routeOf('POST /api/tickets'),
    handler: async (request, reply) => {
      return reply.status(201).send(await takeNumber(request.body, actorOf(request.caller)));
    },
  });

  app.route({
    ...routeOf('GET /api/tickets'),
    handler: async (request) => ticketsOfDay(request.query),
  });

  app.route({
    ...routeOf('GET /api/tickets/:ticketId'),
    handler: async (request) => publicTicketOf(request.params.ticketId),
  });

  app.route({
    ...routeOf('GET /api/tickets/:ticketId/events'),
    handler: async (request) => ticketHistory(request.params.ticketId, dossierCallerOf(request.caller)),
  });

  app.route({
    ...routeOf('POST /api/tickets/:ticketId/restore'),
    handler: async (request) => ticketActions.restore(request.params.ticketId, actorOf(request.caller, request.body.clerk)),
  });

  app.route({
    ...routeOf('POST /api/tickets/:ticketId/cancel'),
    handler: async (request) => ticketActions.cancel(request.params.ticketId, request.body.reason ?? null, actorOf(request.caller, request.body.clerk)),
  });

  app.route({
    ...routeOf('POST /api/tickets/:ticketId/priority'),
    handler: async (request) => ticketActions.setPriority(request.params.ticketId, request.body.priority, actorOf(request.caller, request.body.clerk)),
  });
};
