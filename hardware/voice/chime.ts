// The two-note chime before each call ("ding-dong"), made from sine tones with a bell-like
// decay, so the default pack needs no recorded sound.

import type { Pcm } from './wav.js';

function bell(frequency: number, seconds: number, rate: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    const attack = Math.min(1, t / 0.005);
    const decay = Math.exp(-t * 3.2);
    out[i] = attack * decay * (Math.sin(2 * Math.PI * frequency * t) + 0.35 * Math.sin(4 * Math.PI * frequency * t) + 0.12 * Math.sin(6 * Math.PI * frequency * t));
  }
  return out;
}

export function chime(rate: number): Pcm {
  const high = bell(659.25, 0.9, rate); // E5
  const low = bell(523.25, 1.2, rate); // C5
  const offset = Math.round(0.45 * rate);
  const mix = new Float32Array(offset + low.length);
  high.forEach((v, i) => {
    mix[i]! += v;
  });
  low.forEach((v, i) => {
    mix[offset + i]! += v;
  });
  const peak = mix.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const samples = Int16Array.from(mix, (v) => Math.round((v / peak) * 0.6 * 32767));
  return { sampleRate: rate, samples };
}
