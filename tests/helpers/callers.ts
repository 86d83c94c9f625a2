// Every kind of caller the access table knows, on a test hub of the demo hall: nobody on the
// hall network, a browser on the hub machine, a kiosk, clerks at counters 1 and 2, back-office
// staff (civil status), a manager, the hub's API token and the /boards page's simulator token.

import type { TestHub } from './test-hub.js';

export const LAN_ADDRESS = '192.168.1.57';
export const HUB_MACHINE = '127.0.0.1';
export const DEMO_PASSWORD = 'luot-demo';
export const DEMO_KIOSK_TOKEN = 'demo-kiosk-K1-token';
/** The demo hall's rating tablet at counter 1. */
export const DEMO_RATING_TOKEN = 'demo-rating-R1-token';

export type CallerName = 'lan' | 'hubMachine' | 'kiosk' | 'ratingTablet' | 'clerk1' | 'clerk2' | 'backOffice' | 'manager' | 'admin' | 'api' | 'simulator';

export interface TestCaller {
  name: CallerName;
  address: string;
  token: string | null;
}

export interface Reply {
  status: number;
  body: any;
  text: string;
}

/** One request through the app, from the caller's address with the caller's token. */
export async function inject(hub: TestHub, caller: Pick<TestCaller, 'address' | 'token'>, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await hub.app.inject({
    method: method as 'GET',
    url,
    remoteAddress: caller.address,
    headers: {
      ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    parsed = null;
  }
  return { status: response.statusCode, body: parsed, text: response.body };
}

export async function signIn(hub: TestHub, user: string, counterId: number | null, address = LAN_ADDRESS, password = DEMO_PASSWORD): Promise<Reply> {
  return inject(hub, { address, token: null }, 'POST', '/api/staff/sign-in', { user, password, counterId });
}

/** Signs in the clerks and the manager and fetches a simulator token. */
export async function prepareCallers(hub: TestHub): Promise<Record<CallerName, TestCaller>> {
  const token = async (user: string, counterId: number | null) => {
    const reply = await signIn(hub, user, counterId);
    if (reply.status !== 200) throw new Error(`${user} could not sign in: ${reply.text}`);
    return reply.body.token as string;
  };
  const simulator = await inject(hub, { address: HUB_MACHINE, token: null }, 'GET', '/api/simulator/token');
  const at = (name: CallerName, address: string, t: string | null): TestCaller => ({ name, address, token: t });
  return {
    lan: at('lan', LAN_ADDRESS, null),
    hubMachine: at('hubMachine', HUB_MACHINE, null),
    kiosk: at('kiosk', LAN_ADDRESS, DEMO_KIOSK_TOKEN),
    ratingTablet: at('ratingTablet', LAN_ADDRESS, DEMO_RATING_TOKEN),
    clerk1: at('clerk1', LAN_ADDRESS, await token('canbo1', 1)),
    clerk2: at('clerk2', LAN_ADDRESS, await token('canbo2', 2)),
    backOffice: at('backOffice', LAN_ADDRESS, await token('xuly1', null)),
    manager: at('manager', LAN_ADDRESS, await token('quanly', null)),
    admin: at('admin', LAN_ADDRESS, await token('quantri', null)),
    api: at('api', LAN_ADDRESS, hub.hub.apiToken),
    simulator: at('simulator', LAN_ADDRESS, simulator.body.token as string),
  };
}

/**
 * Counters start the day closed: a clerk signs in at each of these counters of the demo hall
 * (canbo1 at counter 1, and so on), which opens it, as at the start of a working day.
 * Returns each clerk's token by counter.
 */
export async function staffCounters(hub: TestHub, counterIds: readonly number[]): Promise<Map<number, string>> {
  const tokens = new Map<number, string>();
  for (const id of counterIds) {
    const reply = await signIn(hub, `canbo${id}`, id);
    if (reply.status !== 200) throw new Error(`canbo${id} could not sign in at counter ${id}: ${reply.text}`);
    tokens.set(id, reply.body.token as string);
  }
  return tokens;
}
