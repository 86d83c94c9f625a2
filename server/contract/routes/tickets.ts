// Routes of tickets: take a number, follow it, and the commands that act on a ticket by its id.

import Type from 'typebox';
import { PublicTicketViewSchema, TicketSchema, TicketViewSchema } from '../reply-schemas.js';
import { CancelBody, ClerkBody, errorResponses, IssueTicketBody, PriorityBody, staffErrorResponses, staffOnly, TicketListQuery, TicketParams } from '../route-schemas.js';
import { EventLogEntrySchema } from './reports.js';

const TicketCommandReply = Type.Object({
  seq: Type.Integer({ description: 'Sequence number of the last event this command caused' }),
  ticket: TicketViewSchema,
});

export const TICKET_ROUTES = {
  'POST /api/tickets': {
    tags: ['tickets'],
    summary: 'Take a number for a service (optionally as a priority category); a clerk for their counter’s services',
    body: IssueTicketBody,
    response: { 201: TicketCommandReply, ...staffErrorResponses },
    security: staffOnly,
  },
  'GET /api/tickets': {
    tags: ['tickets'],
    summary: "A day's tickets (today by default), optionally by status or service (staff)",
    querystring: TicketListQuery,
    response: { 200: Type.Array(TicketSchema), ...staffErrorResponses },
    security: staffOnly,
  },
  'GET /api/tickets/:ticketId': {
    tags: ['tickets'],
    summary: 'One ticket with its status, people ahead and estimated wait (public shape: priority yes/no)',
    params: TicketParams,
    response: { 200: PublicTicketViewSchema, ...errorResponses },
  },
  'GET /api/tickets/:ticketId/events': {
    tags: ['tickets'],
    summary: "A ticket's history from the event log (staff)",
    params: TicketParams,
    response: { 200: Type.Array(EventLogEntrySchema), ...staffErrorResponses },
    security: staffOnly,
  },
  'POST /api/tickets/:ticketId/restore': {
    tags: ['tickets'],
    summary: 'Put a skipped (no-show) ticket back in its queue, within the allowed minutes',
    params: TicketParams,
    body: ClerkBody,
    response: { 200: TicketCommandReply, ...staffErrorResponses },
    security: staffOnly,
  },
  'POST /api/tickets/:ticketId/cancel': {
    tags: ['tickets'],
    summary: 'Cancel a waiting, called or skipped ticket',
    params: TicketParams,
    body: CancelBody,
    response: { 200: TicketCommandReply, ...staffErrorResponses },
    security: staffOnly,
  },
  'POST /api/tickets/:ticketId/priority': {
    tags: ['tickets'],
    summary: 'Mark a waiting ticket as priority (or back to regular with null)',
    params: TicketParams,
    body: PriorityBody,
    response: { 200: TicketCommandReply, ...staffErrorResponses },
    security: staffOnly,
  },
};
