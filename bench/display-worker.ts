// A worker thread that plays a share of the hall's display screens and notes, for every
// call they hear, how long after the counter sent it they heard it.
//
// Each display speaks the socket.io wire protocol directly over a WebSocket (engine.io v4:
// "0" open, "40" connect, "2"/"3" ping/pong, "42[name, payload]" events). A real screen
// runs socket.io-client on its own machine; here 200 of them share two cores with the hub,
// so they are kept as light as the protocol allows and the measuring machine spends its
// time on the hub, not on 200 copies of a client library. (The tests use socket.io-client.)

import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { HallEvent } from '../server/contract/events.js';

export interface DisplayWorkerData {
  url: string;
  displays: number;
  /** Absolute send time of call k of counter c, at [c * callsPerCounter + k]. */
  sentAt: SharedArrayBuffer;
  callsPerCounter: number;
}

export type DisplayWorkerRequest = { type: 'collect'; expected: number } | { type: 'close' };
export type DisplayWorkerReply = { type: 'ready' } | { type: 'samples'; latencies: number[] };

const { url, displays, sentAt, callsPerCounter } = workerData as DisplayWorkerData;
const sent = new Float64Array(sentAt);
const now = () => performance.timeOrigin + performance.now();
let latencies: number[] = [];
let snapshots = 0;

/**
 * Messages are stamped the moment they arrive and read later: 100 displays share a thread
 * here, and reading one must not delay the arrival time of the next.
 */
const arrived: { at: number; raw: Buffer; callsSeen: Map<number, number> }[] = [];

function readArrived(): void {
  for (const { at, raw, callsSeen } of arrived.splice(0)) {
    const [name, payload] = JSON.parse(raw.toString('utf8', 2)) as [string, unknown];
    if (name !== 'hall:events') continue;
    for (const e of payload as HallEvent[]) {
      if (e.type !== 'ticket:called') continue;
      const counter = e.data.counter.id;
      const k = callsSeen.get(counter) ?? 0;
      callsSeen.set(counter, k + 1);
      latencies.push(at - sent[counter * callsPerCounter + k]!);
    }
  }
}

function display(): WebSocket {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const callsSeen = new Map<number, number>();
  let ready = false;
  ws.on('message', (raw: Buffer) => {
    const at = now();
    if (raw.length === 1 && raw[0] === 0x32) return ws.send('3'); // ping → pong
    if (raw[0] === 0x30) return ws.send('40{}'); // engine.io open → socket.io connect, following everything
    if (raw[0] !== 0x34 || raw[1] !== 0x32) return; // not an event
    if (!ready) {
      // The first event of a connection is its snapshot.
      ready = true;
      if (++snapshots === displays) parentPort!.postMessage({ type: 'ready' } satisfies DisplayWorkerReply);
      return;
    }
    arrived.push({ at, raw, callsSeen });
  });
  return ws;
}

const sockets = Array.from({ length: displays }, display);

parentPort!.on('message', async (request: DisplayWorkerRequest) => {
  if (request.type === 'close') {
    for (const s of sockets) s.close();
    parentPort!.close();
    return;
  }
  const deadline = Date.now() + 15_000;
  for (;;) {
    readArrived();
    if (latencies.length >= request.expected || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  parentPort!.postMessage({ type: 'samples', latencies } satisfies DisplayWorkerReply);
  latencies = [];
});
