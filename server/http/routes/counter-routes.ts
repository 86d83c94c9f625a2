// Counters: what a clerk (or a keypad) does, one route per command, and a counter's state.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type, { type TSchema } from 'typebox';
import type { CounterDetail, CounterView } from '../../contract/events.js';
import { dayReport } from '../../domain/report/day-report.js';
import { DomainError } from '../../domain/domain-error.js';
import { publicCounterView } from '../../domain/queue/public-view.js';
import { actorOf } from '../access/access-rules.js';
import type { Command } from '../../domain/queue/queue-engine.js';
import type { Hub } from '../../hub.js';
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
  command: (counterId: number, body: Record<string, any>) => Command;
}

const COMMANDS: CounterCommandRoute[] = [
  {
    path: 'call-next',
    summary: 'Call the next citizen (priority first, then the longest wait)',
    body: CallNextBody,
    command: (counterId, b) => ({ type: 'callNext', counterId, finishCurrent: b.finishCurrent ?? false }),
  },
  {
    path: 'call',
    summary: 'Call a particular waiting ticket, out of order',
    body: CallTicketBody,
    command: (counterId, b) => ({ type: 'callTicket', counterId, ticketId: b.ticketId }),
  },
  {
    path: 'recall',
    summary: 'Call the held ticket again (announced again)',
    body: HeldTicketBody,
    command: (counterId, b) => ({ type: 'recall', counterId, ticketId: b.ticketId }),
  },
  {
    path: 'start',
    summary: 'The citizen has arrived: start serving',
    body: HeldTicketBody,
    command: (counterId, b) => ({ type: 'start', counterId, ticketId: b.ticketId }),
  },
  {
    path: 'no-show',
    summary: 'The citizen did not come: skip the ticket (it can be put back for a while)',
    body: HeldTicketBody,
    command: (counterId, b) => ({ type: 'noShow', counterId, ticketId: b.ticketId }),
  },
  {
    path: 'finish',
    summary: 'Finish serving the held ticket',
    body: HeldTicketBody,
    command: (counterId, b) => ({ type: 'finish', counterId, ticketId: b.ticketId }),
  },
  {
    path: 'transfer',
    summary: 'Send the held ticket to another service, or to one counter',
    body: TransferBody,
    command: (counterId, b) => ({
      type: 'transfer',
      counterId,
      ticketId: b.ticketId,
      toServiceId: b.toServiceId,
      toCounterId: b.toCounterId,
      position: b.position,
    }),
  },
  {
    path: 'pause',
    summary: 'Pause the counter (no calls until resumed), with a reason',
    body: PauseBody,
    command: (counterId, b) => ({ type: 'pause', counterId, reason: b.reason ?? null }),
  },
  {
    path: 'resume',
    summary: 'Resume a paused counter',
    body: ClerkBody,
    command: (counterId) => ({ type: 'resume', counterId }),
  },
  {
    path: 'open',
    summary: 'Open a closed counter, naming the clerk',
    body: OpenCounterBody,
    command: (counterId, b) => ({ type: 'openCounter', counterId, clerk: b.clerk ?? null }),
  },
  {
    path: 'close',
    summary: 'Close the counter (it must hold no ticket)',
    body: ClerkBody,
    command: (counterId) => ({ type: 'closeCounter', counterId }),
  },
];

const CounterReply = Type.Object({
  seq: Type.Integer({ description: 'Sequence number of the last event this command caused' }),
  counter: Described('The counter after the command: { def, state, current }'),
  ticket: Type.Union([TicketSchema, Type.Null()], { description: 'The ticket the command acted on' }),
});

export const counterRoutes: FastifyPluginAsyncTypebox<{ hub: Hub }> = async (app, { hub }) => {
  const counterView = (counterId: number): CounterView => {
    const view = hub.queries.counterView(counterId);
    if (!view || !view.def.active) throw new DomainError('counter_not_found', { counterId });
    return view;
  };

  app.get(
    '/api/counters',
    { schema: { tags: ['counters'], summary: 'Every counter with its state and the ticket it holds (public shapes)' } },
    async () =>
      hub.queue.read(() => hub.live.allCounters().filter(({ def }) => def.active).map(({ def }) => publicCounterView(counterView(def.id)))),
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
    async (request) =>
      hub.queue.read((): CounterDetail => {
        const view = counterView(request.params.counterId);
        const served = view.def.services.map((l) => l.serviceId);
        const today = hub.queries.today();
        const report = dayReport(today, hub.tickets.ticketsOfDay(today), []);
        return {
          ...view,
          services: hub.queries.serviceSummaries(served),
          waiting: hub.queries.waitingFor(view.def.id),
          today: report.counters.find((c) => c.counterId === view.def.id) ?? {
            counterId: view.def.id,
            done: 0,
            noShow: 0,
            averageServiceSeconds: null,
          },
        };
      }),
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
        const { change, events } = await hub.queue.execute(route.command(counterId, body), actorOf(request.caller, body.clerk));
        return hub.queue.read(() => ({ seq: events.at(-1)!.seq, counter: counterView(counterId), ticket: change.tickets.at(-1) ?? null }));
      },
    );
  }
};
