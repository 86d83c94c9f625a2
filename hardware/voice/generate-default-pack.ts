// Makes the default voice pack: one WAV per word with eSpeak NG's Vietnamese voice (the
// synthesizer comes from the npm registry and runs offline), plus the chime. Run by
// `npm run build`; words already made are kept.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { clipsNeeded, CHIME, DEFAULT_CALL_PHRASE } from '../../server/domain/announcement/announcement.js';
import { DEFAULT_VOICE_DIR } from '../../server/paths.js';
import { chime } from './chime.js';
import { concatPcm, trimSilence, writeWav, type Pcm } from './wav.js';

interface EspeakWorker {
  set_voice(name: string, lang: string, gender: number, age: number, variant: number): void;
  set_rate(wordsPerMinute: number): void;
  get_samplerate(): number;
  synthesize(text: string, onAudio: (samples: Int16Array, events: unknown[]) => boolean): void;
}

async function espeak(): Promise<EspeakWorker> {
  const entry = createRequire(import.meta.url).resolve('@echogarden/espeak-ng-emscripten');
  const { default: createModule } = await import('@echogarden/espeak-ng-emscripten');
  const module = (await createModule({ locateFile: (file: string) => join(dirname(entry), file) })) as { eSpeakNGWorker: new () => EspeakWorker };
  const worker = new module.eSpeakNGWorker();
  worker.set_voice('vi', 'vi', 0, 0, 0);
  worker.set_rate(140);
  return worker;
}

function speak(worker: EspeakWorker, word: string): Pcm {
  const parts: Int16Array[] = [];
  worker.synthesize(word, (samples) => {
    parts.push(samples);
    return false;
  });
  return trimSilence(concatPcm(worker.get_samplerate(), parts));
}

export async function generateDefaultPack(dir = DEFAULT_VOICE_DIR): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const todo = clipsNeeded(DEFAULT_CALL_PHRASE).filter((w) => !existsSync(join(dir, `${w}.wav`)));
  if (todo.length === 0) return [];
  const worker = await espeak();
  for (const word of todo) {
    const pcm = word === CHIME ? chime(worker.get_samplerate()) : speak(worker, word);
    if (pcm.samples.length === 0) throw new Error(`the synthesizer made no sound for "${word}"`);
    writeFileSync(join(dir, `${word}.wav`), writeWav(pcm));
  }
  return todo;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const made = await generateDefaultPack();
  if (made.length > 0) console.log(`voice: made ${made.length} clips in ${DEFAULT_VOICE_DIR}`);
}
