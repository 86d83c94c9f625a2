// Part 6 of `npm run bench`: the manager console in Chromium against a hub fed a whole working
// day by the day simulator (server/planning/day-simulator.ts), compressed in time. Each change
// the simulated hall makes (a number taken, called, served, not there) is sent to the hub as
// the kiosk or the counter would send it, at its simulated time divided by the speed-up.
//   - live delay: from a change's commit on the hub (its event's `at`) to the console page's
//     socket receiving it, and to the console's view read again after it; p50/p99 during the
//     busy morning (numbers taken before 11:30), against the same page's delay with the hall
//     at rest, measured first in the same run;
//   - the console page's JavaScript heap after the day (garbage collected first), against the
//     same page's heap just after sign-in.
// A separate page, not instrumented and signed in without Playwright's selectors, gives the
// heap: the delay page keeps its samples.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hallFromData } from '../server/config/hall-file.js';
import type { CommittedEvent } from '../server/domain/events/hall-events.js';
import type { Change } from '../server/domain/queue/queue-engine.js';
import { simulateDay, WORKING_DAY, type SimulatedService } from '../server/planning/day-simulator.js';
import { hashPassword } from '../server/services/password-hash.js';
import { launchChromium } from '../tests/helpers/browser.js';
import { killed, startHubProcess } from '../tests/helpers/hub-process.js';
import { api } from '../tests/helpers/test-hub.js';
import { latencyLines, line, sleep, verdict } from './bench-figures.js';

/** How many times faster than the real day the simulated day is replayed. */
const SPEED = Number(process.env.BENCH_CONSOLE_SPEED ?? 240);
const ARRIVALS = Number(process.env.BENCH_CONSOLE_ARRIVALS ?? 1500);
const COUNTERS = 30;
const SERVICES = 10;
const REST_SAMPLES = 40;
/** The busy morning: the changes the day makes before 11:30. */
const MORNING_ENDS = 11 * 60 + 30;
const PASSWORD = 'luot-bench-console';

async function consoleHall(): Promise<object> {
  const letters = 'ABCDEFGHJK';
  return {
    hall: { name: 'Trung tâm Phục vụ hành chính công (đo bảng điều hành)', agencyCode: '000.00.00.H99', hours: null },
    services: Array.from({ length: SERVICES }, (_, i) => ({ id: `S${i}`, name: `Dịch vụ ${i}`, numbering: { prefix: letters[i], digits: 4 }, defaultServiceMinutes: 8 })),
    counters: Array.from({ length: COUNTERS }, (_, i) => ({ id: i + 1, services: [`S${i % SERVICES}`, { service: `S${(i + 3) % SERVICES}`, weight: 0.5 }] })),
    // Two managers: a person holds one session at a time, and the benchmark opens two consoles.
    staff: [
      { user: 'quanly', name: 'Trần Thị Thu', role: 'manager', passwordHash: await hashPassword(PASSWORD) },
      { user: 'phoquanly', name: 'Lê Văn Tâm', role: 'manager', passwordHash: await hashPassword(PASSWORD) },
    ],
  };
}

/** A change of the simulated hall, as the request a kiosk or a counter sends for it. */
interface Step {
  at: number;
  method: 'POST';
  path: string;
  body: object;
}

const COUNTER_PATHS: Partial<Record<CommittedEvent['type'], string>> = {
  'ticket:called': 'call-next',
  'ticket:recalled': 'recall',
  'ticket:serving': 'start',
  'ticket:no-show': 'no-show',
  'ticket:finished': 'finish',
};

/** The simulated day's changes, in order, as requests. */
function dayOfRequests(hallData: object): { steps: Step[]; midnight: number } {
  const hall = hallFromData(hallData, 'console-bench');
  const midnight = Date.UTC(2026, 11, 3) - 7 * 3_600_000;
  const services: SimulatedService[] = hall.services.map((s, i) => ({ id: s.id, share: 1 + (i % 3), meanMinutes: 8 * [1.2, 0.8, 1, 1.1][i % 4]!, sigma: 0.5 }));
  const steps: Step[] = [];
  const observe = (change: Change, now: number) => {
    for (const event of change.events) {
      if (event.type === 'ticket:issued') steps.push({ at: now, method: 'POST', path: '/api/tickets', body: { serviceId: event.data.ticket.serviceId } });
      const path = COUNTER_PATHS[event.type];
      const counter = (event.data as { counter?: { id: number } }).counter;
      if (path && counter) steps.push({ at: now, method: 'POST', path: `/api/counters/${counter.id}/${path}`, body: {} });
    }
  };
  simulateDay({ hall, services, arrivals: ARRIVALS, priorityShare: 0, ...WORKING_DAY, seed: 7, midnight }, {}, observe);
  return { steps, midnight };
}

