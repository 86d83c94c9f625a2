// The one place the hub is assembled: the database and the hall, the live state and the command
// service, the use cases with the few parts each needs, and the adapters that call them (route
// plugins, socket.io, the keypad and LED buses, the voice, the printers). server/main.ts runs
// what this builds; tests build it the same way (tests/helpers/test-hub.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { createHttpApp, VERSION } from './app.js';
import { demoHall } from './config/demo-hall.js';
import { dataFolderHolidays, readHolidayFile } from './config/holiday-file.js';
import { CalendarRepository } from './db/calendar-repository.js';
import { hallFromText } from './config/hall-file.js';
import { checkHallDefinition } from './config/hall-rules.js';
import { readCatalogFile } from './config/procedure-file.js';
import { databaseBytes, diskFreeBytes, lastBackupIn, openDatabase, type Db } from './db/database.js';
import { HUB_ACTOR } from './domain/access/actor.js';
import { DossierRepository } from './db/dossier-repository.js';
import { DossierReadLog } from './db/dossier-read-log.js';
import type { DossierScopeFacts } from './domain/dossier/dossier-scope.js';
import { EventLog } from './db/event-log.js';
import { HallRepository } from './db/hall-repository.js';
import { ProcedureRepository } from './db/procedure-repository.js';
import { QueueRepository } from './db/queue-repository.js';
import { RateMarksRepository } from './db/rate-marks-repository.js';
import { RatingRepository } from './db/rating-repository.js';
import { StaffRepository } from './db/staff-repository.js';
import type { DossierView } from './domain/dossier/dossier-engine.js';
import { dayOf } from './domain/calendar/hall-clock.js';
import type { HallDefinition } from './domain/hall/hall-definition.js';
import type { RatingView } from './domain/rating/rating.js';
import { counterRoutes } from './http/routes/counter-routes.js';
import { dossierRoutes } from './http/routes/dossier-routes.js';
import { hallRoutes } from './http/routes/hall-routes.js';
import { kioskRoutes } from './http/routes/kiosk-routes.js';
import { landingRoutes } from './http/routes/landing-routes.js';
import { noticeRoutes } from './http/routes/notice-routes.js';
import { calendarRoutes } from './http/routes/calendar-routes.js';
import { addHallDay, loadOfficialYear, readCalendar, removeHallDay } from './use-cases/hall/hall-calendar.js';
import { hallOpeningDays } from './use-cases/hall/opening-days.js';
import { procedureRoutes } from './http/routes/procedure-routes.js';
import { catalogueRoutes } from './http/routes/catalogue-routes.js';
import { ratingRoutes } from './http/routes/rating-routes.js';
import { reportRoutes } from './http/routes/report-routes.js';
import { simulatorRoutes } from './http/routes/simulator-routes.js';
import { staffRoutes } from './http/routes/staff-routes.js';
import { userRoutes } from './http/routes/user-routes.js';
import { configRoutes } from './http/routes/config-routes.js';
import { managerRoutes } from './http/routes/manager-routes.js';
import { dossierFiguresOf } from './use-cases/dossiers/dossier-figures.js';
import { clerkMoveRoutes } from './http/routes/clerk-move-routes.js';
import { moveClerk } from './use-cases/counters/move-clerk.js';
import { deviceRoutes } from './http/routes/device-routes.js';
import { DeviceRepository } from './db/device-repository.js';
import { addDevice, listDevices, pairDevice, pairingPage, startPairing, testBoard, testPrinter, unpairDevice } from './use-cases/devices/manage-devices.js';
import { addBus, changeBus, changeKiosk, removeBus } from './use-cases/devices/configure-devices.js';
import { acknowledgeAlert, checkAlerts, hallConsole, setAlertThresholds } from './use-cases/manager/hall-console.js';
import { AlertRepository } from './db/alert-repository.js';
import { addUser, changeUser, listUsers, resetPassword } from './use-cases/users/manage-users.js';
import { addCounter, addService, changeCounter, changeHallSettings, changeService, readConfiguration, removeCounter, removeService } from './use-cases/config/configure-hall.js';
import { applyHallFile, exportHallFile, HallFilePreviews, previewHallFile } from './use-cases/config/hall-file-import.js';
import { hashPassword } from './services/password-hash.js';
import { ticketRoutes } from './http/routes/ticket-routes.js';
import { voiceRoutes } from './http/routes/voice-routes.js';
import { voiceSettingsRoutes } from './http/routes/voice-settings-routes.js';
import type { PublicHallSettings } from './contract/events.js';
import { webRoutes } from './http/routes/web-routes.js';
import { lanAddress, phoneBaseUrl, phoneUrl } from './http/public-address.js';
import { startRealtime } from './realtime/socket-server.js';
import { startAgentChannel } from './realtime/agent-channel.js';
import { AgentLink } from './services/agent-link.js';
import { BusDevices } from './services/bus-devices.js';
import { Credentials } from './services/credentials.js';
import { CLOCK_UNKNOWN, ClockWatch, type ClockState } from './services/clock-watch.js';
import { DeviceRegistry } from './services/device-registry.js';
import { requestClosingCopy } from './services/closing-copy.js';
import { checkOffsiteBackup } from './services/offsite-backup-watch.js';
import { DiskWatch } from './services/disk-watch.js';
import { HallQueries } from './services/hall-queries.js';
import { LimitsService } from './services/limits-service.js';
import { LiveState } from './services/live-state.js';
import { PrintService, printsDirOf } from './services/print-service.js';
import { ProcedureCatalog } from './services/procedure-catalog.js';
import { QueueService, type Logger } from './services/queue-service.js';
import { SimulatorTokens } from './services/simulator-tokens.js';
import { apiTokenOf, StaffService } from './services/staff-service.js';
import { shownStatusSource, StatusSource } from './services/status-source.js';
import { VoiceService, type VoiceOptions } from './services/voice-service.js';
import { counterActions } from './use-cases/counters/act-at-counter.js';
import { pressKeypadKey } from './use-cases/counters/press-keypad-key.js';
import { counterDetail, listCounters } from './use-cases/counters/read-counters.js';
import { dossierSlipPdf, printDossierSlip } from './use-cases/dossiers/dossier-slip.js';
import type { HallTime } from './use-cases/dossiers/dossier-view.js';
import { lookUpDossier } from './use-cases/dossiers/lookup-dossier.js';
import { dossierReads } from './use-cases/dossiers/dossier-reads.js';
import { dossierOf, listDossiers } from './use-cases/dossiers/read-dossiers.js';
import { changeDossierStatus, linkProvinceDossier, receiveDossier } from './use-cases/dossiers/receive-dossier.js';
import { setDisplayNotice } from './use-cases/hall/display-notice.js';
import { playVoiceSample, readVoiceSettings, setVoiceSettings } from './use-cases/hall/voice-settings.js';
import { hallOverview } from './use-cases/hall/hall-overview.js';
import { followHall, hallSnapshot, health, listServices, serviceOf } from './use-cases/hall/read-hall.js';
import { kioskInfo, reprintTicket, takeNumberAtKiosk, takeReturnTicket, type PhoneLinks } from './use-cases/kiosk/take-number-at-kiosk.js';
import { bind, bindAll } from './use-cases/ports.js';
import { dueDateOf, procedureOf, replaceCatalog, searchProcedures } from './use-cases/procedures/procedures-guide.js';
import { applyCatalogue, CataloguePreviews, exportCatalogue, previewCatalogue } from './use-cases/procedures/catalogue-import.js';
import { ticketActions } from './use-cases/queue/act-on-ticket.js';
import { publicTicketOf, ticketHistory, ticketsOfDay } from './use-cases/queue/read-tickets.js';
import { takeNumber } from './use-cases/queue/take-number.js';
import { rateService, ratingTabletInfo } from './use-cases/ratings/rate-service.js';
import { ratingsReport } from './use-cases/ratings/ratings-report.js';
import { backUpNow, closeDayNow, closeOnTime, dayReportOf, eventLog } from './use-cases/reports/day-reports.js';
import { counterChoices, sessionOf, signIn, signOut } from './use-cases/staff/sign-in.js';
import { isKeypadClerk } from './domain/queue/keypad-commands.js';

