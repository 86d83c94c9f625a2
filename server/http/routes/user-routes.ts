// Accounts, managed by an admin in the manager console.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { UseCase } from '../../use-cases/ports.js';
import type { addUser, changeUser, listUsers, Requester, resetPassword } from '../../use-cases/users/manage-users.js';
import { actorOf } from '../access/access-rules.js';
import { staffOf } from '../access/access-control.js';
import { routeOf } from '../route-map.js';
import type { FastifyRequest } from 'fastify';

export interface UserRoutesOptions {
  listUsers: UseCase<typeof listUsers>;
  addUser: UseCase<typeof addUser>;
  changeUser: UseCase<typeof changeUser>;
  resetPassword: UseCase<typeof resetPassword>;
}

const requester = (request: FastifyRequest): Requester => ({ actor: actorOf(request.caller), user: staffOf(request).user });

export const userRoutes: FastifyPluginAsyncTypebox<UserRoutesOptions> = async (app, { listUsers, addUser, changeUser, resetPassword }) => {
  app.route({
    ...routeOf('GET /api/users'),
    config: { passive: true },
    handler: async () => listUsers(),
  });

  app.route({
    ...routeOf('POST /api/users'),
    handler: async (request, reply) => {
      const { user, name, role, password, counters, fields, services } = request.body;
      const account = await addUser({ user, name, role, password, ...(counters ? { counters } : {}), ...(fields ? { fields } : {}), ...(services ? { services } : {}) }, requester(request));
      return reply.status(201).send(account);
    },
  });

  app.route({
    ...routeOf('POST /api/users/:user'),
    handler: async (request) => changeUser(request.params.user, request.body, requester(request)),
  });

  app.route({
    ...routeOf('POST /api/users/:user/password'),
    handler: async (request) => resetPassword(request.params.user, request.body.password, requester(request)),
  });
};
