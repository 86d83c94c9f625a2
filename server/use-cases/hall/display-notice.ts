// The notice scrolling on the hall displays, changed by a manager while the hall runs. It stands
// until changed again, or until a new hall file changes displayNotice.

import type { PublicHallSettings } from '../../contract/events.js';
import type { HallRepository } from '../../db/hall-repository.js';
import type { Actor } from '../../domain/access/actor.js';
import type { LocalizedText } from '../../domain/localized-text.js';
import { publicSettings } from '../../domain/queue/public-view.js';
import type { LiveState } from '../../services/live-state.js';

export interface NoticeDeps {
  hall: Pick<HallRepository, 'setOverride'>;
  live: Pick<LiveState, 'settings'>;
  clock: () => number;
  /** Tells every page the settings changed. */
  publish: (settings: PublicHallSettings) => void;
}

/** Sets the notice (English defaults to the Vietnamese), or removes it with null. */
export function setDisplayNotice(deps: NoticeDeps, asked: { vi: string; en?: string } | null, manager: Actor): { notice: LocalizedText | null } {
  const notice = asked ? { vi: asked.vi.trim(), en: asked.en?.trim() || asked.vi.trim() } : null;
  deps.hall.setOverride('displayNotice', notice, deps.clock(), manager.name);
  deps.live.settings = { ...deps.live.settings, displayNotice: notice };
  deps.publish(publicSettings(deps.live.settings));
  return { notice };
}
