// Call announcements as sound: the hall's phrase assembled from its voice pack (served to
// the display pages as WAV), and optionally spoken by the hub PC's own speaker.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VoicePack } from '../../hardware/voice/voice-pack.js';
import { writeWav } from '../../hardware/voice/wav.js';
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

export interface VoiceOptions {
  /** Folder of the default pack (made by npm run build). */
  defaultDir?: string;
  /** The command that plays a WAV file on the hub PC, file name last. */
  player?: string[];
}

export class VoiceService {
  private pack: VoicePack;
  private readonly cache = new Map<string, Buffer>();
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

  /** The whole announcement of a call as a WAV file (chime, then the phrase). */
  callWav(number: string, counterId: number): Buffer {
    const key = `${number}@${counterId}`;
    let wav = this.cache.get(key);
    if (!wav) {
      const { phrase, sayNumberTwice } = this.deps.live.settings.voice;
      const words = callWords(number, counterId, phrase, sayNumberTwice);
      wav = writeWav(this.pack.announcement(CHIME, words));
      if (this.cache.size >= CACHED_CALLS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, wav);
    }
    return wav;
  }

  /** Speaks every call and recall on the hub's speaker, when the hall asks for it. */
  start(): void {
    if (!this.deps.live.settings.voice.hubSpeaker) return;
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
