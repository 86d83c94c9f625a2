// Tickets: take a number, follow it, and the commands that act on a ticket by its id.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { ticketActions } from '../../use-cases/queue/act-on-ticket.js';
import type { publicTicketOf, ticketHistory, ticketsOfDay } from '../../use-cases/queue/read-tickets.js';
import type { takeNumber } from '../../use-cases/queue/take-number.js';
import type { Bound, UseCase } from '../../use-cases/ports.js';
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

export interface TicketRoutesOptions {
  takeNumber: UseCase<typeof takeNumber>;
  ticketsOfDay: UseCase<typeof ticketsOfDay>;
  publicTicketOf: UseCase<typeof publicTicketOf>;
  ticketHistory: UseCase<typeof ticketHistory>;
  ticketActions: Bound<typeof ticketActions>;
}

export const ticketRoutes: FastifyPluginAsyncTypebox<TicketRoutesOptions> = async (app, { takeNumber, ticketsOfDay, publicTicketOf, ticketHistory, ticketActions }) => {

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
      return reply.status(201).send(await takeNumber(request.body, actorOf(request.caller)));
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
    async (request) => ticketsOfDay(request.query),
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
    async (request) => publicTicketOf(request.params.ticketId),
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
    async (request) => ticketHistory(request.params.ticketId),
  );

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
    async (request) => ticketActions.restore(request.params.ticketId, actorOf(request.caller, request.body.clerk)),
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
    async (request) => ticketActions.cancel(request.params.ticketId, request.body.reason ?? null, actorOf(request.caller, request.body.clerk)),
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
    async (request) => ticketActions.setPriority(request.params.ticketId, request.body.priority, actorOf(request.caller, request.body.clerk)),
  );
};
