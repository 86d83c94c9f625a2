// The credential the boards page presses keys with: a short-lived token the hub gives to a
// browser on its own machine, or a manager's session when the page is opened elsewhere.

export type Credential =
  | { kind: 'token'; token: string }
  | { kind: 'needsManager' }
  | { kind: 'off' }
  | { kind: 'unreachable' };

interface Failure {
  error?: string;
  message?: string;
  messageEn?: string;
}

/** Asks the hub for a simulator token; elsewhere than on the hub machine a manager must sign in. */
export async function fetchSimulatorToken(): Promise<Credential> {
  try {
    const response = await fetch('/api/simulator/token');
    if (response.ok) return { kind: 'token', token: ((await response.json()) as { token: string }).token };
    const failure = (await response.json().catch(() => ({}))) as Failure;
    return failure.error === 'simulator_off' ? { kind: 'off' } : { kind: 'needsManager' };
  } catch {
    return { kind: 'unreachable' };
  }
}

/** Signs a manager in (no counter); returns the session token or the hub's message. */
export async function signInManager(user: string, password: string): Promise<{ token: string } | { message: string; messageEn: string }> {
  try {
    const response = await fetch('/api/staff/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user, password }),
    });
    const data = (await response.json().catch(() => ({}))) as Failure & { token?: string };
    if (response.ok && data.token) return { token: data.token };
    return { message: data.message ?? 'Không đăng nhập được.', messageEn: data.messageEn ?? 'Could not sign in.' };
  } catch {
    return { message: 'Không kết nối được hệ thống.', messageEn: 'Cannot reach the hall system.' };
  }
}

/** Presses a simulated key; 'renew' when the token ran out or the hub restarted. */
export async function pressKey(token: string, bus: string, address: number, key: string): Promise<'ok' | 'renew' | 'off' | 'failed'> {
  try {
    const response = await fetch(`/api/simulator/buses/${encodeURIComponent(bus)}/keypads/${address}/press`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ key }),
    });
    if (response.ok) return 'ok';
    if (response.status === 401) return 'renew';
    const failure = (await response.json().catch(() => ({}))) as Failure;
    return failure.error === 'simulator_off' ? 'off' : 'failed';
  } catch {
    return 'failed';
  }
}
