// What each counter serves now, for the display's grid (counter → number): from the snapshot,
// then from every event that carries a counter. Pure, so it is tested without a browser.

import type { HallEvent, HallSnapshot } from '../../server/contract/events.js';

export interface CounterCell {
  id: number;
  mode: 'open' | 'paused' | 'closed';
  /** The number called or being served at the counter, null when none. */
  number: string | null;
}

export function countersOf(snapshot: HallSnapshot, only?: number[]): CounterCell[] {
  return snapshot.counters
    .filter((c) => !only || only.includes(c.def.id))
    .map((c) => ({ id: c.def.id, mode: c.state.mode, number: c.current?.number ?? null }))
    .sort((a, b) => a.id - b.id);
}

export function applyCounterEvents(cells: readonly CounterCell[], events: readonly HallEvent[]): CounterCell[] {
  const next = new Map(cells.map((c) => [c.id, c]));
  for (const event of events) {
    const data = event.data as { counter?: { id: number; mode: CounterCell['mode']; currentTicketId: string | null } | null; ticket?: { id: string; number: string } };
    const counter = data.counter;
    if (!counter || !next.has(counter.id)) continue;
    const before = next.get(counter.id)!;
    const number = counter.currentTicketId === null ? null : data.ticket?.id === counter.currentTicketId ? data.ticket.number : before.number;
    next.set(counter.id, { id: counter.id, mode: counter.mode, number });
  }
  return [...next.values()];
}

/** Columns and rows for `count` cells in a box of this shape: cells about 4:3, as large as fit. */
export function gridShape(count: number, width: number, height: number): { columns: number; rows: number } {
  let best = { columns: 1, rows: count, size: 0 };
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const cellWidth = width / columns;
    const cellHeight = height / rows;
    const size = Math.min(cellWidth * 0.75, cellHeight);
    if (size > best.size) best = { columns, rows, size };
  }
  return { columns: best.columns, rows: best.rows };
}
