// The route map: every route of the hub's HTTP API, keyed "METHOD /path", with its params,
// query, body and replies as TypeBox schemas. The hub registers each route with its entry
// (server/http/route-map.ts), the OpenAPI document at /docs is written from the same schemas,
// and the pages' client (web-shared/hub-client.ts) takes its argument and result types from
// here. Pages import only the types below (`import type`): no schema code reaches a page.

import type { Static, TSchema } from 'typebox';
import { CALENDAR_ROUTES } from './routes/calendar.js';
import { COUNTER_ROUTES } from './routes/counters.js';
import { DEVICE_ROUTES } from './routes/devices.js';
import { DEVICE_CONSOLE_ROUTES } from './routes/device-console.js';
import { DOSSIER_ROUTES } from './routes/dossiers.js';
import { HALL_ROUTES } from './routes/hall.js';
import { KIOSK_ROUTES } from './routes/kiosk.js';
import { PROCEDURE_ROUTES } from './routes/procedures.js';
import { RATING_ROUTES } from './routes/ratings.js';
import { REPORT_ROUTES } from './routes/reports.js';
import { TICKET_ROUTES } from './routes/tickets.js';
import { USER_ROUTES } from './routes/users.js';
import { MANAGER_ROUTES } from './routes/manager.js';
import { CONFIG_ROUTES } from './routes/config.js';
import { CLERK_MOVE_ROUTES } from './routes/clerk-moves.js';
import { VOICE_ROUTES } from './routes/voice.js';

/** What a map entry holds: the Fastify route schema, as the OpenAPI document shows it. */
export interface RouteSchema {
  tags: string[];
  summary: string;
  description?: string;
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  response?: Record<number, TSchema>;
  security?: { staff: string[] }[];
}

export const ROUTES = {
  ...HALL_ROUTES,
  ...CALENDAR_ROUTES,
  ...TICKET_ROUTES,
  ...COUNTER_ROUTES,
  ...KIOSK_ROUTES,
  ...DOSSIER_ROUTES,
  ...PROCEDURE_ROUTES,
  ...RATING_ROUTES,
  ...REPORT_ROUTES,
  ...DEVICE_ROUTES,
  ...USER_ROUTES,
  ...MANAGER_ROUTES,
  ...CONFIG_ROUTES,
  ...CLERK_MOVE_ROUTES,
  ...VOICE_ROUTES,
  ...DEVICE_CONSOLE_ROUTES,
} satisfies Record<`${'GET' | 'POST' | 'PUT' | 'DELETE'} /${string}`, RouteSchema>;

export type RouteMap = typeof ROUTES;
/** A route's key, e.g. 'POST /api/tickets'. */
export type RouteKey = keyof RouteMap;

export type RouteMethod<K extends RouteKey> = K extends `${infer M} ${string}` ? M : never;
export type RoutePath<K extends RouteKey> = K extends `${string} ${infer P}` ? P : never;

type PartOf<K extends RouteKey, Part extends string> = RouteMap[K] extends { [P in Part]: infer S extends TSchema } ? Static<S> : undefined;

/** The path's parameters, e.g. { counterId: number } for 'POST /api/counters/:counterId/call-next'. */
export type RouteParams<K extends RouteKey> = PartOf<K, 'params'>;
export type RouteQuery<K extends RouteKey> = PartOf<K, 'querystring'>;
export type RouteBody<K extends RouteKey> = PartOf<K, 'body'>;

type SuccessOf<R> = R extends { 200: infer S extends TSchema }
  ? Static<S>
  : R extends { 201: infer S extends TSchema }
    ? Static<S>
    : R extends { 202: infer S extends TSchema }
      ? Static<S>
      : unknown;
/** What the route answers when it succeeds (200, 201 or 202). */
export type RouteReply<K extends RouteKey> = RouteMap[K] extends { response: infer R } ? SuccessOf<R> : unknown;

/** The key of a route as written in the map and in server/http/access/access-table.ts. */
export function splitRouteKey<K extends RouteKey>(key: K): { method: RouteMethod<K>; url: RoutePath<K> } {
  const space = key.indexOf(' ');
  return { method: key.slice(0, space) as RouteMethod<K>, url: key.slice(space + 1) as RoutePath<K> };
}
