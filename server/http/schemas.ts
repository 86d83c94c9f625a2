// Schemas of the HTTP API, written once: they validate requests, type the handlers and
// describe the API in the OpenAPI document at /docs.

import Type, { type Static, type TSchema } from 'typebox';
import type { PublicTicket, ServiceSummary } from '../contract/events.js';
import type { Ticket, TicketStatus } from '../domain/model.js';
import { TICKET_STATUSES } from '../domain/model.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = Type.Object({ vi: Type.String(), en: Type.String() });

export const ServiceId = Type.String({ pattern: '^[A-Za-z0-9_]{1,16}$', description: 'Service code, e.g. HT' });
export const TicketId = Type.String({
  pattern: '^[0-9]{8}-[A-Za-z0-9_]{1,16}-[0-9]{1,6}$',
  description: 'Ticket id: <yyyymmdd>-<service>-<seq>, e.g. 20261123-HT-12',
});
export const CounterId = Type.Integer({ minimum: 1, maximum: 999, description: 'Counter number' });
const PriorityCode = Type.String({ pattern: '^[a-z0-9_]{1,32}$', description: 'A priority category code of the hall' });
const Clerk = Type.String({ minLength: 1, maxLength: 80, description: 'Who acts, for the event log' });
const Reason = Type.String({ minLength: 1, maxLength: 200 });
const Day = Type.String({ format: 'date', description: 'Hall-local day, YYYY-MM-DD (a real date)' });

const StatusSchema = Type.Unsafe<TicketStatus>({ type: 'string', enum: [...TICKET_STATUSES] });

/** A JSON document described in words rather than by a schema. */
export const Described = (description: string) => Type.Unsafe<unknown>({ description });

export const TicketSchema = Type.Object({
  id: Type.String(),
  day: Type.String(),
  serviceId: Type.String(),
  seq: Type.Integer(),
  number: Type.String(),
  priority: Nullable(Type.String()),
  status: StatusSchema,
  source: Type.Union([Type.Literal('kiosk'), Type.Literal('counter'), Type.Literal('api')]),
  issuedAt: Type.Number(),
  queueAt: Type.Number(),
  front: Type.Boolean(),
  targetCounterId: Nullable(Type.Integer()),
  counterId: Nullable(Type.Integer()),
  calledAt: Nullable(Type.Number()),
  recallCount: Type.Integer(),
  servingAt: Nullable(Type.Number()),
  endedAt: Nullable(Type.Number()),
  transferCount: Type.Integer(),
  endReason: Nullable(Type.String()),
});

/** A ticket as anyone may read it: priority as yes/no, no typed reason. */
export const PublicTicketSchema = Type.Object({
  ...Type.Omit(TicketSchema, ['priority', 'endReason']).properties,
  priority: Type.Boolean({ description: 'A priority ticket (its category is for staff only)' }),
});

export const ServiceSummarySchema = Type.Object({
  id: Type.String(),
  name: Text,
  group: Nullable(Type.String()),
  color: Nullable(Type.String()),
  location: Nullable(Text),
  active: Type.Boolean(),
  open: Type.Boolean(),
  closedReason: Nullable(Type.Union([Type.Literal('inactive'), Type.Literal('hours'), Type.Literal('daily_max')])),
  hours: Nullable(Type.Object({ open: Type.String(), close: Type.String() })),
  waiting: Type.Integer(),
  waitingPriority: Type.Integer(),
  issuedToday: Type.Integer(),
  remainingToday: Type.Integer(),
  openCounters: Type.Number(),
  estimatedWaitSeconds: Nullable(Type.Number()),
  averageServiceSeconds: Type.Number(),
});

// The schemas above must describe exactly the domain types, or this stops compiling.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const ticketMatches: Same<Static<typeof TicketSchema>, Ticket> = true;
const summaryMatches: Same<Static<typeof ServiceSummarySchema>, ServiceSummary> = true;
const publicTicketMatches: Same<Static<typeof PublicTicketSchema>, PublicTicket> = true;
void ticketMatches;
void publicTicketMatches;
void summaryMatches;

const ticketViewOf = <T extends TSchema>(ticket: T) =>
  Type.Object({
    ticket,
    service: Type.Object({ id: Type.String(), name: Text, location: Nullable(Text) }),
    peopleAhead: Nullable(Type.Integer({ description: 'Waiting tickets before this one; null unless waiting' })),
    estimatedWaitSeconds: Nullable(Type.Number()),
    counter: Nullable(Type.Object({ id: Type.Integer(), name: Text, location: Nullable(Text) })),
  });
