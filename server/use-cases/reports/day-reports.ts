// The manager's reading and closing: the day report, closing the day by hand (and on time, by
// the hub's timer), a backup now, and the event log.

import { backupDatabase, databaseBytes, type Db } from '../../db/database.js';
import type { EventLog, LoggedEvent } from '../../db/event-log.js';
import type { QueueRepository } from '../../db/queue-repository.js';
import type { Actor } from '../../domain/access/actor.js';
import { dayReport, type DayReport } from '../../domain/report/day-report.js';
import { reserveBytes, roomForCopy } from '../../domain/storage/disk-space.js';
import { DomainError } from '../../domain/domain-error.js';
import type { HallQueries } from '../../services/hall-queries.js';
import type { LiveState } from '../../services/live-state.js';
import type { QueueService } from '../../services/queue-service.js';
import { eventsInScope, type DossierCaller, type EventScopeDeps } from '../dossiers/dossier-scope.js';
import type { CommandRunner } from '../ports.js';

export interface DayReportDeps {
  queue: Pick<CommandRunner, 'read'>;
  queries: Pick<HallQueries, 'today'>;
  tickets: Pick<QueueRepository, 'ticketsOfDay'>;
  live: Pick<LiveState, 'allServices'>;
}

/** A day's figures per service and counter (today by default). */
export function dayReportOf(deps: DayReportDeps, day: string | undefined): Promise<DayReport> {
  const shown = day ?? deps.queries.today();
  return deps.queue.read(() =>
    dayReport(
      shown,
      deps.tickets.ticketsOfDay(shown),
      deps.live.allServices().map((s) => s.id),
    ),
  );
}

export interface CloseDayDeps {
  queue: Pick<CommandRunner, 'execute' | 'lastSeq'>;
}

/** Closes today's queue now: every waiting ticket becomes not served. */
export async function closeDayNow(deps: CloseDayDeps, actor: Actor): Promise<{ seq: number; closed: number }> {
  const { events } = await deps.queue.execute({ type: 'closeDay', includeToday: true }, actor);
  const closed = events.flatMap((e) => (e.type === 'day:closed' ? e.data.tickets : []));
  return { seq: deps.queue.lastSeq(), closed: closed.length };
}

/** Closes what the day left open (earlier days, and today once closing time has passed). */
export function closeOnTime(deps: { queue: Pick<QueueService, 'sweep'> }): Promise<unknown> {
  return deps.queue.sweep();
}

export interface BackupDeps {
  queue: Pick<CommandRunner, 'read'>;
  db: Db;
  dataDir: string;
  diskFreeBytes: (path: string) => number;
}

/** Copies the database now into the data folder's backups/, when the disk has room for it. */
export async function backUpNow(deps: BackupDeps): Promise<{ path: string }> {
  const free = deps.diskFreeBytes(deps.dataDir);
  const size = databaseBytes(deps.db);
  if (!roomForCopy(free, size)) throw new DomainError('disk_full', { free, copy: size, reserve: reserveBytes(size) });
  const path = await deps.queue.read(() => backupDatabase(deps.db, deps.dataDir, 'manual'));
  return { path: await path };
}

export interface EventLogDeps extends EventScopeDeps {
  queue: Pick<CommandRunner, 'read'>;
  events: Pick<EventLog, 'read'>;
}

/** The event log, oldest first, after a sequence number; a clerk's without other fields' dossiers. */
export function eventLog(deps: EventLogDeps, after: number, limit: number, caller: DossierCaller): Promise<LoggedEvent[]> {
  return deps.queue.read(() => eventsInScope(deps, caller, deps.events.read({ after, limit })));
}
