// The simulated buses seen from outside: what every keypad display and LED board shows, and
// key presses for a page (or a test) to play a clerk at a keypad.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { keyFrame, transferFrame } from '../../../hardware/keypad/keypad-protocol.js';
import type { BusDevices } from '../../services/bus-devices.js';
import type { SimulatorTokens } from '../../services/simulator-tokens.js';
import { staffErrorResponses } from '../schemas.js';

const Key = Type.Union(
  ['callNext', 'recall', 'noShow', 'finish', 'pause', 'transfer', 'rateVerySatisfied', 'rateSatisfied', 'rateNotSatisfied'].map((k) => Type.Literal(k)),
);

const notFound = (what: string, en: string) => ({ statusCode: 404, error: 'not_found', message: what, messageEn: en });

export const simulatorRoutes: FastifyPluginAsyncTypebox<{ buses: Pick<BusDevices, 'simulated'>; tokens: Pick<SimulatorTokens, 'issue'> }> = async (app, { buses, tokens }) => {
  app.get(
    '/api/simulator/token',
    {
      schema: {
        tags: ['devices'],
        summary: 'A short-lived token for pressing simulated keys (the /boards page on the hub machine, or a manager)',
        response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.Number() }), ...staffErrorResponses },
      },
    },
    async () => tokens.issue(),
  );

  app.get('/api/simulator/buses', { schema: { tags: ['devices'], summary: 'What each simulated keypad and LED board shows' } }, async () =>
    buses.simulated().map(({ def, bus }) => ({
      id: def.id,
      keypads: def.keypads.map((k) => ({ address: k.address, counterId: k.counterId, ...(bus.keypads.get(k.address) ?? { display: '', answer: null, at: 0 }) })),
      boards: def.ledBoards.map((b) => ({ ...b, shows: bus.boards.get(b.address) ?? null })),
    })),
  );

  app.post(
    '/api/simulator/buses/:busId/keypads/:address/press',
    {
      schema: {
        tags: ['devices'],
        summary: 'Press a key on a simulated keypad (transfer takes toCounter or toServicePosition); needs the simulator token or a manager',
        params: Type.Object({ busId: Type.String(), address: Type.Integer({ minimum: 1, maximum: 99 }) }),
        body: Type.Object(
          { key: Key, toCounter: Type.Optional(Type.Integer({ minimum: 1 })), toServicePosition: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ pressed: Type.String() }), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request, reply) => {
      const { busId, address } = request.params;
      const found = buses.simulated().find((b) => b.def.id === busId);
      if (!found || !found.def.keypads.some((k) => k.address === address)) {
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
  );
};
