// The manager console's reads and its alerts: the live hall as a manager sees it (counters with
// their clerk, pause reason and the ticket held; queues with their longest wait; devices, the
// disk, the last backup; each queue's citizens the forecast does not expect served before
// closing), the alerts raised from it, their acknowledgement and thresholds. The page reads the
// view again whenever the hall feed moves and every few seconds: what only a commit changes
// (today's figures per counter) is kept between reads.

import type { AlertRepository } from '../../db/alert-repository.js';
import type { AlertRecord } from '../../domain/alerts/alerts.js';
import type { ConsoleCounter, HallConsoleView, StorageView } from '../../contract/manager-console.js';
import type { QueueRepository } from '../../db/queue-repository.js';
import type { Actor } from '../../domain/access/actor.js';
import { alertChanges, dossierDueHorizon, standingAlerts, thresholdOutOfBounds, withDefaultThresholds, type AlertInputs, type AlertThresholds } from '../../domain/alerts/alerts.js';
import { dayOf } from '../../domain/calendar/hall-clock.js';
import type { DossierRepository } from '../../db/dossier-repository.js';
import type { Dossier } from '../../domain/dossier/dossier.js';
import { FINAL_DOSSIER_STATUSES } from '../../domain/dossier/dossier.js';
import { DomainError } from '../../domain/domain-error.js';
import { dayReport, type DayReport } from '../../domain/report/day-report.js';
import type { DeviceStatus } from '../../contract/events.js';
import type { HallQueries } from '../../services/hall-queries.js';
import type { LiveState } from '../../services/live-state.js';
import type { QueueService } from '../../services/queue-service.js';
import type { StaffService } from '../../services/staff-service.js';
import type { CommandRunner } from '../ports.js';

export interface ConsoleDeps {
  queue: Pick<CommandRunner, 'read' | 'lastSeq'>;
  live: Pick<LiveState, 'allCounters' | 'allServices' | 'openTickets' | 'ticket'>;
  queries: Pick<HallQueries, 'today' | 'serviceSummaries' | 'mayNotBeServedToday'>;
  tickets: Pick<QueueRepository, 'ticketsOfDay'>;
  staff: Pick<StaffService, 'holders'>;
  devices: { list(): DeviceStatus[] };
  alerts: Pick<AlertRepository, 'open' | 'recent' | 'thresholds'>;
  /** The disk and the newest copy of the database. */
  storage: () => StorageView;
  clock: () => number;
}

function oldestWaiting(live: Pick<LiveState, 'openTickets'>): Map<string, number> {
  const oldest = new Map<string, number>();
  for (const t of live.openTickets()) {
    if (t.status !== 'waiting') continue;
    const before = oldest.get(t.serviceId);
    if (before === undefined || t.queueAt < before) oldest.set(t.serviceId, t.queueAt);
  }
  return oldest;
}

/** Today's figures per counter, read from the day's tickets again only when a change was committed since. */
const reports = new WeakMap<object, { seq: number; day: string; report: DayReport }>();
function todaysReport(deps: Pick<ConsoleDeps, 'queue' | 'tickets' | 'queries'>): DayReport {
  const seq = deps.queue.lastSeq();
  const day = deps.queries.today();
  const known = reports.get(deps.tickets);
  if (known && known.seq === seq && known.day === day) return known.report;
  const report = dayReport(day, deps.tickets.ticketsOfDay(day), []);
  reports.set(deps.tickets, { seq, day, report });
  return report;
}

export function consoleCounters(deps: { live: Pick<LiveState, 'allCounters' | 'ticket'>; staff: Pick<StaffService, 'holders'> }, report: DayReport | null): ConsoleCounter[] {
  const holders = deps.staff.holders();
  return deps.live
    .allCounters()
    .filter(({ def }) => def.active)
    .map(({ def, state }) => {
      const ticket = state.currentTicketId ? deps.live.ticket(state.currentTicketId) : undefined;
      const figures = report?.counters.find((c) => c.counterId === def.id);
      const clerk = holders.get(def.id) ?? null;
      return {
        id: def.id,
        name: def.name,
        mode: state.mode,
        pauseReason: state.pauseReason,
        unattended: state.mode !== 'closed' && clerk === null,
        clerk: clerk ?? state.clerk,
        held: ticket ? { ticketId: ticket.id, number: ticket.number, status: ticket.status, since: ticket.calledAt ?? ticket.issuedAt } : null,
        servedToday: figures?.done ?? 0,
        meanServiceSeconds: figures?.averageServiceSeconds ?? null,
        since: state.since,
      };
    });
}

const thresholdsOf = (alerts: Pick<AlertRepository, 'thresholds'>) => withDefaultThresholds(alerts.thresholds());

