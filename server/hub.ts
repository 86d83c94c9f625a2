// Assembles one hall's hub from its data folder: database, hall definition, live queue,
// command service and read models. No network here: app.ts serves it, main.ts runs it.

import { readFileSync } from 'node:fs';
import { demoHall } from './config/demo-hall.js';
import { hallFromText } from './config/hall-file.js';
import { diskFreeBytes, openDatabase, type Db } from './db/database.js';
import { EventLog } from './db/event-log.js';
import { HallRepository } from './db/hall-repository.js';
import { QueueRepository } from './db/queue-repository.js';
import { catalogFromText } from './config/procedure-file.js';
import { readHolidayFile } from './config/holiday-file.js';
import { DossierRepository } from './db/dossier-repository.js';
import { ProcedureRepository } from './db/procedure-repository.js';
import type { DossierView } from './domain/dossier-engine.js';
import { RateMarksRepository } from './db/rate-marks-repository.js';
import { RatingRepository } from './db/rating-repository.js';
import type { RatingView } from './domain/rating.js';
import { ProcedureCatalog } from './services/procedure-catalog.js';
import { StaffRepository } from './db/staff-repository.js';
import { dayOf } from './domain/hall-clock.js';
import type { HallDefinition } from './domain/model.js';
import { Credentials } from './services/credentials.js';
import { HallQueries } from './services/hall-queries.js';
import { LimitsService } from './services/limits-service.js';
import { SimulatorTokens } from './services/simulator-tokens.js';
import { StatusSource } from './services/status-source.js';
import { LiveState } from './services/live-state.js';
import { QueueService, type Logger } from './services/queue-service.js';
import { apiTokenOf, StaffService } from './services/staff-service.js';

export interface HubOptions {
  dataDir: string;
  /** A hall description file to apply at start; null keeps the stored hall (the demo on first start). */
  hallFile?: string | null;
  clock?: () => number;
  /** Free bytes on the disk holding a path (tests give a smaller disk). */
  diskFreeBytes?: (path: string) => number;
  logger?: Logger;
}

export interface Hub {
  db: Db;
  dbPath: string;
  dataDir: string;
  schemaVersion: number;
  /** Where the hall's definition came from at this start. */
  hallSource: string;
  queue: QueueService;
  queries: HallQueries;
  live: LiveState;
  tickets: QueueRepository;
  events: EventLog;
  hall: HallRepository;
  staff: StaffService;
  /** Resolves bearer tokens into staff, kiosks and the /boards page. */
  credentials: Credentials;
  simulatorTokens: SimulatorTokens;
  limits: LimitsService;
  /** The procedures catalogue and the working-time calendar of deadlines. */
  catalog: ProcedureCatalog;
  /** Dossiers as stored (changed only through queue.execute). */
  dossiers: DossierRepository;
  ratings: RatingRepository;
  /** The province system's status of linked dossiers, when the hall file names a source. */
  statusSource: StatusSource;
  /** The token scripts use to act as a manager (also in data/api-token). */
  apiToken: string;
  clock: () => number;
  /** Free bytes on the disk holding a path. */
  diskFreeBytes: (path: string) => number;
  startedAt: number;
  close(): void;
}

const silentLogger: Logger = { info() {}, error() {} };

function chooseHall(repo: HallRepository, hallFile: string | null, now: number): { hall: HallDefinition; source: string; catalogFile: string | null } {
  if (hallFile) {
    const definition = hallFromText(readFileSync(hallFile, 'utf8'), hallFile);
    repo.save(definition, now);
    return { hall: repo.load()!, source: hallFile, catalogFile: definition.catalogFile ?? null };
  }
  const stored = repo.load();
  if (stored) return { hall: stored, source: 'database', catalogFile: null };
  const demo = demoHall();
  repo.save(demo, now);
  return { hall: repo.load()!, source: 'demo hall (first start)', catalogFile: demo.catalogFile ?? null };
}

export async function createHub(options: HubOptions): Promise<Hub> {
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const opened = await openDatabase(options.dataDir, undefined, options.diskFreeBytes ? { freeBytes: options.diskFreeBytes } : {});
  if (opened.backupPath) logger.info({ backup: opened.backupPath }, 'database backed up before its schema was updated');
  const { db } = opened;
  try {
    const hallRepo = new HallRepository(db);
    const { hall, source, catalogFile } = chooseHall(hallRepo, options.hallFile ?? null, clock());
    const tickets = new QueueRepository(db);
    const events = new EventLog(db);
    const today = dayOf(clock(), hall.settings.timeZone);
    const live = new LiveState(hall, tickets.counterStates(), tickets.liveTickets(today), {
      lastSeq: (day, serviceId) => tickets.lastSeq(day, serviceId),
      ticket: (id) => tickets.ticket(id),
      serviceDurations: (fromDay, beforeDay) => tickets.serviceDurations(fromDay, beforeDay),
    });
    let queue: QueueService | null = null;
    const queries = new HallQueries(live, clock, () => queue?.lastSeq() ?? events.lastSeq());
    const reloadLive = () => live.reset(hallRepo.load()!, tickets.counterStates(), tickets.liveTickets(queries.today()));
    const catalog = new ProcedureCatalog(new ProcedureRepository(db), live, readHolidayFile());
    // The catalogue a hall file names replaces the stored one (the demo hall names its own).
    if (catalogFile) catalog.replace(catalogFromText(readFileSync(catalogFile, 'utf8'), catalogFile));
    const dossiers = new DossierRepository(db);
    const dossierView: DossierView = {
      get settings() {
        return live.settings;
      },
      queue: live,
      procedure: (code) => catalog.find(code),
      dossier: (code) => dossiers.get(code),
      ticket: (id) => live.ticket(id),
      lastDossierSeq: (day) => dossiers.lastSeq(day),
      workingTime: () => catalog.workingTime(),
    };
    const ratings = new RatingRepository(db);
    const ratingView: RatingView = {
      ticket: (id) => live.ticket(id),
      lastFinishedAt: (counterId) => {
        const id = ratings.lastFinishedTicketId(counterId);
        return id ? live.ticket(id) : undefined;
      },
      rating: (ticketId) => ratings.get(ticketId),
      servedBy: (ticketId) => events.lastActor(ticketId, 'ticket:finished'),
      dossierCodesOf: (ticketId) => dossiers.ofTicket(ticketId).map((d) => d.code),
    };
    queue = new QueueService({ db, tickets, log: events, live, queries, clock, logger, reloadLive, dossiers, dossierView, ratings, ratingView });
    const apiToken = apiTokenOf(options.dataDir);
    const limits = new LimitsService(new RateMarksRepository(db), clock);
    const staff = new StaffService(new StaffRepository(db), live, clock, apiToken, limits);
    const simulatorTokens = new SimulatorTokens(clock);
    return {
      db,
      dbPath: opened.path,
      dataDir: options.dataDir,
      schemaVersion: opened.schemaVersion,
      hallSource: source,
      queue,
      queries,
      live,
      tickets,
      events,
      hall: hallRepo,
      staff,
      credentials: new Credentials(staff, live, simulatorTokens),
      simulatorTokens,
      limits,
      catalog,
      dossiers,
      ratings,
      statusSource: new StatusSource(() => live.settings.statusSource, clock),
      apiToken,
      clock,
      diskFreeBytes: options.diskFreeBytes ?? diskFreeBytes,
      startedAt: clock(),
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
