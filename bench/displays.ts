// The hall's display screens for the benchmark, spread over worker threads so that reading
// does not queue behind sending, and the counter page's HTTP call they are measured from.

import { Agent, request } from 'node:http';
import { Worker } from 'node:worker_threads';
import type { CallStamps } from './call-stamps.js';
import type { DisplayWorkerData, DisplayWorkerReply, DisplayWorkerRequest } from './display-worker.js';

const WORKERS = 2;

export class Displays {
  private readonly workers: Worker[] = [];
  private readonly agent: Agent;

  constructor(
    private readonly url: string,
    private readonly stamps: CallStamps,
    private readonly options: { displays: number; authorization: string },
  ) {
    // No limit on sockets: a request queued in the agent would be timed while it waits.
    this.agent = new Agent({ keepAlive: true });
  }

  async connect(): Promise<void> {
    const perWorker = this.options.displays / WORKERS;
    for (let i = 0; i < WORKERS; i++) {
      const data: DisplayWorkerData = {
        url: this.url,
        displays: perWorker,
        sentAt: this.stamps.sentAt.buffer as SharedArrayBuffer,
        callsPerCounter: this.stamps.callsPerCounter,
      };
      const worker = new Worker(new URL('./display-worker-entry.mjs', import.meta.url), { workerData: data });
      this.workers.push(worker);
      await new Promise<void>((resolve) => worker.once('message', () => resolve()));
    }
  }

  /**
   * Opens one kept-alive connection per counter page, as each clerk's browser holds its own
   * between calls: a burst of calls then measures the hub, not the opening of 40 connections
   * by one benchmark process at once.
   */
  async openCounterConnections(counters: number): Promise<void> {
    await Promise.all(
      Array.from(
        { length: counters },
        () =>
          new Promise<void>((resolve, reject) => {
            const req = request(`${this.url}/api/health`, { agent: this.agent }, (res) => {
              res.resume();
              res.on('end', () => resolve());
            });
            req.on('error', reject);
            req.end();
          }),
      ),
    );
  }

  /** Calls the next citizen at a counter from the counter page's HTTP route. */
  async callOverHttp(counter: number): Promise<void> {
    const body = '{"finishCurrent":true}';
    // A plain keep-alive request: the clock starts as the bytes leave, not while a heavier
    // client library is still building its request.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${this.url}/api/counters/${counter}/call-next`, {
        method: 'POST',
        agent: this.agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: this.options.authorization },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      this.stamps.stamp(counter);
      req.end(body);
    });
    if (status !== 200) throw new Error(`call-next failed at counter ${counter} (HTTP ${status})`);
  }

  /** Every display's latency for the calls made since the last collect. */
  async collect(calls: number): Promise<number[]> {
    const expected = calls * this.options.displays;
    const replies = await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<number[]>((resolve) => {
            w.once('message', (reply: DisplayWorkerReply) => resolve(reply.type === 'samples' ? reply.latencies : []));
            w.postMessage({ type: 'collect', expected: expected / WORKERS } satisfies DisplayWorkerRequest);
          }),
      ),
    );
    const all = replies.flat();
    if (all.length < expected) throw new Error(`only ${all.length} of ${expected} deliveries arrived`);
    return all;
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.postMessage({ type: 'close' } satisfies DisplayWorkerRequest);
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.agent.destroy();
  }
}
