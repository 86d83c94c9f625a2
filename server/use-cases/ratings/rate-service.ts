// The citizen's satisfaction rating of the service just finished, from the counter's rating
// tablet or its keypad's rating keys (both end here), and who a tablet is.

import type { Actor } from '../../domain/access/actor.js';
import type { LocalizedText } from '../../domain/localized-text.js';
import type { RatingTabletDef } from '../../domain/hall/hall-definition.js';
import type { Rating, RatingLevel } from '../../domain/rating/rating.js';
import type { LiveState } from '../../services/live-state.js';
import type { CommandRunner } from '../ports.js';

export interface RateDeps {
  queue: Pick<CommandRunner, 'execute'>;
}

/** What a rating says once given: the clerk's name is kept for reports, not sent back. */
export type GivenRating = Omit<Rating, 'clerk'>;

/** Rates the ticket just finished at the counter (or the one named), once. */
export async function rateService(deps: RateDeps, rating: { counterId: number; ticketId?: string; level: RatingLevel }, actor: Actor): Promise<GivenRating> {
  const { events } = await deps.queue.execute({ type: 'rateTicket', counterId: rating.counterId, ticketId: rating.ticketId, level: rating.level }, actor);
  const { clerk: _clerk, ...given } = (events[0]!.data as { rating: Rating }).rating;
  return given;
}

export interface TabletInfoDeps {
  live: Pick<LiveState, 'counter'>;
}

/** Who a rating tablet is and the counter it stands at. */
export function ratingTabletInfo(deps: TabletInfoDeps, tablet: RatingTabletDef): { id: string; counterId: number; counterName: LocalizedText } {
  const counter = deps.live.counter(tablet.counterId)!;
  return { id: tablet.id, counterId: counter.id, counterName: counter.name };
}
