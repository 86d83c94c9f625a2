// The hall display's calls: newest first, a recall back on top, one line per ticket.

import { describe, expect, it } from 'vitest';
import { applyCallEvents, distinctCalls, filterFromQuery } from '../../display/src/calls-board.js';
import type { CallRecord, HallEvent } from '../../server/contract/events.js';

const call = (ticketId: string, counterId: number, at: number, recall = false): CallRecord => ({ ticketId, number: ticketId, serviceId: 'HT', counterId, at, recall });
const event = (type: 'ticket:called' | 'ticket:recalled', ticketId: string, counterId: number, at: number) =>
  ({ type, at, data: { ticket: { id: ticketId, number: ticketId, serviceId: 'HT' }, counter: { id: counterId } } }) as unknown as HallEvent;

describe('calls on the hall display', () => {
  it('puts new calls and recalls on top, once per ticket, ten at most', () => {
    let calls = applyCallEvents([], [event('ticket:called', 'A001', 1, 1), event('ticket:called', 'A002', 2, 2)]);
    expect(calls.map((c) => c.number)).toEqual(['A002', 'A001']);
    calls = applyCallEvents(calls, [event('ticket:recalled', 'A001', 1, 3)]);
    expect(calls.map((c) => [c.number, c.recall])).toEqual([['A001', true], ['A002', false]]);
    const many = Array.from({ length: 15 }, (_, i) => event('ticket:called', `B${i}`, 3, 10 + i));
    expect(applyCallEvents(calls, many)).toHaveLength(10);
  });

  it('reads a snapshot that lists a recall apart from its call', () => {
    expect(distinctCalls([call('A001', 1, 3, true), call('A002', 2, 2), call('A001', 1, 1)]).map((c) => c.ticketId)).toEqual(['A001', 'A002']);
  });

  it('follows the services or counters named in the address', () => {
    expect(filterFromQuery('?services=HT,DD')).toEqual({ services: ['HT', 'DD'] });
    expect(filterFromQuery('?counters=1,2,x')).toEqual({ counters: [1, 2] });
    expect(filterFromQuery('')).toEqual({});
  });
});
