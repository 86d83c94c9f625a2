// The hall display's calls: newest first, a recall back on top, one line per ticket.

import { describe, expect, it } from 'vitest';
import { applyCallEvents, distinctCalls, filterFromQuery } from '../../display/src/calls-board.js';
import { applyCounterEvents, gridShape } from '../../display/src/counter-board.js';
import type { CallRecord, HallEvent } from '../../server/contract/events.js';

const call = (ticketId: string, counterId: number, at: number, recall = false): CallRecord => ({ ticketId, number: ticketId, serviceId: 'HT', counterId, at, recall });
const event = (type: 'ticket:called' | 'ticket:recalled', ticketId: string, counterId: number, at: number) =>
  ({ type, at, data: { ticket: { id: ticketId, number: ticketId, serviceId: 'HT' }, counter: { id: counterId } } }) as unknown as HallEvent;

describe('calls on the hall display', () => {
  it('puts new calls and recalls on top, once per ticket, ten at most', () => {
    let calls = applyCallEvents([], [event('ticket:called', 'A001', 1, 1), event('ticket:called', 'A002', 2, 2)]);
    expect(calls.map((c) => c.number)).toEqual(['A002', 'A001']);
    calls = applyCallEvents(calls, [event('ticket:recalled', 'A001', 1, 3)]);
    expect(calls.map((c) => [c.number, c.recall])).toEqual([
      ['A001', true],
      ['A002', false],
    ]);
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

describe('the display grid of counters', () => {
  const counter = (id: number, mode: 'open' | 'paused' | 'closed', currentTicketId: string | null) => ({ id, mode, currentTicketId, clerk: null, regularSincePriority: 0, since: 0 });
  const change = (type: string, data: object) => ({ type, data, seq: 1, prevSeq: 0, at: 0, actor: null, services: [] }) as unknown as HallEvent;
  const cells = [
    { id: 1, mode: 'open' as const, number: null },
    { id: 2, mode: 'open' as const, number: 'A001' },
  ];

  it('follows calls, finishes, pauses, and ignores counters it does not show', () => {
    let next = applyCounterEvents(cells, [change('ticket:called', { ticket: { id: 't2', number: 'A002' }, counter: counter(1, 'open', 't2'), outOfOrder: false })]);
    expect(next).toEqual([
      { id: 1, mode: 'open', number: 'A002' },
      { id: 2, mode: 'open', number: 'A001' },
    ]);
    next = applyCounterEvents(next, [
      change('ticket:finished', { ticket: { id: 't1', number: 'A001' }, counter: counter(2, 'open', null) }),
      change('counter:paused', { counter: counter(1, 'paused', 't2') }),
      change('ticket:called', { ticket: { id: 't9', number: 'C001' }, counter: counter(9, 'open', 't9'), outOfOrder: false }),
    ]);
    expect(next).toEqual([
      { id: 1, mode: 'paused', number: 'A002' },
      { id: 2, mode: 'open', number: null },
    ]);
  });

  it('shapes 20 cells as large as the box allows', () => {
    expect(gridShape(20, 700, 800)).toEqual({ columns: 4, rows: 5 });
    expect(gridShape(20, 1040, 640)).toEqual({ columns: 5, rows: 4 });
    expect(gridShape(2, 700, 800)).toEqual({ columns: 1, rows: 2 });
  });
});
