// The notice scrolling on the hall displays, changed by a manager while the hall runs.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PublicHallSettings } from '../../contract/events.js';
import { publicSettings } from '../../domain/public-view.js';
import { actorOf } from '../access/access-rules.js';
import type { Hub } from '../../hub.js';
import { routeOf } from '../route-map.js';

export interface NoticeRoutesOptions {
  hub: Hub;
  /** Tells every page the settings changed. */
  publish: (settings: PublicHallSettings) => void;
}

export const noticeRoutes: FastifyPluginAsyncTypebox<NoticeRoutesOptions> = async (app, { hub, publish }) => {
  app.route({
    ...routeOf('PUT /api/hall/notice'),
    handler: async (request) => {
      const manager = actorOf(request.caller);
      const body = request.body.notice;
      const notice = body ? { vi: body.vi.trim(), en: body.en?.trim() || body.vi.trim() } : null;
      hub.hall.setOverride('displayNotice', notice, hub.clock(), manager.name);
      hub.live.settings = { ...hub.live.settings, displayNotice: notice };
      publish(publicSettings(hub.live.settings));
      return { notice };
    },
  });
};
