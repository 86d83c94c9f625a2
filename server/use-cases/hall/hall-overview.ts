// What the hall's front door page shows: the hall, today, its services with waits, and its
// registered kiosks and rating tablets (whose registration links carry secrets: the page shows
// them on the hub machine only).

import type { ServiceSummary } from '../../contract/events.js';
import type { HallSettings, KioskDef, RatingTabletDef } from '../../domain/hall/hall-definition.js';
import type { HallQueries } from '../../services/hall-queries.js';
import type { LiveState } from '../../services/live-state.js';

export interface HallOverviewDeps {
  live: Pick<LiveState, 'settings' | 'kiosks' | 'ratingTablets'>;
  queries: Pick<HallQueries, 'serviceSummaries' | 'today' | 'snapshot'>;
}

export interface HallOverview {
  settings: Pick<HallSettings, 'name' | 'agencyCode'>;
  today: string;
  services: ServiceSummary[];
  kiosks: KioskDef[];
  ratingTablets: RatingTabletDef[];
  /** Today's figures in short: waiting, taken, at a counter now, counters open of all. */
  figures: { waiting: number; issued: number; serving: number; open: number; counters: number };
}

export function hallOverview(deps: HallOverviewDeps): HallOverview {
  const services = deps.queries.serviceSummaries().filter((s) => s.active);
  const counters = deps.queries.snapshot().counters.filter((c) => c.def.active);
  return {
    settings: deps.live.settings,
    today: deps.queries.today(),
    services,
    kiosks: deps.live.kiosks.filter((k) => k.active),
    ratingTablets: deps.live.ratingTablets.filter((r) => r.active),
    figures: {
      waiting: services.reduce((n, s) => n + s.waiting, 0),
      issued: services.reduce((n, s) => n + s.issuedToday, 0),
      serving: counters.filter((c) => c.current !== null).length,
      open: counters.filter((c) => c.state.mode === 'open').length,
      counters: counters.length,
    },
  };
}
