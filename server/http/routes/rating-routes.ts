// Satisfaction ratings: the counter's rating tablet asks who it is and sends the citizen's
// rating of the service just finished; staff read the day's ratings per counter, clerk and service.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '../../domain/domain-error.js';
import type { UseCase } from '../../use-cases/ports.js';
import type { rateService, ratingTabletInfo } from '../../use-cases/ratings/rate-service.js';
import type { ratingsReport } from '../../use-cases/ratings/ratings-report.js';
import { actorOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

export interface RatingRoutesOptions {
  ratingTabletInfo: UseCase<typeof ratingTabletInfo>;
  rateService: UseCase<typeof rateService>;
  ratingsReport: UseCase<typeof ratingsReport>;
}

export const ratingRoutes: FastifyPluginAsyncTypebox<RatingRoutesOptions> = async (app, { ratingTabletInfo, rateService, ratingsReport }) => {
  app.route({
    ...routeOf('GET /api/rating-tablet'),
    handler: async (request) => {
      const { principal } = request.caller;
      if (principal.kind !== 'ratingTablet') throw new DomainError('rating_tablet_unregistered');
      return ratingTabletInfo(principal.tablet);
    },
  });

  app.route({
    ...routeOf('POST /api/ratings'),
    handler: async (request, reply) => {
      const actor = actorOf(request.caller);
      return reply.status(201).send(await rateService({ counterId: actor.counterId!, ticketId: request.body.ticketId, level: request.body.level }, actor));
    },
  });

  app.route({
    ...routeOf('GET /api/reports/ratings'),
    handler: async (request) => ratingsReport(request.query.day),
  });
};
