import { describe, expect, it } from 'vitest';
import type { PublishedEvent } from '../../server/contract/events.js';
import { EventSequencer } from '../../server/contract/event-sequencer.js';
import type { PublicTicket, ServiceFigures } from '../../server/contract/events.js';
import type { CounterDef } from '../../server/domain/hall/hall-definition.js';
import { normalizeFilter, roomKey, SubscriptionRooms } from '../../server/realtime/subscriptions.js';

const ticket = (serviceId: string, counterId: number | null = null) => ({ id: `x-${serviceId}`, serviceId, counterId, targetCounterId: null }) as PublicTicket;
const figures = (id: string, waiting: number) => ({ id, waiting }) as ServiceFigures;
const issued = (seq: number, serviceId: string, waiting = 0): PublishedEvent => ({
  type: 'ticket:issued',
  seq,
  at: 0,
  services: [figures(serviceId, waiting)],
  data: { ticket: ticket(serviceId) },
});
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
    expect(chain(all)).toEqual([
      [10, 11],
      [11, 12],
      [12, 13],
      [13, 14],
    ]);
    expect(chain(police)).toEqual([
      [10, 12],
      [12, 14],
    ]);
  });

  it("sends a service's figures once per message, with its last event there", () => {
    const rooms = new SubscriptionRooms(() => 10);
    const all = rooms.join(normalizeFilter({}));
    const hoTich = rooms.join(normalizeFilter({ services: ['HT'] }));
    const routed = rooms.route([issued(11, 'HT', 1), issued(12, 'CA', 1), issued(13, 'HT', 2), issued(14, 'CA', 2), issued(15, 'HT', 3)], (id) => counters[id]);
    const carried = (key: string) => routed.find((r) => r.key === key)!.events.map((e) => [e.seq, e.services.map((f) => `${f.id}=${f.waiting}`)]);
    expect(carried(all)).toEqual([
      [11, []],
      [12, []],
      [13, []],
      [14, ['CA=2']],
      [15, ['HT=3']],
    ]);
    expect(carried(hoTich)).toEqual([
      [11, []],
      [13, []],
      [15, ['HT=3']],
    ]);
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
