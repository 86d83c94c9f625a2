// A dossier as staff read it: as stored, with its timeliness now (early, on time, due, overdue...).

import type { DossierReply } from '../../contract/dossiers.js';
import type { DossierRepository } from '../../db/dossier-repository.js';
import { timelinessOf, type Dossier } from '../../domain/dossier/dossier.js';
import { DomainError } from '../../domain/domain-error.js';
import { dayOf } from '../../domain/calendar/hall-clock.js';
import type { HallSettings } from '../../domain/hall/hall-definition.js';

export interface HallTime {
  clock: () => number;
  /** The hall's settings (its time zone). */
  settings: () => Pick<HallSettings, 'timeZone'>;
}

export function withTimeliness(time: HallTime, d: Dossier): DossierReply {
  const timeZone = time.settings().timeZone;
  return { ...d, timeliness: timelinessOf(d, time.clock(), (at) => dayOf(at, timeZone)) };
}

/** A stored dossier; an unknown code is refused. */
export function storedDossier(dossiers: Pick<DossierRepository, 'get'>, code: string): Dossier {
  const d = dossiers.get(code);
  if (!d) throw new DomainError('dossier_not_found', { code });
  return d;
}
