// Benchmark part 4: how far the wait told to citizens is from the wait they had, over whole
// simulated days of three halls (server/planning/day-simulator.ts), for four estimators side
// by side:
//   previous    people ahead × mean service time ÷ counters serving (luot's first estimate);
//   by service  the engine's own choices played forward (server/domain/estimate/wait-forecast.ts), with
//               each service's time measured today, blended with what it took the week before;
//   forecast    the same with each counter's own pace where it has shown one (what the hub
//               tells citizens); clerks in these halls take from 0.8 to 1.2 times the mean;
//   floor       the same forecast given each service's true mean, which only the simulator
//               knows: random service times bound what any estimate can reach.
// Then the MAPE by people ahead at the number; the ward centre on its real hours (a lunch break,
// closing at 17:00) with two counters nobody works at, against the forecast as it was before it
// knew hours and staffing; and the forecast's cost: every waiting ticket of a hall with 500
// waiting and 40 counters.

import { readFileSync } from 'node:fs';
import { hallFromData, hallFromText } from '../server/config/hall-file.js';
import type { HallDefinition } from '../server/domain/hall/hall-definition.js';
import { UNTOUCHED_TICKET } from '../server/domain/queue/queue-engine.js';
import { peopleAhead, queueKeyOf } from '../server/domain/queue/queue-order.js';
import { averageServiceSeconds, effectiveCounters, estimateWaitSeconds, HISTORY_DAYS } from '../server/domain/estimate/wait-estimate.js';
import { averageServiceSeconds as meanOf, counterPace } from '../server/domain/estimate/wait-estimate.js';
import { forecastCalls, waitFromForecast } from '../server/domain/estimate/wait-forecast.js';
import { HallCalendar, parsePeriod } from '../server/domain/calendar/hall-calendar.js';
import type { LiveState } from '../server/services/live-state.js';
import { weekHoursOf } from '../server/domain/hall/hall-calendar-of.js';
import { calendarOfSettings, forecastInputOf } from '../server/services/hall-queries.js';
import { DEMO_HALL_FILE } from '../server/paths.js';
import { simulateDay, WORKING_DAY, type DayPlan, type Estimator, type Outcome, type SimulatedService } from '../server/planning/day-simulator.js';
import { line, ms, percentile, sorted } from './bench-figures.js';

const DAYS = Number(process.env.BENCH_DAYS ?? 10);
/** 2026-11-23 00:00 in Hanoi. */
const MIDNIGHT = Date.UTC(2026, 10, 22, 17, 0);

const previous: Estimator = (ticket, { live }) => {
  const service = live.service(ticket.serviceId)!;
  const withQueue = new Set(
    live
      .nonEmptyQueues()
      .filter((k) => k.startsWith('service:'))
      .map((k) => k.slice(8)),
  );
  const ahead = peopleAhead(ticket, live.waitingIn(queueKeyOf(ticket)));
  return estimateWaitSeconds(ahead, averageServiceSeconds(live.serviceDurations(service.id), service.defaultServiceMinutes), effectiveCounters(service.id, live.allCounters(), withQueue));
};

const forecast: Estimator = (ticket, { queries }) => queries.ticketView(ticket).estimatedWaitSeconds;

/** The forecast with each service's measured mean at every counter (no counter's own pace). */
const byService: Estimator = (ticket, { live, now, calendar }) => {
  const means = new Map(
    live.allServices().map((s) => [s.id, averageServiceSeconds(live.serviceDurations(s.id), s.defaultServiceMinutes, live.usualService(s.id, ticket.day)?.seconds ?? null)]),
  );
  const forecast = forecastCalls(forecastInputOf(live, now, (id) => means.get(id) ?? 300, [], { calendar }));
  return waitFromForecast(forecast.calls.get(ticket.id), now, forecast.lastCall.get(ticket.serviceId)).seconds;
};