/** The live hall as the console shows it. */
export function hallConsole(deps: ConsoleDeps): Promise<HallConsoleView> {
  return deps.queue.read(() => {
    const oldest = oldestWaiting(deps.live);
    const services = deps.queries.serviceSummaries().filter((s) => s.active);
    const late = deps.queries.mayNotBeServedToday();
    return {
      at: deps.clock(),
      day: deps.queries.today(),
      counters: consoleCounters(deps, todaysReport(deps)),
      services: services.map((s) => ({
        id: s.id,
        name: s.name,
        color: s.color,
        waiting: s.waiting,
        openCounters: s.openCounters,
        longestWaitSince: oldest.get(s.id) ?? null,
        mayNotBeServed: late.get(s.id) ?? 0,
      })),
      devices: deps.devices.list().sort((a, b) => a.id.localeCompare(b.id)),
      storage: deps.storage(),
      alerts: deps.alerts.open(),
      pastAlerts: deps.alerts.recent(30).filter((a) => a.clearedAt !== null),
      thresholds: thresholdsOf(deps.alerts),
    };
  });
}

export interface AlertCheckDeps {
  queue: Pick<QueueService, 'record' | 'read'>;
  live: Pick<LiveState, 'allCounters' | 'openTickets' | 'ticket' | 'calendar' | 'settings'>;
  queries: Pick<HallQueries, 'serviceSummaries' | 'today' | 'staffing'>;
  dossiers: Pick<DossierRepository, 'everyDueBefore'>;
  tickets: Pick<QueueRepository, 'ticketsOfDay'>;
  staff: Pick<StaffService, 'holders'>;
  devices: { list(): DeviceStatus[] };
  alerts: Pick<AlertRepository, 'open' | 'thresholds' | 'nextId' | 'insert' | 'clear'>;
  clock: () => number;
}

/**
 * Raises the alerts that now stand and clears those whose trouble is over, each step in the
 * event log as the hub's. Run by the hub every few seconds and when a device changes.
 */
export async function checkAlerts(deps: AlertCheckDeps, hub: Actor): Promise<{ raised: number; cleared: number }> {
  const { raise, clear, open } = await deps.queue.read(() => {
    const now = deps.clock();
    const thresholds = thresholdsOf(deps.alerts);
    const oldest = oldestWaiting(deps.live);
    const calling = callingCounters(deps);
    const standing = standingAlerts({
      now,
      thresholds,
      services: deps.queries
        .serviceSummaries()
        .filter((s) => s.active)
        .map((s) => ({ id: s.id, name: s.name.vi, waiting: s.waiting, oldestWaitingSince: oldest.get(s.id) ?? null, ...counterCover(deps.live, calling, s.id) })),
      counters: consoleCounters(deps, null)
        .filter((c) => c.mode !== 'closed')
        .map((c) => ({ id: c.id, name: c.name.vi, held: c.held ? { number: c.held.number, since: c.held.since } : null, calling: idleFacts(deps, calling, c.id, c.held !== null) })),
      devices: deps.devices.list(),
      dossiers: dossiersDue(deps, now, thresholds),
    });
    const open = deps.alerts.open();
    return { ...alertChanges(open, standing), open };
  });
  if (raise.length === 0 && clear.length === 0) return { raised: 0, cleared: 0 };
  const now = deps.clock();
  let id = deps.alerts.nextId();
  const raised = raise.map((a) => ({ id: id++, key: a.key, kind: a.kind, raisedAt: now, message: a.message, messageEn: a.messageEn }));
  const cleared = open.filter((a) => clear.includes(a.key));
  await deps.queue.record(
    [
      ...raised.map((a) => ({ type: 'alert:raised' as const, data: { alert: { id: a.id, key: a.key, kind: a.kind, message: a.message, messageEn: a.messageEn } } })),
      ...cleared.map((a) => ({ type: 'alert:cleared' as const, data: { alert: { id: a.id, key: a.key } } })),
    ],
    hub,
    () => {
      for (const a of raised) deps.alerts.insert(a);
      for (const a of cleared) deps.alerts.clear(a.id, now);
    },
  );
  return { raised: raised.length, cleared: cleared.length };
}

/** The counters open and staffed (as the forecast counts them): the ones that may call now. */
function callingCounters(deps: Pick<AlertCheckDeps, 'live' | 'queries'>): Set<number> {
  const staffed = deps.queries.staffing();
  return new Set(
    deps.live
      .allCounters()
      .filter(({ def, state }) => def.active && state.mode === 'open' && staffed(def.id, state))
      .map(({ def }) => def.id),
  );
}

