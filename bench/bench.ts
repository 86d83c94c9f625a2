// `npm run bench`: starts a hub exactly as `npm start` does, on a fresh data folder, and
// prints what it measured in this run: ticket throughput against the same server's health
// rate, call-to-display latency with many counters and displays, and the hub's memory.
// It prints figures; it is not a pass/fail test.

import autocannon from 'autocannon';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'node:http';
import { Worker } from 'node:worker_threads';
import { killed, startHubProcess } from '../tests/helpers/hub-process.js';
import { api } from '../tests/helpers/test-hub.js';
import type { DisplayWorkerData, DisplayWorkerReply, DisplayWorkerRequest } from './display-worker.js';

const COUNTERS = 40;
const DISPLAYS = Number(process.env.BENCH_DISPLAYS ?? 200);
const DISPLAY_WORKERS = 2;
const SERVICES = 10;
const CALLS_PER_COUNTER = Number(process.env.BENCH_CALLS_PER_COUNTER ?? 20);
const MEAN_CALL_INTERVAL_MS = Number(process.env.BENCH_CALL_INTERVAL_MS ?? 500);
const BURST_ROUNDS = 10;
const REST_CALLS = 20;
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 3);
const HTTP_ROUNDS = 3;
const HTTP_CONNECTIONS = 32;


