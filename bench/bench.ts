// `npm run bench`: starts hubs exactly as `npm start` does, on fresh data folders, and prints
// what it measured in this run:
//   1. ticket throughput against the same server's health rate, call-to-display latency with
//      40 counters and 200 displays, and the hub's memory;
//   2. keypad frame in to LED board frame out and to display event, with 60 counters whose
//      keypads and boards sit on two serial buses (socat pty pairs) and 100 displays;
//   3. the lookup terminal's answer with 100,000 dossiers stored, against health;
//   4. the wait estimate's accuracy over simulated days of three halls, against a floor;
//   6. the manager console in Chromium through a simulated day: its live delay in the busy
//      morning against the hall at rest, and its heap after the day.
// It prints figures; it is not a pass/fail test.

import autocannon from 'autocannon';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFrame, keypadAck, keypadShow } from '../hardware/keypad/keypad-protocol.js';
import { encodeLedContent } from '../hardware/led/led-protocol.js';
import { encodeFrame } from '../hardware/serial/bus-frame.js';
import { killed, startHubProcess, type HubProcess } from '../tests/helpers/hub-process.js';
import { PtyPair } from '../tests/helpers/pty-pair.js';
import { api } from '../tests/helpers/test-hub.js';
import { latencyLines, line, ms, percentile, sleep, sorted, verdict, type Figures } from './bench-figures.js';
import { CallStamps } from './call-stamps.js';
import { Displays } from './displays.js';
import { busEntry, COUNTERS_PER_BUS, KeypadBus } from './keypad-bus.js';
import { estimateAccuracyPart } from './estimate-accuracy.js';
import { yearOfDataPart } from './year-of-data.js';
import { lookupPart } from './lookup-bench.js';
import { consolePart } from './console-bench.js';
import { ptyEchoLatencies } from './pty-baseline.js';

const SERVICES = 10;
const CALLS_PER_COUNTER = Number(process.env.BENCH_CALLS_PER_COUNTER ?? 20);
const MEAN_CALL_INTERVAL_MS = Number(process.env.BENCH_CALL_INTERVAL_MS ?? 500);
const BURST_ROUNDS = 10;
const REST_CALLS = 20;
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 3);
const HTTP_ROUNDS = 3;
const HTTP_CONNECTIONS = 32;

/** Part 1: the hub's own figures. */
const HUB_COUNTERS = 40;
const HUB_DISPLAYS = Number(process.env.BENCH_DISPLAYS ?? 200);
/** Part 1, printing: tickets printed by kiosks on network printers. */
const PRINTS = Number(process.env.BENCH_PRINTS ?? 5000);
/** A kiosk may give at most 600 numbers a minute: 500 each keeps every kiosk under it however fast the hub prints. */
const PRINT_KIOSKS = Math.max(10, Math.ceil(PRINTS / 500));
/** Part 2: the calling path from the keypads. */
const SERIAL_COUNTERS = 60;
const SERIAL_DISPLAYS = 100;
const ECHO_SAMPLES = 200;

