// Staff sign-in and sign-out. A clerk signing in takes a counter (opening it if closed);
// signing out leaves it (closing it when it holds no ticket).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { UseCase } from '../../use-cases/ports.js';
import type { counterChoices, sessionOf, signIn, signOut } from '../../use-cases/staff/sign-in.js';
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


export interface StaffRoutesOptions {
  signIn: UseCase<typeof signIn>;
  signOut: UseCase<typeof signOut>;
  sessionOf: UseCase<typeof sessionOf>;
  counterChoices: UseCase<typeof counterChoices>;
}

export const staffRoutes: FastifyPluginAsyncTypebox<StaffRoutesOptions> = async (app, { signIn, signOut, sessionOf, counterChoices }) => {
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
      return signIn({ user, password, counterId, address: request.socket.remoteAddress ?? 'unknown' });
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
    async (request) => sessionOf(staffOf(request)),
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
      return signOut(staff, () => actorOf(request.caller));
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
    async () => counterChoices(),
  );
};