const floor: Estimator = (ticket, { live, now, trueSeconds, calendar }) => {
  const forecast = forecastCalls(forecastInputOf(live, now, trueSeconds, [], { calendar }));
  return waitFromForecast(forecast.calls.get(ticket.id), now, forecast.lastCall.get(ticket.serviceId)).seconds;
};

const ESTIMATORS = { previous, 'by service': byService, forecast, floor };

/** Each service's mean times each counter's pace, as the hub's forecast has them. */
function hubSeconds(live: LiveState, day: string): (serviceId: string, counterId: number) => number {
  const means = new Map(live.allServices().map((s) => [s.id, meanOf(live.serviceDurations(s.id), s.defaultServiceMinutes, live.usualService(s.id, day)?.seconds ?? null)]));
  const mean = (id: string) => means.get(id) ?? 300;
  const paces = new Map(live.allCounters().map(({ def }) => [def.id, counterPace(live.counterDurations(def.id), mean)]));
  return (serviceId, counterId) => mean(serviceId) * (paces.get(counterId) ?? 1);
}

/**
 * The forecast as it was before it knew the hall's hours and staffing: every open counter calls,
 * clerk or not; one opening period from 07:30 to 17:00, no break; the citizen at the counter
 * still there as a lognormal of sigma 0.5 says (the fallback kept for a hall's first days).
 */
const beforeHours: Estimator = (ticket, { live, now }) => {
  const calendar = calendarOfSettings({ timeZone: live.settings.timeZone, hours: weekHoursOf({ open: '07:30', close: '17:00' }) });
  const input = forecastInputOf(live, now, hubSeconds(live, ticket.day), [], { calendar, staffed: () => true });
  const forecast = forecastCalls({ ...input, serviceShape: undefined });
  return waitFromForecast(forecast.calls.get(ticket.id), now, forecast.lastCall.get(ticket.serviceId)).seconds;
};

/** The forecast with the lognormal (sigma 0.5) for the citizen at the counter instead of the measured times. */
const lognormalRest: Estimator = (ticket, { live, now, calendar }) => {
  const input = forecastInputOf(live, now, hubSeconds(live, ticket.day), [], { calendar });
  const forecast = forecastCalls({ ...input, serviceShape: undefined });
  return waitFromForecast(forecast.calls.get(ticket.id), now, forecast.lastCall.get(ticket.serviceId)).seconds;
};

/** 1 when the ticket is told "may not be served today", else 0 (counted, not an estimate). */
const warned: Estimator = (ticket, { queries }) => (queries.ticketView(ticket).beyondClosing ? 1 : 0);

const HOURS_ESTIMATORS = { before: beforeHours, 'lognormal rest': lognormalRest, forecast, floor, warned };

interface Scenario {
  name: string;
  hall: HallDefinition;
  services: SimulatedService[];
  arrivals: number;
  priorityShare: number;
}

/** The demo ward centre as shipped: 20 services, 20 counters (weighted, in-order, shared). */
function wardCentre(): Scenario {
  const hall = hallFromText(readFileSync(DEMO_HALL_FILE, 'utf8'), DEMO_HALL_FILE);
  hall.settings.hours = null;
  // True means differ from the configured defaults, as they do in a real hall.
  const skew = [1.2, 0.8, 1.1, 0.9, 1.3, 1, 0.85, 1.15, 0.95, 1.05];
  const busy: Record<string, number> = { HT: 5, DD: 4, CA: 4, TKQ: 3, THUE: 2, BHXH: 2, XD: 2 };
  return {
    name: 'ward centre (demo hall, 20 counters)',
    hall,
    services: hall.services.map((s, i) => ({ id: s.id, share: busy[s.id] ?? 0.6, meanMinutes: s.defaultServiceMinutes * skew[i % skew.length]!, sigma: 0.5 })),
    arrivals: 560,
    priorityShare: 0.08,
  };
}

