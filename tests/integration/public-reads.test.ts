// What anyone on the hall network can read carries nothing personal (Decree 13/2023/NĐ-CP):
// no priority category, no reason a clerk typed, no file path. Staff still read them.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ACCESS } from '../../server/http/access/access-table.js';
import { DEMO_KIOSK_TOKEN, inject, LAN_ADDRESS, prepareCallers, type TestCaller } from '../helpers/callers.js';
import { demoHallWith } from '../helpers/hall-files.js';
import { RecordingClient, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

const SECRETS = {
  category: 'nguoi_khuyet_tat',
  cancelReason: 'CCCD 001099012345, SĐT 0912345678',
  pauseReason: 'Đi khám bệnh ở viện',
};

let hub: TestHub;
let page: RecordingClient;
let staff: Record<string, TestCaller>;
let priorityTicket: string;
let packDir: string;

beforeAll(async () => {
  const dataDir = tempDataDir();
  packDir = join(dataDir, 'giong-doc-rieng');
  mkdirSync(packDir);
  const file = demoHallWith(dataDir, (hall) => (hall.hall.voice = { packDir }));
  hub = await startTestHub({ dataDir, hallFile: file });
  staff = await prepareCallers(hub);
  page = new RecordingClient(hub.url);
  await page.until(() => page.snapshots[0], 'snapshot');

  const kiosk = { address: LAN_ADDRESS, token: DEMO_KIOSK_TOKEN };
  const issued = await inject(hub, kiosk, 'POST', '/api/kiosk/tickets', { serviceId: 'HT', priority: SECRETS.category });
  priorityTicket = issued.body.ticket.ticket.id;
  expect(issued.body.ticket.ticket.priority).toBe(true);
  const other = await inject(hub, kiosk, 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
  await inject(hub, staff.clerk1!, 'POST', `/api/tickets/${other.body.ticket.ticket.id}/cancel`, { reason: SECRETS.cancelReason });
  await inject(hub, staff.clerk1!, 'POST', '/api/counters/1/pause', { reason: SECRETS.pauseReason });
  await page.until(() => page.events.some((e) => e.type === 'counter:paused'), 'the pause');
});

afterAll(async () => {
  page.close();
  await hub.stop(true);
});

/** What must not appear: a ticket's category (the list of categories itself is public), the typed reasons, paths. */
function leaks(text: string): string[] {
  return ['"priority":"', SECRETS.cancelReason, SECRETS.pauseReason, packDir, hub.dataDir].filter((secret) => text.includes(secret));
}

describe('public reads', () => {
  it('no public route tells a category, a typed reason or a path', async () => {
    const params: Record<string, string> = { ticketId: priorityTicket, serviceId: 'HT', counterId: '1', busId: 'B1' };
    const publicGets = Object.entries(ROUTE_ACCESS)
      .filter(([key, e]) => e.rule === 'public' && key.startsWith('GET /api/'))
      .map(([key]) => key.slice(4).replace(/:(\w+)/g, (_, p: string) => params[p] ?? p));
    expect(publicGets).toContain('/api/tickets/' + priorityTicket);
    for (const url of publicGets) {
      const full = url.startsWith('/api/voice') ? `${url}?number=A001&counter=1` : url;
      const reply = await inject(hub, { address: LAN_ADDRESS, token: null }, 'GET', full);
      expect(reply.status, full).toBeLessThan(500);
      expect(leaks(reply.text), full).toEqual([]);
    }
    const one = await inject(hub, { address: LAN_ADDRESS, token: null }, 'GET', `/api/tickets/${priorityTicket}`);
    expect(one.body.ticket).toMatchObject({ priority: true });
    expect(one.body.ticket).not.toHaveProperty('endReason');
    const health = await inject(hub, { address: LAN_ADDRESS, token: null }, 'GET', '/api/health');
    expect(health.body.database).not.toHaveProperty('path');
  });

  it('the realtime feed and its snapshots carry public shapes only', async () => {
    const fresh = new RecordingClient(hub.url);
    try {
      const snapshot = await fresh.until(() => fresh.snapshots[0], 'snapshot');
      expect(leaks(JSON.stringify(snapshot))).toEqual([]);
      expect(snapshot.waiting.find((t) => t.id === priorityTicket)?.priority).toBe(true);
      expect(snapshot.hall.voice).not.toHaveProperty('packDir');
      expect(snapshot.counters.find((c) => c.def.id === 1)!.state).toMatchObject({ mode: 'paused' });
      expect(snapshot.counters.find((c) => c.def.id === 1)!.state).not.toHaveProperty('pauseReason');
    } finally {
      fresh.close();
    }
    expect(page.events.length).toBeGreaterThanOrEqual(4);
    expect(leaks(JSON.stringify(page.events))).toEqual([]);
    const cancelled = page.events.find((e) => e.type === 'ticket:cancelled')!;
    expect(cancelled.data).toMatchObject({ reason: null });
    // Who pressed the key is for staff reads: the feed does not name the clerk.
    expect(page.events.filter((e) => 'actor' in e)).toEqual([]);
  });

  it('staff still read the category, the reasons and the log', async () => {
    const day = await inject(hub, staff.manager!, 'GET', '/api/tickets');
    expect(day.text).toContain(SECRETS.category);
    expect(day.text).toContain(SECRETS.cancelReason);
    const counter = await inject(hub, staff.clerk1!, 'GET', '/api/counters/1');
    expect(counter.body.state.pauseReason).toBe(SECRETS.pauseReason);
    const log = await inject(hub, staff.clerk2!, 'GET', '/api/events');
    expect(log.text).toContain(SECRETS.cancelReason);
    for (const url of ['/api/tickets', '/api/events', `/api/tickets/${priorityTicket}/events`, '/api/reports/day']) {
      expect((await inject(hub, { address: LAN_ADDRESS, token: null }, 'GET', url)).status, url).toBe(401);
    }
  });
});
