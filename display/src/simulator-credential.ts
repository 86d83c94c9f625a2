// The credential the boards page presses keys with: a short-lived token the hub gives to a
// browser on its own machine, or a manager's session when the page is opened elsewhere.

import type { SimulatorKey } from '../../server/contract/routes/devices.js';
import { callHub, HubRequestError } from '../../web-shared/hub-client.js';

export type Credential = { kind: 'token'; token: string } | { kind: 'needsManager' } | { kind: 'off' } | { kind: 'unreachable' };

const failureOf = (error: unknown) => (error instanceof HubRequestError ? error.failure : null);

/** Asks the hub for a simulator token; elsewhere than on the hub machine a manager must sign in. */
export async function fetchSimulatorToken(): Promise<Credential> {
  try {
    const { token } = await callHub('GET /api/simulator/token');
    return { kind: 'token', token };
  } catch (error) {
    const failure = failureOf(error);
    if (!failure || failure.status === 0) return { kind: 'unreachable' };
    return failure.error === 'simulator_off' ? { kind: 'off' } : { kind: 'needsManager' };
  }
}

/** Signs a manager in (no counter); returns the session token or the hub's message. */
export async function signInManager(user: string, password: string): Promise<{ token: string } | { message: string; messageEn: string }> {
  try {
    return { token: (await callHub('POST /api/staff/sign-in', { body: { user, password } })).token };
  } catch (error) {
    const failure = failureOf(error);
    return failure ?? { message: 'Không đăng nhập được.', messageEn: 'Could not sign in.' };
  }
}

/** Presses a simulated key; 'renew' when the token ran out or the hub restarted. */
export async function pressKey(token: string, bus: string, address: number, key: SimulatorKey): Promise<'ok' | 'renew' | 'off' | 'failed'> {
  try {
    await callHub('POST /api/simulator/buses/:busId/keypads/:address/press', { token, params: { busId: bus, address }, body: { key } });
    return 'ok';
  } catch (error) {
    const failure = failureOf(error);
    if (failure?.status === 401) return 'renew';
    return failure?.error === 'simulator_off' ? 'off' : 'failed';
  }
}
