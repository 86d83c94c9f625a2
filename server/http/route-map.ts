// Registers a route of the map (server/contract/routes.ts): its method, path and schemas come
// from the entry, so the handler's request and reply are typed by it and the OpenAPI document
// describes it. Use: app.route({ ...routeOf('POST /api/tickets'), handler: async (request) => ... }).

import { ROUTES, splitRouteKey, type RouteKey } from '../contract/routes.js';

export function routeOf<K extends RouteKey>(key: K) {
  return { ...splitRouteKey(key), schema: ROUTES[key] };
}
