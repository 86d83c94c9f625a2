// Staff sign-in and sign-out. A clerk signing in takes a counter (opening it if closed);
// signing out leaves it (closing it when it holds no ticket).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Hub } from '../../hub.js';
import { atCounter } from '../../domain/actor.js';
import { actorOf } from '../access/access-rules.js';
import { staffOf } from '../access/access-control.js';
import { routeOf } from '../route-map.js';

export const staffRoutes: FastifyPluginAsyncTypebox<{ hub: Hub }> = async (app, { hub }) => {
  app.route({
    ...routeOf('POST /api/staff/sign-in'),
    handler: async (request) => {
      const { user, password, counterId = null } = request.body;
      const signedIn = await hub.staff.signIn(user.trim().toLowerCase(), password, counterId, request.socket.remoteAddress ?? 'unknown');
      if (counterId !== null && hub.live.counterState(counterId)?.mode === 'closed') {
        const clerk = signedIn.session.name;
        await hub.queue.execute({ type: 'openCounter', counterId, clerk }, atCounter(clerk, counterId));
      }
      return signedIn;
    },
  });

  app.route({
    ...routeOf('GET /api/staff/session'),
    config: { passive: true },
    handler: async (request) => hub.staff.session(staffOf(request)),
  });

  app.route({
    ...routeOf('POST /api/staff/sign-out'),
    handler: async (request) => {
      const staff = staffOf(request);
      hub.staff.signOut(staff);
      const state = staff.counterId !== null ? hub.live.counterState(staff.counterId) : undefined;
      if (!state || state.mode === 'closed' || state.currentTicketId !== null) return { closedCounter: false };
      await hub.queue.execute({ type: 'closeCounter', counterId: state.id }, actorOf(request.caller));
      return { closedCounter: true };
    },
  });

  app.route({
    ...routeOf('GET /api/staff/counters'),
    handler: async () => {
      const holders = hub.staff.holders();
      return hub.live
        .allCounters()
        .filter(({ def }) => def.active)
        .map(({ def }) => ({ id: def.id, name: def.name, holder: holders.get(def.id) ?? null }));
    },
  });
};