/** A commune hall: four counters, one in-order and one weighted, interleaved priority. */
function communeHall(): Scenario {
  const hall = hallFromData(
    {
      hall: { name: 'Trung tâm Phục vụ hành chính công xã (mô phỏng)', agencyCode: '000.00.31.H40', hours: null, priority: { policy: 'interleaved', regularPerPriority: 3 } },
      services: [
        { id: 'HT', name: 'Hộ tịch - Chứng thực', numbering: { prefix: 'A' }, defaultServiceMinutes: 6 },
        { id: 'DD', name: 'Đất đai - Xây dựng', numbering: { prefix: 'B' }, defaultServiceMinutes: 12 },
        { id: 'XH', name: 'Chính sách xã hội', numbering: { prefix: 'C' }, defaultServiceMinutes: 8 },
        { id: 'CA', name: 'Công an xã', numbering: { from: 1001, to: 1999 }, defaultServiceMinutes: 7 },
      ],
      counters: [
        { id: 1, services: ['HT'] },
        { id: 2, services: ['DD', 'XH'], selection: 'in_order' },
        { id: 3, services: ['HT', { service: 'XH', weight: 0.5 }] },
        { id: 4, services: ['CA'] },
      ],
    },
    'commune hall',
  );
  return {
    name: 'commune hall (4 counters, interleaved)',
    hall,
    services: [
      { id: 'HT', share: 5, meanMinutes: 5, sigma: 0.5 },
      { id: 'DD', share: 1.5, meanMinutes: 14, sigma: 0.6 },
      { id: 'XH', share: 1.5, meanMinutes: 7, sigma: 0.5 },
      { id: 'CA', share: 3, meanMinutes: 6, sigma: 0.4 },
    ],
    arrivals: 190,
    priorityShare: 0.12,
  };
}

/** A province centre's branch: 8 services, 12 counters, weights everywhere, strict priority. */
function provinceBranch(): Scenario {
  const ids = ['KD', 'DT', 'XD', 'TN', 'LD', 'YT', 'GD', 'TKQ'];
  const minutes = [9, 15, 12, 11, 8, 7, 6, 3];
  const hall = hallFromData(
    {
      hall: { name: 'Chi nhánh Trung tâm Phục vụ hành chính công tỉnh (mô phỏng)', agencyCode: '000.00.00.H99', hours: null },
      services: ids.map((id, i) => ({ id, name: id, numbering: { prefix: 'ABCDEFGK'[i] }, defaultServiceMinutes: minutes[i] })),
      counters: Array.from({ length: 12 }, (_, i) => ({
        id: i + 1,
        services: [ids[i % 8]!, { service: ids[(i + 3) % 8]!, weight: 0.5 }],
      })),
    },
    'province branch',
  );
  return {
    name: 'province branch (12 counters, weighted)',
    hall,
    services: ids.map((id, i) => ({ id, share: [3, 1, 1.5, 1.5, 2, 2, 1.5, 4][i]!, meanMinutes: minutes[i]! * [1.1, 0.9, 1, 1.2, 0.8, 1, 1.1, 0.9][i]!, sigma: 0.55 })),
    arrivals: 420,
    priorityShare: 0.06,
  };
}

interface Accuracy {
  mae: number;
  bias: number;
  mape: number;
  within25: number;
  count: number;
}

/** Over citizens called, whose estimate was given: minutes, and percentages for waits over 5 min. */
function accuracy(outcomes: Outcome[], estimator: string): Accuracy {
  const pairs = outcomes.filter((o) => o.waited !== null && o.predicted[estimator] !== null).map((o) => ({ p: o.predicted[estimator]! / 60, a: o.waited! / 60 }));
  const long = pairs.filter((x) => x.a > 5);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);
  return {
    mae: mean(pairs.map((x) => Math.abs(x.p - x.a))),
    bias: mean(pairs.map((x) => x.p - x.a)),
    mape: 100 * mean(long.map((x) => Math.abs(x.p - x.a) / x.a)),
    within25: 100 * mean(long.map((x) => (Math.abs(x.p - x.a) <= 0.25 * x.a ? 1 : 0))),
    count: pairs.length,
  };
}

