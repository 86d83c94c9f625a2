// Staff signing in and out, shared by the pages staff use (the counter page, the manager
// console): a clerk names the counter they take, a manager or an admin none.

import type { SignInReply } from '../server/contract/reply-schemas.js';
import { callHub } from './hub-client.js';

export type StoredSession = SignInReply;

export const signInStaff = (user: string, password: string, counterId: number | null): Promise<StoredSession> =>
  callHub('POST /api/staff/sign-in', { body: { user: user.trim(), password, counterId } });
export const signOutStaff = (token: string) => callHub('POST /api/staff/sign-out', { token });
export const currentStaffSession = (token: string) => callHub('GET /api/staff/session', { token });
