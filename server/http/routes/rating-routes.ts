// Satisfaction ratings: the counter's rating tablet asks who it is and sends the citizen's
// rating of the service just finished; staff read the day's ratings per counter, clerk and service.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DomainError } from '../../domain/domain-error.js';
import { RATING_LEVELS } from '../../domain/rating/rating.js';
import type { UseCase } from '../../use-cases/ports.js';
import type { rateService, ratingTabletInfo } from '../../use-cases/ratings/rate-service.js';
import type { ratingsReport } from '../../use-cases/ratings/ratings-report.js';
import { actorOf } from '../access/access-rules.js';
import { Described, RatingTabletInfoSchema, staffErrorResponses, TicketId } from '../schemas.js';

const Level = Type.Union(RATING_LEVELS.map((l) => Type.Literal(l)));

export interface RatingRoutesOptions {
  ratingTabletInfo: UseCase<typeof ratingTabletInfo>;
  rateService: UseCase<typeof rateService>;
  ratingsReport: UseCase<typeof ratingsReport>;
}

export const ratingRoutes: FastifyPluginAsyncTypebox<RatingRoutesOptions> = async (app, { ratingTabletInfo, rateService, ratingsReport }) => {
  app.get(
    '/api/rating-tablet',
    {
      schema: {
        tags: ['ratings'],
        summary: 'Who this rating tablet is and the counter it stands at (Authorization: Bearer <tablet token>)',
        response: { 200: RatingTabletInfoSchema, ...staffErrorResponses },
      },
    },
    async (request) => {
      const { principal } = request.caller;
      if (principal.kind !== 'ratingTablet') throw new DomainError('rating_tablet_unregistered');
      return ratingTabletInfo(principal.tablet);
    },
  );

  app.post(
    '/api/ratings',
    {
      schema: {
        tags: ['ratings'],
        summary: "Rate the service of the ticket just finished at the tablet's counter: very_satisfied, satisfied, not_satisfied (once)",
        body: Type.Object({ ticketId: Type.Optional(TicketId), level: Level }, { additionalProperties: false }),
        response: { 201: Described('{ ticketId, level, at, counterId, serviceId, dossierCodes }'), ...staffErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller);
      return reply.status(201).send(await rateService({ counterId: actor.counterId!, ticketId: request.body.ticketId, level: request.body.level }, actor));
    },
  );

  app.get(
    '/api/reports/ratings',
    {
      schema: {
        tags: ['ratings'],
        summary: "A day's satisfaction ratings per counter, clerk and service, with the share not dissatisfied (staff)",
        querystring: Type.Object({ day: Type.Optional(Type.String({ format: 'date' })) }, { additionalProperties: false }),
        response: { 200: Described('{ day, total, ..., counters[], clerks[], services[] }'), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request) => ratingsReport(request.query.day),
  );
};
