// The notice scrolling on the hall displays, changed by a manager while the hall runs.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { PublicHallSettings } from '../../contract/events.js';
import { publicSettings } from '../../domain/queue/public-view.js';
import { actorOf } from '../access/access-rules.js';
import type { Hub } from '../../hub.js';
import { staffErrorResponses } from '../schemas.js';

const NoticeBody = Type.Object(
  {
    notice: Type.Union([
      Type.Object(
        // A notice of blanks would scroll nothing: at least one visible character.
        { vi: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }), en: Type.Optional(Type.String({ maxLength: 500 })) },
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
  publish: (settings: PublicHallSettings) => void;
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
        security: [{ staff: [] }],
        response: { 200: Type.Object({ notice: Type.Union([Type.Object({ vi: Type.String(), en: Type.String() }), Type.Null()]) }), ...staffErrorResponses },
      },
    },
    async (request) => {
      const manager = actorOf(request.caller);
      const body = request.body.notice;
      const notice = body ? { vi: body.vi.trim(), en: body.en?.trim() || body.vi.trim() } : null;
      hub.hall.setOverride('displayNotice', notice, hub.clock(), manager.name);
      hub.live.settings = { ...hub.live.settings, displayNotice: notice };
      publish(publicSettings(hub.live.settings));
      return { notice };
    },
  );
};
