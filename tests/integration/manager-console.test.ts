// The manager console's API on a real hub: the live hall with clerks and pause reasons, alerts
// raised by the hub from the hall's state (a printer out of paper, a long wait, a ticket held
// too long), acknowledged by a person, kept in the event log; thresholds checked field by field;
// each queue's citizens who may not be served before closing, as the forecast tells them.

import { afterEach, describe, expect, it } from 'vitest';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import { demoHallWith } from '../helpers/hall-files.js';
import { LoopbackPrinter, PAPER_OUT } from '../helpers/loopback-printer.js';
import { api, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
let printer: LoopbackPrinter | null = null;

afterEach(async () => {
  await hub?.stop(true);
  hub = null;
  await printer?.stop();
  printer = null;
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });

async function signIn(user: string, counterId: number | null) {
  const reply = await api(hub!.url, 'POST', '/api/staff/sign-in', { user, password: 'luot-demo', counterId }, { authorization: null });
  expect(reply.status).toBe(200);
  return reply.body.token as string;
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the manager console', () => {
  it('shows counters with their clerk, pause reason and held ticket, and queues with their longest wait', async () => {
    let now = Date.parse('2026-12-03T02:00:00Z');
    hub = await startTestHub({ clock: () => now });
    const manager = await signIn('quanly', null);
    const lan = await signIn('canbo1', 1);
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/counters/1/call-next', {}, as(lan));
    await signIn('canbo2', 2);
    await api(hub.url, 'POST', '/api/counters/2/pause', { reason: 'Họp giao ban' }, as(manager));
    now += 7 * 60_000;

    const view = (await api(hub.url, 'GET', '/api/manager/hall', undefined, as(manager))).body;
    const one = view.counters.find((c: any) => c.id === 1);
    expect(one).toMatchObject({ mode: 'open', clerk: 'Nguyễn Thị Lan', unattended: false, held: { status: 'called' } });
    expect(now - one.held.since).toBe(7 * 60_000);
    expect(view.counters.find((c: any) => c.id === 2)).toMatchObject({ mode: 'paused', pauseReason: 'Họp giao ban', clerk: 'Trần Văn Minh' });
    const ht = view.services.find((s: any) => s.id === 'HT');
    expect(ht.waiting).toBe(1);
    expect(now - ht.longestWaitSince).toBe(7 * 60_000);
    expect(view.thresholds).toEqual({ longestWaitMinutes: 30, ticketHeldMinutes: 20, deviceSilentMinutes: 2, noCounterMinutes: 10, counterIdleMinutes: 5, dossierDueWorkingHours: 8 });
    expect(view.storage.databaseBytes).toBeGreaterThan(0);
    expect(one.servedToday).toBe(0);

    // Today's figures per counter follow each commit (kept between reads only while nothing changes).
    const read = async () => (await api(hub!.url, 'GET', '/api/manager/hall', undefined, as(manager))).body.counters.find((c: any) => c.id === 1);
    expect((await read()).servedToday).toBe(0);
    expect((await api(hub.url, 'POST', '/api/counters/1/finish', {}, as(lan))).status).toBe(200);
    now += 60_000;
    expect(await read()).toMatchObject({ servedToday: 1, held: null });

    // Pages never see it; a clerk may not read it.
    expect((await api(hub.url, 'GET', '/api/manager/hall', undefined, { authorization: null })).status).toBe(401);
    expect((await api(hub.url, 'GET', '/api/manager/hall', undefined, as(lan))).status).toBe(403);
  });

  it('counts per service the waiting citizens the forecast does not expect called before closing, as the kiosk tells each of them', async () => {
    // Tuesday 24/11/2026 at 16:35, the hall closing at 17:00; one clerk at counter 1 (civil
    // status only, 6 minutes a citizen): of 8 waiting, the first few are called before 17:00.
    const now = localInstant('2026-11-24', 16 * 60 + 35, 'Asia/Ho_Chi_Minh');
    const dataDir = tempDataDir();
    const hallFile = demoHallWith(dataDir, (hall) => {
      hall.hall.hours = { 'mon-fri': ['07:30-11:30', '13:30-17:00'] };
    });
    hub = await startTestHub({ dataDir, hallFile, clock: () => now });
    const manager = await signIn('quanly', null);
    await signIn('canbo1', 1);
    const tickets: string[] = [];
    for (let i = 0; i < 8; i++) tickets.push((await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' })).body.ticket.ticket.id);
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD' });

    // A forecast made a moment ago is reused while changes come faster than forecasting takes
    // (hall-queries.ts): read until the one made after the last ticket answers.
    const { view, told } = await until(
      async () => {
        const view = (await api(hub!.url, 'GET', '/api/manager/hall', undefined, as(manager))).body;
        // What each citizen's own ticket says (the kiosk's slip, the phone page).
        let told = 0;
        for (const id of tickets) if ((await api(hub!.url, 'GET', `/api/tickets/${id}`)).body.beyondClosing) told++;
        return { view, told };
      },
      // Calls forecast at 16:35, 16:41, 16:47, 16:53 and 16:59: the last three are past 17:00.
      ({ view, told }) => told === 3 && view.services.find((s: any) => s.id === 'HT').mayNotBeServed === told,
      'the forecast after the last ticket',
    );
    const ht = view.services.find((s: any) => s.id === 'HT');
    expect(ht.waiting).toBe(8);
    expect(ht.mayNotBeServed).toBe(told);
    // Land: nobody at a counter serving it, so no call is forecast at all (not "beyond closing").
    expect(view.services.find((s: any) => s.id === 'DD')).toMatchObject({ waiting: 1, mayNotBeServed: 0 });
    expect(view.services.find((s: any) => s.id === 'XD')).toMatchObject({ waiting: 0, mayNotBeServed: 0 });
  });

  it('a printer out of paper raises an alert; a manager acknowledges it; both are in the log', async () => {
    printer = await new LoopbackPrinter().start();
    const dataDir = tempDataDir();
    const hallFile = demoHallWith(dataDir, (hall) => {
      hall.kiosks[0].printer = { type: 'epson', address: printer!.address, paper: 80 };
    });
    hub = await startTestHub({ dataDir, hallFile });
    const manager = await signIn('quanly', null);
    printer.state = { ...PAPER_OUT };
    const issued = await fetch(`${hub.url}/api/kiosk/tickets`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-kiosk-K1-token', 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'HT' }),
    });
    expect(issued.status).toBe(201);

    const view = await until(
      async () => (await api(hub!.url, 'GET', '/api/manager/hall', undefined, as(manager))).body,
      (v) => v.alerts.some((a: any) => a.key === 'printer:K1:paper_out'),
      'the printer alert',
    );
    const alert = view.alerts.find((a: any) => a.key === 'printer:K1:paper_out');
    expect(alert).toMatchObject({ kind: 'printer', acknowledgedAt: null, message: 'Máy in K1: Máy in hết giấy.' });

    const acked = await api(hub.url, 'POST', `/api/alerts/${alert.id}/acknowledge`, undefined, as(manager));
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ id: alert.id, acknowledgedBy: 'Trần Thị Thu' });
    expect((await api(hub.url, 'POST', '/api/alerts/9999/acknowledge', undefined, as(manager))).status).toBe(404);

    const log = (await api(hub.url, 'GET', '/api/events?limit=100')).body;
    expect(log.find((e: any) => e.type === 'alert:raised' && e.data.alert.id === alert.id)).toMatchObject({ actor: 'hub', data: { alert: { id: alert.id, kind: 'printer' } } });
    expect(log.find((e: any) => e.type === 'alert:acknowledged')).toMatchObject({ actor: 'Trần Thị Thu', data: { alert: { id: alert.id } } });
  });

  it('a long wait and a ticket held too long raise alerts by the thresholds a manager set; they clear when the trouble ends', async () => {
    let now = Date.parse('2026-12-03T02:00:00Z');
    hub = await startTestHub({ clock: () => now });
    const manager = await signIn('quanly', null);
    const set = await api(hub.url, 'PUT', '/api/alerts/thresholds', { longestWaitMinutes: 10, ticketHeldMinutes: 5, deviceSilentMinutes: 3 }, as(manager));
    expect(set.status).toBe(200);
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD' });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD' });
    const lan = await signIn('canbo1', 3);
    await api(hub.url, 'POST', '/api/counters/3/call-next', {}, as(lan));
    now += 11 * 60_000;
    const kinds = async () => ((await api(hub!.url, 'GET', '/api/manager/hall', undefined, as(manager))).body.alerts as any[]).map((a) => a.key).sort();
    expect(await until(kinds, (k) => k.length === 2, 'two alerts')).toEqual(['long_wait:DD', 'ticket_held:3']);

    await api(hub.url, 'POST', '/api/counters/3/call-next', { finishCurrent: true }, as(lan));
    await api(hub.url, 'POST', '/api/counters/3/finish', {}, as(lan));
    expect(await until(kinds, (k) => k.length === 0, 'the alerts to clear')).toEqual([]);
    const log = (await api(hub.url, 'GET', '/api/events?limit=200')).body;
    expect(log.filter((e: any) => e.type === 'alert:cleared')).toHaveLength(2);
    expect(log.find((e: any) => e.type === 'alert:thresholds')).toMatchObject({ actor: 'Trần Thị Thu', data: { thresholds: { longestWaitMinutes: 10 } } });
  });

  it('a queue with no counter open for it and a counter idle while its queue waits raise alerts; they clear when a counter calls', async () => {
    let now = Date.parse('2026-12-03T02:00:00Z');
    hub = await startTestHub({ clock: () => now });
    const manager = await signIn('quanly', null);
    // Thresholds sent without the newer fields keep them: a caller written before them still works.
    expect((await api(hub.url, 'PUT', '/api/alerts/thresholds', { longestWaitMinutes: 600, ticketHeldMinutes: 600, deviceSilentMinutes: 600 }, as(manager))).body).toMatchObject({
      noCounterMinutes: 10,
      counterIdleMinutes: 5,
    });
    const set = await api(
      hub.url,
      'PUT',
      '/api/alerts/thresholds',
      { longestWaitMinutes: 600, ticketHeldMinutes: 600, deviceSilentMinutes: 600, noCounterMinutes: 15, counterIdleMinutes: 4 },
      as(manager),
    );
    expect(set.body).toMatchObject({ noCounterMinutes: 15, counterIdleMinutes: 4, dossierDueWorkingHours: 8 });
    const keys = async () => ((await api(hub!.url, 'GET', '/api/manager/hall', undefined, as(manager))).body.alerts as any[]).map((a) => a.key).sort();

    // Counter 3 serves DD; nobody is at any counter yet. One citizen waits for DD from 09:00.
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD' });
    now += 14 * 60_000;
    await new Promise((r) => setTimeout(r, 300));
    expect(await keys()).not.toContain('no_counter:DD');
    now += 60_000; // 15 minutes with no counter for DD
    expect(await until(keys, (k) => k.includes('no_counter:DD'), 'the no-counter alert')).toContain('no_counter:DD');

    // A clerk opens counter 3 (signing in) but calls no one: the no-counter alert clears, and 4 minutes on the counter is idle.
    const lan = await signIn('canbo1', 3);
    expect(await until(keys, (k) => !k.includes('no_counter:DD'), 'the no-counter alert to clear')).not.toContain('no_counter:DD');
    now += 3 * 60_000;
    await new Promise((r) => setTimeout(r, 300));
    expect(await keys()).not.toContain('counter_idle:3');
    now += 60_000;
    expect(await until(keys, (k) => k.includes('counter_idle:3'), 'the idle-counter alert')).toContain('counter_idle:3');
    const idle = ((await api(hub.url, 'GET', '/api/manager/hall', undefined, as(manager))).body.alerts as any[]).find((a) => a.key === 'counter_idle:3');
    expect(idle.message).toMatch(/^Quầy 3 đang mở nhưng không gọi số đã 4 phút trong khi có người chờ/);

    await api(hub.url, 'POST', '/api/counters/3/call-next', {}, as(lan));
    expect(await until(keys, (k) => !k.includes('counter_idle:3'), 'the idle-counter alert to clear')).toEqual([]);
    const log = (await api(hub.url, 'GET', '/api/events?limit=200')).body;
    expect(
      log
        .filter((e: any) => e.type === 'alert:cleared')
        .map((e: any) => e.data.alert.key)
        .sort(),
    ).toEqual(['counter_idle:3', 'no_counter:DD']);
  });

  it('bad thresholds answer 400 naming the field, and change nothing', async () => {
    hub = await startTestHub();
    const manager = await signIn('quanly', null);
    const good = { longestWaitMinutes: 30, ticketHeldMinutes: 20, deviceSilentMinutes: 2, noCounterMinutes: 10, counterIdleMinutes: 5, dossierDueWorkingHours: 8 };
    const cases: [unknown, string][] = [
      [{ ...good, noCounterMinutes: 0 }, 'noCounterMinutes'],
      [{ ...good, counterIdleMinutes: 'five' }, 'counterIdleMinutes'],
      [{ ...good, dossierDueWorkingHours: 81 }, 'dossierDueWorkingHours'],
      [{ ...good, dossierDueWorkingHours: 1.5 }, 'dossierDueWorkingHours'],
      [{ ...good, longestWaitMinutes: 0 }, 'longestWaitMinutes'],
      [{ ...good, ticketHeldMinutes: 'ten' }, 'ticketHeldMinutes'],
      [{ ...good, deviceSilentMinutes: 2.5 }, 'deviceSilentMinutes'],
      [{ ...good, deviceSilentMinutes: 601 }, 'deviceSilentMinutes'],
      [{ longestWaitMinutes: 30, ticketHeldMinutes: 20 }, 'deviceSilentMinutes'],
      [{ ...good, extra: 1 }, 'extra'],
      ['not json', ''],
    ];
    for (const [body, field] of cases) {
      const reply = await api(hub.url, 'PUT', '/api/alerts/thresholds', body, as(manager));
      expect(reply.status, JSON.stringify(reply.body)).toBe(400);
      expect(`${reply.body.message} ${reply.body.messageEn}`).toContain(field);
    }
    expect((await api(hub.url, 'POST', '/api/alerts/abc/acknowledge', undefined, as(manager))).status).toBe(400);
    expect((await api(hub.url, 'GET', '/api/manager/hall', undefined, as(manager))).body.thresholds).toEqual(good);
  });
});
