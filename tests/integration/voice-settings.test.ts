// The voice of the calls set by an admin in the console: applied at once to the calls the
// displays fetch, checked field by field, logged with who changed it, kept across a restart;
// the installed packs listed; a sample call sent to the displays.

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWav } from '../../hardware/voice/wav.js';
import { DEFAULT_VOICE_DIR } from '../../server/paths.js';
import { inject, LAN_ADDRESS, prepareCallers } from '../helpers/callers.js';
import { RecordingClient, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

const SETTINGS = '/api/voice/settings';

async function callSamples(): Promise<{ samples: Int16Array; cache: string | null }> {
  const response = await fetch(`${hub!.url}/api/voice/call.wav?number=A012&counter=5`);
  expect(response.status).toBe(200);
  return { samples: readWav(Buffer.from(await response.arrayBuffer())).samples, cache: response.headers.get('cache-control') };
}

describe('voice settings in the console', () => {
  it('lists the packs, applies loudness and saying twice at once, logs who did it, and keeps them across a restart', async () => {
    const dataDir = tempDataDir();
    // A hall's own pack: one word recorded again (here the default chime, copied).
    const own = join(dataDir, 'voice', 'giong-nu-ha-noi');
    mkdirSync(own, { recursive: true });
    copyFileSync(join(DEFAULT_VOICE_DIR, 'chime.wav'), join(own, 'chime.wav'));
    hub = await startTestHub({ dataDir });
    const c = await prepareCallers(hub);
    const display = new RecordingClient(hub.url);
    await display.until(() => display.snapshots.length > 0, 'snapshot');
    const settings: { volume: number }[] = [];
    const samples: unknown[] = [];
    display.socket.on('hall:settings', (s) => settings.push(s.voice as { volume: number }));
    display.socket.on('voice:sample', (s) => samples.push(s));

    expect((await inject(hub, c.manager, 'GET', SETTINGS)).status).toBe(403);
    expect((await inject(hub, c.api, 'PUT', SETTINGS, { volume: 50 })).status).toBe(403);
    const read = await inject(hub, c.admin, 'GET', SETTINGS);
    expect(read.status).toBe(200);
    expect(read.body.voice).toMatchObject({ volume: 100, sayNumberTwice: false, packDir: null, hubSpeaker: false });
    expect(read.body.packs).toEqual([
      { dir: null, name: 'default', clips: expect.any(Number), missing: [] },
      { dir: own, name: 'giong-nu-ha-noi', clips: 1, missing: [] },
    ]);

    const loud = await callSamples();
    expect(loud.cache).toBe('no-cache');
    const changed = await inject(hub, c.admin, 'PUT', SETTINGS, { volume: 50, packDir: own });
    expect(changed.status).toBe(200);
    expect(changed.body.voice).toMatchObject({ volume: 50, packDir: own });
    const quiet = await callSamples();
    expect(quiet.samples.length).toBe(loud.samples.length);
    const peak = (s: Int16Array) => s.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(peak(quiet.samples)).toBe(Math.round(peak(loud.samples) * 0.5));
    await display.until(() => settings.some((v) => v.volume === 50), 'the new settings');

    expect((await inject(hub, c.admin, 'PUT', SETTINGS, { sayNumberTwice: true })).status).toBe(200);
    expect((await callSamples()).samples.length).toBeGreaterThan(loud.samples.length);

    const log = await inject(hub, c.admin, 'GET', '/api/events?limit=100');
    const logged = (log.body.events ?? log.body).filter((e: { type: string }) => e.type === 'voice:changed');
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ actor: 'Ngô Minh Quân', data: { voice: { volume: 50, packDir: own } } });
    // Pages hear the settings, never the log entry.
    expect(display.events.map((e) => e.type)).not.toContain('voice:changed');

    const sample = await inject(hub, c.admin, 'POST', '/api/voice/sample', { number: 'A012', counterId: 5 });
    expect(sample.status).toBe(202);
    expect(sample.body).toEqual({ number: 'A012', counterId: 5, hubSpeaker: false });
    await display.until(() => samples.length > 0, 'the sample');
    expect(samples).toEqual([{ number: 'A012', counterId: 5 }]);
    expect((await inject(hub, c.manager, 'POST', '/api/voice/sample', {})).status).toBe(403);
    display.close();

    await hub.stop();
    hub = await startTestHub({ dataDir });
    const again = await prepareCallers(hub);
    expect((await inject(hub, again.admin, 'GET', SETTINGS)).body.voice).toMatchObject({ volume: 50, sayNumberTwice: true, packDir: own });
  });

  it('refuses a setting it cannot use with the field named, and changes nothing', async () => {
    hub = await startTestHub();
    const c = await prepareCallers(hub);
    const refused = async (body: unknown, status = 400) => {
      const reply = await inject(hub!, c.admin, 'PUT', SETTINGS, body);
      expect(reply.status).toBe(status);
      return reply.body as { message: string; messageEn: string; error: string };
    };
    expect((await refused({ volume: 150 })).messageEn).toContain('volume');
    expect((await refused({ volume: 'to' })).messageEn).toContain('volume');
    expect((await refused({ phrase: 'Mời quầy {counter}' })).messageEn).toContain('phrase');
    const pack = await refused({ packDir: '/etc' });
    expect(pack).toMatchObject({ error: 'voice_pack_unknown', messageEn: expect.stringContaining('Field packDir') });
    const words = await refused({ phrase: 'Xin mời số {number} qua quầy {counter} nhanh lên xyzzy' });
    expect(words.error).toBe('voice_words_missing');
    expect(words.message).toContain('Trường phrase: bộ giọng đọc thiếu các từ');
    expect(words.message).toContain('xyzzy');
    expect((await refused({ speed: 2 })).messageEn).toContain('speed');
    expect((await inject(hub, c.admin, 'POST', '/api/voice/sample', { number: '=1' })).status).toBe(400);

    const now = await inject(hub, c.admin, 'GET', SETTINGS);
    expect(now.body.voice).toMatchObject({ volume: 100, packDir: null, sayNumberTwice: false });
    const log = await inject(hub, { address: LAN_ADDRESS, token: c.admin.token }, 'GET', '/api/events?limit=100');
    expect((log.body.events ?? log.body).filter((e: { type: string }) => e.type === 'voice:changed')).toEqual([]);
  });
});
