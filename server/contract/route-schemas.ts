// The building blocks of the route map (routes.ts): request schemas shared by several routes,
// and the refusals every route may answer. They validate requests, type the handlers and the
// pages' calls, and describe the API in the OpenAPI document at /docs.

import Type, { type TSchema } from 'typebox';
import { ErrorSchema, StatusSchema } from './reply-schemas.js';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** One of a list of words (anyOf of constants), typed as that list's union. */
export const OneOf = <const T extends readonly string[]>(values: T, options?: { description?: string }) =>
  Type.Unsafe<T[number]>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      options,
    ),
  );

export const ServiceId = Type.String({ pattern: '^[A-Za-z0-9_]{1,16}$', description: 'Service code, e.g. HT' });
export const TicketId = Type.String({
  pattern: '^[0-9]{8}-[A-Za-z0-9_]{1,16}-[0-9]{1,6}$',
  description: 'Ticket id: <yyyymmdd>-<service>-<seq>, e.g. 20261123-HT-12',
});
export const CounterId = Type.Integer({ minimum: 1, maximum: 999, description: 'Counter number' });
export const PriorityCode = Type.String({ pattern: '^[a-z0-9_]{1,32}$', description: 'A priority category code of the hall' });
export const Clerk = Type.String({ minLength: 1, maxLength: 80, description: 'Who acts, for the event log' });
const Reason = Type.String({ minLength: 1, maxLength: 200 });

export const Day = Type.String({ format: 'date', description: 'Hall-local day, YYYY-MM-DD (a real date)' });

/**
 * A reply whose type is a domain shape the hub builds, documented in words: the hub sends it as
 * it is (no schema trims it), and the pages and the handler read it as `T`.
 */
export const Described = <T>(description: string) => Type.Unsafe<T>({ description });

export const errorResponses = {
  400: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  422: ErrorSchema,
};

/** Refusals of routes that need a credential (Authorization: Bearer <token>). */
export const staffErrorResponses = { ...errorResponses, 401: ErrorSchema, 403: ErrorSchema, 429: ErrorSchema };

/** Routes a staff token opens, as the OpenAPI document marks them. */
export const staffOnly = [{ staff: [] as string[] }];

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
