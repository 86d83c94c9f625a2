// The notice scrolling on the hall displays, changed by a manager while the hall runs.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { setDisplayNotice } from '../../use-cases/hall/display-notice.js';
import type { UseCase } from '../../use-cases/ports.js';
import { actorOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

export interface NoticeRoutesOptions {
  setDisplayNotice: UseCase<typeof setDisplayNotice>;
}

export const noticeRoutes: FastifyPluginAsyncTypebox<NoticeRoutesOptions> = async (app, { setDisplayNotice }) => {
  app.route({
    ...routeOf('PUT /api/hall/notice'),
    handler: async (request) => {
      const manager = actorOf(request.caller);
      return setDisplayNotice(request.body.notice, manager);
    },
  });
};