/** People ahead when the number was taken, in groups: the fewer, the more one service's chance weighs. */
const AHEAD_GROUPS = [
  { label: '0-2', holds: (ahead: number) => ahead <= 2 },
  { label: '3-9', holds: (ahead: number) => ahead >= 3 && ahead <= 9 },
  { label: '10+', holds: (ahead: number) => ahead >= 10 },
];

/** MAPE of the forecast and the floor by people ahead at the number: where the error comes from. */
function printMapeByAhead(outcomes: Outcome[]): void {
  const groups = AHEAD_GROUPS.map((g) => outcomes.filter((o) => g.holds(o.ahead)));
  const counts = groups.map((g, i) => `${AHEAD_GROUPS[i]!.label} (${g.filter((o) => (o.waited ?? 0) > 300).length})`.padStart(12));
  console.log(`   ${'MAPE >5min by people ahead'.padEnd(30)}${counts.join('')}`);
  for (const name of ['forecast', 'floor']) {
    console.log(`   ${`  ${name}`.padEnd(30)}${groups.map((g) => `${accuracy(g, name).mape.toFixed(1)} %`.padStart(12)).join('')}`);
  }
}

/** Service times measured on some days, per service. */
function pastDurations(days: Outcome[][]): Map<string, number[]> {
  const durations = new Map<string, number[]>();
  for (const o of days.flat()) {
    if (o.servedMs !== null) durations.set(o.serviceId, [...(durations.get(o.serviceId) ?? []), o.servedMs]);
  }
  return durations;
}

function dayPlan(scenario: Scenario, seed: number): DayPlan {
  return {
    hall: scenario.hall,
    services: scenario.services,
    arrivals: scenario.arrivals,
    priorityShare: scenario.priorityShare,
    ...WORKING_DAY,
    seed,
    midnight: MIDNIGHT + seed * 86_400_000,
    counterPace: (id) => CLERK_PACE[id % CLERK_PACE.length]!,
  };
}

/** Clerks differ: how long each counter takes against the service's mean. */
const CLERK_PACE = [1, 0.8, 1.2, 0.9, 1.15, 0.85, 1.05];

function forecastCost(withHours: boolean): number[] {
  const services = Array.from({ length: 10 }, (_, i) => ({ id: `S${i}`, name: `Dịch vụ ${i}`, numbering: { prefix: 'ABCDEFGHJK'[i], digits: 4 } }));
  const hall = hallFromData(
    {
      hall: { name: 'Trung tâm (đo)', agencyCode: '000.00.00.H99', hours: null },
      services,
      counters: Array.from({ length: 40 }, (_, i) => ({ id: i + 1, services: [`S${i % 10}`, { service: `S${(i + 1) % 10}`, weight: 0.5 }] })),
    },
    'cost',
  );
  const now = MIDNIGHT + 9 * 3_600_000;
  const waiting = Array.from({ length: 500 }, (_, i) => ({
    id: `20261123-S${i % 10}-${i}`,
    day: '2026-11-23',
    serviceId: `S${i % 10}`,
    seq: i + 1,
    number: String(i),
    priority: i % 17 === 0 ? 'nguoi_cao_tuoi' : null,
    status: 'waiting' as const,
    source: 'kiosk' as const,
    issuedAt: now - (500 - i) * 5000,
    queueAt: now - (500 - i) * 5000,
    ...UNTOUCHED_TICKET,
  }));
  const counters = hall.counters.map((def) => ({
    def,
    state: { id: def.id, mode: 'open' as const, pauseReason: null, clerk: `Cán bộ ${def.id}`, currentTicketId: null, regularSincePriority: 0, since: now },
    current: null,
    staffed: true,
  }));
  const calendar = withHours ? realHours() : null;
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    forecastCalls({ now, counters, waiting, serviceSeconds: () => 420, policy: hall.settings.priorityPolicy, maxWaitMs: null, calendar, services: services.map((s) => s.id) });
    times.push(performance.now() - started);
  }
  return times;
}

