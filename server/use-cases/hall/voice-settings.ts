// The voice of the calls, set by an admin in the console and applied at once: the pack, the
// loudness, saying the number twice, the phrase and the hub's own speaker. A pack the hub does
// not have, or one lacking a word of the phrase, is refused with the field named. The change
// stands until the hall file itself says something new about the voice, and is logged
// (voice:changed) with who made it. A sample call is said on the displays and the hub's speaker.

import type { PublicHallSettings } from '../../contract/events.js';
import type { HallRepository } from '../../db/hall-repository.js';
import type { Actor } from '../../domain/access/actor.js';
import { DEFAULT_VOICE } from '../../domain/announcement/announcement.js';
import { DomainError } from '../../domain/domain-error.js';
import type { VoiceSettings } from '../../domain/hall/hall-definition.js';
import { publicSettings } from '../../domain/queue/public-view.js';
import type { LiveState } from '../../services/live-state.js';
import type { QueueService } from '../../services/queue-service.js';
import type { VoiceService } from '../../services/voice-service.js';

export interface VoiceSettingsDeps {
  live: Pick<LiveState, 'settings'>;
  voice: Pick<VoiceService, 'installedPacks' | 'missingWords' | 'reload' | 'speakSample'>;
  hall: Pick<HallRepository, 'setOverride'>;
  queue: Pick<QueueService, 'record'>;
  clock: () => number;
  /** Tells every page the settings changed. */
  publish: (settings: PublicHallSettings) => void;
  /** Asks the displays to say a sample call. */
  announceSample: (sample: { number: string; counterId: number }) => void;
}

type FullVoice = Required<VoiceSettings>;

const current = (deps: Pick<VoiceSettingsDeps, 'live'>): FullVoice => ({ ...DEFAULT_VOICE, volume: 100, ...deps.live.settings.voice }) as FullVoice;

/** The voice as set, with each installed pack and the words of the phrase it lacks. */
export function readVoiceSettings(deps: Pick<VoiceSettingsDeps, 'live' | 'voice'>) {
  const voice = current(deps);
  return {
    voice,
    packs: deps.voice.installedPacks().map((p) => ({ ...p, missing: deps.voice.missingWords(p.dir, voice.phrase) })),
  };
}

/** Changes some of the voice settings; the rest stay. */
export async function setVoiceSettings(deps: Omit<VoiceSettingsDeps, 'announceSample'>, change: Partial<VoiceSettings>, by: Actor) {
  const next: FullVoice = { ...current(deps), ...change } as FullVoice;
  if (change.packDir !== undefined && change.packDir !== null && !deps.voice.installedPacks().some((p) => p.dir === change.packDir)) {
    throw new DomainError('voice_pack_unknown', { packDir: change.packDir });
  }
  const missing = deps.voice.missingWords(next.packDir, next.phrase);
  if (missing.length > 0) throw new DomainError('voice_words_missing', { field: change.phrase !== undefined ? 'phrase' : 'packDir', words: missing.join(', ') });
  const now = deps.clock();
  await deps.queue.record([{ type: 'voice:changed', data: { voice: next } }], by, () => deps.hall.setOverride('voice', next, now, by.name));
  deps.live.settings = { ...deps.live.settings, voice: next };
  deps.voice.reload();
  deps.publish(publicSettings(deps.live.settings));
  return readVoiceSettings(deps);
}

/** Says a sample call with the voice as set: on every display, and on the hub's speaker when the hall uses it. */
export function playVoiceSample(deps: Pick<VoiceSettingsDeps, 'voice' | 'announceSample'>, sample: { number?: string; counterId?: number }) {
  const number = sample.number ?? '1';
  const counterId = sample.counterId ?? 1;
  deps.announceSample({ number, counterId });
  const hubSpeaker = deps.voice.speakSample(number, counterId);
  return { number, counterId, hubSpeaker };
}
