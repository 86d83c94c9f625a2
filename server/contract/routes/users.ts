// Accounts managed in the manager console by an admin: who signs in, with which role and
// which counters. Passwords are sent only to set them, and never come back.

import Type from 'typebox';
import { CounterId, OneOf, staffErrorResponses, staffOnly } from '../route-schemas.js';

export const StaffRoleSchema = OneOf(['clerk', 'back_office', 'manager', 'admin'] as const, { description: 'clerk, back_office (processes dossiers, takes no counter), manager or admin' });
const UserName = Type.String({ pattern: '^[a-z0-9._-]{2,32}$', description: 'Sign-in name: 2 to 32 lower-case letters, digits, . _ -' });
const FullName = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S', description: 'Full name shown at the counter and in the log' });
const Password = Type.String({ minLength: 8, maxLength: 200, description: 'At least 8 characters' });
const Counters = Type.Array(CounterId, { maxItems: 200, description: 'Counters a clerk may take; empty: any' });
const Fields = Type.Array(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }), {
  maxItems: 100,
  description: 'Fields (lĩnh vực) of the procedures catalogue whose dossiers this person handles; with services empty too, a clerk handles those of their counter',
});
const Services = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 100, description: "The hall's services (an outside agency's) whose dossiers this person handles" });

export const AccountSchema = Type.Object({
  user: Type.String(),
  name: Type.String(),
  role: StaffRoleSchema,
  counters: Type.Array(Type.Integer()),
  fields: Type.Array(Type.String()),
  services: Type.Array(Type.String()),
  active: Type.Boolean(),
});

const UserParams = Type.Object({ user: UserName });

export const USER_ROUTES = {
  'GET /api/users': {
    tags: ['users'],
    summary: 'Every account: user name, name, role, counters, whether it may sign in (admins)',
    security: staffOnly,
    response: { 200: Type.Array(AccountSchema), ...staffErrorResponses },
  },
  'POST /api/users': {
    tags: ['users'],
    summary: 'Add an account (admins); logged with who added it',
    body: Type.Object(
      { user: UserName, name: FullName, role: StaffRoleSchema, password: Password, counters: Type.Optional(Counters), fields: Type.Optional(Fields), services: Type.Optional(Services) },
      { additionalProperties: false },
    ),
    security: staffOnly,
    response: { 201: AccountSchema, ...staffErrorResponses },
  },
  'POST /api/users/:user': {
    tags: ['users'],
    summary: 'Change an account: name, role, counters, the fields and services whose dossiers it handles, or disable/enable it (admins)',
    description:
      'Disabling or changing the role ends the account’s sessions. The last active admin keeps the role. New fields or services apply to the next request of a signed-in clerk, with no new sign-in.',
    params: UserParams,
    body: Type.Object(
      {
        name: Type.Optional(FullName),
        role: Type.Optional(StaffRoleSchema),
        counters: Type.Optional(Counters),
        fields: Type.Optional(Fields),
        services: Type.Optional(Services),
        active: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
    security: staffOnly,
    response: { 200: AccountSchema, ...staffErrorResponses },
  },
  'POST /api/users/:user/password': {
    tags: ['users'],
    summary: 'Set a new password for an account (admins); its sessions end',
    params: UserParams,
    body: Type.Object({ password: Password }, { additionalProperties: false }),
    security: staffOnly,
    response: { 200: AccountSchema, ...staffErrorResponses },
  },
};
