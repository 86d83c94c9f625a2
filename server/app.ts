// Builds the hub's HTTP app: OpenAPI docs, error handling, routes and realtime. It does
// not listen; server/main.ts does, and tests use inject() or listen on port 0.

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import type { Hub } from './hub.js';
import { registerAccessControl } from './http/access/access-control.js';
import { frameworkErrorOptions, registerErrorHandling } from './http/error-handler.js';
import { registerStrictInput } from './http/strict-input.js';
import { counterRoutes } from './http/routes/counter-routes.js';
import { hallRoutes } from './http/routes/hall-routes.js';
import { landingRoutes } from './http/routes/landing-routes.js';
import { noticeRoutes } from './http/routes/notice-routes.js';
import { dossierRoutes } from './http/routes/dossier-routes.js';
import { procedureRoutes } from './http/routes/procedure-routes.js';
import { ratingRoutes } from './http/routes/rating-routes.js';
import { reportRoutes } from './http/routes/report-routes.js';
import { staffRoutes } from './http/routes/staff-routes.js';
import { simulatorRoutes } from './http/routes/simulator-routes.js';
import { kioskRoutes } from './http/routes/kiosk-routes.js';
import { ticketRoutes } from './http/routes/ticket-routes.js';
import { voiceRoutes } from './http/routes/voice-routes.js';
import { webRoutes } from './http/routes/web-routes.js';
import { startRealtime } from './realtime/socket-server.js';
import { BusDevices } from './services/bus-devices.js';
import { CLOCK_UNKNOWN, ClockWatch } from './services/clock-watch.js';
import { DeviceRegistry } from './services/device-registry.js';
import { PrintService, printsDirOf } from './services/print-service.js';
import { VoiceService, type VoiceOptions } from './services/voice-service.js';
import { readFileSync } from 'node:fs';
import { PACKAGE_JSON } from './paths.js';

export const VERSION: string = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')).version;

export interface AppOptions {
  hub: Hub;
  /** A pino logger; none by default (tests). */
  logger?: FastifyBaseLogger;
  devices?: DeviceRegistry;
  /** How often the kiosks' printers are asked for their state. */
  printerCheckMs?: number;
  /** First delay before reopening a serial bus that vanished. */
  busRetryMs?: number;
  voice?: VoiceOptions;
  /** The system clock's synchronisation, shown in /api/health (unknown unless checked). */
  clock?: ClockWatch;
}

const silent = { info() {}, error() {} };

export async function buildApp({ hub, logger, devices = new DeviceRegistry(), printerCheckMs = 15_000, busRetryMs = 1000, voice: voiceOptions, clock = new ClockWatch(async () => CLOCK_UNKNOWN) }: AppOptions) {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    // A hall makes thousands of requests a day; failures are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    // Refusals the router and Node's parser make before any route runs, in luot's format.
    ...frameworkErrorOptions,
    // A counter page's browser keeps its connection between calls (Chrome up to 5 minutes):
    // the hub keeps it as long, so that "call next" does not wait for a new connection.
    keepAliveTimeout: 5 * 60_000,
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  registerStrictInput(app);
  registerAccessControl(app, { credentials: hub.credentials, simulatorOn: () => hub.live.settings.simulator });
  // A command sent with no body at all (a bare POST from a keypad bridge or curl) means "no options".
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.body === undefined) request.body = {};
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'luot hub API',
        description: 'Queue tickets, counters and live state of a one-stop-shop hall. Errors: { statusCode, error, message (vi), messageEn }.',
        version: VERSION,
      },
      components: {
        securitySchemes: {
          staff: { type: 'http', scheme: 'bearer', description: 'A token from POST /api/staff/sign-in, or the hub API token in data/api-token' },
        },
      },
      tags: [
        { name: 'hall', description: 'Health and the live state' },
        { name: 'services', description: 'Services with waiting counts and estimated waits' },
        { name: 'tickets', description: 'Taking a number and following it' },
        { name: 'counters', description: 'What clerks and keypads do (Authorization: Bearer <staff token>)' },
        { name: 'staff', description: 'Clerks and managers signing in and out' },
        { name: 'kiosk', description: 'Ticket kiosks (Authorization: Bearer <kiosk token>) and their prints' },
        { name: 'devices', description: 'Simulated keypads and LED boards' },
        { name: 'reports', description: 'Day report, closing and the event log' },
        { name: 'procedures', description: 'The procedures guide: papers, fees, legal times, due dates' },
        { name: 'dossiers', description: 'Dossiers received at the counter, their statuses, and the public lookup' },
        { name: 'ratings', description: "Citizens' satisfaction ratings from the counters' tablets and keys" },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(landingRoutes, { hub });
  await app.register(hallRoutes, { hub, version: VERSION, devices, clock });
  await app.register(ticketRoutes, { hub });
  await app.register(staffRoutes, { hub });
  await app.register(counterRoutes, { hub });
  await app.register(reportRoutes, { hub });
  await app.register(procedureRoutes, { hub });
  await app.register(ratingRoutes, { hub });
  const printing = new PrintService(hub.live, hub.queries, devices, printsDirOf(hub.dataDir), logger?.child({ module: 'printing' }) ?? silent);
  await app.register(kioskRoutes, { hub, printing, devices });
  await app.register(dossierRoutes, { hub, printing });
  await app.register(webRoutes, { printing });
  const buses = new BusDevices(hub, devices, logger?.child({ module: 'serial' }) ?? silent, busRetryMs);
  await app.register(simulatorRoutes, { buses, tokens: hub.simulatorTokens });
  const voice = new VoiceService(hub, devices, voiceOptions);
  await app.register(voiceRoutes, { voice });

  // The buses hear each commit before the pages: a board's few bytes should not wait while the
  // pages' messages are written for every room.
  buses.start();
  const io = startRealtime(app.server, hub);
  devices.onChange((status) => io.emit('device:status', status));
  await app.register(noticeRoutes, { hub, publish: (settings) => io.emit('hall:settings', settings) });
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
  return Object.assign(app, { io, devices, printing });
}

export type LuotApp = Awaited<ReturnType<typeof buildApp>>;