export interface HubOptions {
  dataDir: string;
  /** A hall description file to apply at start; null keeps the stored hall (the demo on first start). */
  hallFile?: string | null;
  clock?: () => number;
  /** Free bytes on the disk holding a path (tests give a smaller disk). */
  diskFreeBytes?: (path: string) => number;
  /** A pino logger; none by default (tests). */
  logger?: FastifyBaseLogger;
  /** What the hub reports of its devices (as in /api/health). */
  devices?: DeviceRegistry;
  /** How often the kiosks' printers are asked for their state. */
  printerCheckMs?: number;
  /** How often the console's alerts are checked (ms); a device's change checks at once. */
  alertCheckMs?: number;
  /** First delay before reopening a serial bus that vanished. */
  busRetryMs?: number;
  voice?: VoiceOptions;
  /** The system clock's synchronisation, shown in /api/health (unknown unless checked). */
  systemClock?: ClockWatch;
  /** The hall's certificate and key, to serve HTTPS. */
  tls?: { cert: Buffer; key: Buffer } | null;
}

/**
 * The hub's parts as assembled, for tests and tools that look inside (a test reads the tables,
 * runs the closing sweep, checks the log). Route plugins and devices never receive it: each is
 * given the use cases it calls.
 */
export interface HubInternals {
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
  /** Accounts as stored (the hall file's, and those changed in the console). */
  staffAccounts: StaffRepository;
  /** Resolves bearer tokens into staff, kiosks and the /boards page. */
  credentials: Credentials;
  simulatorTokens: SimulatorTokens;
  limits: LimitsService;
  /** The procedures catalogue and the working-time calendar of deadlines. */
  catalog: ProcedureCatalog;
  /** The hall's own calendar days and loaded years. */
  calendarDays: CalendarRepository;
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
  /** Closes the database. */
  close(): void;
}

