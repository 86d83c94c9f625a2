// The simulated buses seen from outside: what every keypad display and LED board shows, and
// key presses for a page (or a test) to play a clerk at a keypad.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { keyFrame, transferFrame } from '../../../hardware/keypad/keypad-protocol.js';
import type { BusDevices } from '../../services/bus-devices.js';
import type { SimulatorTokens } from '../../services/simulator-tokens.js';
import { routeOf } from '../route-map.js';

const notFound = (what: string, en: string) => ({ statusCode: 404, error: 'not_found', message: what, messageEn: en });

export const simulatorRoutes: FastifyPluginAsyncTypebox<{ buses: Pick<BusDevices, 'simulated'>; tokens: Pick<SimulatorTokens, 'issue'> }> = async (app, { buses, tokens }) => {
  app.route({
    ...routeOf('GET /api/simulator/token'),
    handler: async () => tokens.issue(),
  });

  app.route({
    ...routeOf('GET /api/simulator/buses'),
    handler: async () =>
      buses.simulated().map(({ def, bus }) => ({
        id: def.id,
        keypads: def.keypads.map((k) => ({ address: k.address, counterId: k.counterId, ...(bus.keypads.get(k.address) ?? { display: '', answer: null, at: 0 }) })),
        boards: def.ledBoards.map((b) => ({ ...b, shows: bus.boards.get(b.address) ?? null })),
      })),
  });

  app.route({
    ...routeOf('POST /api/simulator/buses/:busId/keypads/:address/press'),
    handler: async (request, reply) => {
      const { busId, address } = request.params;
      const found = buses.simulated().find((b) => b.def.id === busId);
      if (!found?.def.keypads.some((k) => k.address === address)) {
        return reply.status(404).send(notFound(`Không có bàn phím mô phỏng ${address} trên đường dây "${busId}".`, `There is no simulated keypad ${address} on bus "${busId}".`));
      }
      const { key, toCounter, toServicePosition } = request.body;
      if (key === 'transfer') {
        if (!toCounter === !toServicePosition) {
          return reply.status(400).send({
            statusCode: 400,
            error: 'invalid_request',
            message: 'Chuyển cần đúng một đích: toCounter (quầy) hoặc toServicePosition (thứ tự dịch vụ).',
            messageEn: 'A transfer needs exactly one target: toCounter or toServicePosition.',
          });
        }
        found.bus.press(transferFrame(address, toCounter ? { kind: 'counter', counterId: toCounter } : { kind: 'service', position: toServicePosition! }));
      } else {
        found.bus.press(keyFrame(address, key as Exclude<typeof key, 'transfer'>));
      }
      return reply.status(202).send({ pressed: key });
    },
  });
};