/** A hall for the benchmark: 10 services with 5-digit series, and its counters. */
function benchHall(counters: number, serialBuses: object[] = []): object {
  const letters = 'ABCDEFGHJK';
  return {
    hall: { name: 'Trung tâm Phục vụ hành chính công (benchmark)', agencyCode: '000.00.00.H99', hours: null },
    services: Array.from({ length: SERVICES }, (_, i) => ({
      id: `S${i}`,
      name: `Dịch vụ ${i}`,
      numbering: { prefix: letters[i], digits: 5 },
    })),
    counters: Array.from({ length: counters }, (_, i) => ({ id: i + 1, services: [`S${i % SERVICES}`] })),
    serialBuses,
  };
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

/** Issues `perCounter` tickets for each counter's service. */
async function fillQueues(url: string, counters: number, perCounter: number): Promise<void> {
  const count = counters * perCounter;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await api(url, 'POST', '/api/tickets', { serviceId: `S${(i % counters) % SERVICES}` });
      if (res.status !== 201) throw new Error(`could not issue a ticket: ${JSON.stringify(res.body)}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/** Every counter calls `calls` times, each after a random pause (mean MEAN_CALL_INTERVAL_MS). */
async function callTogether(counters: number, calls: number, call: (counter: number) => Promise<void> | void): Promise<void> {
  await Promise.all(
    Array.from({ length: counters }, async (_, c) => {
      for (let k = 0; k < calls; k++) {
        await sleep(Math.random() * 2 * MEAN_CALL_INTERVAL_MS);
        await call(c + 1);
      }
    }),
  );
}

/** Runs a hub as `npm start` does on a data folder and a hall, for the time of `body`. */
async function withHub<T>(dataDir: string, hall: object, body: (hub: HubProcess, authorization: string) => Promise<T>): Promise<T> {
  const hallFile = join(dataDir, 'bench-hall.json');
  writeFileSync(hallFile, JSON.stringify(hall));
  const hub = await startHubProcess(dataDir, ['--config', hallFile], { LUOT_LOG_LEVEL: 'warn' });
  try {
    const authorization = `Bearer ${readFileSync(join(dataDir, 'api-token'), 'utf8').trim()}`;
    return await body(hub, authorization);
  } finally {
    hub.child.kill('SIGTERM');
    await killed(hub.child);
  }
}

/** Rounds of health and ticket requests; returns the median ratio of their rates. */
async function ticketHealthRatio(hub: HubProcess, authorization: string): Promise<number> {
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
  return percentile(sorted(ratios), 50);
}

async function hubFigures(hub: HubProcess, dataDir: string, authorization: string): Promise<void> {
  const pid = hub.child.pid!;
  console.log(`luot benchmark: Node ${process.version}, ${cpus().length} cores, hub pid ${pid}, fresh SQLite in ${dataDir}`);
  console.log(`\nHTTP throughput (autocannon, ${HTTP_CONNECTIONS} connections, ${HTTP_ROUNDS} rounds of ${HTTP_SECONDS} s each, health and tickets alternating)`);
  const ratio = await ticketHealthRatio(hub, authorization);
  line('median ratio tickets / health', ratio.toFixed(3), `target >= 0.25: ${verdict(ratio >= 0.25)}`);

  const perCounter = CALLS_PER_COUNTER + BURST_ROUNDS + REST_CALLS;
  await fillQueues(hub.url, HUB_COUNTERS, perCounter);
  const displays = new Displays(hub.url, new CallStamps(HUB_COUNTERS, perCounter), { displays: HUB_DISPLAYS, authorization });
  await displays.connect();

  console.log(`\nCall-to-display latency (${HUB_DISPLAYS} displays connected in 2 threads, ${HUB_COUNTERS} counters)`);
  const rest: number[] = [];
  for (let k = 0; k < REST_CALLS; k++) {
    await displays.callOverHttp(1);
    rest.push(...(await displays.collect(1)));
  }
  latencyLines('one call at a time (the hall at rest)', rest, `(${rest.length} deliveries, first ${ms(Math.min(...rest))})`);

  await callTogether(HUB_COUNTERS, CALLS_PER_COUNTER, (c) => displays.callOverHttp(c));
  const steady = await displays.collect(HUB_COUNTERS * CALLS_PER_COUNTER);
  const steadyRate = (HUB_COUNTERS * 1000) / MEAN_CALL_INTERVAL_MS;
  latencyLines(`${HUB_COUNTERS} counters calling together, ~${steadyRate.toFixed(0)} calls/s`, steady, '', ({ p99 }) => `target < 25 ms: ${verdict(p99 < 25)}`);

  await displays.openCounterConnections(HUB_COUNTERS);
  for (let r = 0; r < BURST_ROUNDS; r++) {
    await Promise.all(Array.from({ length: HUB_COUNTERS }, (_, c) => displays.callOverHttp(c + 1)));
    await sleep(300);
  }
  latencyLines(`burst: ${HUB_COUNTERS} calls in the same instant`, await displays.collect(HUB_COUNTERS * BURST_ROUNDS), '', ({ p99 }) => `target < 50 ms: ${verdict(p99 < 50)}`);
  await displays.close();

  const memory = rss(pid);
  console.log('\nHub memory');
  line('RSS now', `${memory.rssMb.toFixed(0)} MB`, `target < 200 MB: ${verdict(memory.rssMb < 200)}`);
  line('RSS peak during the run', `${memory.peakMb.toFixed(0)} MB`);
  await heapLine(hub);
}

/** What of the hub's memory JavaScript holds, as its health answer gives it. */
async function heapLine(hub: HubProcess): Promise<void> {
  const figures = (await api(hub.url, 'GET', '/api/health')).body.memory;
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
  line('JavaScript heap in use / reserved', `${mb(figures.heapUsedBytes)} / ${mb(figures.heapTotalBytes)}`, `buffers and native objects ${mb(figures.externalBytes)}`);
}

/** The counters each bus serves: 1-30 on the first, 31-60 on the second. */
const busCounters = (bus: number) => Array.from({ length: COUNTERS_PER_BUS }, (_, i) => bus * COUNTERS_PER_BUS + i + 1);
const BUSES = SERIAL_COUNTERS / COUNTERS_PER_BUS;

/** A folder for a pty pair's two ends. */
function folder(parent: string, name: string): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Calls per counter in part 2: one at rest, the steady rounds by keypad and by HTTP, and the bursts. */
const SERIAL_CALLS_PER_COUNTER = 1 + 2 * CALLS_PER_COUNTER + BURST_ROUNDS;

/** The keypads and boards, listening before the hub opens its ends (a real device is on first). */
interface SerialRig {
  stamps: CallStamps;
  pairs: PtyPair[];
  buses: KeypadBus[];
}

async function plugRig(dataDir: string): Promise<SerialRig> {
  const stamps = new CallStamps(SERIAL_COUNTERS, SERIAL_CALLS_PER_COUNTER);
  const pairs: PtyPair[] = [];
  const buses: KeypadBus[] = [];
  for (let b = 0; b < BUSES; b++) {
    const pair = await new PtyPair(folder(dataDir, `bus${b + 1}`)).plug();
    pairs.push(pair);
    buses.push(await KeypadBus.open(pair.deviceEnd, busCounters(b), stamps));
  }
  return { stamps, pairs, buses };
}

async function unplugRig(rig: SerialRig): Promise<void> {
  for (const bus of rig.buses) await bus.close();
  for (const pair of rig.pairs) await pair.unplug();
}

async function keypadFigures(hub: HubProcess, rig: SerialRig, authorization: string, echo: number[]): Promise<void> {
  const { buses, stamps } = rig;
  const displays = new Displays(hub.url, stamps, { displays: SERIAL_DISPLAYS, authorization });
  try {
    await Promise.all(buses.map((b) => b.ready()));
    await fillQueues(hub.url, SERIAL_COUNTERS, SERIAL_CALLS_PER_COUNTER);
    await displays.connect();
    const busOf = (counter: number) => buses.find((b) => b.serves(counter))!;
    const press = (counter: number) => busOf(counter).press(counter);
    // Every counter calls as often as the others, so each bus answers its share.
    const boardLatencies = async (calls: number) => (await Promise.all(buses.map((b) => b.collect(calls / BUSES)))).flat();

    console.log(`\nKeypad to LED board and to display (${SERIAL_COUNTERS} counters with a keypad and a counter board each,`);
    console.log(`on ${BUSES} serial buses made of socat pty pairs; ${SERIAL_DISPLAYS} displays connected in 2 threads)`);
    const baseline = latencyLines('baseline: a frame echoed over a pty, no hub', echo, `(${echo.length} round trips)`);
    const timesEcho = ({ p50 }: Figures) => `p50 ${(p50 / baseline.p50).toFixed(1)}x the pty echo`;

    const restBoard: number[] = [];
    const restDisplay: number[] = [];
    for (let counter = 1; counter <= SERIAL_COUNTERS; counter++) {
      await press(counter);
      restBoard.push(...(await busOf(counter).collect(1)));
      restDisplay.push(...(await displays.collect(1)));
      await sleep(20);
    }
    latencyLines('one key at a time: key → board', restBoard, `(${restBoard.length} calls)`, timesEcho);
    latencyLines('                   key → display', restDisplay);

    const rate = (SERIAL_COUNTERS * 1000) / MEAN_CALL_INTERVAL_MS;
    const calls = SERIAL_COUNTERS * CALLS_PER_COUNTER;
    await callTogether(SERIAL_COUNTERS, CALLS_PER_COUNTER, press);
    const [keyBoard, keyDisplay] = await Promise.all([boardLatencies(calls), displays.collect(calls)]);
    latencyLines(`${SERIAL_COUNTERS} keypads, ~${rate.toFixed(0)} calls/s: key → board`, keyBoard, `(${keyBoard.length} calls)`, timesEcho);
    const key = latencyLines(`${' '.repeat(`${SERIAL_COUNTERS} keypads, ~${rate.toFixed(0)} calls/s: `.length)}key → display`, keyDisplay);

    await callTogether(SERIAL_COUNTERS, CALLS_PER_COUNTER, (c) => displays.callOverHttp(c));
    const [httpBoard, httpDisplay] = await Promise.all([boardLatencies(calls), displays.collect(calls)]);
    latencyLines('same calls by HTTP: HTTP → board', httpBoard, `(${httpBoard.length} calls)`);
    const http = latencyLines('                    HTTP → display', httpDisplay);
    line('key → display / HTTP → display', `p50 ${(key.p50 / http.p50).toFixed(2)}`, `p99 ${(key.p99 / http.p99).toFixed(2)}`);

    for (let r = 0; r < BURST_ROUNDS; r++) {
      await Promise.all(Array.from({ length: SERIAL_COUNTERS }, (_, c) => press(c + 1)));
      await sleep(300);
    }
    const burstCalls = SERIAL_COUNTERS * BURST_ROUNDS;
    const [burstBoard, burstDisplay] = await Promise.all([boardLatencies(burstCalls), displays.collect(burstCalls)]);
    latencyLines(`burst, ${SERIAL_COUNTERS} keys at once: key → board`, burstBoard, `(${burstBoard.length} calls)`);
    latencyLines('                       key → display', burstDisplay);
    wireTimes();
  } finally {
    await displays.close();
  }
}

/** What a real 9600-baud line adds (computed, not measured: a pty has no line speed). */
function wireTimes(): void {
  const byteMs = 10_000 / 9600; // 8N1: ten bits a byte
  const key = encodeFrame(keyFrame(1, 'callNext')).length;
  const board = encodeFrame(encodeLedContent(31, { kind: 'counter', counterId: 1, number: 'A00012', blink: true })).length;
  const show = encodeFrame(keypadShow(1, 'A00012')).length;
  const ack = encodeFrame(keypadAck(1, 'callNext')).length;
  console.log('\nOn a real RS-485 line at 9600 baud (computed from the frame sizes; the pty pairs above have no line speed)');
  line(`key press (${key} bytes) + counter board frame (${board} bytes)`, ms((key + board) * byteMs), 'added to key → board');
  line(`then keypad display (${show} bytes) and answer (${ack} bytes)`, ms((show + ack) * byteMs), 'before the bus is free again');
}

async function main(): Promise<void> {
  // BENCH_PART=hub, keypads, lookup, estimates, year or console runs one part only (print: part 1's printing hub).
  const part = process.env.BENCH_PART;
  if (!part || part === 'hub') await hubPart();
  if (part === 'print') await printingFigures();
  if (!part || part === 'keypads') await keypadPart();
  if (!part || part === 'lookup') {
    const dir = mkdtempSync(join(tmpdir(), 'luot-bench-lookup-'));
    try {
      await lookupPart(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!part || part === 'estimates') estimateAccuracyPart();
  if (!part || part === 'year') await yearOfDataPart();
  if (!part || part === 'console') await consolePart();
}

async function hubPart(): Promise<void> {
  const hubDir = mkdtempSync(join(tmpdir(), 'luot-bench-'));
  try {
    await withHub(hubDir, benchHall(HUB_COUNTERS), (hub, authorization) => hubFigures(hub, hubDir, authorization));
  } finally {
    rmSync(hubDir, { recursive: true, force: true });
  }
  // The same ratio with the data folder in memory: fsync costs nothing there, so what is left
  // is the hub's own work per ticket.
  if (existsSync('/dev/shm')) {
    const memoryDir = mkdtempSync(join('/dev/shm', 'luot-bench-'));
    try {
      await withHub(memoryDir, benchHall(HUB_COUNTERS), async (hub, authorization) => {
        console.log('\nHTTP throughput again, data folder in memory (tmpfs, /dev/shm)');
        const ratio = await ticketHealthRatio(hub, authorization);
        line('median ratio tickets / health (tmpfs)', ratio.toFixed(3), `target >= 0.25: ${verdict(ratio >= 0.25)}`);
      });
    } finally {
      rmSync(memoryDir, { recursive: true, force: true });
    }
  }
  await printingFigures();
}

/** Takes print jobs like a healthy EPSON network printer, keeping only their count. */
async function printerSink(): Promise<{ address: string; jobs: () => number; close: () => void }> {
  let jobs = 0;
  const server = createServer((socket) => {
    let size = 0;
    socket.on('data', (data) => {
      size += data.length;
      // DLE EOT n: answer "online, paper fine" to each status query.
      if (data[0] === 0x10 && data[1] === 0x04) socket.write(Buffer.alloc(Math.max(1, Math.floor(data.length / 3)), 0x12));
    });
    socket.on('close', () => size > 12 && jobs++);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { address: `tcp://127.0.0.1:${port}`, jobs: () => jobs, close: () => server.close() };
}

/** A hub whose kiosks print PRINTS tickets on network printers: its memory before and after. */
async function printingFigures(): Promise<void> {
  const sink = await printerSink();
  const dir = mkdtempSync(join(tmpdir(), 'luot-bench-print-'));
  const kiosks = Array.from({ length: PRINT_KIOSKS }, (_, i) => ({
    id: `K${i}`,
    token: `bench-kiosk-token-${i}-0123456789`,
    ticketsPerMinute: 600,
    printer: { type: 'epson', address: sink.address, paper: i % 2 ? 58 : 80 },
  }));
  try {
    await withHub(dir, { ...benchHall(HUB_COUNTERS), kiosks }, async (hub) => {
      const pid = hub.child.pid!;
      console.log(`\nA printing hub: ${PRINTS} tickets printed by ${PRINT_KIOSKS} kiosks on network printers (80 and 58 mm)`);
      line('RSS before the first print', `${rss(pid).rssMb.toFixed(0)} MB`);
      let next = 0;
      let failed = 0;
      const started = performance.now();
      await Promise.all(
        kiosks.map(async (kiosk) => {
          while (next < PRINTS) {
            const i = next++;
            const res = await api(hub.url, 'POST', '/api/kiosk/tickets', { serviceId: `S${i % SERVICES}` }, { authorization: `Bearer ${kiosk.token}` });
            if (res.status !== 201 || !res.body.print?.ok) failed++;
            // Every round starts from empty queues, as a day would over its hours.
            if (i % 2000 === 1999) await api(hub.url, 'POST', '/api/day/close', {});
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const memory = rss(pid);
      // The printer counts a job when its connection closes, a moment after the kiosk's answer.
      for (let wait = 0; sink.jobs() < PRINTS - failed && wait < 100; wait++) await sleep(20);
      line('tickets printed', `${sink.jobs()}`, `${(PRINTS / seconds).toFixed(0)} a second${failed ? `, ${failed} failed` : ''}`);
      line(`RSS after ${PRINTS} prints`, `${memory.rssMb.toFixed(0)} MB`, `target < 200 MB: ${verdict(memory.rssMb < 200)}`);
      line('RSS peak while printing', `${memory.peakMb.toFixed(0)} MB`);
      await heapLine(hub);
    });
  } finally {
    sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function keypadPart(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'luot-bench-serial-'));
  const echo = await ptyEchoLatencies(folder(dataDir, 'echo'), ECHO_SAMPLES);
  const rig = await plugRig(dataDir);
  try {
    const serialBuses = rig.pairs.map((pair, b) => busEntry(`bus${b + 1}`, pair.hubEnd, busCounters(b)));
    await withHub(dataDir, benchHall(SERIAL_COUNTERS, serialBuses), (hub, authorization) => keypadFigures(hub, rig, authorization, echo));
  } finally {
    await unplugRig(rig);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('benchmark failed:', error);
  process.exit(1);
});
