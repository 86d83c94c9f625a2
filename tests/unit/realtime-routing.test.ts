import { describe, expect, it } from 'vitest';
import type { PublishedEvent } from '../../server/contract/events.js';
import { EventSequencer } from '../../server/contract/event-sequencer.js';
import type { PublicTicket } from '../../server/contract/events.js';
import type { CounterDef } from '../../server/domain/model.js';
import { normalizeFilter, roomKey, SubscriptionRooms } from '../../server/realtime/subscriptions.js';

const ticket = (serviceId: string, counterId: number | null = null) => ({ id: `x-${serviceId}`, serviceId, counterId, targetCounterId: null }) as PublicTicket;
const issued = (seq: number, serviceId: string): PublishedEvent => ({ type: 'ticket:issued', seq, at: 0, actor: null, services: [], data: { ticket: ticket(serviceId) } });
const counters: Record<number, CounterDef> = { 8: { id: 8, services: [{ serviceId: 'CA', weight: 1 }] } as CounterDef };

describe('subscription rooms', () => {
  it('keys equal filters to the same room, whatever their order', () => {
    expect(roomKey(normalizeFilter({ services: ['DD', 'HT', 'HT'] }))).toBe(roomKey(normalizeFilter({ services: ['HT', 'DD'] })));
    expect(roomKey(normalizeFilter({}))).toBe('hall:all');
  });

  it('chains prevSeq per room over the events that room receives', () => {
    const rooms = new SubscriptionRooms(() => 10);
    const all = rooms.join(normalizeFilter({}));
    const police = rooms.join(normalizeFilter({ counters: [8] }));
    const routed = rooms.route([issued(11, 'HT'), issued(12, 'CA'), issued(13, 'HT'), issued(14, 'CA')], (id) => counters[id]);
    const chain = (key: string) => routed.find((r) => r.key === key)!.events.map((e) => [e.prevSeq, e.seq]);
    expect(chain(all)).toEqual([[10, 11], [11, 12], [12, 13], [13, 14]]);
    expect(chain(police)).toEqual([[10, 12], [12, 14]]);
  });
});

describe('event sequencer', () => {
  it('applies in order, drops duplicates and reports gaps', () => {
    const s = new EventSequencer();
    expect(s.accept({ seq: 1, prevSeq: 0 })).toBe('gap'); // no snapshot yet
    s.reset(10);
    expect(s.accept({ seq: 12, prevSeq: 8 })).toBe('apply'); // its previous event came before the snapshot
    expect(s.accept({ seq: 12, prevSeq: 8 })).toBe('duplicate');
    expect(s.accept({ seq: 15, prevSeq: 14 })).toBe('gap');
    expect(s.seq).toBe(12);
  });
});
