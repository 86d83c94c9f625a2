// Satisfaction ratings: from the counter's tablet for the service just finished, once per
// ticket, against the clerk, counter, service and dossiers; from a rating key on the bus; and
// the day's report with the share not dissatisfied.

import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_RATING_TOKEN, inject, LAN_ADDRESS, prepareCallers } from '../helpers/callers.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

const tablet = { address: LAN_ADDRESS, token: DEMO_RATING_TOKEN };

describe('ratings', () => {
  it('the tablet rates the service its counter just finished, once, stored against clerk, service and dossiers', async () => {
    const clock = { now: Date.UTC(2026, 10, 24, 2, 0) };
    hub = await startTestHub({ clock: () => clock.now });
    const c = await prepareCallers(hub);
    expect((await inject(hub, tablet, 'GET', '/api/rating-tablet')).body).toMatchObject({ id: 'R1', counterId: 1 });
    await inject(hub, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
    const ticketId = (await inject(hub, c.clerk1!, 'POST', '/api/counters/1/call-next', {})).body.ticket.id;
    // Nothing finished yet: nothing to rate.
    expect((await inject(hub, tablet, 'POST', '/api/ratings', { ticketId, level: 'satisfied' })).body.error).toBe('rating_nothing_to_rate');
    const dossier = await inject(hub, c.clerk1!, 'POST', '/api/dossiers', {
      counterId: 1,
      ticketId,
      procedureCode: 'CT.02',
      applicant: { name: 'Lê Thị Hoa', idNumber: '036199001122', address: 'Phường Hòa An' },
      papers: [],
      outcome: 'complete',
    });
    await inject(hub, c.clerk1!, 'POST', '/api/counters/1/finish', {});
    const rated = await inject(hub, tablet, 'POST', '/api/ratings', { ticketId, level: 'very_satisfied' });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ ticketId, level: 'very_satisfied', counterId: 1, serviceId: 'HT', dossierCodes: [dossier.body.code] });
    expect(rated.body).not.toHaveProperty('clerk');
    const again = await inject(hub, tablet, 'POST', '/api/ratings', { ticketId, level: 'not_satisfied' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('đã được đánh giá');
    // Another counter's tablet cannot rate counter 1's service.
    const other = await inject(hub, { address: LAN_ADDRESS, token: 'demo-rating-R2-token' }, 'POST', '/api/ratings', { ticketId, level: 'satisfied' });
    expect(other.status).toBe(409);
    // A clerk is not a rating tablet.
    expect((await inject(hub, c.clerk1!, 'POST', '/api/ratings', { ticketId, level: 'satisfied' })).body.error).toBe('rating_tablet_unregistered');

    const report = await inject(hub, c.manager!, 'GET', '/api/reports/ratings?day=2026-11-24');
    expect(report.body).toMatchObject({ total: 1, very_satisfied: 1, satisfiedShare: 100, counters: [{ key: 1, total: 1 }], clerks: [{ key: 'Nguyễn Thị Lan' }] });
    expect((await inject(hub, { address: LAN_ADDRESS, token: null }, 'GET', '/api/reports/ratings')).status).toBe(401);
  });

  it('a rating key on the bus rates the service its counter finished last, within ten minutes', async () => {
    const clock = { now: Date.UTC(2026, 10, 24, 2, 0) };
    hub = await startTestHub({ clock: () => clock.now });
    const c = await prepareCallers(hub);
    await inject(hub, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
    await inject(hub, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
    const press = (key: string) => inject(hub!, c.simulator!, 'POST', '/api/simulator/buses/B1/keypads/1/press', { key });
    const first = (await inject(hub, c.clerk1!, 'POST', '/api/counters/1/call-next', {})).body.ticket.id;
    await inject(hub, c.clerk1!, 'POST', '/api/counters/1/finish', {});
    await press('rateNotSatisfied');
    await expect.poll(() => hub!.hub.ratings.get(first)?.level).toBe('not_satisfied');
    // Too late for the next one.
    const second = (await inject(hub, c.clerk1!, 'POST', '/api/counters/1/call-next', {})).body.ticket.id;
    await inject(hub, c.clerk1!, 'POST', '/api/counters/1/finish', {});
    clock.now += 11 * 60_000;
    await press('rateSatisfied');
    await new Promise((r) => setTimeout(r, 300));
    expect(hub.hub.ratings.get(second)).toBeUndefined();
    const keypad = (await inject(hub, { address: LAN_ADDRESS, token: null }, 'GET', '/api/simulator/buses')).body[0].keypads.find((k: { address: number }) => k.address === 1);
    expect(keypad.answer).toMatchObject({ ok: false });
  });
});
