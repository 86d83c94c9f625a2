import { describe, expect, it } from 'vitest';
import { AnnouncementQueue, type Announcement } from '../../server/domain/announcement/announcement-queue.js';
import { callWords, DEFAULT_CALL_PHRASE, PAUSE } from '../../server/domain/announcement/announcement.js';
import { ticketNumberWords } from '../../server/domain/announcement/vietnamese-numbers.js';
import { concatPcm, readWav, resample, silence, trimSilence, writeWav } from '../../hardware/voice/wav.js';
import { SILENCE_WORD } from '../../hardware/voice/voice-pack.js';

const call = (number: string, counterId: number, recall = false): Announcement => ({ ticketId: number, number, counterId, recall });

describe('announcement queue', () => {
  it('plays calls one after another, in order, never two at once', async () => {
    const spans: { n: string; start: number; end: number }[] = [];
    let playing = 0;
    let most = 0;
    const queue = new AnnouncementQueue(async (a) => {
      playing++;
      most = Math.max(most, playing);
      const start = performance.now();
      await new Promise((r) => setTimeout(r, 15));
      spans.push({ n: `${a.number}@${a.counterId}${a.recall ? 'R' : ''}`, start, end: performance.now() });
      playing--;
    });
    queue.enqueue(call('A001', 1));
    queue.enqueue(call('B001', 3));
    queue.enqueue(call('A001', 1, true));
    expect(queue.length).toBe(3);
    await queue.idle();
    expect(most).toBe(1);
    expect(spans.map((s) => s.n)).toEqual(['A001@1', 'B001@3', 'A001@1R']);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });

  it('goes on after a clip that fails, and drops the oldest when calls pile up', async () => {
    const played: string[] = [];
    let release!: () => void;
    const first = new Promise<void>((r) => (release = r));
    const queue = new AnnouncementQueue(async (a) => {
      if (a.number === 'X1') await first;
      if (a.number === 'BAD') throw new Error('cannot play');
      played.push(a.number);
    });
    queue.enqueue(call('X1', 1));
    queue.enqueue(call('BAD', 1));
    for (let i = 2; i <= 10; i++) queue.enqueue(call(`X${i}`, 1));
    release();
    await queue.idle();
    // X1 was playing; of the nine behind it, only the newest eight were kept.
    expect(played).toEqual(['X1', 'X3', 'X4', 'X5', 'X6', 'X7', 'X8', 'X9', 'X10']);
  });

  it("a recall replaces the same ticket's call still waiting: it is said once", async () => {
    const played: string[] = [];
    let release!: () => void;
    const first = new Promise<void>((r) => (release = r));
    const queue = new AnnouncementQueue(async (a) => {
      if (a.number === 'B001') await first;
      played.push(`${a.number}${a.recall ? 'R' : ''}`);
    });
    queue.enqueue(call('B001', 3));
    queue.enqueue(call('A001', 1));
    queue.enqueue(call('C001', 5));
    queue.enqueue(call('A001', 1, true));
    release();
    await queue.idle();
    expect(played).toEqual(['B001', 'C001', 'A001R']);
  });

  it('keeps up with a burst: a call waiting over 15 s is skipped when its counter has a newer one', async () => {
    // Eight calls in the same second; each announcement takes 5 s to say.
    let clock = 0;
    const said: { number: string; at: number }[] = [];
    const queue = new AnnouncementQueue(
      async (a) => {
        said.push({ number: a.number, at: clock });
        clock += 5000;
      },
      () => {},
      { now: () => clock },
    );
    for (const [counter, number] of [
      [1, 'A1'],
      [2, 'A2'],
      [3, 'A3'],
      [4, 'A4'],
      [5, 'A5'],
      [1, 'B1'],
      [1, 'C1'],
      [6, 'A6'],
    ] as const)
      queue.enqueue(call(number, counter));
    await queue.idle();
    // B1's turn came 20 s after it was heard, with C1 waiting for the same counter: skipped.
    // A5 waited as long but is its counter's newest: said.
    expect(said.map((s) => s.number)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'C1', 'A6']);
    expect(queue.skipped.map((s) => s.number)).toEqual(['B1']);
  });
});

describe('the spoken sentence', () => {
  it('says the number twice, with a pause, when the hall asks for it', () => {
    expect(callWords('1023', 5)).toEqual(['xin', 'mời', 'công', 'dân', 'có', 'số', 'thứ', 'tự', ...ticketNumberWords('1023'), 'đến', 'quầy', 'số', 'năm']);
    const twice = callWords('1023', 5, DEFAULT_CALL_PHRASE, true);
    const number = ticketNumberWords('1023');
    expect(twice.slice(8, 8 + 2 * number.length + 1)).toEqual([...number, PAUSE, ...number]);
  });

  it('writes its pause as the word the voice pack plays as silence', () => {
    expect(PAUSE).toBe(SILENCE_WORD);
  });
});

describe('WAV clips', () => {
  it('reads back what it writes, mixes stereo down and converts the rate', () => {
    const tone = Int16Array.from({ length: 4410 }, (_, i) => Math.round(8000 * Math.sin(i / 5)));
    const back = readWav(writeWav({ sampleRate: 44100, samples: tone }));
    expect(back.sampleRate).toBe(44100);
    expect([...back.samples]).toEqual([...tone]);

    const stereo = Buffer.from(writeWav({ sampleRate: 44100, samples: Int16Array.from({ length: 8820 }, (_, i) => (i % 2 ? 1000 : 3000)) }));
    stereo.writeUInt16LE(2, 22); // two channels
    stereo.writeUInt32LE(44100 * 4, 28);
    stereo.writeUInt16LE(4, 32);
    const mono = readWav(stereo, 22050);
    expect(mono.sampleRate).toBe(22050);
    expect(mono.samples.length).toBe(2205);
    expect(new Set(mono.samples)).toEqual(new Set([2000]));
    expect(resample({ sampleRate: 44100, samples: tone }, 22050).samples.length).toBe(2205);
    expect(() => readWav(Buffer.from('not a wav at all, really not'))).toThrow('not a WAV file');
  });

  it('trims silence around a word but keeps a short margin', () => {
    const word = Int16Array.from({ length: 1000 }, () => 5000);
    const padded = concatPcm(22050, [silence(22050, 300), word, silence(22050, 500)]);
    const trimmed = trimSilence(padded, 300, 20);
    expect(trimmed.samples.length).toBe(1000 + 2 * 441);
  });
});
