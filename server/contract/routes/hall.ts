// Routes that read the hall: health, the live state, services, and the display notice.

import Type from 'typebox';
import type { HallSnapshot } from '../events.js';
import { PublicCounterViewSchema } from './counters.js';
import { DeviceStatusSchema, ServiceSummarySchema } from '../reply-schemas.js';
import { Described, errorResponses, FilterQuery, ServiceParams, staffErrorResponses, staffOnly } from '../route-schemas.js';

const Text = Type.Object({ vi: Type.String(), en: Type.String() });

const NoticeBody = Type.Object(
  {
    notice: Type.Union([
      Type.Object(
        // A notice of blanks would scroll nothing: at least one visible character.
        { vi: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }), en: Type.Optional(Type.String({ maxLength: 500 })) },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);

export const HealthReplySchema = Type.Object({
  ok: Type.Boolean(),
  version: Type.String(),
  uptimeSeconds: Type.Number(),
  day: Type.String(),
  seq: Type.Integer({ description: 'Last event sequence number' }),
  database: Type.Object({ ok: Type.Boolean(), schemaVersion: Type.Integer() }),
  devices: Type.Array(DeviceStatusSchema),
  memory: Type.Object({ rssBytes: Type.Number(), heapUsedBytes: Type.Number(), heapTotalBytes: Type.Number(), externalBytes: Type.Number() }),
  clock: Type.Object(
    {
      synchronized: Type.Union([Type.Boolean(), Type.Null()], { description: 'NTP synchronised; null where it cannot be read' }),
      message: Type.Union([Type.String(), Type.Null()]),
      messageEn: Type.Union([Type.String(), Type.Null()]),
    },
    { description: 'A clock that is not synchronised is a warning: numbering and deadlines follow it' },
  ),
  calendar: Type.Array(
    Type.Object({
      year: Type.Integer(),
      official: Type.Boolean({ description: "false: the year's days off are computed from the Labour Code, no official schedule is loaded" }),
      message: Type.Union([Type.String(), Type.Null()]),
      messageEn: Type.Union([Type.String(), Type.Null()]),
    }),
    { description: 'This year and the next' },
  ),
});

export const HALL_ROUTES = {
  'GET /api/health': {
    tags: ['hall'],
    summary: 'Is the hub alive and its storage writable',
    response: { 200: HealthReplySchema },
  },
  'GET /api/hall': {
    tags: ['hall'],
    summary: "The hall's whole live state (the snapshot pages start from)",
    description: 'Optionally limited to some services or counters, like a display on one floor.',
    querystring: FilterQuery,
    response: { 200: Described<HallSnapshot>('{ seq, at, day, hall, services, counters, waiting, recentCalls, filter }: public shapes') },
  },
  'GET /api/services': {
    tags: ['services'],
    summary: 'Every service with its waiting count and estimated wait',
    response: { 200: Type.Array(ServiceSummarySchema) },
  },
  'GET /api/services/:serviceId': {
    tags: ['services'],
    summary: 'One service with its waiting count and estimated wait',
    params: ServiceParams,
    response: { 200: ServiceSummarySchema, ...errorResponses },
  },
  'GET /api/counters': {
    tags: ['counters'],
    summary: 'Every counter with its state and the ticket it holds (public shapes)',
    response: { 200: Type.Array(PublicCounterViewSchema) },
  },
  'PUT /api/hall/notice': {
    tags: ['hall'],
    summary: 'Change the notice on the hall displays now (managers); null removes it',
    description: 'It stands until changed again, or until a new hall file changes displayNotice.',
    body: NoticeBody,
    security: staffOnly,
    response: { 200: Type.Object({ notice: Type.Union([Text, Type.Null()]) }), ...staffErrorResponses },
  },
};
