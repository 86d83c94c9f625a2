// The short form of a spoken call, cut from the hub's WAV: without the chime and the words
// before the number ("Xin mời công dân có số thứ tự"), so "A012 đến quầy số 9" alone. Every
// call of a hall starts with the same chime and words, so the part to cut is where two calls
// with different numbers and counters first differ. Pure: bytes in, bytes out.

export interface WavPcm {
  /** Bytes of the 'fmt ' chunk's body, kept as they are. */
  format: Uint8Array;
  /** Bytes per sample frame (all channels). */
  blockAlign: number;
  sampleRate: number;
  /** The 'data' chunk's body. */
  data: Uint8Array;
}

/** Reads a RIFF/WAVE file's format and sample data; null when it is not one. */
export function readWavPcm(bytes: Uint8Array): WavPcm | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || text(0) !== 'RIFF' || text(8) !== 'WAVE') return null;
  let format: Uint8Array | null = null;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = text(at);
    const size = view.getUint32(at + 4, true);
    const body = bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + size));
    if (id === 'fmt ') format = body;
    if (id === 'data' && format && format.length >= 16) {
      const formatView = new DataView(format.buffer, format.byteOffset, format.byteLength);
      return { format, sampleRate: formatView.getUint32(4, true), blockAlign: formatView.getUint16(12, true), data: body };
    }
    at += 8 + size + (size % 2);
  }
  return null;
}

/** A WAV file of these samples in this format. */
export function writeWavPcm(format: Uint8Array, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12 + 8 + format.length + 8 + data.length);
  const view = new DataView(out.buffer);
  const put = (at: number, text: string) => {
    [...text].forEach((c, i) => {
      out[at + i] = c.charCodeAt(0);
    });
  };
  put(0, 'RIFF');
  view.setUint32(4, out.length - 8, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  view.setUint32(16, format.length, true);
  out.set(format, 20);
  const dataAt = 20 + format.length;
  put(dataAt, 'data');
  view.setUint32(dataAt + 4, data.length, true);
  out.set(data, dataAt + 8);
  return out;
}

/** How many whole sample frames two calls share from their start (the chime and the words before the first placeholder). */
export function sharedFrames(a: WavPcm, b: WavPcm): number {
  const n = Math.min(a.data.length, b.data.length);
  let i = 0;
  while (i < n && a.data[i] === b.data[i]) i++;
  return Math.floor(i / a.blockAlign);
}

/** The call from `frames` on, as a WAV file (the whole call when the cut would leave too little). */
export function cutCall(call: WavPcm, frames: number): Uint8Array<ArrayBuffer> {
  const from = frames * call.blockAlign;
  // Less than half a second left: the shared part was not what it seemed; say it all.
  const kept = from > 0 && call.data.length - from >= call.sampleRate * call.blockAlign * 0.5 ? call.data.subarray(from) : call.data;
  return writeWavPcm(call.format, kept);
}
