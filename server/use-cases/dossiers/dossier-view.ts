// A dossier as staff read it: as stored, with its timeliness now (early, on time, due, overdue...);
// and as a citizen finds it, with what they hold: its code (or the code's short form) and the
// check code printed on the slip.

import type { DossierReply } from '../../contract/dossiers.js';
import { timingSafeEqual } from 'node:crypto';
import type { DossierRepository } from '../../db/dossier-repository.js';
import { CHECK_CODE_LENGTH, SHORT_CODE_LENGTH, timelinessOf, type Dossier } from '../../domain/dossier/dossier.js';
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

/** What a citizen holds: the dossier's code (or its short form, e.g. 261203-0007) and the slip's check code. */
export interface CitizenKey {
  code: string;
  check: string | undefined;
}

function sameCheck(stored: string, given: string): boolean {
  if (stored.length !== CHECK_CODE_LENGTH || given.length !== stored.length) return false;
  return timingSafeEqual(Buffer.from(stored), Buffer.from(given));
}

/**
 * The one dossier the citizen's code and check code name, or undefined: an unknown code, a
 * wrong or missing check code, or a short form that names more than one dossier with that
 * check code all find nothing, alike.
 */
export function dossierForCitizen(dossiers: Pick<DossierRepository, 'get' | 'byShortCode'>, key: CitizenKey): Dossier | undefined {
  const check = (key.check ?? '').trim().toUpperCase();
  const code = key.code.trim().toUpperCase();
  const candidates = code.length === SHORT_CODE_LENGTH ? dossiers.byShortCode(code) : [dossiers.get(code)].filter((d): d is Dossier => d !== undefined);
  const matching = candidates.filter((d) => sameCheck(d.checkCode, check));
  return matching.length === 1 ? matching[0] : undefined;
}
