// Call announcements as sound: the hall's phrase assembled from its voice pack (served to
// the display pages as WAV), and optionally spoken by the hub PC's own speaker.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { VoicePack } from '../../hardware/voice/voice-pack.js';
import { type Pcm, writeWav } from '../../hardware/voice/wav.js';
import { AnnouncementQueue, type Announcement } from '../domain/announcement/announcement-queue.js';
import { callWords, CHIME, clipsNeeded } from '../domain/announcement/announcement.js';
import { DEFAULT_VOICE_DIR } from '../paths.js';
import type { DeviceRegistry } from './device-registry.js';
import type { LiveState } from './live-state.js';
import type { QueueService } from './queue-service.js';

export interface VoiceDeps {
  /** The hall's voice settings. */
  live: Pick<LiveState, 'settings'>;
  /** Every commit, to speak its calls. */
  events: Pick<QueueService, 'onEvents'>;
}

export const VOICE_DEVICE = 'voice';
export const SPEAKER_DEVICE = 'speaker';
const CACHED_CALLS = 64;

/** A voice pack the hub can use: the default one, or a folder of the hall's own clips. */
export interface InstalledPack {
  /** null: the default pack. */
  dir: string | null;
  name: string;
  /** Clips in the folder. */
  clips: number;
}

export interface VoiceOptions {
  /** Folder of the default pack (made by npm run build). */
  defaultDir?: string;
  /** Folder whose sub-folders are the hall's own packs (data/voice). */
  packsDir?: string;
  /** The command that plays a WAV file on the hub PC, file name last. */
  player?: string[];
}

export class VoiceService {
  private pack: VoicePack;
  private readonly cache = new Map<string, Buffer>();
  /** Packs read to list the words they lack, kept until the voice is reloaded. */
  private readonly packsSeen = new Map<string, VoicePack>();
  private readonly speaker: AnnouncementQueue;
  private unsubscribe: (() => void) | null = null;
  private readonly scratch = mkdtempSync(join(tmpdir(), 'luot-voice-'));

  constructor(
    private readonly deps: VoiceDeps,
    private readonly devices: DeviceRegistry,
    private readonly options: VoiceOptions = {},
  ) {
    this.pack = this.load();
    this.speaker = new AnnouncementQueue((a) => this.playOnHub(a));
  }

  private load(): VoicePack {
    const { packDir } = this.deps.live.settings.voice;
    const pack = new VoicePack([...(packDir ? [packDir] : []), this.options.defaultDir ?? DEFAULT_VOICE_DIR]);
    const missing = pack.missing(clipsNeeded(this.deps.live.settings.voice.phrase));
    this.devices.report(
      VOICE_DEVICE,
      'voice',
      missing.length === 0
        ? { ok: true }
        : {
            ok: false,
            code: 'missing_clips',
            message: `Bộ giọng đọc thiếu các từ: ${missing.join(', ')}. Chạy "npm run build" hoặc thêm tệp <từ>.wav vào thư mục giọng đọc.`,
            messageEn: `The voice pack lacks: ${missing.join(', ')}. Run "npm run build" or add <word>.wav files to the voice folder.`,
          },
    );
    return pack;
  }