/** The scenario's days one after another: each knows what the services took on the seven before
 *  it, as the hub reads it from its database (the first day knows only the configured defaults). */
function simulateDays(scenario: Scenario): Outcome[] {
  const days: Outcome[][] = [];
  for (let day = 1; day <= DAYS; day++) {
    const past = pastDurations(days.slice(-HISTORY_DAYS));
    days.push(simulateDay({ ...dayPlan(scenario, day), pastDurations: past }, ESTIMATORS));
  }
  return days.flat();
}

/** Spreads of service times (the lognormal's sigma) the ward centre is run at besides its own. */
const SPREADS = [0.3, 0.5, 0.7];

/** How much the spread of service times alone sets the MAPE: the ward centre at other spreads. */
function printSpreads(): void {
  console.log('  the ward centre with service times spread more or less (lognormal sigma):');
  console.log(`   ${'sigma'.padEnd(12)} ${'forecast: MAPE'.padStart(14)} ${'bias min'.padStart(9)} ${'floor: MAPE'.padStart(12)} ${'bias min'.padStart(9)}  ratio to floor`);
  for (const sigma of SPREADS) {
    const scenario = wardCentre();
    scenario.services = scenario.services.map((s) => ({ ...s, sigma }));
    const outcomes = simulateDays(scenario);
    const forecast = accuracy(outcomes, 'forecast');
    const floor = accuracy(outcomes, 'floor');
    console.log(
      `   ${sigma.toFixed(1).padEnd(12)} ${`${forecast.mape.toFixed(1)} %`.padStart(14)} ${forecast.bias.toFixed(2).padStart(9)} ${`${floor.mape.toFixed(1)} %`.padStart(12)} ${floor.bias.toFixed(2).padStart(9)}  MAPE ×${(forecast.mape / floor.mape).toFixed(2)}`,
    );
  }
}

/** How much longer than usual every service takes on a slow day (a national system slow, say). */
const SLOW_DAY = 1.3;
const SLOW_DAYS = 5;

/**
 * A slow day after a normal week: what the past week taught the estimate is now wrong, and it
 * must follow today's own times instead. The ward centre's seven normal days, then five slow
 * days, each knowing only those seven.
 */
function printSlowDays(): void {
  const normal = wardCentre();
  const week: Outcome[][] = [];
  for (let day = 1; day <= HISTORY_DAYS; day++) week.push(simulateDay({ ...dayPlan(normal, day), pastDurations: pastDurations(week) }, ESTIMATORS));
  const slow = wardCentre();
  slow.services = slow.services.map((s) => ({ ...s, meanMinutes: s.meanMinutes * SLOW_DAY }));
  const outcomes: Outcome[] = [];
  for (let day = HISTORY_DAYS + 1; day <= HISTORY_DAYS + SLOW_DAYS; day++) {
    outcomes.push(...simulateDay({ ...dayPlan(slow, day), pastDurations: pastDurations(week) }, ESTIMATORS));
  }
  const forecast = accuracy(outcomes, 'forecast');
  const floor = accuracy(outcomes, 'floor');
  console.log(`  ${SLOW_DAYS} slow days of the ward centre after a normal week (every service ${SLOW_DAY} times as long):`);
  console.log(
    `   ${'slow days'.padEnd(12)} ${`${forecast.mape.toFixed(1)} %`.padStart(14)} ${forecast.bias.toFixed(2).padStart(9)} ${`${floor.mape.toFixed(1)} %`.padStart(12)} ${floor.bias.toFixed(2).padStart(9)}  MAPE ×${(forecast.mape / floor.mape).toFixed(2)}`,
  );
}

