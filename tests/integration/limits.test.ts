// The hub's limits hold across a restart, delay guessing per user and address (the right
// password still works from the clerk's own PC), cap an address across accounts, count only
// tickets actually given and cap reprints.

import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_KIOSK_TOKEN, inject, LAN_ADDRESS, signIn } from '../helpers/callers.js';
import { startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

const STRANGER = '192.168.1.200';
const CLERK_PC = '192.168.1.21';

describe('sign-in limits', () => {
  it('delays one user from one address, more after each failure, and keeps the delay across a restart', async () => {
    const clock = { now: Date.UTC(2026, 10, 27, 2, 0) };
    const dataDir = tempDataDir();
    hub = await startTestHub({ dataDir, clock: () => clock.now });
    for (let i = 0; i < 3; i++) expect((await signIn(hub, 'canbo1', 1, STRANGER, `sai-${i}`)).status).toBe(401);
    // After the free failures, even the right password waits, from the stranger's address.
    const delayed = await signIn(hub, 'canbo1', 1, STRANGER);
    expect(delayed.status).toBe(429);
    expect(delayed.body).toMatchObject({ error: 'sign_in_rate_limited', message: 'Đã nhập sai nhiều lần. Vui lòng thử lại sau 5 giây.' });

    // The clerk at their own PC is not locked out by the stranger.
    const clerk = await signIn(hub, 'canbo1', 1, CLERK_PC);
    expect(clerk.status).toBe(200);

    // A restart does not reset the delay.
    await hub.stop();
    hub = await startTestHub({ dataDir, clock: () => clock.now });
    expect((await signIn(hub, 'canbo1', 1, STRANGER)).status).toBe(429);

    // Each failure after the delay doubles it.
    clock.now += 5_000;
    expect((await signIn(hub, 'canbo1', 1, STRANGER, 'sai-nua')).status).toBe(401);
    clock.now += 9_000;
    expect((await signIn(hub, 'canbo1', 1, STRANGER)).body.message).toContain('1 giây');
    clock.now += 1_000;
    // The right password, once the delay is over, works and clears the count.
    const later = await signIn(hub, 'canbo1', 1, STRANGER);
    expect(later.status).toBe(200);
    expect((await signIn(hub, 'canbo1', 1, STRANGER, 'sai-lan-nua')).status).toBe(401);
  });

  it('caps failed sign-ins from one address across every account', async () => {
    hub = await startTestHub();
    const users = Array.from({ length: 12 }, (_, i) => `canbo${i + 1}`);
    let failures = 0;
    for (const user of users) {
      for (let i = 0; i < 2 && failures < 20; i++, failures++) expect((await signIn(hub, user, 1, STRANGER, `doan-${i}`)).status).toBe(401);
    }
    const capped = await signIn(hub, 'quanly', null, STRANGER);
    expect(capped.status).toBe(429);
    expect(capped.body).toMatchObject({ error: 'sign_in_address_limited', messageEn: expect.stringContaining('from this machine') });
    expect((await signIn(hub, 'quanly', null, CLERK_PC)).status).toBe(200);
  });
});

describe('kiosk limits', () => {
  const kiosk = { address: LAN_ADDRESS, token: DEMO_KIOSK_TOKEN };

  it('counts only tickets actually given, across a restart, within the minute', async () => {
    const clock = { now: Date.UTC(2026, 10, 27, 2, 0) };
    const dataDir = tempDataDir();
    hub = await startTestHub({ dataDir, clock: () => clock.now });
    // Refused taps (no such service) do not use up the kiosk's six a minute.
    for (let i = 0; i < 8; i++) expect((await inject(hub, kiosk, 'POST', '/api/kiosk/tickets', { serviceId: 'NOPE' })).status).toBe(404);
    for (let i = 0; i < 6; i++) expect((await inject(hub, kiosk, 'POST', '/api/kiosk/tickets', { serviceId: 'HT' })).status).toBe(201);
    await hub.stop();
    hub = await startTestHub({ dataDir, clock: () => clock.now });
    const capped = await inject(hub, kiosk, 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(capped.status).toBe(429);
    expect(capped.body.message).toContain('60 giây');
    clock.now += 60_001;
    expect((await inject(hub, kiosk, 'POST', '/api/kiosk/tickets', { serviceId: 'HT' })).status).toBe(201);
  });

  it('lets taps that arrive together pass only up to the cap', async () => {
    hub = await startTestHub();
    const replies = await Promise.all(Array.from({ length: 10 }, () => inject(hub!, kiosk, 'POST', '/api/kiosk/tickets', { serviceId: 'DD' })));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(6);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(4);
  });

  it('reprints a ticket a few times at most', async () => {
    hub = await startTestHub();
    const issued = await inject(hub, kiosk, 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    const id = issued.body.ticket.ticket.id;
    for (let i = 0; i < 2; i++) expect((await inject(hub, kiosk, 'POST', `/api/kiosk/tickets/${id}/print`)).status).toBe(200);
    const third = await inject(hub, kiosk, 'POST', `/api/kiosk/tickets/${id}/print`);
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ error: 'reprint_limit', message: expect.stringContaining('in lại 2 lần') });
  });
});