/** A hall big enough for the benchmark: 10 services with 5-digit series, 40 counters. */
function benchHall(): object {
  const letters = 'ABCDEFGHJK';
  return {
    hall: { name: 'Trung tâm Phục vụ hành chính công (benchmark)', agencyCode: '000.00.00.H99', hours: null },
    services: Array.from({ length: SERVICES }, (_, i) => ({
      id: `S${i}`,
      name: `Dịch vụ ${i}`,
      numbering: { prefix: letters[i], digits: 5 },
    })),
    counters: Array.from({ length: COUNTERS }, (_, i) => ({ id: i + 1, services: [`S${i % SERVICES}`] })),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function rss(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function httpRate(url: string, options: Partial<autocannon.Options>): Promise<{ rate: number; errors: number }> {
  const result = await autocannon({ url, connections: HTTP_CONNECTIONS, duration: HTTP_SECONDS, ...options });
  const ok = result['2xx'];
  return { rate: ok / HTTP_SECONDS, errors: result.non2xx + result.errors + result.timeouts };
}

/** The display screens, spread over worker threads so that reading does not queue behind sending. */
class Displays {
  private readonly workers: Worker[] = [];
  readonly sentAt: Float64Array;
  private readonly callIndex = new Map<number, number>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: COUNTERS });

  constructor(
    private readonly url: string,
    private readonly callsPerCounter: number,
    private readonly authorization: string,
  ) {
    this.sentAt = new Float64Array(new SharedArrayBuffer(8 * (COUNTERS + 1) * callsPerCounter));
  }

  async connect(): Promise<void> {
    const perWorker = DISPLAYS / DISPLAY_WORKERS;
    for (let i = 0; i < DISPLAY_WORKERS; i++) {
      const data: DisplayWorkerData = { url: this.url, displays: perWorker, sentAt: this.sentAt.buffer as SharedArrayBuffer, callsPerCounter: this.callsPerCounter };
      const worker = new Worker(new URL('./display-worker-entry.mjs', import.meta.url), { workerData: data });
      this.workers.push(worker);
      await new Promise<void>((resolve) => worker.once('message', () => resolve()));
    }
  }

  /** Call the next citizen at a counter, noting the moment the call leaves. */
  async call(counter: number): Promise<void> {
    const k = this.callIndex.get(counter) ?? 0;
    this.callIndex.set(counter, k + 1);
    const body = '{"finishCurrent":true}';
    // A plain keep-alive request: the clock starts as the bytes leave, not while a heavier
    // client library is still building its request.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${this.url}/api/counters/${counter}/call-next`, {
        method: 'POST',
        agent: this.agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: this.authorization },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      this.sentAt[counter * this.callsPerCounter + k] = performance.timeOrigin + performance.now();
      req.end(body);
    });
    if (status !== 200) throw new Error(`call-next failed at counter ${counter} (HTTP ${status})`);
  }

  /** Every display's latency for the calls made since the last collect, sorted. */
  async collect(calls: number): Promise<number[]> {
    const perWorker = (calls * DISPLAYS) / DISPLAY_WORKERS;
    const replies = await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<number[]>((resolve) => {
            w.once('message', (reply: DisplayWorkerReply) => resolve(reply.type === 'samples' ? reply.latencies : []));
            w.postMessage({ type: 'collect', expected: perWorker } satisfies DisplayWorkerRequest);
          }),
      ),
    );
    const all = replies.flat().sort((a, b) => a - b);
    if (all.length < calls * DISPLAYS) throw new Error(`only ${all.length} of ${calls * DISPLAYS} deliveries arrived`);
    return all;
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.postMessage({ type: 'close' } satisfies DisplayWorkerRequest);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Issues enough tickets for every planned call, spread over the services. */
async function fillQueues(url: string, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await api(url, 'POST', '/api/tickets', { serviceId: `S${i % SERVICES}` });
      if (res.status !== 201) throw new Error(`could not issue a ticket: ${JSON.stringify(res.body)}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function line(label: string, value: string, note = ''): void {
  console.log(`  ${label.padEnd(46)} ${value.padStart(14)}  ${note}`);
}

function verdict(ok: boolean): string {
  return ok ? 'meets target' : 'BELOW TARGET';
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'luot-bench-'));
  const hallFile = join(dataDir, 'bench-hall.json');
  writeFileSync(hallFile, JSON.stringify(benchHall()));
  const hub = await startHubProcess(dataDir, ['--config', hallFile], { LUOT_LOG_LEVEL: 'warn' });
  const pid = hub.child.pid!;
  const authorization = `Bearer ${readFileSync(join(dataDir, 'api-token'), 'utf8').trim()}`;
  try {
    console.log(`luot benchmark: Node ${process.version}, ${cpus().length} cores, hub pid ${pid}, fresh SQLite in ${dataDir}`);
    console.log(
      `\nHTTP throughput (autocannon, ${HTTP_CONNECTIONS} connections, ${HTTP_ROUNDS} rounds of ${HTTP_SECONDS} s each, health and tickets alternating)`,
    );
    await httpRate(`${hub.url}/api/health`, { duration: 1 }); // warm-up
    const ratios: number[] = [];
    let i = 0;
    for (let round = 1; round <= HTTP_ROUNDS; round++) {
      const health = await httpRate(`${hub.url}/api/health`, {});
      const tickets = await httpRate(`${hub.url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        setupClient: (client) => {
          client.setBody(JSON.stringify({ serviceId: `S${i++ % SERVICES}` }));
        },
      });
      // Every round starts from empty queues.
      await api(hub.url, 'POST', '/api/day/close', {});
      ratios.push(tickets.rate / health.rate);
      line(
        `round ${round}: GET /api/health | POST /api/tickets`,
        `${health.rate.toFixed(0)} | ${tickets.rate.toFixed(0)} req/s`,
        `ratio ${(tickets.rate / health.rate).toFixed(3)}${tickets.errors ? ` (${tickets.errors} errors)` : ''}`,
      );
    }
    const ratio = percentile([...ratios].sort((a, b) => a - b), 50);
    line('median ratio tickets / health', ratio.toFixed(3), `target >= 0.25: ${verdict(ratio >= 0.25)}`);

    const steadyCalls = COUNTERS * CALLS_PER_COUNTER;
    await fillQueues(hub.url, steadyCalls + COUNTERS * BURST_ROUNDS + SERVICES * REST_CALLS);
    const displays = new Displays(hub.url, CALLS_PER_COUNTER + BURST_ROUNDS + REST_CALLS, authorization);
    await displays.connect();

    console.log(`\nCall-to-display latency (${DISPLAYS} displays connected in ${DISPLAY_WORKERS} threads, ${COUNTERS} counters)`);
    const rest: number[] = [];
    for (let k = 0; k < REST_CALLS; k++) {
      await displays.call(1);
      rest.push(...(await displays.collect(1)));
    }
    rest.sort((a, b) => a - b);
    line('one call at a time (the hall at rest): p50', `${percentile(rest, 50).toFixed(2)} ms`, `(${rest.length} deliveries, first ${rest[0]!.toFixed(2)} ms)`);
    line('                                          p99', `${percentile(rest, 99).toFixed(2)} ms`);

    await Promise.all(
      Array.from({ length: COUNTERS }, async (_, c) => {
        for (let k = 0; k < CALLS_PER_COUNTER; k++) {
          await sleep(Math.random() * 2 * MEAN_CALL_INTERVAL_MS);
          await displays.call(c + 1);
        }
      }),
    );
    const steady = await displays.collect(COUNTERS * CALLS_PER_COUNTER);
    const steadyRate = (COUNTERS * 1000) / MEAN_CALL_INTERVAL_MS;
    line(`${COUNTERS} counters calling together, ~${steadyRate.toFixed(0)} calls/s: p50`, `${percentile(steady, 50).toFixed(2)} ms`, `(${steady.length} deliveries)`);
    const p99 = percentile(steady, 99);
    line('                                          p99', `${p99.toFixed(2)} ms`, `target < 25 ms: ${verdict(p99 < 25)}`);

    for (let r = 0; r < BURST_ROUNDS; r++) {
      await Promise.all(Array.from({ length: COUNTERS }, (_, c) => displays.call(c + 1)));
      await sleep(300);
    }
    const burst = await displays.collect(COUNTERS * BURST_ROUNDS);
    line(`burst: ${COUNTERS} calls in the same instant: p50`, `${percentile(burst, 50).toFixed(2)} ms`, `(${burst.length} deliveries)`);
    line('                                          p99', `${percentile(burst, 99).toFixed(2)} ms`);
    await displays.close();

    const memory = rss(pid);
    const figures = (await api(hub.url, 'GET', '/api/health')).body.memory;
    const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
    console.log('\nHub memory');
    line('RSS now', `${memory.rssMb.toFixed(0)} MB`, `target < 200 MB: ${verdict(memory.rssMb < 200)}`);
    line('RSS peak during the run', `${memory.peakMb.toFixed(0)} MB`);
    line('JavaScript heap in use / reserved', `${mb(figures.heapUsedBytes)} / ${mb(figures.heapTotalBytes)}`, `buffers ${mb(figures.externalBytes)}`);
  } finally {
    hub.child.kill('SIGTERM');
    await killed(hub.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('benchmark failed:', error);
  process.exit(1);
});