  /** The packs an admin may choose: the default one, each folder of data/voice, and the one in use. */
  installedPacks(): InstalledPack[] {
    const clipsIn = (dir: string) => {
      try {
        return readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.wav')).length;
      } catch {
        return 0;
      }
    };
    const packs: InstalledPack[] = [{ dir: null, name: 'default', clips: clipsIn(this.options.defaultDir ?? DEFAULT_VOICE_DIR) }];
    const root = this.options.packsDir;
    if (root && existsSync(root)) {
      for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const dir = join(root, entry.name);
        if (entry.isDirectory() && clipsIn(dir) > 0) packs.push({ dir, name: entry.name, clips: clipsIn(dir) });
      }
    }
    const inUse = this.deps.live.settings.voice.packDir;
    if (inUse && !packs.some((p) => p.dir === inUse)) packs.push({ dir: inUse, name: basename(inUse), clips: clipsIn(inUse) });
    return packs;
  }

  /** Words of a phrase that a pack (null: the default) and the default pack behind it lack. */
  missingWords(packDir: string | null, phrase: string): string[] {
    const key = packDir ?? '';
    let pack = this.packsSeen.get(key);
    if (!pack) {
      pack = new VoicePack([...(packDir ? [packDir] : []), this.options.defaultDir ?? DEFAULT_VOICE_DIR]);
      this.packsSeen.set(key, pack);
    }
    return pack.missing(clipsNeeded(phrase));
  }

  /** The hall's voice settings changed: the pack is read again, calls are made anew, the hub's speaker follows. */
  reload(): void {
    this.pack = this.load();
    this.cache.clear();
    this.packsSeen.clear();
    if (this.deps.live.settings.voice.hubSpeaker) this.start();
    else {
      this.unsubscribe?.();
      this.unsubscribe = null;
    }
  }

  /** Says a call on the hub's own speaker (when the hall uses it): the sample an admin asks for. */
  speakSample(number: string, counterId: number): boolean {
    if (!this.deps.live.settings.voice.hubSpeaker) return false;
    this.speaker.enqueue({ ticketId: `sample-${Date.now()}`, number, counterId, recall: false });
    return true;
  }

  /** The whole announcement of a call as a WAV file (chime, then the phrase). */
  callWav(number: string, counterId: number): Buffer {
    const key = `${number}@${counterId}`;
    let wav = this.cache.get(key);
    if (!wav) {
      const { phrase, sayNumberTwice, volume } = this.deps.live.settings.voice;
      const words = callWords(number, counterId, phrase, sayNumberTwice);
      wav = writeWav(atVolume(this.pack.announcement(CHIME, words), volume ?? 100));
      if (this.cache.size >= CACHED_CALLS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, wav);
    }
    return wav;
  }

  /** Speaks every call and recall on the hub's speaker, when the hall asks for it. */
  start(): void {
    if (!this.deps.live.settings.voice.hubSpeaker || this.unsubscribe) return;
    this.unsubscribe = this.deps.events.onEvents((events) => {
      for (const e of events) {
        if (e.type !== 'ticket:called' && e.type !== 'ticket:recalled') continue;
        this.speaker.enqueue({ ticketId: e.data.ticket.id, number: e.data.ticket.number, counterId: e.data.counter.id, recall: e.type === 'ticket:recalled' });
      }
    });
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.speaker.idle();
    rmSync(this.scratch, { recursive: true, force: true });
  }

  private playOnHub(a: Announcement): Promise<void> {
    const file = join(this.scratch, `${a.ticketId}-${a.counterId}.wav`);
    writeFileSync(file, this.callWav(a.number, a.counterId));
    const [command, ...args] = this.options.player ?? ['aplay', '-q'];
    return new Promise((resolve) => {
      const child = spawn(command!, [...args, file], { stdio: 'ignore' });
      const done = (ok: boolean, why = '') => {
        this.devices.report(
          SPEAKER_DEVICE,
          'speaker',
          ok ? { ok: true } : { ok: false, code: 'unplayable', message: `Loa của máy chủ không phát được âm thanh (${why}).`, messageEn: `The hub's speaker could not play (${why}).` },
        );
        rmSync(file, { force: true });
        resolve();
      };
      child.once('error', (error) => done(false, error.message));
      child.once('exit', (code) => (code === 0 ? done(true) : done(false, `${command} exit ${code}`)));
    });
  }
}

/** The samples scaled to a loudness in percent (100: as recorded). */
function atVolume(pcm: Pcm, percent: number): Pcm {
  if (percent >= 100) return pcm;
  const gain = Math.max(0, percent) / 100;
  return { sampleRate: pcm.sampleRate, samples: pcm.samples.map((s) => Math.round(s * gain)) };
}
