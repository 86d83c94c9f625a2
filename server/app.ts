// The hub's HTTP app before its routes: Fastify with luot's error handling, strict input, the
// access hook and the OpenAPI document. It does not listen, and holds no route: the composition
// root (server/composition-root.ts) registers each route plugin with the use cases it calls.

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { readFileSync } from 'node:fs';
import type { RequestListener, Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { registerAccessControl, type AccessControlOptions } from './http/access/access-control.js';
import { frameworkErrorOptions, registerErrorHandling } from './http/error-handler.js';
import { registerStrictInput } from './http/strict-input.js';
import { PACKAGE_JSON } from './paths.js';

/** API replies a browser may keep: none holds personal data. */
const CACHEABLE_API = ['/api/voice/'];

export const VERSION: string = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')).version;

export interface HttpAppOptions {
  /** A pino logger; none by default (tests). */
  logger?: FastifyBaseLogger;
  /** Who a request comes from (server/http/access/). */
  access: AccessControlOptions;
  /** The hall's certificate and key: the hub serves HTTPS (staff passwords over the hall's Wi-Fi). */
  tls?: { cert: Buffer; key: Buffer } | null;
}

export async function createHttpApp({ logger, access, tls }: HttpAppOptions) {
  const app = Fastify({
    // An HTTPS server is an HTTP server over TLS: Fastify and socket.io use it the same way.
    ...(tls ? { serverFactory: (handler: RequestListener) => createHttpsServer(tls, handler) as unknown as HttpServer } : {}),
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
  registerAccessControl(app, access);
  // The API's replies may carry personal data (dossiers and their slips, the lookup, the log,
  // prints, sign-in tokens): no browser, proxy or shared terminal keeps a copy. Only the spoken
  // call, which holds none, may be cached.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !CACHEABLE_API.some((prefix) => request.url.startsWith(prefix))) reply.header('cache-control', 'no-store');
    return payload;
  });
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

  return app;
}

export type HttpApp = Awaited<ReturnType<typeof createHttpApp>>;
