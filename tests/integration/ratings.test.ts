// Satisfaction ratings: from the counter's tablet for the service just finished, once per
// ticket, against the clerk, counter, service and dossiers; from a rating key on the bus; and
// the day's report with the share not dissatisfied.

import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_RATING_TOKEN, inject, LAN_ADDRESS, prepareCallers } from '../helpers/callers.js';
import { RecordingClient, startTestHub, type TestHub } from '../helpers/test-hub.js';

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

  it('the tablet rates only the ticket it was just shown, not an earlier one of its counter by id', async () => {
    const clock = { now: Date.UTC(2026, 10, 24, 2, 0) };
    hub = await startTestHub({ clock: () => clock.now });
    const c = await prepareCallers(hub);
    const served: string[] = [];
    for (let i = 0; i < 3; i++) {
      await inject(hub, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
      served.push((await inject(hub, c.clerk1!, 'POST', '/api/counters/1/call-next', {})).body.ticket.id);
      await inject(hub, c.clerk1!, 'POST', '/api/counters/1/finish', {});
      clock.now += 60_000;
    }
    // All three finished at counter 1 within ten minutes: only the last may be rated.
    for (const earlier of served.slice(0, 2)) {
      const refused = await inject(hub, tablet, 'POST', '/api/ratings', { ticketId: earlier, level: 'very_satisfied' });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ error: 'rating_not_last_finished', message: 'Chỉ đánh giá được lượt phục vụ vừa kết thúc tại quầy số 1.' });
      expect(hub.hub.ratings.get(earlier)).toBeUndefined();
    }
    const rated = await inject(hub, tablet, 'POST', '/api/ratings', { ticketId: served[2], level: 'satisfied' });
    expect(rated.status).toBe(201);
    expect(hub.hub.ratings.get(served[2]!)).toMatchObject({ level: 'satisfied', counterId: 1 });
    // Once the next citizen's service is finished, the one before can no longer be rated either.
    await inject(hub, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
    const fourth = (await inject(hub, c.clerk1!, 'POST', '/api/counters/1/call-next', {})).body.ticket.id;
    await inject(hub, c.clerk1!, 'POST', '/api/counters/1/finish', {});
    expect((await inject(hub, tablet, 'POST', '/api/ratings', { ticketId: served[1], level: 'not_satisfied' })).body.error).toBe('rating_not_last_finished');
    expect((await inject(hub, tablet, 'POST', '/api/ratings', { ticketId: fourth, level: 'satisfied' })).status).toBe(201);
  });

  it('displays hear of a rating and of dossiers without any dossier code', async () => {
    const clock = { now: Date.UTC(2026, 10, 24, 2, 0) };
    hub = await startTestHub({ clock: () => clock.now });
    const c = await prepareCallers(hub);
    const display = new RecordingClient(hub.url);
    const counterDisplay = new RecordingClient(hub.url, { counters: [1] });
    await display.until(() => display.snapshots.length > 0, 'the snapshot');
    await counterDisplay.until(() => counterDisplay.snapshots.length > 0, 'the snapshot');
    await inject(hub, c.api!, 'POST', '/api/tickets', { serviceId: 'HT' });
    const ticketId = (await inject(hub, c.clerk1!, 'POST', '/api/counters/1/call-next', {})).body.ticket.id;
    const codes: string[] = [];
    for (const procedureCode of ['CT.02', 'HT.04']) {
      const dossier = await inject(hub, c.clerk1!, 'POST', '/api/dossiers', {
        counterId: 1,
        ticketId,
        procedureCode,
        applicant: { name: 'Lê Thị Hoa', idNumber: '036199001122', address: 'Phường Hòa An' },
        papers: [],
        outcome: 'complete',
      });
      expect(dossier.status).toBe(201);
      codes.push(dossier.body.code);
    }
    await inject(hub, c.api!, 'POST', `/api/dossiers/${codes[0]}/status`, { action: 'start' });
    await inject(hub, c.clerk1!, 'POST', '/api/counters/1/finish', {});
    const rated = await inject(hub, tablet, 'POST', '/api/ratings', { ticketId, level: 'very_satisfied' });
    expect(rated.status).toBe(201);
    // The whole hall's display hears the rating; one following counter 1 hears its dossiers.
    await display.until(() => display.events.some((e) => e.type === 'ticket:rated'), 'the rating');
    const rating = display.events.find((e) => e.type === 'ticket:rated')!.data.rating;
    expect(rating).toMatchObject({ ticketId, level: 'very_satisfied', counterId: 1, serviceId: 'HT' });
    expect(rating).not.toHaveProperty('dossierCodes');
    await counterDisplay.until(() => counterDisplay.events.some((e) => e.type === 'ticket:finished'), 'the finished service');
    for (const client of [display, counterDisplay]) {
      expect(client.events.filter((e) => e.type === 'dossier:changed')).toHaveLength(3);
      const heard = JSON.stringify([client.snapshots, client.events]);
      for (const code of codes) expect(heard).not.toContain(code);
      // Not even in part: the day-and-number tail of a code (…-261124-0001) is what a guesser steps through.
      expect(heard).not.toMatch(/\d{6}-\d{4}/);
      client.close();
    }
    // The log, read with a credential, still keeps which dossiers the rating was about.
    expect(hub.hub.ratings.get(ticketId)!.dossierCodes).toEqual(codes);
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
