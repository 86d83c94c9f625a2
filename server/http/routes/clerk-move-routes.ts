// The manager console's "move a clerk to another counter".

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { moveClerk } from '../../use-cases/counters/move-clerk.js';
import type { UseCase } from '../../use-cases/ports.js';
import { actorOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

export interface ClerkMoveRoutesOptions {
  moveClerk: UseCase<typeof moveClerk>;
}

export const clerkMoveRoutes: FastifyPluginAsyncTypebox<ClerkMoveRoutesOptions> = async (app, { moveClerk }) => {
  app.route({
    ...routeOf('POST /api/manager/move-clerk'),
    handler: async (request) => moveClerk(request.body.fromCounterId, request.body.toCounterId, actorOf(request.caller)),
  });
};
