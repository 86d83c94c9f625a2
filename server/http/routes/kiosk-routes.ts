// What a registered kiosk does: take a number (within its per-minute cap), print it, and
// print it again when the first print failed. A kiosk proves itself with its token.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { DomainError } from '../../domain/errors.js';
import type { KioskDef } from '../../domain/model.js';
import { RateWindow } from '../../domain/rate-window.js';
import type { Hub } from '../../hub.js';
import type { DeviceRegistry } from '../../services/device-registry.js';
import { printerDeviceId } from '../../contract/events.js';
import type { PrintService } from '../../services/print-service.js';
import { lanAddress, phoneBaseUrl, phoneUrl } from '../public-address.js';
import { DeviceStatusSchema, errorResponses, ErrorSchema, KioskTicketBody, PrintOutcomeSchema, TicketParams, TicketViewSchema } from '../schemas.js';

const digest = (token: string) => createHash('sha256').update(token).digest();

/** The kiosk whose token the request carries (Authorization: Bearer <token>); 401 otherwise. */
function kioskOf(kiosks: KioskDef[], request: FastifyRequest): KioskDef {
  const header = request.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (token) {
    const presented = digest(token);
    // Compared in constant time so that a token cannot be guessed letter by letter.
    const kiosk = kiosks.find((k) => timingSafeEqual(digest(k.token), presented));
    if (kiosk?.active) return kiosk;
  }
  throw new DomainError('kiosk_unregistered', {});
}

const KioskTicketReply = Type.Object({
  seq: Type.Integer(),
  ticket: TicketViewSchema,
  phoneUrl: Type.String({ description: 'The phone page the QR code leads to' }),
  print: PrintOutcomeSchema,
});

const kioskErrors = { ...errorResponses, 401: ErrorSchema, 429: ErrorSchema };

export const kioskRoutes: FastifyPluginAsyncTypebox<{ hub: Hub; printing: PrintService; devices: DeviceRegistry }> = async (
  app,
  { hub, printing, devices },
) => {
  const issued = new RateWindow(60_000);
  const lan = lanAddress();
  const baseUrl = (request: FastifyRequest) =>
    phoneBaseUrl(hub.live.settings.publicUrl, process.env.LUOT_PUBLIC_URL, request.headers.host, lan);

  app.get(
    '/api/kiosk',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'Who this kiosk is, its cap and its printer (Authorization: Bearer <kiosk token>)',
        response: {
          200: Type.Object({
            id: Type.String(),
            name: Type.Object({ vi: Type.String(), en: Type.String() }),
            ticketsPerMinute: Type.Integer(),
            paperWidth: Type.Integer(),
            printer: Type.Union([DeviceStatusSchema, Type.Null()]),
            phoneBaseUrl: Type.String(),
          }),
          ...kioskErrors,
        },
      },
    },
    async (request) => {
      const kiosk = kioskOf(hub.live.kiosks, request);
      return {
        id: kiosk.id,
        name: kiosk.name,
        ticketsPerMinute: kiosk.ticketsPerMinute,
        paperWidth: kiosk.printer.paperWidth,
        printer: devices.get(printerDeviceId(kiosk.id)),
        phoneBaseUrl: baseUrl(request),
      };
    },
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
    async (request, reply) => {
      const kiosk = kioskOf(hub.live.kiosks, request);
      const waitMs = issued.waitFor(kiosk.id, kiosk.ticketsPerMinute, hub.clock());
      if (waitMs > 0) throw new DomainError('kiosk_rate_limited', { seconds: Math.ceil(waitMs / 1000) });
      // Counted before issuing, so that simultaneous taps cannot slip past the cap together.
      issued.record(kiosk.id, hub.clock());
      const { serviceId, priority } = request.body;
      const { change, events } = await hub.queue.execute(
        { type: 'issue', serviceId, priority: priority ?? null, source: 'kiosk' },
        `kiosk:${kiosk.id}`,
      );
      const ticketId = change.tickets[0]!.id;
      const view = await hub.queue.read(() => hub.queries.ticketView(hub.live.ticket(ticketId)!));
      const url = phoneUrl(baseUrl(request), ticketId);
      const print = await printing.printTicket(kiosk, view, url);
      return reply.status(201).send({ seq: events.at(-1)!.seq, ticket: view, phoneUrl: url, print });
    },
  );

  app.post(
    '/api/kiosk/tickets/:ticketId/print',
    {
      schema: {
        tags: ['kiosk'],
        summary: "Print today's ticket again (after the printer was fixed)",
        params: TicketParams,
        response: { 200: Type.Object({ ticket: TicketViewSchema, phoneUrl: Type.String(), print: PrintOutcomeSchema }), ...kioskErrors },
      },
    },
    async (request) => {
      const kiosk = kioskOf(hub.live.kiosks, request);
      const { ticketId } = request.params;
      const view = await hub.queue.read(() => {
        const ticket = hub.live.ticket(ticketId);
        if (!ticket) throw new DomainError('ticket_not_found', { ticketId });
        if (ticket.day !== hub.queries.today()) throw new DomainError('ticket_not_from_today', { ticketId });
        return hub.queries.ticketView(ticket);
      });
      const url = phoneUrl(baseUrl(request), ticketId);
      return { ticket: view, phoneUrl: url, print: await printing.printTicket(kiosk, view, url) };
    },
  );
};
