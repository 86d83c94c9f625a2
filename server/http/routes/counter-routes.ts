// Counters: what a clerk (or a keypad) does, one route per command, and a counter's state.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { RouteBody, RouteKey } from '../../contract/routes.js';
import type { Actor } from '../../domain/access/actor.js';
import type { counterActions, CounterActed } from '../../use-cases/counters/act-at-counter.js';
import type { counterDetail, listCounters } from '../../use-cases/counters/read-counters.js';
import type { Bound, UseCase } from '../../use-cases/ports.js';
import { actorOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

type CounterCommandKey = Extract<RouteKey, `POST /api/counters/:counterId/${string}`>;
type CounterCommand<K extends CounterCommandKey> = (actions: Bound<typeof counterActions>, counterId: number, body: RouteBody<K>, actor: Actor) => Promise<CounterActed>;

/** The counter use case behind each counter route, from the counter and the route's body. */
const COMMANDS: { [K in CounterCommandKey]: CounterCommand<K> } = {
  'POST /api/counters/:counterId/call-next': (a, counterId, b, actor) => a.callNext(counterId, b, actor),
  'POST /api/counters/:counterId/call': (a, counterId, b, actor) => a.callTicket(counterId, { ticketId: b.ticketId }, actor),
  'POST /api/counters/:counterId/recall': (a, counterId, b, actor) => a.recall(counterId, b, actor),
  'POST /api/counters/:counterId/start': (a, counterId, b, actor) => a.start(counterId, b, actor),
  'POST /api/counters/:counterId/no-show': (a, counterId, b, actor) => a.noShow(counterId, b, actor),
  'POST /api/counters/:counterId/finish': (a, counterId, b, actor) => a.finish(counterId, b, actor),
  'POST /api/counters/:counterId/transfer': (a, counterId, b, actor) => a.transfer(counterId, b, actor),
  'POST /api/counters/:counterId/pause': (a, counterId, b, actor) => a.pause(counterId, b, actor),
  'POST /api/counters/:counterId/resume': (a, counterId, b, actor) => a.resume(counterId, b, actor),
  'POST /api/counters/:counterId/open': (a, counterId, b, actor) => a.openCounter(counterId, b, actor),
  'POST /api/counters/:counterId/close': (a, counterId, b, actor) => a.closeCounter(counterId, b, actor),
};

export interface CounterRoutesOptions {
  listCounters: UseCase<typeof listCounters>;
  counterDetail: UseCase<typeof counterDetail>;
  counterActions: Bound<typeof counterActions>;
}

export const counterRoutes: FastifyPluginAsyncTypebox<CounterRoutesOptions> = async (app, { listCounters, counterDetail, counterActions }) => {
  app.route({
    ...routeOf('GET /api/counters'),
    handler: async () => listCounters(),
  });

  app.route({
    ...routeOf('GET /api/counters/:counterId'),
    // The page reads this after every change in the hall; only commands keep a session alive.
    config: { passive: true },
    handler: async (request) => counterDetail(request.params.counterId),
  });

  for (const key of Object.keys(COMMANDS) as CounterCommandKey[]) {
    const run = COMMANDS[key] as CounterCommand<CounterCommandKey>;
    app.route({
      ...routeOf(key),
      handler: async (request) => {
        const { counterId } = request.params;
        const body = (request.body ?? {}) as RouteBody<CounterCommandKey> & { clerk?: string | null };
        return run(counterActions, counterId, body, actorOf(request.caller, body.clerk));
      },
    });
  }
};
