// Counters: what a clerk (or a keypad) does, one route per command, and a counter's state.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CounterDetail, CounterView } from '../../contract/events.js';
import { dayReport } from '../../domain/day-report.js';
import { DomainError } from '../../domain/errors.js';
import { publicCounterView } from '../../domain/public-view.js';
import { actorOf } from '../access/access-rules.js';
import type { Command } from '../../domain/queue-engine.js';
import type { Hub } from '../../hub.js';
import type { RouteBody, RouteKey } from '../../contract/routes.js';
import { routeOf } from '../route-map.js';

type CounterCommandKey = Extract<RouteKey, `POST /api/counters/:counterId/${string}`>;

/** The engine's command behind each counter route, from the counter and the route's body. */
const COMMANDS: { [K in CounterCommandKey]: (counterId: number, body: RouteBody<K>) => Command } = {
  'POST /api/counters/:counterId/call-next': (counterId, b) => ({ type: 'callNext', counterId, finishCurrent: b.finishCurrent ?? false }),
  'POST /api/counters/:counterId/call': (counterId, b) => ({ type: 'callTicket', counterId, ticketId: b.ticketId }),
  'POST /api/counters/:counterId/recall': (counterId, b) => ({ type: 'recall', counterId, ticketId: b.ticketId }),
  'POST /api/counters/:counterId/start': (counterId, b) => ({ type: 'start', counterId, ticketId: b.ticketId }),
  'POST /api/counters/:counterId/no-show': (counterId, b) => ({ type: 'noShow', counterId, ticketId: b.ticketId }),
  'POST /api/counters/:counterId/finish': (counterId, b) => ({ type: 'finish', counterId, ticketId: b.ticketId }),
  'POST /api/counters/:counterId/transfer': (counterId, b) => ({
    type: 'transfer',
    counterId,
    ticketId: b.ticketId,
    toServiceId: b.toServiceId,
    toCounterId: b.toCounterId,
    position: b.position,
  }),
  'POST /api/counters/:counterId/pause': (counterId, b) => ({ type: 'pause', counterId, reason: b.reason ?? null }),
  'POST /api/counters/:counterId/resume': (counterId) => ({ type: 'resume', counterId }),
  'POST /api/counters/:counterId/open': (counterId, b) => ({ type: 'openCounter', counterId, clerk: b.clerk ?? null }),
  'POST /api/counters/:counterId/close': (counterId) => ({ type: 'closeCounter', counterId }),
};

export const counterRoutes: FastifyPluginAsyncTypebox<{ hub: Hub }> = async (app, { hub }) => {
  const counterView = (counterId: number): CounterView => {
    const view = hub.queries.counterView(counterId);
    if (!view || !view.def.active) throw new DomainError('counter_not_found', { counterId });
    return view;
  };

  app.route({
    ...routeOf('GET /api/counters'),
    handler: async () =>
      hub.queue.read(() => hub.live.allCounters().filter(({ def }) => def.active).map(({ def }) => publicCounterView(counterView(def.id)))),
  });

  app.route({
    ...routeOf('GET /api/counters/:counterId'),
    // The page reads this after every change in the hall; only commands keep a session alive.
    config: { passive: true },
    handler: async (request) =>
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
  });

  for (const key of Object.keys(COMMANDS) as CounterCommandKey[]) {
    const route = { command: COMMANDS[key] as (counterId: number, body: Record<string, any>) => Command };
    app.route({
      ...routeOf(key),
      handler: async (request) => {
        const { counterId } = request.params;
        const body = (request.body ?? {}) as Record<string, any>;
        const { change, events } = await hub.queue.execute(route.command(counterId, body), actorOf(request.caller, body.clerk));
        return hub.queue.read(() => ({ seq: events.at(-1)!.seq, counter: counterView(counterId), ticket: change.tickets.at(-1) ?? null }));
      },
    });
  }
};
