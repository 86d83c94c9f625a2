// Counters: what a clerk (or a keypad) does, one route per command, and a counter's state.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type, { type TSchema } from 'typebox';
import type { Actor } from '../../domain/access/actor.js';
import type { counterActions, CounterActed } from '../../use-cases/counters/act-at-counter.js';
import type { counterDetail, listCounters } from '../../use-cases/counters/read-counters.js';
import type { Bound, UseCase } from '../../use-cases/ports.js';
import { actorOf } from '../access/access-rules.js';
import {
  CallNextBody,
  CallTicketBody,
  ClerkBody,
  CounterParams,
  Described,
  staffErrorResponses,
  HeldTicketBody,
  OpenCounterBody,
  PauseBody,
  TicketSchema,
  TransferBody,
} from '../schemas.js';

interface CounterCommandRoute {
  path: string;
  summary: string;
  body: TSchema;
  run: (actions: Bound<typeof counterActions>, counterId: number, body: Record<string, any>, actor: Actor) => Promise<CounterActed>;
}

const COMMANDS: CounterCommandRoute[] = [
  {
    path: 'call-next',
    summary: 'Call the next citizen (priority first, then the longest wait)',
    body: CallNextBody,
    run: (a, counterId, b, actor) => a.callNext(counterId, b, actor),
  },
  {
    path: 'call',
    summary: 'Call a particular waiting ticket, out of order',
    body: CallTicketBody,
    run: (a, counterId, b, actor) => a.callTicket(counterId, { ticketId: b.ticketId }, actor),
  },
  {
    path: 'recall',
    summary: 'Call the held ticket again (announced again)',
    body: HeldTicketBody,
    run: (a, counterId, b, actor) => a.recall(counterId, b, actor),
  },
  {
    path: 'start',
    summary: 'The citizen has arrived: start serving',
    body: HeldTicketBody,
    run: (a, counterId, b, actor) => a.start(counterId, b, actor),
  },
  {
    path: 'no-show',
    summary: 'The citizen did not come: skip the ticket (it can be put back for a while)',
    body: HeldTicketBody,
    run: (a, counterId, b, actor) => a.noShow(counterId, b, actor),
  },
  {
    path: 'finish',
    summary: 'Finish serving the held ticket',
    body: HeldTicketBody,
    run: (a, counterId, b, actor) => a.finish(counterId, b, actor),
  },
  {
    path: 'transfer',
    summary: 'Send the held ticket to another service, or to one counter',
    body: TransferBody,
    run: (a, counterId, b, actor) => a.transfer(counterId, b, actor),
  },
  {
    path: 'pause',
    summary: 'Pause the counter (no calls until resumed), with a reason',
    body: PauseBody,
    run: (a, counterId, b, actor) => a.pause(counterId, b, actor),
  },
  {
    path: 'resume',
    summary: 'Resume a paused counter',
    body: ClerkBody,
    run: (a, counterId, b, actor) => a.resume(counterId, b, actor),
  },
  {
    path: 'open',
    summary: 'Open a closed counter, naming the clerk',
    body: OpenCounterBody,
    run: (a, counterId, b, actor) => a.openCounter(counterId, b, actor),
  },
  {
    path: 'close',
    summary: 'Close the counter (it must hold no ticket)',
    body: ClerkBody,
    run: (a, counterId, b, actor) => a.closeCounter(counterId, b, actor),
  },
];

const CounterReply = Type.Object({
  seq: Type.Integer({ description: 'Sequence number of the last event this command caused' }),
  counter: Described('The counter after the command: { def, state, current }'),
  ticket: Type.Union([TicketSchema, Type.Null()], { description: 'The ticket the command acted on' }),
});

export interface CounterRoutesOptions {
  listCounters: UseCase<typeof listCounters>;
  counterDetail: UseCase<typeof counterDetail>;
  counterActions: Bound<typeof counterActions>;
}

export const counterRoutes: FastifyPluginAsyncTypebox<CounterRoutesOptions> = async (app, { listCounters, counterDetail, counterActions }) => {

  app.get(
    '/api/counters',
    { schema: { tags: ['counters'], summary: 'Every counter with its state and the ticket it holds (public shapes)' } },
    async () => listCounters(),
  );

  app.get(
    '/api/counters/:counterId',
    {
      schema: {
        tags: ['counters'],
        summary: "One counter: state, held ticket, waiting per served service, who it may call, today's figures (its clerk or a manager)",
        params: CounterParams,
        response: { 200: Described('{ def, state, current, services, waiting, today }'), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
      // The page reads this after every change in the hall; only commands keep a session alive.
      config: { passive: true },
    },
    async (request) => counterDetail(request.params.counterId),
  );

  for (const route of COMMANDS) {
    app.post(
      `/api/counters/:counterId/${route.path}`,
      {
        schema: {
          tags: ['counters'],
          summary: route.summary,
          params: CounterParams,
          body: route.body,
          response: { 200: CounterReply, ...staffErrorResponses },
          security: [{ staff: [] }],
        },
      },
      async (request) => {
        const { counterId } = request.params;
        const body = (request.body ?? {}) as Record<string, any>;
        return route.run(counterActions, counterId, body, actorOf(request.caller, body.clerk));
      },
    );
  }
};