/** A ward centre's real hours: 07:30-11:30 and 13:30-17:00 on weekdays; civil status (HT) also on Saturday morning. */
export function realHours(): HallCalendar {
  const weekday = [parsePeriod('07:30-11:30'), parsePeriod('13:30-17:00')];
  const week = [[], weekday, weekday, weekday, weekday, weekday, []];
  return new HallCalendar({
    timeZone: 'Asia/Ho_Chi_Minh',
    week,
    serviceWeeks: { HT: [[], weekday, weekday, weekday, weekday, weekday, [parsePeriod('07:30-11:30')]] },
    official: {},
    changes: [],
  });
}

/** Counters without a clerk in the ward centre on its real hours: each of their services has another counter. */
const UNSTAFFED = new Set([2, 7]);

/** Arrivals as the day simulator has them, none while the hall is closed (the lunch break). */
function arrivalsWithinHours(minute: number): number {
  const open = (minute >= 7 * 60 + 30 && minute < 11 * 60 + 30) || (minute >= 13 * 60 + 30 && minute < 17 * 60);
  return open && minute >= 8 * 60 && minute < 10 * 60 ? 2.2 : open ? 1 : 0;
}

/** The midnight of the n-th working day (Monday to Friday) from MIDNIGHT, a Monday. */
function workingMidnight(n: number): number {
  const week = Math.floor((n - 1) / 5);
  return MIDNIGHT + (week * 7 + ((n - 1) % 5)) * 86_400_000;
}

/** The ward centre on its real hours with two counters unstaffed, its days one after another. */
function simulateRealHours(): Outcome[] {
  const scenario = wardCentre();
  const calendar = realHours();
  const days: Outcome[][] = [];
  for (let day = 1; day <= DAYS; day++) {
    const plan: DayPlan = {
      ...dayPlan(scenario, day),
      midnight: workingMidnight(day),
      arrivals: 500,
      lastTicket: 17 * 60,
      arrivalProfile: arrivalsWithinHours,
      calendar,
      staffed: (id) => !UNSTAFFED.has(id),
      pastDurations: pastDurations(days.slice(-HISTORY_DAYS)),
    };
    days.push(simulateDay(plan, HOURS_ESTIMATORS));
  }
  return days.flat();
}

function printAccuracyRow(name: string, a: Accuracy, base: Accuracy | null): void {
  const ratio = base ? `MAPE ×${(a.mape / base.mape).toFixed(2)}` : '';
  console.log(
    `   ${name.padEnd(14)} ${a.mae.toFixed(2).padStart(6)} ${a.bias.toFixed(2).padStart(9)} ${`${a.mape.toFixed(1)} %`.padStart(11)} ${`${a.within25.toFixed(1)} %`.padStart(12)}  ${ratio}`,
  );
}

/**
 * The ward centre as the demo hall now is: its real hours with a lunch break, the maximum wait
 * guard at 60 minutes, and two counters nobody works at. The forecast before it knew hours and
 * staffing is the baseline; then the waits of the unstaffed counters' services, of numbers
 * taken in the hour before the break, and "may not be served today" against who was not.
 */
