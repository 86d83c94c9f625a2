// Makes a voice pack's clips: one WAV per word with eSpeak NG's Vietnamese voice (the
// synthesizer comes from the npm registry and runs offline), plus the chime. Words already made
// are kept. The default pack's words are the hub's (server/cli/build-voice-pack.ts).

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

/** Writes `<word>.wav` in `dir` for each word that has none yet (`chimeWord` is the chime); returns the words made. */
export async function makeClips(dir: string, words: readonly string[], chimeWord: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const todo = words.filter((w) => !existsSync(join(dir, `${w}.wav`)));
  if (todo.length === 0) return [];
  const worker = await espeak();
  for (const word of todo) {
    const pcm = word === chimeWord ? chime(worker.get_samplerate()) : speak(worker, word);
    if (pcm.samples.length === 0) throw new Error(`the synthesizer made no sound for "${word}"`);
    writeFileSync(join(dir, `${word}.wav`), writeWav(pcm));
  }
  return todo;
}
