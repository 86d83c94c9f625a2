// A manager moves a clerk to another counter from the console: refused while the old counter
// holds a number (named, and the number stays held), then the old counter closes, the clerk's
// session there ends with a message naming the new counter, they sign in at the new one, and
// the move is in the event log with who made it. Every refusal names its reason.

import { afterEach, describe, expect, it } from 'vitest';
import { api, RecordingClient, startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });
const signIn = (user: string, counterId: number | null) => api(hub!.url, 'POST', '/api/staff/sign-in', { user, password: 'luot-demo', counterId }, { authorization: null });

async function tokenOf(user: string, counterId: number | null): Promise<string> {
  const reply = await signIn(user, counterId);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.token as string;
}

describe('moving a clerk to another counter', () => {
  it('waits for the held number, then closes the old counter, ends the session there with where to go, and logs who moved whom', async () => {
    hub = await startTestHub();
    const display = new RecordingClient(hub.url);
    await display.until(() => display.snapshots.length > 0, 'snapshot');
    const clerk = await tokenOf('canbo1', 1);
    const manager = await tokenOf('quanly', null);
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    const called = await api(hub.url, 'POST', '/api/counters/1/call-next', {}, as(clerk));
    expect(called.status).toBe(200);
    const number = called.body.ticket.number as string;

    // A held number is never dropped: the move is refused, naming it, and nothing changes.
    const refused = await api(hub.url, 'POST', '/api/manager/move-clerk', { fromCounterId: 1, toCounterId: 5 }, as(manager));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('counter_busy');
    expect(refused.body.message).toContain(number);
    const still = await api(hub.url, 'GET', '/api/counters/1', undefined, as(clerk));
    expect(still.status).toBe(200);
    expect(still.body.current.number).toBe(number);
    expect(still.body.state.mode).toBe('open');

    expect((await api(hub.url, 'POST', '/api/counters/1/finish', {}, as(clerk))).status).toBe(200);
    const moved = await api(hub.url, 'POST', '/api/manager/move-clerk', { fromCounterId: 1, toCounterId: 5 }, as(manager));
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toEqual({ user: 'canbo1', name: expect.any(String), fromCounterId: 1, toCounterId: 5, closedCounter: true });

    // The old counter is closed; the page left there hears why its session ended.
    const counter1 = await api(hub.url, 'GET', '/api/counters/1');
    expect(counter1.body.state.mode).toBe('closed');
    expect(counter1.body.current).toBeNull();
    const old = await api(hub.url, 'GET', '/api/staff/session', undefined, as(clerk));
    expect(old.status).toBe(401);
    expect(old.body.error).toBe('session_moved');
    expect(old.body.message).toContain('quầy số 5');
    expect(old.body.messageEn).toContain('counter 5');
    expect((await api(hub.url, 'POST', '/api/counters/1/call-next', {}, as(clerk))).body.error).toBe('session_moved');

    // At the new counter the clerk signs in (which opens it) and calls.
    const there = await tokenOf('canbo1', 5);
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'XD' });
    const next = await api(hub.url, 'POST', '/api/counters/5/call-next', {}, as(there));
    expect(next.status, JSON.stringify(next.body)).toBe(200);

    const log = await api(hub.url, 'GET', '/api/events?limit=100');
    const entry = (log.body.events ?? log.body).find((e: any) => e.type === 'staff:changed' && e.data.change === 'moved');
    expect(entry.actor).toBe((await api(hub.url, 'GET', '/api/staff/session', undefined, as(manager))).body.name);
    expect(entry.data).toMatchObject({ account: { user: 'canbo1' }, move: { from: 1, to: 5 } });
    const closedAt = (log.body.events ?? log.body).find((e: any) => e.type === 'counter:closed' && e.data.counter.id === 1);
    expect(closedAt.seq).toBe(entry.seq - 1);
    // The move is staff's business: the displays never hear of it.
    await display.until(() => display.events.some((e) => e.type === 'ticket:called' && (e.data as any).counter?.id === 5), 'the call at counter 5');
    expect(display.events.map((e) => e.type)).not.toContain('staff:changed');
    display.close();
  });

  it('is refused with the reason: a clerk asks, nobody sits there, the same counter, a counter taken, one the account may not take, one that does not exist', async () => {
    hub = await startTestHub();
    const clerk = await tokenOf('canbo1', 1);
    await tokenOf('canbo2', 2);
    const admin = await tokenOf('quantri', null);
    const move = (body: unknown, token?: string) => api(hub!.url, 'POST', '/api/manager/move-clerk', body, token ? as(token) : {});

    expect((await move({ fromCounterId: 1, toCounterId: 5 }, clerk)).status).toBe(403);
    expect((await api(hub.url, 'POST', '/api/manager/move-clerk', { fromCounterId: 1, toCounterId: 5 }, { authorization: null })).status).toBe(401);
    const cases: [unknown, number, string, string][] = [
      [{ fromCounterId: 7, toCounterId: 5 }, 409, 'no_clerk_at_counter', 'quầy số 7'],
      [{ fromCounterId: 1, toCounterId: 1 }, 400, 'move_to_same_counter', 'toCounterId'],
      [{ fromCounterId: 1, toCounterId: 2 }, 409, 'counter_taken', 'Quầy số 2'],
      [{ fromCounterId: 1, toCounterId: 900 }, 404, 'counter_not_found', '900'],
      [{ fromCounterId: 1, toCounterId: 'năm' }, 400, 'invalid_request', 'toCounterId'],
      [{ fromCounterId: 1 }, 400, 'invalid_request', 'toCounterId'],
    ];
    for (const [body, status, error, words] of cases) {
      const reply = await move(body, admin);
      expect(reply.status, `${JSON.stringify(body)}: ${JSON.stringify(reply.body)}`).toBe(status);
      if (error !== 'invalid_request') expect(reply.body.error).toBe(error);
      expect(`${reply.body.message} ${reply.body.messageEn}`).toContain(words);
    }
    // The account may take counters 1 and 5 only.
    expect((await api(hub.url, 'POST', '/api/users/canbo1', { counters: [1, 5] }, as(admin))).status).toBe(200);
    const notAllowed = await move({ fromCounterId: 1, toCounterId: 6 }, admin);
    expect(notAllowed.status).toBe(403);
    expect(notAllowed.body.error).toBe('counter_not_allowed');

    // None of it moved anyone: the clerk still works at counter 1.
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect((await api(hub.url, 'POST', '/api/counters/1/call-next', {}, as(clerk))).status).toBe(200);
  });
});
