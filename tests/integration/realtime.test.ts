import { afterEach, describe, expect, it } from 'vitest';
import type { HallSnapshot, Reply } from '../../server/contract/events.js';
import { EventSequencer } from '../../server/contract/event-sequencer.js';
import { HUB_ACTOR } from '../../server/domain/access/actor.js';
import { staffCounters } from '../helpers/callers.js';
import { api, RecordingClient, startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
const clients: RecordingClient[] = [];

function client(filter = {}): RecordingClient {
  const c = new RecordingClient(hub!.url, filter);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await hub?.stop(true);
  hub = null;
});

describe('realtime events', () => {
  it('sends a snapshot on connect, then numbered events with fresh queue figures', async () => {
    hub = await startTestHub();
    await staffCounters(hub, [1]);
    const display = client();
    const snapshot = await display.until(() => display.snapshots[0], 'snapshot');
    expect(snapshot.services.length).toBeGreaterThanOrEqual(10);
    expect(snapshot.counters.length).toBeGreaterThanOrEqual(12);

    const issued = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    const event = await display.until(() => display.events.find((e) => e.type === 'ticket:issued'), 'ticket:issued');
    expect(event.seq).toBe(issued.body.seq);
    expect(event.seq).toBe(snapshot.seq + 1);
    expect(event.prevSeq).toBe(snapshot.seq);
    if (event.type !== 'ticket:issued') throw new Error('unreachable');
    expect(event.data.ticket.number).toBe('A001');
    expect(event.services.find((s) => s.id === 'HT')).toMatchObject({ waiting: 1 });

    await api(hub.url, 'POST', '/api/counters/1/call-next');
    const call = await display.until(() => display.events.find((e) => e.type === 'ticket:called'), 'ticket:called');
    expect(call).toMatchObject({ data: { ticket: { number: 'A001', status: 'called' }, counter: { id: 1 } }, prevSeq: event.seq });
  });

  it('keeps sequence numbers growing, with no gap, under concurrent commands', async () => {
    hub = await startTestHub();
    const display = client();
    const sequencer = new EventSequencer();
    sequencer.reset((await display.until(() => display.snapshots[0], 'snapshot')).seq);
    const services = ['HT', 'DD', 'XD', 'CA', 'THUE'];
    await Promise.all(Array.from({ length: 60 }, (_, i) => api(hub!.url, 'POST', '/api/tickets', { serviceId: services[i % services.length] })));
    await display.until(() => display.events.length >= 60, '60 events');
    expect(display.events.map((e) => sequencer.accept(e))).toEqual(Array(60).fill('apply'));
  });

  it('sends the changes of one turn of the event loop as one message per room, chain unbroken', async () => {
    hub = await startTestHub();
    const client = new RecordingClient(hub.url);
    clients.push(client);
    let messages = 0;
    client.socket.on('hall:events', () => messages++);
    await client.until(() => client.snapshots.length > 0, 'snapshot');
    const start = client.snapshots[0]!.seq;
    // Forty numbers taken in the same turn, as forty requests arriving together would be.
    const commits = Array.from({ length: 40 }, (_, i) => hub!.hub.queue.execute({ type: 'issue', serviceId: ['HT', 'DD'][i % 2]!, priority: null, source: 'api' }, HUB_ACTOR));
    await Promise.all(commits);
    await client.until(() => client.events.length >= 40, '40 events');
    expect(messages).toBe(1);
    const sequencer = new EventSequencer();
    sequencer.reset(start);
    expect(client.events.map((e) => sequencer.accept(e))).toEqual(Array(40).fill('apply'));
  });

  it('lets a display follow only some services or counters, with its own unbroken chain', async () => {
    hub = await startTestHub();
    await staffCounters(hub, [3, 8]);
    const police = client({ services: ['CA'] });
    const counter8 = client({ counters: [8] });
    const snap = await police.until(() => police.snapshots[0], 'snapshot');
    expect(snap.services.map((s) => s.id)).toEqual(['CA']);
    const snap8 = await counter8.until(() => counter8.snapshots[0], 'snapshot');
    expect(snap8.counters.map((c) => c.def.id)).toEqual([8]);

    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'CA' });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD' });
    await api(hub.url, 'POST', '/api/counters/8/call-next');
    await api(hub.url, 'POST', '/api/counters/3/call-next');

    for (const c of [police, counter8]) {
      await c.until(() => c.events.length >= 2, 'two events');
      // Give stray events a moment to arrive, if the filter were wrong.
      await new Promise((r) => setTimeout(r, 100));
      expect(c.events.map((e) => e.type)).toEqual(['ticket:issued', 'ticket:called']);
      const seq = new EventSequencer();
      seq.reset(c.snapshots[0]!.seq);
      expect(c.events.map((e) => seq.accept(e))).toEqual(['apply', 'apply']);
    }
  });

  it('recovers after a dropped connection with a fresh snapshot', async () => {
    hub = await startTestHub();
    const display = client();
    await display.until(() => display.snapshots[0], 'first snapshot');
    display.socket.io.engine.close(); // the network drops; socket.io reconnects by itself
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD' });
    const again = await display.until(() => display.snapshots[1], 'snapshot after reconnect');
    expect(again.waiting.map((t) => t.number)).toContain('B001');
    expect(again.seq).toBeGreaterThan(display.snapshots[0]!.seq);
  });

  it('detects a missed event and resyncs from a snapshot', async () => {
    hub = await startTestHub();
    const display = client();
    const sequencer = new EventSequencer();
    sequencer.reset((await display.until(() => display.snapshots[0], 'snapshot')).seq);
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await display.until(() => display.events.length >= 2, 'two events');
    // The page lost the first event: the second one reveals the gap.
    expect(sequencer.accept(display.events[1]!)).toBe('gap');
    const reply = await new Promise<Reply<HallSnapshot>>((resolve) => display.socket.emit('hall:resync', resolve));
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.data.waiting.map((t) => t.number)).toEqual(['A001', 'A002']);
    sequencer.reset(reply.data.seq);
    expect(sequencer.accept(display.events[1]!)).toBe('duplicate');
  });

  it('ignores a filter it cannot read instead of failing', async () => {
    hub = await startTestHub();
    const display = client({ services: 'HT', counters: 'all' } as never);
    const first = await display.until(() => display.snapshots[0], 'snapshot');
    expect(first.services.length).toBeGreaterThanOrEqual(10);
    for (const garbage of ['HT', 42, null, { services: [1, {}, 'HT'] }]) {
      const reply = await new Promise<Reply<HallSnapshot>>((resolve) => display.socket.emit('hall:subscribe', garbage as never, resolve));
      expect(reply.ok).toBe(true);
    }
    const last = await new Promise<Reply<HallSnapshot>>((resolve) => display.socket.emit('hall:subscribe', { services: [1, {}, 'HT'] } as never, resolve));
    expect(last.ok && last.data.services.map((s) => s.id)).toEqual(['HT']);
    expect((await api(hub.url, 'GET', '/api/health')).body.ok).toBe(true);
  });

  it('changes what a page follows with hall:subscribe', async () => {
    hub = await startTestHub();
    const display = client();
    await display.until(() => display.snapshots[0], 'snapshot');
    const reply = await new Promise<Reply<HallSnapshot>>((resolve) => display.socket.emit('hall:subscribe', { services: ['THUE'] }, resolve));
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.data.services.map((s) => s.id)).toEqual(['THUE']);
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'THUE' });
    const event = await display.until(() => display.events[0], 'event');
    expect(event.type === 'ticket:issued' && event.data.ticket.serviceId).toBe('THUE');
  });
});
