// Tickets: take a number, follow it, and the commands that act on a ticket by its id.

import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '../../domain/errors.js';
import type { Command } from '../../domain/queue-engine.js';
import type { Hub } from '../../hub.js';
import { actorOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

export const ticketRoutes: FastifyPluginAsyncTypebox<{ hub: Hub }> = async (app, { hub }) => {
  const ticketOf = (ticketId: string) => {
    const ticket = hub.live.ticket(ticketId);
    if (!ticket) throw new DomainError('ticket_not_found', { ticketId });
    return ticket;
  };

  app.route({
    ...routeOf('POST /api/tickets'),
    handler: async (request, reply) => {
      const { serviceId, priority, source } = request.body;
      const command = { type: 'issue', serviceId, priority: priority ?? null, source: source ?? 'api' } as const;
      const { change, events } = await hub.queue.execute(command, actorOf(request.caller));
      const ticket = await hub.queue.read(() => hub.queries.ticketView(hub.live.ticket(change.tickets[0]!.id)!));
      return reply.status(201).send({ seq: events.at(-1)!.seq, ticket });
    },
  });

  app.route({
    ...routeOf('GET /api/tickets'),
    handler: async (request) => {
      const { day, status, serviceId } = request.query;
      const tickets = await hub.queue.read(() => hub.tickets.ticketsOfDay(day ?? hub.queries.today()));
      return tickets.filter((t) => (status ? t.status === status : true) && (serviceId ? t.serviceId === serviceId : true));
    },
  });

  app.route({
    ...routeOf('GET /api/tickets/:ticketId'),
    handler: async (request) => hub.queue.read(() => hub.queries.publicTicketView(ticketOf(request.params.ticketId))),
  });

  app.route({
    ...routeOf('GET /api/tickets/:ticketId/events'),
    handler: async (request) => {
      return hub.queue.read(() => {
        ticketOf(request.params.ticketId);
        return hub.events.read({ ticketId: request.params.ticketId, limit: 1000 });
      });
    },
  });

  const ticketCommand = async (request: FastifyRequest, ticketId: string, command: Command, clerk: string | undefined) => {
    const { events } = await hub.queue.execute(command, actorOf(request.caller, clerk));
    return hub.queue.read(() => ({ seq: events.at(-1)!.seq, ticket: hub.queries.ticketView(ticketOf(ticketId)) }));
  };

  app.route({
    ...routeOf('POST /api/tickets/:ticketId/restore'),
    handler: async (request) =>
      ticketCommand(request, request.params.ticketId, { type: 'restore', ticketId: request.params.ticketId }, request.body.clerk),
  });

  app.route({
    ...routeOf('POST /api/tickets/:ticketId/cancel'),
    handler: async (request) =>
      ticketCommand(
        request,
        request.params.ticketId,
        { type: 'cancel', ticketId: request.params.ticketId, reason: request.body.reason ?? null },
        request.body.clerk,
      ),
  });

  app.route({
    ...routeOf('POST /api/tickets/:ticketId/priority'),
    handler: async (request) =>
      ticketCommand(
        request,
        request.params.ticketId,
        { type: 'setPriority', ticketId: request.params.ticketId, priority: request.body.priority },
        request.body.clerk,
      ),
  });
};
