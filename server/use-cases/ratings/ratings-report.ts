// A day's satisfaction ratings per counter, clerk and service, with the share not dissatisfied
// (the national index's measure).

import type { RatingRepository } from '../../db/rating-repository.js';
import { addDays } from '../../domain/calendar/holidays.js';
import type { HallSettings } from '../../domain/hall/hall-definition.js';
import type { Rating } from '../../domain/rating/rating.js';
import { localInstant } from '../../domain/calendar/working-time.js';
import type { HallQueries } from '../../services/hall-queries.js';

/** Counts of each level, and the share with no "not satisfied". */
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

export interface RatingsReportDeps {
  ratings: Pick<RatingRepository, 'between'>;
  queries: Pick<HallQueries, 'today'>;
  settings: () => Pick<HallSettings, 'timeZone'>;
}

/** The day's ratings (today by default). */
export function ratingsReport(deps: RatingsReportDeps, day: string | undefined) {
  const shown = day ?? deps.queries.today();
  const tz = deps.settings().timeZone;
  const ratings = deps.ratings.between(localInstant(shown, 0, tz), localInstant(addDays(shown, 1), 0, tz));
  return {
    day: shown,
    ...tally(ratings),
    counters: groupBy(ratings, (r) => r.counterId),
    clerks: groupBy(ratings, (r) => r.clerk ?? '—'),
    services: groupBy(ratings, (r) => r.serviceId),
  };
}
