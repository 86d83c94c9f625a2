// The read log of dossiers' personal data, as a manager reads it: a day's reads (today by
// default), newest first, optionally of one dossier or one person.

import type { DossierRead, DossierReadLog } from '../../db/dossier-read-log.js';
import { addDays } from '../../domain/calendar/holidays.js';
import { localInstant } from '../../domain/calendar/working-time.js';
import { dayOf } from '../../domain/calendar/hall-clock.js';
import type { CommandRunner } from '../ports.js';
import type { HallTime } from './dossier-view.js';

export interface DossierReadsDeps {
  queue: Pick<CommandRunner, 'read'>;
  reads: Pick<DossierReadLog, 'list'>;
  time: HallTime;
}

export function dossierReads(deps: DossierReadsDeps, filter: { day?: string; code?: string; user?: string; limit?: number }): Promise<DossierRead[]> {
  const tz = deps.time.settings().timeZone;
  const day = filter.day ?? dayOf(deps.time.clock(), tz);
  const from = localInstant(day, 0, tz);
  const to = localInstant(addDays(day, 1), 0, tz);
  const { code, user } = filter;
  return deps.queue.read(() => deps.reads.list({ from, to, ...(code ? { code } : {}), ...(user ? { user } : {}), limit: filter.limit ?? 200 }));
}
