// The spoken call: assembled on the hub from the voice pack's clips, in order, gapless;
// a hall's own recordings replace the default words; a missing word is reported, not fatal;
// the hub's own speaker plays calls one after another.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PACK_RATE, VoicePack } from '../../hardware/voice/voice-pack.js';
import { readWav, silence, writeWav } from '../../hardware/voice/wav.js';
import { callWords, CHIME } from '../../server/domain/announcement/announcement.js';
import { composeHub } from '../../server/composition-root.js';
import { HUB_ACTOR } from '../../server/domain/access/actor.js';
import { DEFAULT_VOICE_DIR } from '../../server/paths.js';
import { demoHallWith } from '../helpers/hall-files.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

function hallWithVoice(dataDir: string, voice: Record<string, unknown>): string {
  return demoHallWith(dataDir, (hall) => (hall.hall.voice = voice));
}

describe('voice', () => {
  it('a call is the chime, a breath, then each word clip in order with nothing between them', async () => {
    hub = await startTestHub();
    const response = await fetch(`${hub.url}/api/voice/call.wav?number=A024&counter=15`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const call = readWav(Buffer.from(await response.arrayBuffer()));
    expect(call.sampleRate).toBe(PACK_RATE);

    const pack = new VoicePack([DEFAULT_VOICE_DIR]);
    const words = callWords('A024', 15);
    expect(words.join(' ')).toBe('xin mời công dân có số thứ tự a hai mươi tư đến quầy số mười lăm');
    const expected = [pack.clip(CHIME)!, silence(PACK_RATE, 200), ...words.map((w) => pack.clip(w)!)];
    expect(call.samples.length).toBe(expected.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const clip of expected) {
      const part = call.samples.subarray(at, at + clip.length);
      expect(part.every((v, i) => v === clip[i])).toBe(true);
      at += clip.length;
    }
    // Every default clip is real sound of a plausible length for one spoken syllable.
    for (const word of words) {
      const seconds = pack.clip(word)!.length / PACK_RATE;
      expect(seconds, word).toBeGreaterThan(0.1);
      expect(seconds, word).toBeLessThan(1.5);
    }
    const bad = await api(hub.url, 'GET', '/api/voice/call.wav?number=A-1&counter=0');
    expect(bad.status).toBe(400);
  });

  it('with sayNumberTwice the number is said, a 400 ms pause, then said again', async () => {
    const dataDir = tempDataDir();
    hub = await startTestHub({ dataDir, hallFile: demoHallWith(dataDir, (hall) => (hall.hall.voice.sayNumberTwice = true)) });
    const call = readWav(Buffer.from(await (await fetch(`${hub.url}/api/voice/call.wav?number=A024&counter=15`)).arrayBuffer()));
    const pack = new VoicePack([DEFAULT_VOICE_DIR]);
    const number = ['a', 'hai', 'mươi', 'tư'].map((w) => pack.clip(w)!);
    const once = callWords('A024', 15).map((w) => pack.clip(w)!);
    const lengthOf = (clips: Int16Array[]) => clips.reduce((n, c) => n + c.length, 0);
    expect(call.samples.length).toBe(pack.clip(CHIME)!.length + silence(PACK_RATE, 200).length + lengthOf(once) + silence(PACK_RATE, 400).length + lengthOf(number));
  });

  it("uses the hall's own recordings first, and reports words no pack has", async () => {
    const dataDir = tempDataDir();
    const own = join(dataDir, 'voice');
    mkdirSync(own);
    // A recording at 44.1 kHz: a clear tone standing in for a person saying "quầy".
    const quay = Int16Array.from({ length: 44100 / 2 }, (_, i) => Math.round(9000 * Math.sin(i / 7)));
    writeFileSync(join(own, 'quầy.wav'), writeWav({ sampleRate: 44100, samples: quay }));
    hub = await startTestHub({ dataDir, hallFile: hallWithVoice(dataDir, { phrase: 'Mời số {number} tới quầy {counter} nhé', packDir: own }) });

    const health = (await api(hub.url, 'GET', '/api/health')).body;
    const voice = health.devices.find((d: any) => d.id === 'voice');
    expect(voice).toMatchObject({ ok: false, code: 'missing_clips' });
    expect(voice.message).toContain('tới, nhé');
    const refused = await api(hub.url, 'GET', '/api/voice/call.wav?number=5&counter=1');
    expect(refused.status).toBe(503);
    expect(refused.body.message).toBe('Bộ giọng đọc thiếu các từ: tới, nhé.');

    writeFileSync(join(own, 'tới.wav'), writeWav({ sampleRate: 22050, samples: Int16Array.from({ length: 4000 }, () => 4000) }));
    writeFileSync(join(own, 'nhé.wav'), writeWav({ sampleRate: 22050, samples: Int16Array.from({ length: 3000 }, () => -4000) }));
    await hub.stop();
    hub = await startTestHub({ dataDir });
    const call = readWav(Buffer.from(await (await fetch(`${hub.url}/api/voice/call.wav?number=5&counter=1`)).arrayBuffer()));
    const pack = new VoicePack([own, DEFAULT_VOICE_DIR]);
    expect(pack.clip('quầy')!.length).toBe(quay.length / 2); // resampled to the pack's rate
    const words = ['mời', 'số', 'năm', 'tới', 'quầy', 'một', 'nhé'];
    expect(call.samples.length).toBe(pack.clip(CHIME)!.length + 200 * 22.05 + words.reduce((n, w) => n + pack.clip(w)!.length, 0));
  });

  it("the hub's own speaker plays calls and recalls in turn", async () => {
    const dataDir = tempDataDir();
    const played = join(dataDir, 'played');
    mkdirSync(played);
    // A stand-in for aplay: notes when it starts and ends, and keeps the file it was given.
    const player = join(dataDir, 'player.mjs');
    writeFileSync(
      player,
      `import { copyFileSync } from 'node:fs';
       const [dir, file] = process.argv.slice(2);
       const start = Date.now();
       await new Promise((r) => setTimeout(r, 150));
       copyFileSync(file, dir + '/' + start + '-' + Date.now() + '.wav');`,
    );
    const {
      app,
      internals: core,
      close,
    } = await composeHub({
      dataDir,
      hallFile: hallWithVoice(dataDir, { hubSpeaker: true }),
      voice: { player: [process.execPath, player, played] },
    });
    try {
      // Counters start the day closed: their clerks open them, as a sign-in does.
      await core.queue.execute({ type: 'openCounter', counterId: 1, clerk: 'Nguyễn Thị Lan' }, HUB_ACTOR);
      await core.queue.execute({ type: 'openCounter', counterId: 3, clerk: 'Lê Thị Hương' }, HUB_ACTOR);
      await core.queue.execute({ type: 'issue', serviceId: 'HT', priority: null, source: 'api' }, HUB_ACTOR);
      await core.queue.execute({ type: 'issue', serviceId: 'DD', priority: null, source: 'api' }, HUB_ACTOR);
      await core.queue.execute({ type: 'callNext', counterId: 1, finishCurrent: false }, HUB_ACTOR);
      await core.queue.execute({ type: 'callNext', counterId: 3, finishCurrent: false }, HUB_ACTOR);
      const held = core.live.counterState(1)!.currentTicketId!;
      await core.queue.execute({ type: 'recall', counterId: 1, ticketId: held }, HUB_ACTOR);
      await expect.poll(() => readdirSync(played).length, { timeout: 10_000 }).toBe(3);
      const spans = readdirSync(played)
        .map((f) => f.replace('.wav', '').split('-').map(Number) as [number, number])
        .sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
      const lengths = readdirSync(played)
        .sort()
        .map((f) => readWav(readFileSync(join(played, f))).samples.length);
      expect(lengths[0]).toBe(lengths[2]); // A001 to counter 1, then its recall: the same words
      expect(app.devices.get('speaker')).toMatchObject({ ok: true });
    } finally {
      await close();
    }
  });
});
