// The notice scrolling on the hall displays, changed by a manager while the hall runs.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { setDisplayNotice } from '../../use-cases/hall/display-notice.js';
import type { UseCase } from '../../use-cases/ports.js';
import { actorOf } from '../access/access-rules.js';
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
  setDisplayNotice: UseCase<typeof setDisplayNotice>;
}

export const noticeRoutes: FastifyPluginAsyncTypebox<NoticeRoutesOptions> = async (app, { setDisplayNotice }) => {
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
      return setDisplayNotice(request.body.notice, manager);
    },
  );
};