/** How many counters serving a service may call now, and when the last other one stopped (opened, paused or closed). */
function counterCover(live: Pick<LiveState, 'allCounters'>, calling: Set<number>, serviceId: string): { openCounters: number; counterLeftAt: number | null } {
  let openCounters = 0;
  let counterLeftAt: number | null = null;
  for (const { def, state } of live.allCounters()) {
    if (!def.active || !def.services.some((l) => l.serviceId === serviceId)) continue;
    if (calling.has(def.id)) openCounters++;
    else counterLeftAt = Math.max(counterLeftAt ?? state.since, state.since);
  }
  return { openCounters, counterLeftAt };
}

/**
 * For a counter that may call and holds nothing: since when it has held nothing (its last
 * ticket called, served or ended there, or the counter opened, whichever is latest), and since
 * when a ticket it may call has waited.
 */
function idleFacts(deps: Pick<AlertCheckDeps, 'live' | 'tickets' | 'queries'>, calling: Set<number>, counterId: number, holds: boolean): AlertInputs['counters'][number]['calling'] {
  if (!calling.has(counterId) || holds) return null;
  const counter = deps.live.allCounters().find(({ def }) => def.id === counterId);
  if (!counter) return null;
  const serves = new Set(counter.def.services.map((l) => l.serviceId));
  let queueWaitingSince: number | null = null;
  for (const t of deps.live.openTickets()) {
    if (t.status !== 'waiting' || !serves.has(t.serviceId)) continue;
    if (t.targetCounterId !== null && t.targetCounterId !== counterId) continue;
    queueWaitingSince = Math.min(queueWaitingSince ?? t.queueAt, t.queueAt);
  }
  if (queueWaitingSince === null) return { idleSince: counter.state.since, queueWaitingSince };
  // Read from the day's tickets only when a queue waits for an idle counter.
  let idleSince = counter.state.since;
  for (const t of deps.tickets.ticketsOfDay(deps.queries.today())) {
    if (t.counterId !== counterId) continue;
    idleSince = Math.max(idleSince, t.calledAt ?? 0, t.servingAt ?? 0, t.endedAt ?? 0);
  }
  return { idleSince, queueWaitingSince };
}

/**
 * Open dossiers whose result is not ready, with their due date, against the horizon the
 * threshold sets on the hall's calendar. Those waiting for the citizen's papers or fees are
 * left out: their clock stands still until the citizen comes back.
 */
function dossiersDue(deps: Pick<AlertCheckDeps, 'live' | 'dossiers'>, now: number, t: AlertThresholds): AlertInputs['dossiers'] {
  let dueBy: number;
  try {
    dueBy = dossierDueHorizon(deps.live.calendar, now, t.dossierDueWorkingHours);
  } catch {
    return undefined; // a calendar with no working time: nothing is ever due
  }
  const running = (d: Dossier) => d.dueAt !== null && d.status !== 9 && d.status !== 5 && d.status !== 6 && !FINAL_DOSSIER_STATUSES.has(d.status);
  return {
    day: dayOf(now, deps.live.settings.timeZone),
    dueBy,
    due: deps.dossiers
      .everyDueBefore(dueBy)
      .filter(running)
      .map((d) => ({ code: d.code, dueAt: d.dueAt! })),
  };
}

export interface AcknowledgeDeps {
  queue: Pick<QueueService, 'record'>;
  alerts: Pick<AlertRepository, 'get' | 'acknowledge'>;
  clock: () => number;
}

/** A person saw the alert and takes it in hand; logged with their name. */
export async function acknowledgeAlert(deps: AcknowledgeDeps, id: number, by: Actor): Promise<AlertRecord> {
  const alert = deps.alerts.get(id);
  if (!alert) throw new DomainError('alert_not_found', { id });
  if (alert.acknowledgedAt !== null) return alert;
  const now = deps.clock();
  await deps.queue.record([{ type: 'alert:acknowledged', data: { alert: { id, key: alert.key } } }], by, () => deps.alerts.acknowledge(id, now, by.name));
  return deps.alerts.get(id)!;
}

export interface ThresholdDeps {
  queue: Pick<QueueService, 'record'>;
  alerts: Pick<AlertRepository, 'setThresholds' | 'thresholds'>;
  clock: () => number;
}

/**
 * Stores the thresholds (checked field by field), logged with who set them. A threshold left
 * out keeps its value (a caller written before it was known).
 */
export async function setAlertThresholds(deps: ThresholdDeps, given: Partial<AlertThresholds>, by: Actor): Promise<AlertThresholds> {
  const thresholds: AlertThresholds = { ...thresholdsOf(deps.alerts), ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  const bad = thresholdOutOfBounds(thresholds);
  if (bad) throw new DomainError('threshold_out_of_range', { ...bad });
  const now = deps.clock();
  await deps.queue.record([{ type: 'alert:thresholds', data: { thresholds } }], by, () => deps.alerts.setThresholds(thresholds, now, by.name));
  return thresholds;
}
