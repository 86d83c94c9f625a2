// Tickets: take a number, follow it, and the commands that act on a ticket by its id.

import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DomainError } from '../../domain/domain-error.js';
import type { Command } from '../../domain/queue/queue-engine.js';
import type { Hub } from '../../hub.js';
import { actorOf } from '../access/access-rules.js';
import {
  CancelBody,
  ClerkBody,
  Described,
  errorResponses,
  staffErrorResponses,
  PublicTicketViewSchema,
  IssueTicketBody,
  PriorityBody,
  TicketListQuery,
  TicketParams,
  TicketSchema,
  TicketViewSchema,
} from '../schemas.js';

const CommandReply = Type.Object({
  seq: Type.Integer({ description: 'Sequence number of the last event this command caused' }),
  ticket: TicketViewSchema,
});

export const ticketRoutes: FastifyPluginAsyncTypebox<{ hub: Hub }> = async (app, { hub }) => {
  const ticketOf = (ticketId: string) => {
    const ticket = hub.live.ticket(ticketId);
    if (!ticket) throw new DomainError('ticket_not_found', { ticketId });
    return ticket;
  };

  app.post(
    '/api/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Take a number for a service (optionally as a priority category); a clerk for their counter’s services',
        body: IssueTicketBody,
        response: { 201: CommandReply, ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request, reply) => {
      const { serviceId, priority, source } = request.body;
      const command = { type: 'issue', serviceId, priority: priority ?? null, source: source ?? 'api' } as const;
      const { change, events } = await hub.queue.execute(command, actorOf(request.caller));
      const ticket = await hub.queue.read(() => hub.queries.ticketView(hub.live.ticket(change.tickets[0]!.id)!));
      return reply.status(201).send({ seq: events.at(-1)!.seq, ticket });
    },
  );

  app.get(
    '/api/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: "A day's tickets (today by default), optionally by status or service (staff)",
        querystring: TicketListQuery,
        response: { 200: Type.Array(TicketSchema), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request) => {
      const { day, status, serviceId } = request.query;
      const tickets = await hub.queue.read(() => hub.tickets.ticketsOfDay(day ?? hub.queries.today()));
      return tickets.filter((t) => (status ? t.status === status : true) && (serviceId ? t.serviceId === serviceId : true));
    },
  );

  app.get(
    '/api/tickets/:ticketId',
    {
      schema: {
        tags: ['tickets'],
        summary: 'One ticket with its status, people ahead and estimated wait (public shape: priority yes/no)',
        params: TicketParams,
        response: { 200: PublicTicketViewSchema, ...errorResponses },
      },
    },
    async (request) => hub.queue.read(() => hub.queries.publicTicketView(ticketOf(request.params.ticketId))),
  );

  app.get(
    '/api/tickets/:ticketId/events',
    {
      schema: {
        tags: ['tickets'],
        summary: "A ticket's history from the event log (staff)",
        params: TicketParams,
        response: { 200: Described('[{ seq, at, type, ticketId, counterId, serviceId, actor, data }]'), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request) => {
      return hub.queue.read(() => {
        ticketOf(request.params.ticketId);
        return hub.events.read({ ticketId: request.params.ticketId, limit: 1000 });
      });
    },
  );

  const ticketCommand = async (request: FastifyRequest, ticketId: string, command: Command, clerk: string | undefined) => {
    const { events } = await hub.queue.execute(command, actorOf(request.caller, clerk));
    return hub.queue.read(() => ({ seq: events.at(-1)!.seq, ticket: hub.queries.ticketView(ticketOf(ticketId)) }));
  };

  app.post(
    '/api/tickets/:ticketId/restore',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Put a skipped (no-show) ticket back in its queue, within the allowed minutes',
        params: TicketParams,
        body: ClerkBody,
        response: { 200: CommandReply, ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request) =>
      ticketCommand(request, request.params.ticketId, { type: 'restore', ticketId: request.params.ticketId }, request.body.clerk),
  );

  app.post(
    '/api/tickets/:ticketId/cancel',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Cancel a waiting, called or skipped ticket',
        params: TicketParams,
        body: CancelBody,
        response: { 200: CommandReply, ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request) =>
      ticketCommand(
        request,
        request.params.ticketId,
        { type: 'cancel', ticketId: request.params.ticketId, reason: request.body.reason ?? null },
        request.body.clerk,
      ),
  );

  app.post(
    '/api/tickets/:ticketId/priority',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Mark a waiting ticket as priority (or back to regular with null)',
        params: TicketParams,
        body: PriorityBody,
        response: { 200: CommandReply, ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request) =>
      ticketCommand(
        request,
        request.params.ticketId,
        { type: 'setPriority', ticketId: request.params.ticketId, priority: request.body.priority },
        request.body.clerk,
      ),
  );
};
