// The short form of a spoken call, cut from the real WAV the hub serves: the default voice
// pack's chime and words, assembled as the hub does.

import { describe, expect, it } from 'vitest';
import { cutCall, readWavPcm, sharedFrames } from '../../display/src/call-clip.js';
import { VoicePack } from '../../hardware/voice/voice-pack.js';
import { readWav, writeWav } from '../../hardware/voice/wav.js';
import { callWords, CHIME } from '../../server/domain/announcement/announcement.js';
import { DEFAULT_VOICE_DIR } from '../../server/paths.js';

const pack = new VoicePack([DEFAULT_VOICE_DIR]);
const call = (number: string, counter: number) => new Uint8Array(writeWav(pack.announcement(CHIME, callWords(number, counter))));
const seconds = (bytes: Uint8Array) => {
  const pcm = readWav(Buffer.from(bytes));
  return pcm.samples.length / pcm.sampleRate;
};

describe('short form of a call', () => {
  it('cuts the chime and the opening words every call shares, and keeps the number and the counter', () => {
    const shared = sharedFrames(readWavPcm(call('1', 1))!, readWavPcm(call('2', 2))!);
    // The chime (1.65 s), the silence after it and "Xin mời công dân có số thứ tự".
    const chimeAndOpening = shared / 22050;
    expect(chimeAndOpening).toBeGreaterThan(2.5);
    const full = call('A012', 9);
    const short = cutCall(readWavPcm(full)!, shared);
    expect(seconds(full)).toBeGreaterThan(6);
    expect(seconds(short)).toBeCloseTo(seconds(full) - chimeAndOpening, 2);
    expect(seconds(short)).toBeLessThan(3);
    // What is kept is exactly the end of the full call: the number's first word onward.
    const fullPcm = readWav(Buffer.from(full)).samples;
    const shortPcm = readWav(Buffer.from(short)).samples;
    expect(Buffer.from(shortPcm.buffer, shortPcm.byteOffset, shortPcm.byteLength).equals(Buffer.from(fullPcm.buffer, fullPcm.byteOffset + shared * 2, shortPcm.byteLength))).toBe(true);
    // Two different numbers at one counter differ from the first word of the number on.
    expect(sharedFrames(readWavPcm(call('A012', 9))!, readWavPcm(call('B012', 9))!)).toBe(shared);
  });

  it('says the whole call when what would be left is too short, and refuses what is not a WAV', () => {
    const full = call('A012', 9);
    const pcm = readWavPcm(full)!;
    expect(cutCall(pcm, Math.floor(pcm.data.length / pcm.blockAlign) - 100).length).toBe(full.length);
    expect(readWavPcm(new TextEncoder().encode('not a wave file at all'))).toBeNull();
  });
});
