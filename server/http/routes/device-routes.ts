// Devices in the manager console (admins), and the pairing a device's page does with the code
// its QR carried: /pair/<code> opens the device's page, which gives the code once and keeps
// the token it receives.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/domain-error.js';
import type { UseCase } from '../../use-cases/ports.js';
import type { addDevice, listDevices, pairDevice, pairingPage, startPairing, testBoard, testPrinter, unpairDevice } from '../../use-cases/devices/manage-devices.js';
import { pairedDeviceOf } from '../../use-cases/devices/manage-devices.js';
import type { addBus, changeBus, changeKiosk, removeBus } from '../../use-cases/devices/configure-devices.js';
import { actorOf } from '../access/access-rules.js';
import { ERROR_STATUSES } from '../error-statuses.js';
import { routeOf } from '../route-map.js';

export interface DeviceRoutesOptions {
  listDevices: UseCase<typeof listDevices>;
  addDevice: UseCase<typeof addDevice>;
  startPairing: UseCase<typeof startPairing>;
  unpairDevice: UseCase<typeof unpairDevice>;
  pairDevice: UseCase<typeof pairDevice>;
  pairingPage: UseCase<typeof pairingPage>;
  testPrinter: UseCase<typeof testPrinter>;
  testBoard: UseCase<typeof testBoard>;
  changeKiosk: UseCase<typeof changeKiosk>;
  addBus: UseCase<typeof addBus>;
  changeBus: UseCase<typeof changeBus>;
  removeBus: UseCase<typeof removeBus>;
}

const requester = (request: FastifyRequest) => ({ actor: actorOf(request.caller) });
const addressOf = (request: FastifyRequest) => request.socket.remoteAddress ?? 'unknown';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export const deviceRoutes: FastifyPluginAsyncTypebox<DeviceRoutesOptions> = async (app, uses) => {
  app.route({
    ...routeOf('GET /api/devices'),
    config: { passive: true },
    handler: async () => uses.listDevices(),
  });

  app.route({
    ...routeOf('POST /api/devices'),
    handler: async (request, reply) => reply.status(201).send(await uses.addDevice(request.body, requester(request), request.headers.host)),
  });

  app.route({
    ...routeOf('PUT /api/devices/kiosks/:deviceId'),
    handler: async (request) => uses.changeKiosk(request.params.deviceId, request.body, requester(request)),
  });

  app.route({
    ...routeOf('POST /api/devices/buses'),
    handler: async (request, reply) => {
      const { id, ...bus } = request.body;
      return reply.status(201).send(await uses.addBus(id, bus, requester(request)));
    },
  });

  app.route({
    ...routeOf('PUT /api/devices/buses/:busId'),
    handler: async (request) => uses.changeBus(request.params.busId, request.body, requester(request)),
  });

  app.route({
    ...routeOf('DELETE /api/devices/buses/:busId'),
    handler: async (request) => uses.removeBus(request.params.busId, requester(request)),
  });

  app.route({
    ...routeOf('POST /api/devices/:kind/:deviceId/pairing'),
    handler: async (request) => uses.startPairing(request.params.kind, request.params.deviceId, requester(request), request.headers.host),
  });

  app.route({
    ...routeOf('POST /api/devices/:kind/:deviceId/unpair'),
    handler: async (request) => uses.unpairDevice(request.params.kind, request.params.deviceId, requester(request)),
  });

  app.route({
    ...routeOf('POST /api/devices/pair'),
    handler: async (request) => uses.pairDevice(request.body.code, addressOf(request)),
  });

  app.route({
    ...routeOf('GET /api/devices/me'),
    config: { passive: true },
    handler: async (request) => {
      const p = request.caller.principal;
      if (p.kind === 'kiosk') return pairedDeviceOf({ kind: 'kiosk', def: p.kiosk });
      if (p.kind === 'ratingTablet') return pairedDeviceOf({ kind: 'ratingTablet', def: p.tablet });
      if (p.kind === 'display') return pairedDeviceOf({ kind: 'display', def: p.display });
      return pairedDeviceOf(null);
    },
  });

  app.route({
    ...routeOf('POST /api/devices/printers/:deviceId/test'),
    handler: async (request) => uses.testPrinter(request.params.deviceId),
  });

  app.route({
    ...routeOf('POST /api/devices/boards/:busId/:address/test'),
    handler: async (request) => uses.testBoard(request.params.busId, request.params.address),
  });

  // The short address a QR code carries (and a person may type): opens the device's page with its code.
  app.get<{ Params: { code: string } }>('/pair/:code', { schema: { hide: true } }, async (request, reply) => {
    try {
      return reply.redirect(uses.pairingPage(request.params.code, addressOf(request)), 302);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status = ERROR_STATUSES[error.code] ?? 400;
      return reply
        .status(status)
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="vi"><meta charset="utf-8"><title>luot</title><body style="font-family:sans-serif;padding:2rem"><p>${escapeHtml(error.message)}</p><p lang="en">${escapeHtml(error.messageEn)}</p></body></html>`,
        );
    }
  });
};
