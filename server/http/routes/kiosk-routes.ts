// What a registered kiosk does: take a number (within its per-minute cap), print it, and
// print it again when the first print failed. A kiosk proves itself with its token.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { kioskInfo, reprintTicket, takeNumberAtKiosk, takeReturnTicket } from '../../use-cases/kiosk/take-number-at-kiosk.js';
import type { UseCase } from '../../use-cases/ports.js';
import { kioskOf } from '../access/access-control.js';
import { routeOf } from '../route-map.js';

export interface KioskRoutesOptions {
  kioskInfo: UseCase<typeof kioskInfo>;
  takeNumberAtKiosk: UseCase<typeof takeNumberAtKiosk>;
  takeReturnTicket: UseCase<typeof takeReturnTicket>;
  reprintTicket: UseCase<typeof reprintTicket>;
}

export const kioskRoutes: FastifyPluginAsyncTypebox<KioskRoutesOptions> = async (app, { kioskInfo, takeNumberAtKiosk, takeReturnTicket, reprintTicket }) => {
  app.route({
    ...routeOf('GET /api/kiosk'),
    handler: async (request) => kioskInfo(kioskOf(request), request.headers.host),
  });

  app.route({
    ...routeOf('POST /api/kiosk/tickets'),
    handler: async (request, reply) => reply.status(201).send(await takeNumberAtKiosk(kioskOf(request), request.headers.host, request.body)),
  });

  app.route({
    ...routeOf('POST /api/kiosk/returns'),
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await takeReturnTicket(kioskOf(request), request.headers.host, { code: request.body.code, check: request.body.check }, request.socket.remoteAddress ?? 'unknown')),
  });

  app.route({
    ...routeOf('POST /api/kiosk/tickets/:ticketId/print'),
    handler: async (request) => reprintTicket(kioskOf(request), request.headers.host, request.params.ticketId),
  });
};
