// The manager console: the live hall as a manager sees it, and the alerts raised from it.

import Type from 'typebox';
import type { HallConsoleView } from '../manager-console.js';
import { Described, staffErrorResponses, staffOnly } from '../route-schemas.js';

const Minutes = (description: string) => Type.Integer({ minimum: 1, maximum: 600, description: `${description} (1 to 600 minutes)` });

export const AlertThresholdsSchema = Type.Object(
  {
    longestWaitMinutes: Minutes('Alert when a service’s longest wait passes this'),
    ticketHeldMinutes: Minutes('Alert when a counter holds one ticket longer than this'),
    deviceSilentMinutes: Minutes('Alert when a keypad bus, board or other device stays unheard longer than this'),
    noCounterMinutes: Minutes('Alert when a service’s queue waits this long with no counter open and staffed for it'),
    counterIdleMinutes: Minutes('Alert when an open, staffed counter calls no one this long while a queue it serves waits'),
    dossierDueWorkingHours: Type.Integer({
      minimum: 1,
      maximum: 80,
      description: 'Alert (once a day) for the dossiers due by the end of the day this many working hours ahead, result not ready (1 to 80 working hours)',
    }),
  },
  { additionalProperties: false },
);

/** What a manager sends: the three newer thresholds may be left out and keep their value. */
export const AlertThresholdsBody = Type.Object(
  {
    ...AlertThresholdsSchema.properties,
    noCounterMinutes: Type.Optional(AlertThresholdsSchema.properties.noCounterMinutes),
    counterIdleMinutes: Type.Optional(AlertThresholdsSchema.properties.counterIdleMinutes),
    dossierDueWorkingHours: Type.Optional(AlertThresholdsSchema.properties.dossierDueWorkingHours),
  },
  { additionalProperties: false },
);

const AlertSchema = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  kind: Type.String(),
  raisedAt: Type.Number(),
  message: Type.String(),
  messageEn: Type.String(),
  acknowledgedAt: Type.Union([Type.Number(), Type.Null()]),
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  clearedAt: Type.Union([Type.Number(), Type.Null()]),
});

export const MANAGER_ROUTES = {
  'GET /api/manager/hall': {
    tags: ['manager'],
    summary: 'The live hall for the manager console: counters, queues, devices, disk, backups, alerts',
    description: 'Counters carry their pause reason and clerk; alerts their acknowledgement. Managers and admins.',
    security: staffOnly,
    response: { 200: Described<HallConsoleView>('{ at, day, counters, services, devices, storage, alerts, pastAlerts, thresholds }'), ...staffErrorResponses },
  },
  'POST /api/alerts/:alertId/acknowledge': {
    tags: ['manager'],
    summary: 'Acknowledge an alert: a person has seen it and takes it in hand (logged with their name)',
    params: Type.Object({ alertId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }),
    security: staffOnly,
    response: { 200: AlertSchema, ...staffErrorResponses },
  },
  'PUT /api/alerts/thresholds': {
    tags: ['manager'],
    summary: 'Set when the console raises alerts (logged with who set them)',
    body: AlertThresholdsBody,
    security: staffOnly,
    response: { 200: AlertThresholdsSchema, ...staffErrorResponses },
  },
};