/**
 * Run in the page before its own scripts (plain JavaScript: the page runs it as written): every
 * `hall:events` frame's arrival is noted against each event's commit time, and each read of the
 * console's view that starts after a frame closes that frame's "view" delay. The benchmark
 * takes the samples from time to time.
 */
export const INSTRUMENT = `(() => {
  const w = window;
  w.socketDelays = [];
  w.viewDelays = [];
  w.framesWaiting = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (m) => {
        const now = Date.now();
        if (typeof m.data !== 'string' || !m.data.startsWith('42["hall:events"')) return;
        const events = JSON.parse(m.data.slice(2))[1];
        for (const e of events) w.socketDelays.push([e.seq, now - e.at]);
        w.framesWaiting.push({ received: now, committed: Math.min(...events.map((e) => e.at)) });
      });
    }
  };
  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const started = Date.now();
    const response = await nativeFetch(input, init);
    if (String(input instanceof Request ? input.url : input).includes('/api/manager/hall')) {
      await response.clone().arrayBuffer();
      const done = Date.now();
      // Frames heard before this read started are now on screen.
      const covered = w.framesWaiting.filter((f) => f.received <= started);
      w.framesWaiting = w.framesWaiting.filter((f) => f.received > started);
      for (const f of covered) w.viewDelays.push([done, done - f.committed]);
    }
    return response;
  };
})();`;

async function signIn(browser: Browser, url: string, user: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript({ content: INSTRUMENT });
  await page.goto(`${url}/manager/`);
  await page.fill('input[name=user]', user);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('.counters .counter');
  return page;
}

/**
 * A console signed in the way the page itself does it (the hub's sign-in, the session kept in
 * the tab, the page loaded again), watched with plain `evaluate`s only: Playwright's selectors
 * (fill, click, waitForSelector) inject its own script into the page, over 1 MB of heap that a
 * manager's browser never holds.
 */
