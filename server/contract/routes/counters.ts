// Routes of counters: what a clerk (or a keypad) does, one route per command, and a counter's
// state. Staff sign in and out here too.

import Type, { type Static, type TSchema } from 'typebox';
import type { CounterDetail, CounterView, PublicCounterView } from '../events.js';
import { CounterChoiceSchema, PublicTicketSchema, ServiceSummarySchema, SessionSchema, SignInReplySchema, TicketSchema, type Same } from '../reply-schemas.js';
import {
  CallNextBody,
  CallTicketBody,
  ClerkBody,
  CounterParams,
  Nullable,
  OneOf,
  HeldTicketBody,
  OpenCounterBody,
  PauseBody,
  staffErrorResponses,
  staffOnly,
  TransferBody,
} from '../route-schemas.js';

const Text = Type.Object({ vi: Type.String(), en: Type.String() });

/** A counter as the hall file describes it. */
export const CounterDefSchema = Type.Object({
  id: Type.Integer(),
  name: Text,
  location: Nullable(Text),
  services: Type.Array(Type.Object({ serviceId: Type.String(), weight: Type.Number({ description: "With 'longest_wait', waiting time is multiplied by this weight" }) }), {
    description: "The services it calls, in the hall's preferred order",
  }),
  selection: OneOf(['longest_wait', 'in_order'] as const),
  active: Type.Boolean(),
});

const counterState = {
  id: Type.Integer(),
  mode: OneOf(['open', 'paused', 'closed'] as const),
  clerk: Nullable(Type.String()),
  currentTicketId: Nullable(Type.String()),
  regularSincePriority: Type.Integer({ description: 'Regular calls since the last priority call' }),
  since: Type.Number(),
};

/** A counter as staff see it: the pause reason and the held ticket in full. */
export const CounterViewSchema = Type.Object({
  def: CounterDefSchema,
  state: Type.Object({ ...counterState, pauseReason: Nullable(Type.String()) }),
  current: Nullable(TicketSchema),
});
/** A counter as anyone may see it: paused or not without the reason, the ticket's priority as yes/no. */
export const PublicCounterViewSchema = Type.Object({ def: CounterDefSchema, state: Type.Object(counterState), current: Nullable(PublicTicketSchema) });

/** What the counter page shows: the counter, the services it calls, who waits, today's figures. */
export const CounterDetailSchema = Type.Object({
  ...CounterViewSchema.properties,
  services: Type.Array(ServiceSummarySchema),
  waiting: Type.Array(
    Type.Object({
      ticketId: Type.String(),
      number: Type.String(),
      serviceId: Type.String(),
      priority: Type.Boolean(),
      forThisCounter: Type.Boolean({ description: 'Transferred to this counter by name' }),
    }),
  ),
  today: Type.Object({ counterId: Type.Integer(), done: Type.Integer(), noShow: Type.Integer(), averageServiceSeconds: Nullable(Type.Number()) }),
});
const viewMatches: Same<Static<typeof CounterViewSchema>, CounterView> = true;
const publicViewMatches: Same<Static<typeof PublicCounterViewSchema>, PublicCounterView> = true;
const detailMatches: Same<Static<typeof CounterDetailSchema>, CounterDetail> = true;
void viewMatches;
void publicViewMatches;
void detailMatches;

export const CounterCommandReply = Type.Object({
  seq: Type.Integer({ description: 'Sequence number of the last event this command caused' }),
  counter: CounterViewSchema,
  ticket: Type.Union([TicketSchema, Type.Null()], { description: 'The ticket the command acted on' }),
});

const SignInBody = Type.Object(
  {
    user: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    counterId: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 999 }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** A counter command: the counter in the path, its options in the body. */
const command = <B extends TSchema>(summary: string, body: B) => ({
  tags: ['counters'],
  summary,
  params: CounterParams,
  body,
  response: { 200: CounterCommandReply, ...staffErrorResponses },
  security: staffOnly,
});

export const COUNTER_ROUTES = {
  'GET /api/counters/:counterId': {
    tags: ['counters'],
    summary: "One counter: state, held ticket, waiting per served service, who it may call, today's figures (its clerk or a manager)",
    params: CounterParams,
    response: { 200: CounterDetailSchema, ...staffErrorResponses },
    security: staffOnly,
  },
  'POST /api/counters/:counterId/call-next': command('Call the next citizen (priority first, then the longest wait)', CallNextBody),
  'POST /api/counters/:counterId/call': command('Call a particular waiting ticket, out of order', CallTicketBody),
  'POST /api/counters/:counterId/recall': command('Call the held ticket again (announced again)', HeldTicketBody),
  'POST /api/counters/:counterId/start': command('The citizen has arrived: start serving', HeldTicketBody),
  'POST /api/counters/:counterId/no-show': command('The citizen did not come: skip the ticket (it can be put back for a while)', HeldTicketBody),
  'POST /api/counters/:counterId/finish': command('Finish serving the held ticket', HeldTicketBody),
  'POST /api/counters/:counterId/transfer': command('Send the held ticket to another service, or to one counter', TransferBody),
  'POST /api/counters/:counterId/pause': command('Pause the counter (no calls until resumed), with a reason', PauseBody),
  'POST /api/counters/:counterId/resume': command('Resume a paused counter', ClerkBody),
  'POST /api/counters/:counterId/open': command('Open a closed counter, naming the clerk', OpenCounterBody),
  'POST /api/counters/:counterId/close': command('Close the counter (it must hold no ticket)', ClerkBody),

  'POST /api/staff/sign-in': {
    tags: ['staff'],
    summary: 'Sign in with user and password; a clerk names the counter to take',
    body: SignInBody,
    response: { 200: SignInReplySchema, ...staffErrorResponses },
  },
  'GET /api/staff/session': {
    tags: ['staff'],
    summary: 'The session behind the token, with when it ends (asking does not keep it alive)',
    response: { 200: SessionSchema, ...staffErrorResponses },
    security: staffOnly,
  },
  'POST /api/staff/sign-out': {
    tags: ['staff'],
    summary: 'End the session; an empty counter is closed',
    response: { 200: Type.Object({ closedCounter: Type.Boolean() }), ...staffErrorResponses },
    security: staffOnly,
  },
  'GET /api/staff/counters': {
    tags: ['staff'],
    summary: 'Counters a clerk can choose at sign-in, with who works at each now',
    response: { 200: Type.Array(CounterChoiceSchema) },
  },
};
