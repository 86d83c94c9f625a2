// The wait the hub tells follows who is at the counters: counters start the day closed, a counter
// calls in the forecast once a clerk signs in (or its keypad calls), and no longer when it is
// paused or its clerk signs out. Through the real hub on a real port, clock pinned to a Monday
// morning, the demo hall's Land service (DD: 12 minutes configured, counters 3 and 4 serve it
// first, counter 16 gives it half its weight).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { inject, signIn } from '../helpers/callers.js';
import { hanoi } from '../helpers/hall-fixture.js';

describe('the forecast through the hub follows the counters staffed', () => {
  let hub: TestHub;
  // Monday 23 November 2026, 09:00 in Hanoi.
  let now = hanoi(9);

  beforeEach(async () => {
    now = hanoi(9);
    hub = await startTestHub({ clock: () => now });
  });
  afterEach(async () => {
    await hub.stop(true);
  });

  // A forecast made at the sign-in (one second before the read) tells one second less.
  const withinASecond = (seconds: number | null) => (seconds === null ? null : Math.abs(seconds) < 1 ? 0 : seconds % 60 === 59 ? seconds + 1 : seconds);
  const land = async () => {
    const body = (await api(hub.url, 'GET', '/api/services/DD')).body;
    return { ...body, estimatedWaitSeconds: withinASecond(body.estimatedWaitSeconds) };
  };
  const ticketWait = async (id: string) => withinASecond((await api(hub.url, 'GET', `/api/tickets/${id}`)).body.estimatedWaitSeconds);

  it('counts a counter only with a clerk signed in and not paused', async () => {
    const hall = (await api(hub.url, 'GET', '/api/hall')).body;
    // Every counter starts the day closed: nobody is there yet.
    expect(hall.counters.map((c: { state: { mode: string } }) => c.state.mode)).toEqual(hall.counters.map(() => 'closed'));
    const tickets: string[] = [];
    for (let i = 0; i < 3; i++) {
      const issued = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD', priority: null });
      expect(issued.status).toBe(201);
      tickets.push(issued.body.ticket.ticket.id);
    }
    // No counter staffed: no figure ("Chưa có quầy phục vụ"), not "0 minutes".
    expect((await land()).estimatedWaitSeconds).toBeNull();
    expect(await ticketWait(tickets[0]!)).toBeNull();

    // A clerk signs in at counter 3: it opens, and calls DD alone, 12 minutes a citizen.
    const atThree = await signIn(hub, 'canbo3', 3);
    expect(atThree.status).toBe(200);
    now += 1000;
    expect((await land()).estimatedWaitSeconds).toBe(36 * 60);
    expect(await ticketWait(tickets[2]!)).toBe(24 * 60);

    // The manager opens counter 4 with nobody signed in there: it is open, but nobody will
    // press "next" at it, so the forecast does not count it.
    const opened = await api(hub.url, 'POST', '/api/counters/4/open', {});
    expect(opened.status).toBe(200);
    expect(opened.body.counter.state.mode).toBe('open');
    now += 1000;
    expect((await land()).estimatedWaitSeconds).toBe(36 * 60);

    // A clerk signs in at counter 4: two counters on DD. Three waiting: the first two at once,
    // the third and a new ticket after 12 minutes.
    const atFour = await signIn(hub, 'canbo4', 4);
    expect(atFour.status).toBe(200);
    now += 1000;
    expect((await land()).estimatedWaitSeconds).toBe(12 * 60);
    expect(await ticketWait(tickets[2]!)).toBe(12 * 60);

    // Counter 4 pauses: counter 3 alone again.
    const paused = await inject(hub, { address: '192.168.1.57', token: atFour.body.token }, 'POST', '/api/counters/4/pause', { reason: 'Họp giao ban' });
    expect(paused.status).toBe(200);
    now += 1000;
    expect((await land()).estimatedWaitSeconds).toBe(36 * 60);

    // The clerk of counter 3 signs out: it closes (it holds no ticket), and nobody serves DD.
    const out = await inject(hub, { address: '192.168.1.57', token: atThree.body.token }, 'POST', '/api/staff/sign-out');
    expect(out.status).toBe(200);
    now += 1000;
    expect((await land()).estimatedWaitSeconds).toBeNull();
  });

  it('a clerk calls as soon as they sign in at a counter that started closed', async () => {
    const issued = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD', priority: null });
    const refused = await api(hub.url, 'POST', '/api/counters/3/call-next', {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('counter_closed');
    const clerk = await signIn(hub, 'canbo3', 3);
    const called = await inject(hub, { address: '192.168.1.57', token: clerk.body.token }, 'POST', '/api/counters/3/call-next', {});
    expect(called.status).toBe(200);
    expect(called.body.ticket.id).toBe(issued.body.ticket.ticket.id);
    expect(called.body.counter.state).toMatchObject({ mode: 'open', clerk: 'Lê Thị Hương' });
  });
});