/** A running hub: its HTTP app (with socket.io, devices and printing), what the process runs on timers, and its parts. */
export interface LuotHub {
  app: LuotApp;
  /** What server/main.ts runs on its timers. */
  chores: {
    /** Closes what closing time closed (and earlier days' tickets). */
    closeOnTime(): Promise<unknown>;
    /** One backup per working day, when the disk has room. */
    backUpDaily(): Promise<void>;
    /** Reports the disk's free space as a device. */
    checkDisk(): void;
    /** Reads whether the system clock is synchronised; the new state when it changed. */
    checkClock(): Promise<ClockState | null>;
    /** Reports the last copy made off the machine (LUOT_BACKUP_TARGET) as a device. */
    checkOffsiteBackup(target: string | undefined): void;
    /** Once the hall has closed today, asks (once) for a copy off the machine; true when asked now. */
    requestClosingCopy(): boolean;
  };
  /** What the hub says of itself when it starts. */
  /** What the start log says; a province status source with its secrets masked. */
  startInfo(): { database: string; schema: number; hall: string; hallFrom: string; statusSource: ReturnType<typeof shownStatusSource> | null };
  internals: HubInternals;
  /** Stops serving (pages, buses, voice, timers), then closes the database. */
  close(): Promise<void>;
}

const silentLogger: Logger = { info() {}, error() {} };

function chooseHall(repo: HallRepository, hallFile: string | null, now: number, logger: Logger): { hall: HallDefinition; source: string; catalogFile: string | null } {
  if (hallFile) {
    const definition = hallFromText(readFileSync(hallFile, 'utf8'), hallFile);
    const dropped = repo.save(definition, now);
    // The hall file said something new about a device paired or changed in the console: the file's stands.
    if (dropped.length > 0) logger.info({ devices: dropped }, 'the hall file changed devices paired in the console: the file’s definition replaces the console’s');
    // The console's changes laid over the file must still keep the file's rules (the file may now
    // give a new service the prefix the console gave another): if not, the file alone stands.
    const problems = checkHallDefinition(repo.load()!);
    if (problems.length === 0) return { hall: repo.load()!, source: hallFile, catalogFile: definition.catalogFile ?? null };
    repo.forgetConfiguration();
    repo.save(definition, now);
    return { hall: repo.load()!, source: `${hallFile} (the console's configuration was set aside: ${problems.join('; ')})`, catalogFile: definition.catalogFile ?? null };
  }
  const stored = repo.load();
  if (stored) return { hall: stored, source: 'database', catalogFile: null };
  const demo = demoHall();
  repo.save(demo, now);
  return { hall: repo.load()!, source: 'demo hall (first start)', catalogFile: demo.catalogFile ?? null };
}

