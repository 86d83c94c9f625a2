// Staff sign-in and sign-out. A clerk signing in takes a counter (opening it if closed);
// signing out leaves it (closing it when it holds no ticket).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { Hub } from '../../hub.js';
import { atCounter } from '../../domain/access/actor.js';
import { actorOf } from '../access/access-rules.js';
import { staffOf } from '../access/access-control.js';
import { CounterChoiceSchema, SessionSchema, SignInReplySchema, staffErrorResponses } from '../schemas.js';

const SignInBody = Type.Object(
  {
    user: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    counterId: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 999 }), Type.Null()])),
  },
  { additionalProperties: false },
);


export const staffRoutes: FastifyPluginAsyncTypebox<{ hub: Hub }> = async (app, { hub }) => {
  app.post(
    '/api/staff/sign-in',
    {
      schema: {
        tags: ['staff'],
        summary: 'Sign in with user and password; a clerk names the counter to take',
        body: SignInBody,
        response: { 200: SignInReplySchema, ...staffErrorResponses },
      },
    },
    async (request) => {
      const { user, password, counterId = null } = request.body;
      const signedIn = await hub.staff.signIn(user.trim().toLowerCase(), password, counterId, request.socket.remoteAddress ?? 'unknown');
      if (counterId !== null && hub.live.counterState(counterId)?.mode === 'closed') {
        const clerk = signedIn.session.name;
        await hub.queue.execute({ type: 'openCounter', counterId, clerk }, atCounter(clerk, counterId));
      }
      return signedIn;
    },
  );

  app.get(
    '/api/staff/session',
    {
      schema: {
        tags: ['staff'],
        summary: 'The session behind the token, with when it ends (asking does not keep it alive)',
        response: { 200: SessionSchema, ...staffErrorResponses },
        security: [{ staff: [] }],
      },
      config: { passive: true },
    },
    async (request) => hub.staff.session(staffOf(request)),
  );

  app.post(
    '/api/staff/sign-out',
    {
      schema: {
        tags: ['staff'],
        summary: 'End the session; an empty counter is closed',
        response: { 200: Type.Object({ closedCounter: Type.Boolean() }), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request) => {
      const staff = staffOf(request);
      hub.staff.signOut(staff);
      const state = staff.counterId !== null ? hub.live.counterState(staff.counterId) : undefined;
      if (!state || state.mode === 'closed' || state.currentTicketId !== null) return { closedCounter: false };
      await hub.queue.execute({ type: 'closeCounter', counterId: state.id }, actorOf(request.caller));
      return { closedCounter: true };
    },
  );

  app.get(
    '/api/staff/counters',
    {
      schema: {
        tags: ['staff'],
        summary: 'Counters a clerk can choose at sign-in, with who works at each now',
        response: {
          200: Type.Array(CounterChoiceSchema),
        },
      },
    },
    async () => {
      const holders = hub.staff.holders();
      return hub.live
        .allCounters()
        .filter(({ def }) => def.active)
        .map(({ def }) => ({ id: def.id, name: def.name, holder: holders.get(def.id) ?? null }));
    },
  );
};