function printRealHours(): void {
  const outcomes = simulateRealHours();
  const called = outcomes.filter((o) => o.waited !== null);
  const unserved = outcomes.filter((o) => o.waited === null);
  const waits = sorted(called.map((o) => o.waited! / 60));
  console.log(
    `  ward centre on real hours (07:30-11:30, 13:30-17:00), counters ${[...UNSTAFFED].join(' and ')} without a clerk, maximum wait 60 min: ${called.length} called, mean wait ${(waits.reduce((s, w) => s + w, 0) / waits.length).toFixed(1)} min, p90 ${percentile(waits, 90).toFixed(1)} min, ${unserved.length} not served`,
  );
  const rows = ['before', 'lognormal rest', 'forecast', 'floor'];
  const base = accuracy(outcomes, 'before');
  for (const name of rows) printAccuracyRow(name, accuracy(outcomes, name), name === 'before' ? null : base);
  const shared = new Set(scenarioServicesOf(UNSTAFFED));
  const theirs = outcomes.filter((o) => shared.has(o.serviceId));
  console.log(`   services of the unstaffed counters (${[...shared].join(', ')}): ${theirs.filter((o) => o.waited !== null).length} called`);
  for (const name of ['before', 'forecast']) printAccuracyRow(`  ${name}`, accuracy(theirs, name), name === 'before' ? null : accuracy(theirs, 'before'));
  const beforeBreak = outcomes.filter((o) => {
    const minute = ((o.issuedAt - MIDNIGHT) / 60_000) % 1440;
    return minute >= 10 * 60 + 30 && minute < 11 * 60 + 30;
  });
  console.log(`   numbers taken 10:30-11:30, the hour before the break: ${beforeBreak.filter((o) => o.waited !== null).length} called`);
  for (const name of ['before', 'forecast']) printAccuracyRow(`  ${name}`, accuracy(beforeBreak, name), name === 'before' ? null : accuracy(beforeBreak, 'before'));
  const told = outcomes.filter((o) => o.predicted.warned === 1);
  const toldBefore = outcomes.filter((o) => o.predicted.before === null && o.waited === null);
  console.log(
    `   "may not be served today": told to ${told.length}, of whom ${told.filter((o) => o.waited === null).length} were not served; ${unserved.length} not served, ${unserved.filter((o) => o.predicted.warned === 1).length} of them told (the forecast before: ${toldBefore.length} of them told or given no figure)`,
  );
}

/** Services of some counters of the demo hall. */
function scenarioServicesOf(counters: ReadonlySet<number>): string[] {
  const hall = wardCentre().hall;
  return [...new Set(hall.counters.filter((c) => counters.has(c.id)).flatMap((c) => c.services.map((l) => l.serviceId)))];
}

export function estimateAccuracyPart(): void {
  console.log(`\n4. Wait estimates against the waits citizens had: ${DAYS} simulated days per hall`);
  console.log('   (Poisson arrivals with a morning peak, lognormal service times, priority, 5% no-shows)');
  console.log(`   ${'estimator'.padEnd(12)} ${'MAE min'.padStart(8)} ${'bias min'.padStart(9)} ${'MAPE >5min'.padStart(11)} ${'within ±25%'.padStart(12)}  ratio to floor`);
  for (const scenario of [wardCentre(), communeHall(), provinceBranch()]) {
    const outcomes = simulateDays(scenario);
    const called = outcomes.filter((o) => o.waited !== null);
    const waits = sorted(called.map((o) => o.waited! / 60));
    console.log(
      `  ${scenario.name}: ${called.length} citizens called, mean wait ${(waits.reduce((s, w) => s + w, 0) / waits.length).toFixed(1)} min, p90 ${percentile(waits, 90).toFixed(1)} min`,
    );
    const base = accuracy(outcomes, 'floor');
    for (const name of Object.keys(ESTIMATORS)) {
      const a = accuracy(outcomes, name);
      const ratio = name === 'floor' ? '' : `MAPE ×${(a.mape / base.mape).toFixed(2)}`;
      console.log(
        `   ${name.padEnd(12)} ${a.mae.toFixed(2).padStart(8)} ${a.bias.toFixed(2).padStart(9)} ${`${a.mape.toFixed(1)} %`.padStart(11)} ${`${a.within25.toFixed(1)} %`.padStart(12)}  ${ratio}`,
      );
    }
    printMapeByAhead(called);
  }
  printRealHours();
  printSpreads();
  printSlowDays();
  const bare = sorted(forecastCost(false));
  const cost = sorted(forecastCost(true));
  line('forecast of 500 waiting, 40 counters: p50', ms(percentile(cost, 50)), `target: under 20 ms; ×${(percentile(cost, 50) / percentile(bare, 50)).toFixed(2)} without hours`);
  line(`${' '.repeat(42)}p99`, ms(percentile(cost, 99)));
  line(`${' '.repeat(16)}without the hall's hours: p50`, ms(percentile(bare, 50)));
}
