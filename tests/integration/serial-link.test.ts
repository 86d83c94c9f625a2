// The serial bus over real ports (a socat pty pair): frames both ways, then an unplug and a
// replug of the adapter, after which the link comes back by itself.

import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeKeypadFrame, keyFrame, keypadShow } from '../../hardware/keypad/keypad-protocol.js';
import { encodeFrame, FrameParser, type BusFrame } from '../../hardware/serial/bus-frame.js';
import { SerialLink, type LinkState } from '../../hardware/serial/serial-link.js';
import { PtyPair } from '../helpers/pty-pair.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The device side: a real port that records the frames it receives. */
async function device(path: string): Promise<{ port: SerialPort; frames: BusFrame[] }> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  const parser = new FrameParser();
  const frames: BusFrame[] = [];
  port.on('data', (chunk: Buffer) => frames.push(...parser.push(chunk)));
  port.on('error', () => undefined);
  cleanups.push(async () => {
    if (port.isOpen) await new Promise<void>((r) => port.close(() => r()));
  });
  return { port, frames };
}

describe('serial link', () => {
  it('carries frames both ways, survives an unplug and reconnects on replug', async () => {
    const pair = await new PtyPair().plug();
    cleanups.push(() => pair.unplug());
    const link = new SerialLink({ path: pair.hubEnd, retryMs: 50, maxRetryMs: 200 });
    const states: LinkState[] = [];
    const received: BusFrame[] = [];
    link.on('state', (s) => states.push(s)).on('frame', (f) => received.push(f));
    link.start();
    cleanups.push(() => link.stop());
    await until(() => link.state === 'open', 'the link to open');

    const keypad = await device(pair.deviceEnd);
    // A key press split in two writes, as a slow line delivers it.
    const bytes = encodeFrame(keyFrame(5, 'callNext'));
    keypad.port.write(bytes.subarray(0, 3));
    await new Promise((r) => setTimeout(r, 20));
    keypad.port.write(bytes.subarray(3));
    await until(() => received.length === 1, 'the key frame');
    expect(decodeKeypadFrame(received[0]!)).toEqual({ type: 'key', address: 5, key: 'callNext' });

    expect(link.send(keypadShow(5, 'A001'))).toBe(true);
    await until(() => keypad.frames.length === 1, 'the display frame at the keypad');
    expect(String.fromCharCode(...keypad.frames[0]!.payload)).toBe('A001');

    await pair.unplug();
    await until(() => link.state === 'disconnected', 'the link to notice the unplug');
    expect(link.send(keypadShow(5, 'A002'))).toBe(false);

    await pair.plug();
    await until(() => link.state === 'open', 'the link to reopen after the replug', 8000);
    const again = await device(pair.deviceEnd);
    again.port.write(encodeFrame(keyFrame(5, 'finish')));
    await until(() => received.length === 2, 'a key after the replug');
    expect(decodeKeypadFrame(received[1]!)).toEqual({ type: 'key', address: 5, key: 'finish' });
    expect(states[0]).toBe('open');
    expect(states).toContain('disconnected');
    expect(states.at(-1)).toBe('open');
  });

  it('keeps retrying a port that is not there yet, without throwing', async () => {
    const pair = new PtyPair();
    const link = new SerialLink({ path: pair.hubEnd, retryMs: 50, maxRetryMs: 100 });
    const details: (string | null)[] = [];
    link.on('state', (_s, d) => details.push(d));
    link.start();
    cleanups.push(() => link.stop());
    await until(() => details.length >= 2, 'two failed attempts');
    expect(link.state).toBe('disconnected');
    expect(details[0]).toContain(pair.hubEnd);
    await pair.plug();
    cleanups.push(() => pair.unplug());
    await until(() => link.state === 'open', 'the link to open once the port exists');
  });
});