/** Opens the data folder and builds the hall's state and services. No network here. */
async function openHall(options: HubOptions, logger: Logger): Promise<HubInternals> {
  const clock = options.clock ?? Date.now;
  const opened = await openDatabase(options.dataDir, undefined, options.diskFreeBytes ? { freeBytes: options.diskFreeBytes } : {});
  if (opened.backupPath) logger.info({ backup: opened.backupPath }, 'database backed up before its schema was updated');
  const { db } = opened;
  try {
    const hallRepo = new HallRepository(db);
    const { hall, source, catalogFile } = chooseHall(hallRepo, options.hallFile ?? null, clock(), logger);
    const tickets = new QueueRepository(db);
    const events = new EventLog(db);
    const today = dayOf(clock(), hall.settings.timeZone);
    const live = new LiveState(hall, tickets.counterStates(), tickets.liveTickets(today), {
      lastSeq: (day, serviceId) => tickets.lastSeq(day, serviceId),
      ticket: (id) => tickets.ticket(id),
      serviceDurations: (fromDay, beforeDay) => tickets.serviceDurations(fromDay, beforeDay),
    });
    let queue: QueueService | null = null;
    let staff: StaffService | null = null;
    // A counter calls in the forecast while someone is at it: a clerk's live session there, or
    // its keypad, which opened it with the first "next" (a keypad has no session).
    const queries = new HallQueries(live, clock, () => queue?.lastSeq() ?? events.lastSeq(), {
      staffing: () => {
        const holders = staff?.holders() ?? new Map<number, string>();
        return (counterId, state) => isKeypadClerk(state.clerk) || holders.has(counterId);
      },
      // A hall open around the clock has no last call.
      calendar: () => (live.settings.hours === null ? null : live.calendar),
    });
    const calendarDays = new CalendarRepository(db);
    const shippedYears = { ...readHolidayFile(), ...dataFolderHolidays(options.dataDir) };
    const loadCalendar = () => live.setCalendarInputs({ shipped: shippedYears, loaded: calendarDays.years(), changes: calendarDays.changes() });
    const reloadLive = () => {
      live.reset(hallRepo.load()!, tickets.counterStates(), tickets.liveTickets(queries.today()));
      loadCalendar();
    };
    loadCalendar();
    const catalog = new ProcedureCatalog(new ProcedureRepository(db), live);
    // The catalogue a hall file names replaces the stored one (the demo hall names its own).
    if (catalogFile) catalog.replace(readCatalogFile(catalogFile));
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
      calendar: () => live.calendar,
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
    queue = new QueueService({ db, tickets, log: events, live, queries, clock, logger, reloadLive, dossiers, dossierView, ratings, ratingView, calendar: calendarDays });
    const apiToken = apiTokenOf(options.dataDir);
    const limits = new LimitsService(new RateMarksRepository(db), clock);
    const staffAccounts = new StaffRepository(db);
    staff = new StaffService(staffAccounts, live, clock, apiToken, limits);
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
      staffAccounts,
      credentials: new Credentials(staff, live, simulatorTokens),
      simulatorTokens,
      limits,
      catalog,
      calendarDays,
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

/** Assembles a hall's hub from its data folder. It does not listen: server/main.ts does, and tests listen on port 0. */
export async function composeHub(options: HubOptions): Promise<LuotHub> {
  const { logger } = options;
  const hub = await openHall(options, logger?.child({ module: 'queue' }) ?? silentLogger);
  try {
    return await serveHall(hub, options);
  } catch (error) {
    hub.close();
    throw error;
  }
}

async function serveHall(hub: HubInternals, options: HubOptions): Promise<LuotHub> {
  const { logger, printerCheckMs = 15_000, busRetryMs = 1000, alertCheckMs = 5000 } = options;
  const devices = options.devices ?? new DeviceRegistry();
  const systemClock = options.systemClock ?? new ClockWatch(async () => CLOCK_UNKNOWN);
  const { db, queue, queries, live, tickets, events, dossiers, catalog, clock } = hub;
  const settings = () => live.settings;
  const time: HallTime = { clock, settings };
  const agents = new AgentLink();
  const printing = new PrintService(live, devices, printsDirOf(hub.dataDir), logger?.child({ module: 'printing' }) ?? silentLogger, Date.now, agents);
  const lan = lanAddress();
  const phone: PhoneLinks = {
    baseUrl: (host) => phoneBaseUrl(live.settings.publicUrl, process.env.LUOT_PUBLIC_URL, host, lan),
    ticketUrl: phoneUrl,
  };
  const ping = db.prepare('SELECT 1');
  const databaseAnswers = () => {
    try {
      ping.get();
      return true;
    } catch {
      return false;
    }
  };

  // Whose dossiers a clerk handles is judged from the catalogue and the counters as they are now.
  const scope: DossierScopeFacts = {
    fieldOf: (code) => catalog.find(code)?.field,
    servicesOf: (counterId) => live.counter(counterId)?.services.map((l) => l.serviceId) ?? [],
    ticketAt: (counterId) => live.counterState(counterId)?.currentTicketId ?? null,
  };
  const app = await createHttpApp({ ...(logger ? { logger } : {}), tls: options.tls ?? null, access: { credentials: hub.credentials, simulatorOn: () => live.settings.simulator } });

  // Each adapter is given the use cases it calls, each use case the parts it needs.
  await app.register(landingRoutes, { hallOverview: bind(hallOverview, { live, queries }) });
  await app.register(hallRoutes, {
    health: bind(health, {
      queue,
      queries,
      devices,
      databaseAnswers,
      schemaVersion: hub.schemaVersion,
      version: VERSION,
      startedAt: hub.startedAt,
      clock,
      systemClock,
      calendar: () => live.calendar,
    }),
    hallSnapshot: bind(hallSnapshot, { queue, queries }),
    listServices: bind(listServices, { queue, queries }),
    serviceOf: bind(serviceOf, { queue, queries }),
  });
  await app.register(ticketRoutes, {
    takeNumber: bind(takeNumber, { queue, live, queries }),
    ticketsOfDay: bind(ticketsOfDay, { queue, queries, tickets }),
    publicTicketOf: bind(publicTicketOf, { queue, live, queries }),
    ticketHistory: bind(ticketHistory, { queue, live, events, dossiers, scope }),
    ticketActions: bindAll(ticketActions, { queue, live, queries }),
  });
  await app.register(staffRoutes, {
    signIn: bind(signIn, { staff: hub.staff, live, queue }),
    signOut: bind(signOut, { staff: hub.staff, live, queue }),
    sessionOf: bind(sessionOf, { staff: hub.staff }),
    counterChoices: bind(counterChoices, { staff: hub.staff, live }),
  });
  await app.register(counterRoutes, {
    listCounters: bind(listCounters, { queue, live, queries }),
    counterDetail: bind(counterDetail, { queue, queries, tickets }),
    counterActions: bindAll(counterActions, { queue, queries }),
  });
  await app.register(reportRoutes, {
    dayReportOf: bind(dayReportOf, { queue, queries, tickets, live }),
    closeDayNow: bind(closeDayNow, { queue }),
    backUpNow: bind(backUpNow, { queue, db, dataDir: hub.dataDir, diskFreeBytes: hub.diskFreeBytes }),
    eventLog: bind(eventLog, { queue, events, dossiers, scope }),
  });
  await app.register(procedureRoutes, {
    searchProcedures: bind(searchProcedures, { catalog }),
    procedureOf: bind(procedureOf, { catalog }),
    dueDateOf: bind(dueDateOf, { catalog, calendar: () => live.calendar, settings, clock }),
    replaceCatalog: bind(replaceCatalog, { queue, catalog }),
  });
  await app.register(catalogueRoutes, bindAll({ previewCatalogue, applyCatalogue, exportCatalogue }, { queue, catalog, live, clock, previews: new CataloguePreviews() }));
  await app.register(ratingRoutes, {
    ratingTabletInfo: bind(ratingTabletInfo, { live }),
    rateService: bind(rateService, { queue }),
    ratingsReport: bind(ratingsReport, { ratings: hub.ratings, queries, settings }),
  });
  await app.register(kioskRoutes, {
    kioskInfo: bind(kioskInfo, { devices, phone }),
    takeNumberAtKiosk: bind(takeNumberAtKiosk, { queue, live, queries, limits: hub.limits, printing, phone }),
    takeReturnTicket: bind(takeReturnTicket, { queue, live, queries, limits: hub.limits, printing, phone, dossiers, statusSource: hub.statusSource }),
    reprintTicket: bind(reprintTicket, { queue, live, queries, limits: hub.limits, printing, phone }),
  });
  const reads = new DossierReadLog(db);
  const slips = { queue, dossiers, catalog, settings, clock, scope, reads, links: phone };
  await app.register(dossierRoutes, {
    receiveDossier: bind(receiveDossier, { queue, time, scope, catalog }),
    linkProvinceDossier: bind(linkProvinceDossier, { queue, time, scope }),
    changeDossierStatus: bind(changeDossierStatus, { queue, time, scope, dossiers }),
    dossierOf: bind(dossierOf, { queue, dossiers, time, scope, reads, clock }),
    listDossiers: bind(listDossiers, { queue, dossiers, time, scope, reads, clock }),
    dossierFiguresOf: bind(dossierFiguresOf, { queue, dossiers, time, scope }),
    dossierSlipPdf: bind(dossierSlipPdf, slips),
    printDossierSlip: bind(printDossierSlip, { ...slips, kiosks: () => live.kiosks, printing }),
    lookUpDossier: bind(lookUpDossier, { queue, dossiers, limits: hub.limits, catalog, statusSource: hub.statusSource, time }),
    dossierReads: bind(dossierReads, { queue, reads, time }),
  });
  await app.register(webRoutes, { printing });
  const buses = new BusDevices(
    { live, events: queue, pressKeypadKey: bind(pressKeypadKey, { queue, queries, live }) },
    devices,
    logger?.child({ module: 'serial' }) ?? silentLogger,
    busRetryMs,
  );
  await app.register(simulatorRoutes, { buses, tokens: hub.simulatorTokens });
  const voice = new VoiceService({ live, events: queue }, devices, { packsDir: join(hub.dataDir, 'voice'), ...options.voice });
  await app.register(voiceRoutes, { voice });

  // The buses hear each commit before the pages: a board's few bytes should not wait while the
  // pages' messages are written for every room.
  buses.start();
  const io = startRealtime(app.server, { followHall: bind(followHall, { queue, queries }), hallSnapshot: bind(hallSnapshot, { queue, queries }), events: queue, live });
  devices.onChange((status) => io.emit('device:status', status));
  startAgentChannel(io, {
    identify: (authorization) => hub.credentials.identify(authorization, false),
    agents,
    openingDays: bind(hallOpeningDays, { live, clock }),
    events: queue,
  });
  await app.register(
    userRoutes,
    bindAll(
      { listUsers, addUser, changeUser, resetPassword },
      {
        accounts: hub.staffAccounts,
        queue,
        live,
        catalogFields: () => [...new Set(catalog.all().map((p) => p.field))],
        clock,
        hashPassword,
      },
    ),
  );
  await app.register(
    configRoutes,
    bindAll(
      { readConfiguration, changeHallSettings, addService, changeService, removeService, addCounter, changeCounter, removeCounter, exportHallFile, previewHallFile, applyHallFile },
      { hall: hub.hall, queue, live, counterStates: () => tickets.counterStates(), clock, previews: new HallFilePreviews() },
    ),
  );
  await app.register(clerkMoveRoutes, { moveClerk: bind(moveClerk, { staff: hub.staff, accounts: hub.staffAccounts, live, queue, clock }) });
  const alerts = new AlertRepository(db);
  await app.register(managerRoutes, {
    hallConsole: bind(hallConsole, {
      queue,
      live,
      queries,
      tickets,
      staff: hub.staff,
      devices,
      alerts,
      clock,
      storage: () => {
        let freeBytes: number | null = null;
        try {
          freeBytes = hub.diskFreeBytes(hub.dataDir);
        } catch {
          freeBytes = null;
        }
        return { freeBytes, databaseBytes: databaseBytes(db), lastBackup: lastBackupIn(hub.dataDir) };
      },
    }),
    acknowledgeAlert: bind(acknowledgeAlert, { queue, alerts, clock }),
    setAlertThresholds: bind(setAlertThresholds, { queue, alerts, clock }),
  });
  // Alerts are raised by the hub from the hall's state: every few seconds, and at once when a device changes.
  const runAlertCheck = bind(checkAlerts, { queue, live, queries, tickets, dossiers, staff: hub.staff, devices, alerts, clock });
  let alertCheck: Promise<unknown> = Promise.resolve();
  let closing = false;
  const checkAlertsNow = () => {
    if (closing) return;
    alertCheck = alertCheck.then(() => runAlertCheck(HUB_ACTOR)).catch((error: unknown) => logger?.error({ err: error }, 'alert check failed'));
  };
  const alertTimer = setInterval(checkAlertsNow, alertCheckMs);
  devices.onChange(() => checkAlertsNow());
  app.addHook('onClose', async () => {
    closing = true;
    clearInterval(alertTimer);
    await alertCheck;
  });
  const pairing = {
    devices: new DeviceRepository(db),
    queue,
    live,
    // A device changed in the console reaches the running hub: the printers are asked at once
    // (the next ticket goes to the new one) and the buses reopen their changed ports.
    reloadDevices: () => {
      const hall = hub.hall.load()!;
      live.setDevices(hall);
      void buses.reconfigure(hall.serialBuses).catch((error: unknown) => logger?.error({ err: error }, 'serial buses not reconfigured'));
      void printing.checkPrinters().catch((error: unknown) => logger?.error({ err: error }, 'printer check failed'));
    },
    clock,
    baseUrl: phone.baseUrl,
    limits: hub.limits,
  };
  await app.register(deviceRoutes, {
    ...bindAll({ addDevice, startPairing, unpairDevice, pairDevice, pairingPage }, pairing),
    ...bindAll({ changeKiosk, addBus, changeBus, removeBus }, { ...pairing, hall: hub.hall }),
    listDevices: bind(listDevices, { live, registry: devices, consoleBuses: () => pairing.devices.busOverrides().flatMap((b) => (b.def ? [b.id] : [])) }),
    testPrinter: bind(testPrinter, { live, printing, clock }),
    testBoard: bind(testBoard, { live, boards: buses }),
  });
  await app.register(calendarRoutes, bindAll({ readCalendar, addHallDay, removeHallDay, loadOfficialYear }, { queue, live, days: hub.calendarDays, clock }));
  await app.register(noticeRoutes, {
    setDisplayNotice: bind(setDisplayNotice, { hall: hub.hall, live, clock, publish: (s) => io.emit('hall:settings', s) }),
  });
  const voiceSettings = { live, voice, hall: hub.hall, queue, clock, publish: (s: PublicHallSettings) => io.emit('hall:settings', s) };
  await app.register(voiceSettingsRoutes, {
    readVoiceSettings: bind(readVoiceSettings, voiceSettings),
    setVoiceSettings: bind(setVoiceSettings, voiceSettings),
    playVoiceSample: bind(playVoiceSample, { voice, announceSample: (sample) => io.emit('voice:sample', sample) }),
  });
  const checkPrinters = () => printing.checkPrinters().catch((error: unknown) => logger?.error({ err: error }, 'printer check failed'));
  void checkPrinters();
  const printerTimer = setInterval(checkPrinters, printerCheckMs);
  voice.start();
  // Pages are let go before the server stops listening, so that an open page cannot hold up a
  // shutdown. Their connections are cut (not told to leave), so they reconnect by themselves.
  app.addHook('preClose', async () => {
    io.engine.close();
  });
  app.addHook('onClose', async () => {
    clearInterval(printerTimer);
    await buses.stop();
    await voice.stop();
    await io.close();
  });

  const disk = new DiskWatch(hub, devices, logger?.child({ module: 'disk' }) ?? silentLogger);
  const luotApp = Object.assign(app, { io, devices, printing });
  return {
    app: luotApp,
    chores: {
      closeOnTime: () => closeOnTime({ queue }),
      backUpDaily: () => disk.backUp(queries.today()),
      checkDisk: () => disk.check(),
      checkClock: () => systemClock.check(),
      checkOffsiteBackup: (target) => checkOffsiteBackup(devices, hub.dataDir, target, clock(), hub.startedAt),
      requestClosingCopy: () => {
        const now = clock();
        const today = queries.today();
        // A hall open around the clock never closes; on a day it does not open, the nightly copy is enough.
        const closes = live.settings.hours === null ? null : live.calendar.closingOn(today);
        return requestClosingCopy(hub.dataDir, today, closes !== null && now >= closes, now);
      },
    },
    startInfo: () => ({
      database: hub.dbPath,
      schema: hub.schemaVersion,
      hall: live.settings.name,
      hallFrom: hub.hallSource,
      statusSource: live.settings.statusSource ? shownStatusSource(live.settings.statusSource) : null,
    }),
    internals: hub,
    close: async () => {
      await luotApp.close();
      // A command accepted just before the close commits before the database closes.
      await queue.read(() => undefined);
      hub.close();
    },
  };
}

export type LuotApp = Awaited<ReturnType<typeof createHttpApp>> & {
  io: ReturnType<typeof startRealtime>;
  devices: DeviceRegistry;
  printing: PrintService;
};
