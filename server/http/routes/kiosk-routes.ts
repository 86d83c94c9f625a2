// What a registered kiosk does: take a number (within its per-minute cap), print it, and
// print it again when the first print failed. A kiosk proves itself with its token.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { anywhere } from '../../domain/actor.js';
import type { DossierCommand } from '../../domain/dossier-engine.js';
import type { Command } from '../../domain/queue-engine.js';
import { publicTicket } from '../../domain/public-view.js';
import { kioskOf } from '../access/access-control.js';
import type { Hub } from '../../hub.js';
import type { DeviceRegistry } from '../../services/device-registry.js';
import { printerDeviceId } from '../../contract/events.js';
import type { PrintService } from '../../services/print-service.js';
import { lanAddress, phoneBaseUrl, phoneUrl } from '../public-address.js';
import { routeOf } from '../route-map.js';

export const kioskRoutes: FastifyPluginAsyncTypebox<{ hub: Hub; printing: PrintService; devices: DeviceRegistry }> = async (
  app,
  { hub, printing, devices },
) => {
  const lan = lanAddress();
  const baseUrl = (request: FastifyRequest) =>
    phoneBaseUrl(hub.live.settings.publicUrl, process.env.LUOT_PUBLIC_URL, request.headers.host, lan);

  /** Gives the kiosk's number (a new one, or one to collect a result) and prints it. */
  const issueAndPrint = async (request: FastifyRequest, command: Extract<Command | DossierCommand, { type: 'issue' | 'returnTicket' }>) => {
    const kiosk = kioskOf(request);
    // Only a ticket actually given counts against the kiosk's cap; a refused tap does not.
    const { change, events } = await hub.limits.kioskTicket(kiosk.id, kiosk.ticketsPerMinute, () => hub.queue.execute(command, anywhere(`kiosk:${kiosk.id}`)));
    const ticketId = change.tickets[0]!.id;
    const view = await hub.queue.read(() => hub.queries.ticketView(hub.live.ticket(ticketId)!));
    const url = phoneUrl(baseUrl(request), ticketId);
    const print = await printing.printTicket(kiosk, view, url);
    return { seq: events.at(-1)!.seq, ticket: { ...view, ticket: publicTicket(view.ticket) }, phoneUrl: url, print };
  };

  app.route({
    ...routeOf('GET /api/kiosk'),
    handler: async (request) => {
      const kiosk = kioskOf(request);
      return {
        id: kiosk.id,
        name: kiosk.name,
        ticketsPerMinute: kiosk.ticketsPerMinute,
        paperWidth: kiosk.printer.paperWidth,
        printer: devices.get(printerDeviceId(kiosk.id)),
        phoneBaseUrl: baseUrl(request),
      };
    },
  });

  app.route({
    ...routeOf('POST /api/kiosk/tickets'),
    handler: async (request, reply) => {
      const { serviceId, priority } = request.body;
      return reply.status(201).send(await issueAndPrint(request, { type: 'issue', serviceId, priority: priority ?? null, source: 'kiosk' }));
    },
  });

  app.route({
    ...routeOf('POST /api/kiosk/returns'),
    handler: async (request, reply) =>
      reply.status(201).send(await issueAndPrint(request, { type: 'returnTicket', code: request.body.code, source: 'kiosk' })),
  });

  app.route({
    ...routeOf('POST /api/kiosk/tickets/:ticketId/print'),
    handler: async (request) => {
      const kiosk = kioskOf(request);
      const { ticketId } = request.params;
      const view = await hub.queue.read(() => {
        const ticket = hub.live.ticket(ticketId);
        if (!ticket) throw new DomainError('ticket_not_found', { ticketId });
        if (ticket.day !== hub.queries.today()) throw new DomainError('ticket_not_from_today', { ticketId });
        return hub.queries.ticketView(ticket);
      });
      hub.limits.checkReprint(ticketId, hub.live.settings.reprintsPerTicket);
      const url = phoneUrl(baseUrl(request), ticketId);
      const print = await printing.printTicket(kiosk, view, url);
      if (print.ok) hub.limits.reprinted(ticketId);
      return { ticket: { ...view, ticket: publicTicket(view.ticket) }, phoneUrl: url, print };
    },
  });
};
