// Routes of satisfaction ratings: the tablet, a citizen's rating, the day's tally.

import Type, { type Static } from 'typebox';
import { RATING_LEVELS, type Rating } from '../../domain/rating/rating.js';
import { RatingTabletInfoSchema, type Same } from '../reply-schemas.js';
import { Day, Nullable, OneOf, staffErrorResponses, staffOnly, TicketId } from '../route-schemas.js';

const Level = OneOf(RATING_LEVELS);

/** A rating as it was given (the clerk's name stays in the event log). */
export const RatingSchema = Type.Object({
  ticketId: Type.String(),
  level: Level,
  at: Type.Number(),
  counterId: Type.Integer(),
  serviceId: Type.String(),
  dossierCodes: Type.Array(Type.String(), { description: 'Dossiers received from the ticket' }),
});
const ratingMatches: Same<Static<typeof RatingSchema>, Omit<Rating, 'clerk'>> = true;
void ratingMatches;

/** Counts of each level, and the share with no "not satisfied" (the national index's measure). */
const Tally = {
  total: Type.Integer(),
  very_satisfied: Type.Integer(),
  satisfied: Type.Integer(),
  not_satisfied: Type.Integer(),
  satisfiedShare: Nullable(Type.Number({ description: 'Per cent not dissatisfied, one decimal; null with no rating' })),
};

const GroupTally = <K extends ReturnType<typeof Type.Integer> | ReturnType<typeof Type.String>>(key: K) => Type.Array(Type.Object({ key, ...Tally }));

export const RatingsReportSchema = Type.Object({
  day: Day,
  ...Tally,
  counters: GroupTally(Type.Integer({ description: 'Counter number' })),
  clerks: GroupTally(Type.String({ description: "The clerk's name, or — for a keypad" })),
  services: GroupTally(Type.String({ description: 'Service code' })),
});
export type RatingsReport = Static<typeof RatingsReportSchema>;

export const RATING_ROUTES = {
  'GET /api/rating-tablet': {
    tags: ['ratings'],
    summary: 'Who this rating tablet is and the counter it stands at (Authorization: Bearer <tablet token>)',
    response: { 200: RatingTabletInfoSchema, ...staffErrorResponses },
  },
  'POST /api/ratings': {
    tags: ['ratings'],
    summary: "Rate the service of the ticket just finished at the tablet's counter: very_satisfied, satisfied, not_satisfied (once)",
    body: Type.Object({ ticketId: Type.Optional(TicketId), level: Level }, { additionalProperties: false }),
    response: { 201: RatingSchema, ...staffErrorResponses },
  },
  'GET /api/reports/ratings': {
    tags: ['ratings'],
    summary: "A day's satisfaction ratings per counter, clerk and service, with the share not dissatisfied (staff)",
    querystring: Type.Object({ day: Type.Optional(Type.String({ format: 'date' })) }, { additionalProperties: false }),
    response: { 200: RatingsReportSchema, ...staffErrorResponses },
    security: staffOnly,
  },
};
