// Reading the hall: its live state (the snapshot pages start from, over HTTP or socket.io alike),
// its services with waits, and the hub's health.

import type { HallCalendar } from '../../domain/calendar/hall-calendar.js';
import type { HallSnapshot, ServiceSummary, SubscriptionFilter } from '../../contract/events.js';
import { DomainError } from '../../domain/domain-error.js';
import type { DeviceRegistry } from '../../services/device-registry.js';
import type { HallQueries } from '../../services/hall-queries.js';
import type { CommandRunner } from '../ports.js';
import type { ClockWatch } from '../../services/clock-watch.js';

export interface SnapshotDeps {
  queue: Pick<CommandRunner, 'read'>;
  queries: Pick<HallQueries, 'snapshot'>;
}

/** The hall's whole live state, optionally limited to some services or counters; only what is committed. */
export function hallSnapshot(deps: SnapshotDeps, filter: SubscriptionFilter): Promise<HallSnapshot> {
  return deps.queue.read(() => deps.queries.snapshot(filter));
}

/**
 * A page starts following the hall: `join` (joining the page's room) runs in the same turn as the
 * read, so that no event can fall between the snapshot and the events after it. Null when `join`
 * says the page has gone meanwhile.
 */
export function followHall(deps: SnapshotDeps, filter: SubscriptionFilter, join: () => boolean): Promise<HallSnapshot | null> {
  return deps.queue.read(() => (join() ? deps.queries.snapshot(filter) : null));
}

export interface ServicesDeps {
  queue: Pick<CommandRunner, 'read'>;
  queries: Pick<HallQueries, 'serviceSummaries'>;
}

/** Every service with its waiting count and estimated wait. */
export function listServices(deps: ServicesDeps): Promise<ServiceSummary[]> {
  return deps.queue.read(() => deps.queries.serviceSummaries());
}

/** One service with its waiting count and estimated wait. */
export async function serviceOf(deps: ServicesDeps, serviceId: string): Promise<ServiceSummary> {
  const [summary] = await deps.queue.read(() => deps.queries.serviceSummaries([serviceId]));
  if (!summary) throw new DomainError('service_not_found', { serviceId });
  return summary;
}

export interface HealthDeps {
  queue: Pick<CommandRunner, 'lastSeq'>;
  queries: Pick<HallQueries, 'today'>;
  devices: Pick<DeviceRegistry, 'list'>;
  /** Whether the database answers a trivial query now. */
  databaseAnswers: () => boolean;
  schemaVersion: number;
  version: string;
  startedAt: number;
  clock: () => number;
  /** Whether the system clock is synchronised, as last read. */
  systemClock: Pick<ClockWatch, 'current'>;
  /** The hall's calendar: whether this year's and next year's days off are the official ones. */
  calendar: () => Pick<HallCalendar, 'isOfficialYear'>;
}

/** This year and the next: official schedule, or days off computed from the Labour Code (and said so). */
function calendarHealth(calendar: Pick<HallCalendar, 'isOfficialYear'>, day: string) {
  const year = Number(day.slice(0, 4));
  return [year, year + 1].map((y) => {
    const official = calendar.isOfficialYear(y);
    return {
      year: y,
      official,
      message: official ? null : `Chưa có lịch nghỉ chính thức năm ${y}: đang dùng các ngày lễ tính theo Bộ luật Lao động. Nạp lịch bằng PUT /api/calendar/years/${y} khi Chính phủ công bố.`,
      messageEn: official ? null : `No official schedule of ${y} yet: its days off are computed from the Labour Code. Load it with PUT /api/calendar/years/${y} once announced.`,
    };
  });
}

function memoryFigures() {
  const m = process.memoryUsage();
  // `external` already counts the buffers (`arrayBuffers`).
  return { rssBytes: m.rss, heapUsedBytes: m.heapUsed, heapTotalBytes: m.heapTotal, externalBytes: m.external };
}

/** Is the hub alive and its storage writable; its devices and memory. */
export function health(deps: HealthDeps) {
  const dbOk = deps.databaseAnswers();
  const deviceList = deps.devices.list();
  return {
    ok: dbOk && deviceList.every((d) => d.ok),
    version: deps.version,
    uptimeSeconds: Math.round((deps.clock() - deps.startedAt) / 1000),
    day: deps.queries.today(),
    seq: deps.queue.lastSeq(),
    database: { ok: dbOk, schemaVersion: deps.schemaVersion },
    devices: deviceList,
    memory: memoryFigures(),
    clock: deps.systemClock.current(),
    calendar: calendarHealth(deps.calendar(), deps.queries.today()),
  };
}
