// What the hall's front door page shows: the hall, today, its services with waits, and its
// registered kiosks (whose registration links carry secrets: the page shows them on the hub
// machine only).

import type { ServiceSummary } from '../../contract/events.js';
import type { HallSettings, KioskDef } from '../../domain/hall/hall-definition.js';
import type { HallQueries } from '../../services/hall-queries.js';
import type { LiveState } from '../../services/live-state.js';

export interface HallOverviewDeps {
  live: Pick<LiveState, 'settings' | 'kiosks'>;
  queries: Pick<HallQueries, 'serviceSummaries' | 'today'>;
}

export interface HallOverview {
  settings: Pick<HallSettings, 'name' | 'agencyCode'>;
  today: string;
  services: ServiceSummary[];
  kiosks: KioskDef[];
}

export function hallOverview(deps: HallOverviewDeps): HallOverview {
  return {
    settings: deps.live.settings,
    today: deps.queries.today(),
    services: deps.queries.serviceSummaries().filter((s) => s.active),
    kiosks: deps.live.kiosks.filter((k) => k.active),
  };
}
