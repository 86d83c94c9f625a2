// The shapes of the HTTP replies pages read, written once as TypeBox schemas: the routes
// validate and document their replies with them, and pages import the types derived from them
// (type-only imports: no schema code reaches a page).

import Type, { type Static, type TSchema } from 'typebox';
import type { PublicTicket, ServiceSummary, SessionView } from './events.js';
import type { Ticket, TicketStatus } from '../domain/queue/queue-state.js';
import { TICKET_STATUSES } from '../domain/queue/queue-state.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = Type.Object({ vi: Type.String(), en: Type.String() });
export const StatusSchema = Type.Unsafe<TicketStatus>({ type: 'string', enum: [...TICKET_STATUSES] });

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
  closedReason: Nullable(Type.Union([Type.Literal('inactive'), Type.Literal('hours'), Type.Literal('break'), Type.Literal('holiday'), Type.Literal('closure'), Type.Literal('daily_max')])),
  closedWords: Nullable(Type.Object({ vi: Type.String(), en: Type.String() })),
  opensAt: Nullable(Type.Number()),
  waiting: Type.Integer(),
  waitingPriority: Type.Integer(),
  issuedToday: Type.Integer(),
  remainingToday: Type.Integer(),
  openCounters: Type.Number(),
  estimatedWaitSeconds: Nullable(Type.Number()),
  beyondClosing: Type.Boolean(),
  averageServiceSeconds: Type.Number(),
});

// The schemas above must describe exactly the domain types, or this stops compiling.
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
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
    beyondClosing: Type.Boolean({ description: 'Not expected to be called before closing' }),
    counter: Nullable(Type.Object({ id: Type.Integer(), name: Text, location: Nullable(Text) })),
  });
export const TicketViewSchema = ticketViewOf(TicketSchema);
export const PublicTicketViewSchema = ticketViewOf(PublicTicketSchema);

export const ErrorSchema = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String({ description: 'Stable code, e.g. counter_paused' }),
  message: Type.String({ description: 'What went wrong, in Vietnamese' }),
  messageEn: Type.String({ description: 'The same in English' }),
  fields: Type.Optional(
    Type.Array(Type.Object({ field: Type.String({ description: 'e.g. services.DD.color' }), message: Type.String(), messageEn: Type.String() }), {
      description: 'A configuration refused: each field wrong and why',
    }),
  ),
});

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

// ---- replies pages read ----

export const KioskInfoSchema = Type.Object({
  id: Type.String(),
  name: Text,
  ticketsPerMinute: Type.Integer(),
  paperWidth: Type.Integer(),
  printer: Nullable(DeviceStatusSchema),
  phoneBaseUrl: Type.String(),
  services: Type.Array(Type.String(), { description: 'The services this kiosk offers; empty: every service' }),
});
export type KioskInfo = Static<typeof KioskInfoSchema>;

export const KioskTicketReplySchema = Type.Object({
  seq: Type.Integer(),
  ticket: PublicTicketViewSchema,
  phoneUrl: Type.String({ description: 'The phone page the QR code leads to' }),
  print: PrintOutcomeSchema,
});
export type KioskTicketReply = Static<typeof KioskTicketReplySchema>;

export const KioskReprintReplySchema = Type.Object({ ticket: PublicTicketViewSchema, phoneUrl: Type.String(), print: PrintOutcomeSchema });

export const SessionSchema = Type.Object({
  user: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.Literal('clerk'), Type.Literal('back_office'), Type.Literal('manager'), Type.Literal('admin')]),
  counterId: Nullable(Type.Integer()),
  expiresAt: Type.Number({ description: 'When the session ends unless used again (ms since 1970)' }),
});

export const SignInReplySchema = Type.Object({ token: Type.String({ description: 'Send as Authorization: Bearer <token>' }), session: SessionSchema });
export type SignInReply = Static<typeof SignInReplySchema>;

export const CounterChoiceSchema = Type.Object({ id: Type.Integer(), name: Text, holder: Nullable(Type.String()) });
export type CounterChoice = Static<typeof CounterChoiceSchema>;

export const RatingTabletInfoSchema = Type.Object({ id: Type.String(), counterId: Type.Integer(), counterName: Text });
export type RatingTabletInfo = Static<typeof RatingTabletInfoSchema>;

const sessionMatches: Same<Static<typeof SessionSchema>, SessionView> = true;
void sessionMatches;
