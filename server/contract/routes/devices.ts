// Routes of the simulated keypads and LED boards, and of the spoken call.

import Type from 'typebox';
import { ErrorSchema } from '../reply-schemas.js';
import { Described, OneOf, staffErrorResponses, staffOnly } from '../route-schemas.js';

export const SIMULATOR_KEYS = ['callNext', 'recall', 'noShow', 'finish', 'pause', 'transfer', 'rateVerySatisfied', 'rateSatisfied', 'rateNotSatisfied'] as const;
export type SimulatorKey = (typeof SIMULATOR_KEYS)[number];
const Key = OneOf(SIMULATOR_KEYS);

/** What a simulated LED board shows. */
export type BoardContent = { kind: 'counter'; counterId: number; number: string | null; blink: boolean } | { kind: 'hall'; calls: { counterId: number; number: string }[] };

/** One simulated bus as GET /api/simulator/buses shows it. */
export interface SimulatedBusView {
  id: string;
  keypads: { address: number; counterId: number; display: string; answer: { ok: true } | { ok: false; reason: number } | null; at: number }[];
  boards: ({ address: number } & ({ kind: 'counter'; counterId: number } | { kind: 'hall'; calls: number }) & { shows: { content: BoardContent; at: number } | null })[];
}

const CallQuery = Type.Object(
  {
    number: Type.String({ pattern: '^[A-ZĐ]{0,3}[0-9]{1,6}$', description: 'Ticket number, e.g. A012 or 1023' }),
    counter: Type.Integer({ minimum: 1, maximum: 999 }),
  },
  { additionalProperties: false },
);

export const DEVICE_ROUTES = {
  'GET /api/simulator/token': {
    tags: ['devices'],
    summary: 'A short-lived token for pressing simulated keys (the /boards page on the hub machine, or a manager)',
    response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.Number() }), ...staffErrorResponses },
  },
  'GET /api/simulator/buses': {
    tags: ['devices'],
    summary: 'What each simulated keypad and LED board shows',
    response: { 200: Described<SimulatedBusView[]>('[{ id, keypads: [{ address, counterId, display, answer, at }], boards: [{ address, kind, shows }] }]') },
  },
  'POST /api/simulator/buses/:busId/keypads/:address/press': {
    tags: ['devices'],
    summary: 'Press a key on a simulated keypad (transfer takes toCounter or toServicePosition); needs the simulator token or a manager',
    params: Type.Object({ busId: Type.String(), address: Type.Integer({ minimum: 1, maximum: 99 }) }),
    body: Type.Object({ key: Key, toCounter: Type.Optional(Type.Integer({ minimum: 1 })), toServicePosition: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
    response: { 202: Type.Object({ pressed: Type.String() }), ...staffErrorResponses },
    security: staffOnly,
  },
  'GET /api/voice/call.wav': {
    tags: ['hall'],
    summary: 'The announcement of a call: chime, then "Xin mời công dân có số thứ tự … đến quầy số …" (audio/wav)',
    querystring: CallQuery,
    response: { 200: Type.Unsafe<Uint8Array>({ description: 'audio/wav' }), 503: ErrorSchema },
  },
};
