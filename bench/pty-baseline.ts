// The floor under keypad-to-board latency on this machine: a frame sent through a socat pty
// pair and echoed straight back by the far end, with no hub in between (two passes through
// the pty, as a key press and the board's answer make).

import { keyFrame } from '../hardware/keypad/keypad-protocol.js';
import { encodeFrame } from '../hardware/serial/bus-frame.js';
import { PtyPair } from '../tests/helpers/pty-pair.js';
import { now } from './call-stamps.js';
import { openPort } from './keypad-bus.js';

export async function ptyEchoLatencies(dir: string, samples: number): Promise<number[]> {
  const pair = await new PtyPair(dir).plug();
  const [near, far] = await Promise.all([openPort(pair.deviceEnd), openPort(pair.hubEnd)]);
  far.on('data', (chunk: Buffer) => far.write(chunk));
  const frame = encodeFrame(keyFrame(1, 'callNext'));
  const latencies: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      let received = 0;
      const echoed = new Promise<number>((resolve) => {
        const onData = (chunk: Buffer) => {
          received += chunk.length;
          if (received < frame.length) return;
          near.off('data', onData);
          resolve(now());
        };
        near.on('data', onData);
      });
      const sent = now();
      near.write(frame);
      latencies.push((await echoed) - sent);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    await Promise.all([near, far].map((p) => new Promise<void>((r) => p.close(() => r()))));
    await pair.unplug();
  }
  return latencies;
}