async function signInUntouched(browser: Browser, url: string, user: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${url}/manager/`);
  const reply = await api(url, 'POST', '/api/staff/sign-in', { user, password: PASSWORD, counterId: null }, { authorization: null });
  if (reply.status !== 200) throw new Error(`${user} could not sign in: ${JSON.stringify(reply.body)}`);
  await page.evaluate(`sessionStorage.setItem('luot.manager.session', ${JSON.stringify(JSON.stringify(reply.body))})`);
  await page.reload();
  for (let tries = 0; !(await page.evaluate(`document.querySelector('.counters .counter') !== null`)); tries++) {
    if (tries > 300) throw new Error('the console showed no counter');
    await sleep(100);
  }
  return page;
}

/** The page's JavaScript heap in use, after a full garbage collection. */
async function heapBytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** Takes the samples the page gathered so far (it keeps none after). */
async function takeSamples(page: Page): Promise<{ socket: [number, number][]; view: [number, number][] }> {
  return page.evaluate('(() => { const taken = { socket: window.socketDelays, view: window.viewDelays }; window.socketDelays = []; window.viewDelays = []; return taken; })()');
}

export async function consolePart(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'luot-bench-console-'));
  const hallData = await consoleHall();
  const hallFile = join(dataDir, 'bench-hall.json');
  writeFileSync(hallFile, JSON.stringify(hallData));
  const { steps, midnight } = dayOfRequests(hallData);
  const morningEnds = midnight + MORNING_ENDS * 60_000;
  const first = steps[0]!.at;
  const dayMinutes = (steps.at(-1)!.at - first) / 60_000;
  console.log(
    `\nManager console: ${COUNTERS} counters, ${ARRIVALS} citizens over a simulated day (${(dayMinutes / 60).toFixed(1)} h, ${steps.length} requests) replayed ${SPEED}x faster, the console open in Chromium`,
  );
  const hub = await startHubProcess(dataDir, ['--config', hallFile], { LUOT_LOG_LEVEL: 'warn' });
  const browser = await launchChromium();
  try {
    const authorization = `Bearer ${readFileSync(join(dataDir, 'api-token'), 'utf8').trim()}`;
    const send = (path: string, body: object = {}) => api(hub.url, 'POST', path, body, { authorization });
    for (let id = 1; id <= COUNTERS; id++) await send(`/api/counters/${id}/open`);

    const watched = await signIn(browser, hub.url, 'quanly');
    const clean = await signInUntouched(browser, hub.url, 'phoquanly');
    await sleep(1000);
    const heapAtStart = await heapBytes(clean);

    // The baseline: one change at a time, the hall at rest, seen by the same page.
    await takeSamples(watched);
    for (let k = 0; k < REST_SAMPLES; k++) {
      const paused = await send('/api/counters/1/pause', { reason: 'Đo' });
      const resumed = await send('/api/counters/1/resume');
      if (paused.status !== 200 || resumed.status !== 200) throw new Error(`counter 1 would not pause and resume: ${JSON.stringify([paused.body, resumed.body])}`);
      await sleep(150);
    }
    await sleep(500);
    const rest = await takeSamples(watched);

    // The day, compressed. Samples are kept with their event's number (socket) or the time the
    // read came back (view), and sorted into the morning once it is known where it ended.
    const started = performance.now();
    const socket: [number, number][] = [];
    const view: [number, number][] = [];
    const gather = async () => {
      const taken = await takeSamples(watched);
      socket.push(...taken.socket);
      view.push(...taken.view);
    };
    let failed = 0;
    let lateMs = 0;
    let morning: { seq: number; at: number } | null = null;
    const dueOf = (at: number) => (at - first) / SPEED;
    const waitFor = async (at: number) => {
      const wait = dueOf(at) - (performance.now() - started);
      if (wait > 0) await sleep(wait);
      else lateMs = Math.max(lateMs, -wait);
    };
    // In the simulated day's order, one after another: the hub then meets the same queue as the
    // simulator did, and each call finds the citizen the simulator's did.
    let sent = 0;
    const sampling = setInterval(() => void gather(), 2000);
    for (const step of steps) {
      if (morning === null && step.at >= morningEnds) morning = { seq: (await api(hub.url, 'GET', '/api/hall')).body.seq as number, at: Date.now() };
      await waitFor(step.at);
      const reply = await api(hub.url, step.method, step.path, step.body, { authorization });
      if (reply.status >= 300) failed++;
      sent++;
    }
    clearInterval(sampling);
    await sleep(1000);
    await gather();
    const ends: { seq: number; at: number } = morning ?? { seq: Number.POSITIVE_INFINITY, at: Number.POSITIVE_INFINITY };
    const morningSocket = socket.filter(([seq]) => seq <= ends.seq).map(([, delay]) => delay);
    const morningView = view.filter(([done]) => done <= ends.at).map(([, delay]) => delay);
    const dayTook = (performance.now() - started) / 1000;

    console.log(`  ${sent} requests in ${dayTook.toFixed(0)} s (${failed} refused; the hub fell at most ${(lateMs / 1000).toFixed(1)} s behind the schedule)`);
    const restSocket = latencyLines(
      'at rest (baseline): commit to the page’s socket',
      rest.socket.map(([, d]) => d),
      `(${rest.socket.length} events)`,
    );
    const restView = latencyLines(
      'at rest (baseline): commit to the view read again',
      rest.view.map(([, d]) => d),
      `(${rest.view.length} reads)`,
    );
    latencyLines(
      'busy morning: commit to the page’s socket',
      morningSocket,
      `(${morningSocket.length} events)`,
      (f) => `p50 ${(f.p50 / Math.max(1, restSocket.p50)).toFixed(1)}x, p99 ${(f.p99 / Math.max(1, restSocket.p99)).toFixed(1)}x the rest; target < 1 s: ${verdict(f.p99 < 1000)}`,
    );
    latencyLines(
      'busy morning: commit to the view read again',
      morningView,
      `(${morningView.length} reads)`,
      (f) => `p50 ${(f.p50 / Math.max(1, restView.p50)).toFixed(1)}x, p99 ${(f.p99 / Math.max(1, restView.p99)).toFixed(1)}x the rest; target < 1 s: ${verdict(f.p99 < 1000)}`,
    );

    const heapAtEnd = await heapBytes(clean);
    const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;
    line('console heap just after sign-in', mb(heapAtStart));
    line(
      `console heap after the ${(dayMinutes / 60).toFixed(1)} h day`,
      mb(heapAtEnd),
      `${(heapAtEnd / heapAtStart).toFixed(2)}x the start; target < 2 MB: ${verdict(heapAtEnd < 2 * 1048576)}`,
    );
    // As runs before this one measured it: with Playwright's own script in the page.
    await clean.waitForSelector('.counters .counter');
    line('  the same, once Playwright’s selectors ran in it', mb(await heapBytes(clean)), '(the test tool’s script, not the console’s)');
  } finally {
    await browser.close();
    hub.child.kill('SIGTERM');
    await killed(hub.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
