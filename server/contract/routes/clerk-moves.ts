// A manager moves a clerk from one counter to another from the console.

import Type from 'typebox';
import { CounterId, staffErrorResponses, staffOnly } from '../route-schemas.js';

export const ClerkMovedSchema = Type.Object({
  user: Type.String(),
  name: Type.String(),
  fromCounterId: Type.Integer(),
  toCounterId: Type.Integer(),
  closedCounter: Type.Boolean({ description: 'Whether the old counter was closed (it was open or paused)' }),
});

export const CLERK_MOVE_ROUTES = {
  'POST /api/manager/move-clerk': {
    tags: ['manager'],
    summary: 'Move the clerk signed in at one counter to another (managers and admins; logged)',
    description:
      'The clerk’s session at fromCounterId ends (their page there says where they were sent) and they sign in at the new counter, which their sign-in opens. The old counter is closed. While it holds a number the move is refused (409 counter_busy): the clerk finishes, skips or transfers it first. The new counter must be one the account may take and nobody else holds.',
    body: Type.Object({ fromCounterId: CounterId, toCounterId: CounterId }, { additionalProperties: false }),
    security: staffOnly,
    response: { 200: ClerkMovedSchema, ...staffErrorResponses },
  },
};
