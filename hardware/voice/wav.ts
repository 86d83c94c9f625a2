// 16-bit PCM WAV files: read (any rate, mono or stereo) into mono samples at the pack's
// rate, and write. Clips are joined as samples, so a phrase plays as one sound, gapless.

export interface Pcm {
  sampleRate: number;
  samples: Int16Array;
}

export class WavError extends Error {}

/** Reads a PCM WAV; stereo is mixed down, and the rate converted when `rate` is given. */
export function readWav(bytes: Buffer, rate?: number): Pcm {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') throw new WavError('not a WAV file');
  let offset = 12;
  let format: { channels: number; sampleRate: number; bits: number; code: number } | null = null;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = { code: bytes.readUInt16LE(body), channels: bytes.readUInt16LE(body + 2), sampleRate: bytes.readUInt32LE(body + 4), bits: bytes.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!format) throw new WavError('the data comes before its format');
      if (format.code !== 1 || format.bits !== 16) throw new WavError('only 16-bit PCM WAV is supported');
      const frames = Math.floor(Math.min(size, bytes.length - body) / (2 * format.channels));
      const mono = new Int16Array(frames);
      for (let i = 0; i < frames; i++) {
        let sum = 0;
        for (let c = 0; c < format.channels; c++) sum += bytes.readInt16LE(body + 2 * (i * format.channels + c));
        mono[i] = Math.round(sum / format.channels);
      }
      const pcm = { sampleRate: format.sampleRate, samples: mono };
      return rate && rate !== pcm.sampleRate ? resample(pcm, rate) : pcm;
    }
    offset = body + size + (size % 2);
  }
  throw new WavError('no audio data in the file');
}

/** Linear interpolation: enough for speech clips recorded at another rate. */
export function resample(pcm: Pcm, rate: number): Pcm {
  const ratio = pcm.sampleRate / rate;
  const out = new Int16Array(Math.floor(pcm.samples.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const x = i * ratio;
    const left = Math.floor(x);
    const right = Math.min(left + 1, pcm.samples.length - 1);
    out[i] = Math.round(pcm.samples[left]! + (pcm.samples[right]! - pcm.samples[left]!) * (x - left));
  }
  return { sampleRate: rate, samples: out };
}

export function writeWav(pcm: Pcm): Buffer {
  const data = Buffer.from(pcm.samples.buffer, pcm.samples.byteOffset, pcm.samples.byteLength);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(pcm.sampleRate, 24);
  header.writeUInt32LE(pcm.sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Cuts the silence before and after the sound, keeping `marginMs` of it on each side. */
export function trimSilence(pcm: Pcm, threshold = 300, marginMs = 20): Pcm {
  const { samples } = pcm;
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]!) < threshold) first++;
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last]!) < threshold) last--;
  if (first >= samples.length) return { sampleRate: pcm.sampleRate, samples: new Int16Array(0) };
  const margin = Math.round((marginMs / 1000) * pcm.sampleRate);
  return { sampleRate: pcm.sampleRate, samples: samples.slice(Math.max(0, first - margin), Math.min(samples.length, last + 1 + margin)) };
}

export function concatPcm(sampleRate: number, parts: Int16Array[]): Pcm {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const samples = new Int16Array(total);
  let at = 0;
  for (const p of parts) {
    samples.set(p, at);
    at += p.length;
  }
  return { sampleRate, samples };
}

export function silence(sampleRate: number, ms: number): Int16Array {
  return new Int16Array(Math.round((ms / 1000) * sampleRate));
}
