// The event log keeps what each change set (server/domain/events/log-entry.ts). Over random days of
// every command, folding the entries gives back every ticket and counter exactly, and an
// entry holds only what changed.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HallEventPayloads } from '../../server/contract/events.js';
import { emptyReplay, entryFromRow, logEntriesOf, replayEntry, storedEntry, type PriorState } from '../../server/domain/events/log-entry.js';
import type { Ticket } from '../../server/domain/queue/queue-state.js';
import { HallFixture, hanoi, smallHall } from '../helpers/hall-fixture.js';
import { runSteps, step } from '../helpers/random-commands.js';

/** A small hall whose log is kept as the hub keeps it, folded as it is written. */
function loggedHall(interleaved = false) {
  const hall = new HallFixture(smallHall(interleaved ? { hall: { priority: { policy: 'interleaved', regularPerPriority: 2 } } } : {}), hanoi(7, 30));
  const prior: PriorState = { ticket: (id) => hall.live.ticket(id), counterState: (id) => hall.live.counterState(id), dossier: () => undefined };
  const whole = new Set<number>();
  const replayed = emptyReplay();
  const entries: Record<string, unknown>[] = [];
  let seq = 0;
  hall.beforeApply = (change) => {
    const made = logEntriesOf(change.events, prior, (id) => !whole.has(id));
    made.forEach((entry, i) => {
      const ticket = (change.events[i]!.data as { ticket?: Ticket }).ticket;
      // Through the form the log's row keeps, times relative to the entry's.
      const type = change.events[i]!.type;
      const subjects = { at: hall.now, counterId: (change.events[i]!.data as { counter?: { id: number } | null }).counter?.id ?? ticket?.counterId ?? null };
      const row = JSON.parse(JSON.stringify(storedEntry(entry, type, subjects))) as Record<string, unknown>;
      const readBack = entryFromRow(row, type, subjects);
      expect(readBack).toEqual(entry);
      replayEntry(replayed, { seq: ++seq, ticketId: ticket?.id ?? null, data: readBack });
      for (const c of [entry.counter, ...((entry.counters as unknown[]) ?? [])]) if (c) whole.add((c as { id: number }).id);
      entries.push(entry);
    });
  };
  return { hall, replayed, entries };
}

describe('the event log as changes', () => {
  it('replays every ticket and counter exactly over random days', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), fc.boolean(), (steps, interleaved) => {
        const { hall, replayed } = loggedHall(interleaved);
        const stored = runSteps(hall, steps);
        expect(new Map([...replayed.tickets].sort())).toEqual(new Map([...stored].sort()));
        for (const [id, counter] of replayed.counters) expect(counter).toEqual(hall.live.counterState(id));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps of a call only what it changed, and the whole counter once', () => {
    const { hall, entries } = loggedHall();
    hall.issue('HT');
    const second = hall.issue('HT', 'nguoi_cao_tuoi');
    const t0 = hall.now;
    hall.callNext(1);
    hall.run({ type: 'finish', counterId: 1 });
    const [issued, , called, finished] = entries as [
      { ticket: Partial<Ticket> },
      unknown,
      { ticket: Partial<Ticket>; counter: object; outOfOrder: boolean },
      { ticket: Partial<Ticket>; counter: object },
    ];
    // Issued: every field not at its blank value, and no id (the row's ticket_id holds it).
    expect(Object.keys(issued.ticket).sort()).toEqual(['day', 'issuedAt', 'number', 'queueAt', 'seq', 'serviceId', 'source', 'status']);
    // The priority ticket is called first; its entry says only what moved.
    expect(called.ticket).toEqual({ status: 'called', counterId: 1, calledAt: t0 });
    expect(called.counter).toEqual({ id: 1, mode: 'open', pauseReason: null, clerk: null, currentTicketId: second.id, regularSincePriority: 0, since: hanoi(7, 30) });
    expect(called.outOfOrder).toBe(false);
    expect(finished.ticket).toEqual({ status: 'done', endedAt: t0 + 1000 });
    expect(finished.counter).toEqual({ id: 1, currentTicketId: null });
    // On disk: times from the entry's own, no status the kind gives, no false outOfOrder.
    const row = { at: t0, counterId: 1 };
    expect(JSON.stringify(storedEntry(called, 'ticket:called', row))).toBe(
      `{"ticket":{"counterId":1,"calledAt":0},"counter":{"id":1,"mode":"open","pauseReason":null,"clerk":null,"currentTicketId":"${second.id}","regularSincePriority":0,"since":${hanoi(7, 30) - t0}}}`,
    );
    expect(entryFromRow(storedEntry(called, 'ticket:called', row), 'ticket:called', row)).toEqual(called);
  });

  it('reads a full-state entry of an older log as one that sets every field', () => {
    const hall = new HallFixture(smallHall(), hanoi(8));
    const change = hall.run({ type: 'issue', serviceId: 'HT', priority: null });
    const old = change.events[0]!.data as HallEventPayloads['ticket:issued'];
    const replayed = emptyReplay();
    replayEntry(replayed, { seq: 1, ticketId: old.ticket.id, data: JSON.parse(JSON.stringify(old)) });
    expect(replayed.tickets.get(old.ticket.id)).toEqual(change.tickets[0]);
  });
});
