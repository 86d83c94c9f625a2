// What a registered kiosk does: take a number (within its per-minute cap), print it, and
// print it again when the first print failed. A kiosk proves itself with its token.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DOSSIER_CODE_PATTERN } from '../../domain/dossier/dossier.js';
import type { kioskInfo, reprintTicket, takeNumberAtKiosk, takeReturnTicket } from '../../use-cases/kiosk/take-number-at-kiosk.js';
import type { UseCase } from '../../use-cases/ports.js';
import { kioskOf } from '../access/access-control.js';
import { errorResponses, ErrorSchema, KioskInfoSchema, KioskReprintReplySchema, KioskTicketBody, KioskTicketReplySchema, TicketParams } from '../schemas.js';

const KioskTicketReply = KioskTicketReplySchema;

const kioskErrors = { ...errorResponses, 401: ErrorSchema, 403: ErrorSchema, 429: ErrorSchema };

export interface KioskRoutesOptions {
  kioskInfo: UseCase<typeof kioskInfo>;
  takeNumberAtKiosk: UseCase<typeof takeNumberAtKiosk>;
  takeReturnTicket: UseCase<typeof takeReturnTicket>;
  reprintTicket: UseCase<typeof reprintTicket>;
}

export const kioskRoutes: FastifyPluginAsyncTypebox<KioskRoutesOptions> = async (app, { kioskInfo, takeNumberAtKiosk, takeReturnTicket, reprintTicket }) => {
  app.get(
    '/api/kiosk',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'Who this kiosk is, its cap and its printer (Authorization: Bearer <kiosk token>)',
        response: { 200: KioskInfoSchema, ...kioskErrors },
      },
    },
    async (request) => kioskInfo(kioskOf(request), request.headers.host),
  );

  app.post(
    '/api/kiosk/tickets',
    {
      schema: {
        tags: ['kiosk'],
        summary: "Take a number from a kiosk and print it; the ticket exists even when the print fails",
        body: KioskTicketBody,
        response: { 201: KioskTicketReply, ...kioskErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await takeNumberAtKiosk(kioskOf(request), request.headers.host, request.body)),
  );

  app.post(
    '/api/kiosk/returns',
    {
      schema: {
        tags: ['kiosk'],
        summary: "Take a number to collect a dossier's result, by the code on the slip (scanned or typed); the ticket stays linked to the dossier",
        body: Type.Object({ code: Type.String({ pattern: DOSSIER_CODE_PATTERN }) }, { additionalProperties: false }),
        response: { 201: KioskTicketReply, ...kioskErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await takeReturnTicket(kioskOf(request), request.headers.host, request.body.code)),
  );

  app.post(
    '/api/kiosk/tickets/:ticketId/print',
    {
      schema: {
        tags: ['kiosk'],
        summary: "Print today's ticket again (after the printer was fixed), a few times at most",
        params: TicketParams,
        response: { 200: KioskReprintReplySchema, ...kioskErrors },
      },
    },
    async (request) => reprintTicket(kioskOf(request), request.headers.host, request.params.ticketId),
  );
};