export const TicketViewSchema = ticketViewOf(TicketSchema);
export const PublicTicketViewSchema = ticketViewOf(PublicTicketSchema);

export const ErrorSchema = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String({ description: 'Stable code, e.g. counter_paused' }),
  message: Type.String({ description: 'What went wrong, in Vietnamese' }),
  messageEn: Type.String({ description: 'The same in English' }),
});

export const errorResponses = {
  400: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  422: ErrorSchema,
};

/** Refusals of routes that need a credential (Authorization: Bearer <token>). */
export const staffErrorResponses = { ...errorResponses, 401: ErrorSchema, 403: ErrorSchema, 429: ErrorSchema };

// ---- requests ----

export const IssueTicketBody = Type.Object(
  {
    serviceId: ServiceId,
    priority: Type.Optional(Nullable(PriorityCode)),
    // Kiosks take numbers through /api/kiosk/tickets with their token (and rate cap).
    source: Type.Optional(Type.Union([Type.Literal('counter'), Type.Literal('api')])),
  },
  { additionalProperties: false },
);

export const KioskTicketBody = Type.Object(
  {
    serviceId: ServiceId,
    priority: Type.Optional(Nullable(PriorityCode)),
  },
  { additionalProperties: false },
);

/** A device's health, as in /api/health and the `device:status` event. */
export const DeviceStatusSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  ok: Type.Boolean(),
  code: Nullable(Type.String()),
  message: Nullable(Type.String()),
  messageEn: Nullable(Type.String()),
  since: Type.Number(),
});

export const PrintOutcomeSchema = Type.Object({
  ok: Type.Boolean(),
  code: Nullable(Type.String({ description: 'unreachable, offline, paper_out, cover_open, printer_error, print_failed' })),
  message: Nullable(Type.String()),
  messageEn: Nullable(Type.String()),
});

export const TicketParams = Type.Object({ ticketId: TicketId });
export const CounterParams = Type.Object({ counterId: CounterId });
export const ServiceParams = Type.Object({ serviceId: ServiceId });

/** Body of counter commands that act on the ticket the counter holds. */
export const HeldTicketBody = Type.Object(
  {
    ticketId: Type.Optional(TicketId),
    clerk: Type.Optional(Clerk),
  },
  { additionalProperties: false },
);

export const CallNextBody = Type.Object(
  {
    finishCurrent: Type.Optional(Type.Boolean({ description: 'Finish the ticket held now, then call' })),
    clerk: Type.Optional(Clerk),
  },
  { additionalProperties: false },
);

export const CallTicketBody = Type.Object({ ticketId: TicketId, clerk: Type.Optional(Clerk) }, { additionalProperties: false });

export const TransferBody = Type.Object(
  {
    ticketId: Type.Optional(TicketId),
    toServiceId: Type.Optional(ServiceId),
    toCounterId: Type.Optional(CounterId),
    position: Type.Optional(Type.Union([Type.Literal('keep_arrival'), Type.Literal('front')])),
    clerk: Type.Optional(Clerk),
  },
  { additionalProperties: false },
);

export const PauseBody = Type.Object({ reason: Type.Optional(Reason), clerk: Type.Optional(Clerk) }, { additionalProperties: false });
export const OpenCounterBody = Type.Object({ clerk: Type.Optional(Clerk) }, { additionalProperties: false });
export const ClerkBody = Type.Object({ clerk: Type.Optional(Clerk) }, { additionalProperties: false });
export const CancelBody = Type.Object({ reason: Type.Optional(Reason), clerk: Type.Optional(Clerk) }, { additionalProperties: false });
export const PriorityBody = Type.Object({ priority: Nullable(PriorityCode), clerk: Type.Optional(Clerk) }, { additionalProperties: false });

export const FilterQuery = Type.Object(
  {
    services: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_,]*$', description: 'Comma-separated service codes' })),
    counters: Type.Optional(Type.String({ pattern: '^[0-9,]*$', description: 'Comma-separated counter numbers' })),
  },
  { additionalProperties: false },
);

export const TicketListQuery = Type.Object(
  {
    day: Type.Optional(Day),
    status: Type.Optional(StatusSchema),
    serviceId: Type.Optional(ServiceId),
  },
  { additionalProperties: false },
);

export const EventsQuery = Type.Object(
  {
    after: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Events with a higher sequence number' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  },
  { additionalProperties: false },
);

export const ReportQuery = Type.Object({ day: Type.Optional(Day) }, { additionalProperties: false });
