// Satisfaction ratings: the counter's rating tablet asks who it is and sends the citizen's
// rating of the service just finished; staff read the day's ratings per counter, clerk and service.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '../../domain/errors.js';
import { addDays } from '../../domain/holidays.js';
import type { Rating } from '../../domain/rating.js';
import { localInstant } from '../../domain/working-time.js';
import type { Hub } from '../../hub.js';
import { actorOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

/** Counts of each level, and the share with no "not satisfied" (the national index's measure). */
function tally(ratings: Rating[]) {
  const counts = { very_satisfied: 0, satisfied: 0, not_satisfied: 0 };
  for (const r of ratings) counts[r.level]++;
  const total = ratings.length;
  return { total, ...counts, satisfiedShare: total === 0 ? null : Math.round(((total - counts.not_satisfied) / total) * 1000) / 10 };
}

function groupBy<K extends string | number>(ratings: Rating[], key: (r: Rating) => K) {
  const groups = new Map<K, Rating[]>();
  for (const r of ratings) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups].map(([k, list]) => ({ key: k, ...tally(list) }));
}

export const ratingRoutes: FastifyPluginAsyncTypebox<{ hub: Hub }> = async (app, { hub }) => {
  app.route({
    ...routeOf('GET /api/rating-tablet'),
    handler: async (request) => {
      const { principal } = request.caller;
      if (principal.kind !== 'ratingTablet') throw new DomainError('rating_tablet_unregistered');
      const counter = hub.live.counter(principal.tablet.counterId)!;
      return { id: principal.tablet.id, counterId: counter.id, counterName: counter.name };
    },
  });

  app.route({
    ...routeOf('POST /api/ratings'),
    handler: async (request, reply) => {
      const actor = actorOf(request.caller);
      const { events } = await hub.queue.execute({ type: 'rateTicket', counterId: actor.counterId!, ticketId: request.body.ticketId, level: request.body.level }, actor);
      const { clerk: _clerk, ...rating } = (events[0]!.data as { rating: Rating }).rating;
      return reply.status(201).send(rating);
    },
  });

  app.route({
    ...routeOf('GET /api/reports/ratings'),
    handler: async (request) => {
      const day = request.query.day ?? hub.queries.today();
      const tz = hub.live.settings.timeZone;
      const ratings = hub.ratings.between(localInstant(day, 0, tz), localInstant(addDays(day, 1), 0, tz));
      return {
        day,
        ...tally(ratings),
        counters: groupBy(ratings, (r) => r.counterId),
        clerks: groupBy(ratings, (r) => r.clerk ?? '—'),
        services: groupBy(ratings, (r) => r.serviceId),
      };
    },
  });
};
