// Reading counters: every active counter in its public shape, and one counter in full for its
// clerk (the held ticket, who it may call, today's figures).

import type { CounterDetail, PublicCounterView } from '../../contract/events.js';
import type { QueueRepository } from '../../db/queue-repository.js';
import { dayReport } from '../../domain/report/day-report.js';
import { publicCounterView } from '../../domain/queue/public-view.js';
import type { HallQueries } from '../../services/hall-queries.js';
import type { LiveState } from '../../services/live-state.js';
import type { CommandRunner } from '../ports.js';
import { activeCounterView } from './act-at-counter.js';

export interface ListCountersDeps {
  queue: Pick<CommandRunner, 'read'>;
  live: Pick<LiveState, 'allCounters'>;
  queries: Pick<HallQueries, 'counterView'>;
}

/** Every active counter with its state and held ticket, as the public sees them. */
export function listCounters(deps: ListCountersDeps): Promise<PublicCounterView[]> {
  return deps.queue.read(() =>
    deps.live
      .allCounters()
      .filter(({ def }) => def.active)
      .map(({ def }) => publicCounterView(activeCounterView(deps.queries, def.id))),
  );
}

export interface CounterDetailDeps {
  queue: Pick<CommandRunner, 'read'>;
  queries: Pick<HallQueries, 'counterView' | 'today' | 'serviceSummaries' | 'waitingFor'>;
  tickets: Pick<QueueRepository, 'ticketsOfDay'>;
}

/** One counter for its clerk: state, held ticket, waiting per served service, who it may call, today's figures. */
export function counterDetail(deps: CounterDetailDeps, counterId: number): Promise<CounterDetail> {
  const { queries } = deps;
  return deps.queue.read((): CounterDetail => {
    const view = activeCounterView(queries, counterId);
    const served = view.def.services.map((l) => l.serviceId);
    const today = queries.today();
    const report = dayReport(today, deps.tickets.ticketsOfDay(today), []);
    return {
      ...view,
      services: queries.serviceSummaries(served),
      waiting: queries.waitingFor(view.def.id),
      today: report.counters.find((c) => c.counterId === view.def.id) ?? {
        counterId: view.def.id,
        done: 0,
        noShow: 0,
        averageServiceSeconds: null,
      },
    };
  });
}
