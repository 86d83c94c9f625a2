// A clerk acts only on their own counter's citizens; a manager anywhere; simulated keypads
// only with the /boards token or a manager, and not at all when the hall turns them off.

import { afterEach, describe, expect, it } from 'vitest';
import { HUB_MACHINE, inject, LAN_ADDRESS, prepareCallers } from '../helpers/callers.js';
import { demoHallWith } from '../helpers/hall-files.js';
import { startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

const nobody = { address: LAN_ADDRESS, token: null };

describe("a clerk's scope", () => {
  it("refuses a clerk acting on another counter's citizen, and lets the counter holding it act", async () => {
    hub = await startTestHub();
    const c = await prepareCallers(hub);
    // Counters 1 and 2 both serve HT (Hộ tịch).
    const a1 = await inject(hub, c.api, 'POST', '/api/tickets', { serviceId: 'HT' });
    const a2 = await inject(hub, c.api, 'POST', '/api/tickets', { serviceId: 'HT' });
    const called = await inject(hub, c.clerk2, 'POST', '/api/counters/2/call-next', {});
    expect(called.body.ticket.id).toBe(a1.body.ticket.ticket.id);

    // canbo1 at counter 1 cannot cancel what counter 2 holds: nothing changes.
    const cancel = await inject(hub, c.clerk1, 'POST', `/api/tickets/${a1.body.ticket.ticket.id}/cancel`, { reason: 'thử' });
    expect(cancel.status).toBe(403);
    expect(cancel.body).toMatchObject({ error: 'ticket_not_in_scope', messageEn: expect.stringContaining('A001') });
    expect(hub.hub.live.counterState(2)!.currentTicketId).toBe(a1.body.ticket.ticket.id);
    expect(hub.hub.live.ticket(a1.body.ticket.ticket.id)!.status).toBe('called');

    // A ticket waiting for a service counter 1 serves is in its scope.
    const priority = await inject(hub, c.clerk1, 'POST', `/api/tickets/${a2.body.ticket.ticket.id}/priority`, { priority: 'nguoi_cao_tuoi' });
    expect(priority.status).toBe(200);

    // Counter 2 skips A001; counter 3 (Đất đai only) may not put it back, counter 2 may.
    await inject(hub, c.clerk2, 'POST', '/api/counters/2/no-show', {});
    const clerk3 = (await inject(hub, nobody, 'POST', '/api/staff/sign-in', { user: 'canbo3', password: 'luot-demo', counterId: 3 })).body.token;
    const foreign = await inject(hub, { address: LAN_ADDRESS, token: clerk3 }, 'POST', `/api/tickets/${a1.body.ticket.ticket.id}/restore`, {});
    expect(foreign.status).toBe(403);
    const own = await inject(hub, c.clerk2, 'POST', `/api/tickets/${a1.body.ticket.ticket.id}/restore`, {});
    expect(own.status).toBe(200);

    // Counter 3 may not cancel a waiting HT ticket, nor take numbers for HT; a manager may.
    expect((await inject(hub, { address: LAN_ADDRESS, token: clerk3 }, 'POST', `/api/tickets/${a2.body.ticket.ticket.id}/cancel`, {})).status).toBe(403);
    const issue = await inject(hub, { address: LAN_ADDRESS, token: clerk3 }, 'POST', '/api/tickets', { serviceId: 'HT' });
    expect(issue.body.error).toBe('service_not_in_scope');
    const byManager = await inject(hub, c.manager, 'POST', `/api/tickets/${a2.body.ticket.ticket.id}/cancel`, { reason: 'Công dân về' });
    expect(byManager.status).toBe(200);

    // The log says who did each thing.
    const log = await inject(hub, c.manager, 'GET', '/api/events');
    const actors = (log.body as { type: string; actor: string }[]).map((e) => `${e.type} ${e.actor}`);
    expect(actors).toEqual(
      expect.arrayContaining(['ticket:called Trần Văn Minh', 'ticket:priority-changed Nguyễn Thị Lan', 'ticket:restored Trần Văn Minh', 'ticket:cancelled Trần Thị Thu']),
    );
  });

  it('refuses a clerk the commands of another counter, whatever the body says', async () => {
    hub = await startTestHub();
    const c = await prepareCallers(hub);
    await inject(hub, c.api, 'POST', '/api/tickets', { serviceId: 'CA' });
    // A clerk cannot reach another counter's command by its URL, whatever the body says.
    const other = await inject(hub, c.clerk1, 'POST', '/api/counters/8/call-next', {});
    expect(other.status).toBe(403);
    expect(hub.hub.live.counterState(8)!.currentTicketId).toBeNull();
  });
});

describe('the keypad simulator', () => {
  it('presses keys only with a credential, acting as the keypad', async () => {
    hub = await startTestHub();
    const c = await prepareCallers(hub);
    await inject(hub, c.api, 'POST', '/api/tickets', { serviceId: 'HT' });
    const press = (caller: { address: string; token: string | null }) => inject(hub!, caller, 'POST', '/api/simulator/buses/B1/keypads/2/press', { key: 'callNext' });

    const anonymous = await press(nobody);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toContain('/boards');
    expect(hub.hub.live.counterState(2)!.currentTicketId).toBeNull();

    // Only the hub machine gets a simulator token without signing in.
    expect((await inject(hub, nobody, 'GET', '/api/simulator/token')).status).toBe(403);
    expect((await inject(hub, c.manager, 'GET', '/api/simulator/token')).status).toBe(200);
    const token = (await inject(hub, { address: HUB_MACHINE, token: null }, 'GET', '/api/simulator/token')).body.token;
    expect((await press({ address: LAN_ADDRESS, token })).status).toBe(202);
    await expect.poll(() => hub!.hub.live.counterState(2)!.currentTicketId).not.toBeNull();
    // A kiosk's or a clerk's token is not a simulator credential.
    expect((await press(c.kiosk)).status).toBe(401);
    expect((await press(c.clerk2)).status).toBe(401);
    const log = await inject(hub, c.manager, 'GET', '/api/events');
    expect((log.body as { type: string; actor: string }[]).find((e) => e.type === 'ticket:called')!.actor).toBe('keypad:B1:2');
  });

  it('is off when the hall file says simulator: false', async () => {
    const dataDir = tempDataDir();
    const file = demoHallWith(dataDir, (hall) => (hall.hall.simulator = false));
    hub = await startTestHub({ dataDir, hallFile: file });
    const c = await prepareCallers(hub);
    const press = await inject(hub, c.manager, 'POST', '/api/simulator/buses/B1/keypads/2/press', { key: 'callNext' });
    expect(press.status).toBe(403);
    expect(press.body).toMatchObject({ error: 'simulator_off', message: expect.stringContaining('simulator: false') });
  });
});
