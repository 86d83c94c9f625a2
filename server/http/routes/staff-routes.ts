// Staff sign-in and sign-out. A clerk signing in takes a counter (opening it if closed);
// signing out leaves it (closing it when it holds no ticket).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { UseCase } from '../../use-cases/ports.js';
import type { counterChoices, sessionOf, signIn, signOut } from '../../use-cases/staff/sign-in.js';
import { actorOf } from '../access/access-rules.js';
import { staffOf } from '../access/access-control.js';
import { routeOf } from '../route-map.js';

export interface StaffRoutesOptions {
  signIn: UseCase<typeof signIn>;
  signOut: UseCase<typeof signOut>;
  sessionOf: UseCase<typeof sessionOf>;
  counterChoices: UseCase<typeof counterChoices>;
}

export const staffRoutes: FastifyPluginAsyncTypebox<StaffRoutesOptions> = async (app, { signIn, signOut, sessionOf, counterChoices }) => {
  app.route({
    ...routeOf('POST /api/staff/sign-in'),
    handler: async (request) => {
      const { user, password, counterId = null } = request.body;
      return signIn({ user, password, counterId, address: request.socket.remoteAddress ?? 'unknown' });
    },
  });

  app.route({
    ...routeOf('GET /api/staff/session'),
    config: { passive: true },
    handler: async (request) => sessionOf(staffOf(request)),
  });

  app.route({
    ...routeOf('POST /api/staff/sign-out'),
    handler: async (request) => {
      const staff = staffOf(request);
      return signOut(staff, () => actorOf(request.caller));
    },
  });

  app.route({
    ...routeOf('GET /api/staff/counters'),
    handler: async () => counterChoices(),
  });
};
