// The notice scrolling on the hall displays, changed by a manager while the hall runs.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { HallSettings } from '../../domain/model.js';
import type { Hub } from '../../hub.js';
import { staffErrorResponses } from '../schemas.js';

const NoticeBody = Type.Object(
  {
    notice: Type.Union([
      Type.Object(
        { vi: Type.String({ minLength: 1, maxLength: 500 }), en: Type.Optional(Type.String({ maxLength: 500 })) },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);

export interface NoticeRoutesOptions {
  hub: Hub;
  /** Tells every page the settings changed. */
  publish: (settings: HallSettings) => void;
}

export const noticeRoutes: FastifyPluginAsyncTypebox<NoticeRoutesOptions> = async (app, { hub, publish }) => {
  app.put(
    '/api/hall/notice',
    {
      schema: {
        tags: ['hall'],
        summary: 'Change the notice on the hall displays now (managers); null removes it',
        description: 'It stands until changed again, or until a new hall file changes displayNotice.',
        body: NoticeBody,
        response: { 200: Type.Object({ notice: Type.Union([Type.Object({ vi: Type.String(), en: Type.String() }), Type.Null()]) }), ...staffErrorResponses },
      },
    },
    async (request) => {
      const manager = hub.staff.authorizeManager(request.headers.authorization);
      const body = request.body.notice;
      const notice = body ? { vi: body.vi.trim(), en: body.en?.trim() || body.vi.trim() } : null;
      hub.hall.setOverride('displayNotice', notice, hub.clock(), manager.user);
      hub.live.settings = { ...hub.live.settings, displayNotice: notice };
      publish(hub.live.settings);
      return { notice };
    },
  );
};
