// The manager console's reads and its alerts.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { acknowledgeAlert, hallConsole, setAlertThresholds } from '../../use-cases/manager/hall-console.js';
import type { UseCase } from '../../use-cases/ports.js';
import { actorOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

export interface ManagerRoutesOptions {
  hallConsole: UseCase<typeof hallConsole>;
  acknowledgeAlert: UseCase<typeof acknowledgeAlert>;
  setAlertThresholds: UseCase<typeof setAlertThresholds>;
}

export const managerRoutes: FastifyPluginAsyncTypebox<ManagerRoutesOptions> = async (app, { hallConsole, acknowledgeAlert, setAlertThresholds }) => {
  app.route({
    ...routeOf('GET /api/manager/hall'),
    // The console reads it every few seconds: that alone must not keep a session alive.
    config: { passive: true },
    handler: async () => hallConsole(),
  });

  app.route({
    ...routeOf('POST /api/alerts/:alertId/acknowledge'),
    handler: async (request) => acknowledgeAlert(request.params.alertId, actorOf(request.caller)),
  });

  app.route({
    ...routeOf('PUT /api/alerts/thresholds'),
    handler: async (request) => setAlertThresholds(request.body, actorOf(request.caller)),
  });
};
