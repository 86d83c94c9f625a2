// A small hall held in memory for engine tests: the real LiveState and engine, no SQLite.

import { hallFromData } from '../../server/config/hall-file.js';
import type { CounterState, Ticket } from '../../server/domain/queue/queue-state.js';
import type { HallDefinition } from '../../server/domain/hall/hall-definition.js';
import { applyCommand, type Change, type Command } from '../../server/domain/queue/queue-engine.js';
import { durationsByService } from '../../server/domain/estimate/wait-estimate.js';
import { LiveState } from '../../server/services/live-state.js';

/** 2026-11-23 (a Monday) at hh:mm in Hà Nội (UTC+7). */
export function hanoi(hh: number, mm = 0, day = 23): number {
  return Date.UTC(2026, 10, day, hh - 7, mm);
}

export function smallHall(overrides: { hall?: Record<string, unknown>; counters?: unknown[]; services?: unknown[] } = {}): HallDefinition {
  return hallFromData(
    {
      hall: { name: 'Bộ phận Một cửa thử nghiệm', agencyCode: '000.00.14.H56', hours: null, ...overrides.hall },
      services: overrides.services ?? [
        { id: 'HT', name: { vi: 'Tư pháp - Hộ tịch', en: 'Civil status' }, numbering: { prefix: 'A', digits: 3 } },
        { id: 'DD', name: { vi: 'Đất đai', en: 'Land' }, numbering: { prefix: 'B', digits: 3 } },
        { id: 'CA', name: { vi: 'Công an', en: 'Police' }, numbering: { from: 1001, to: 1003 } },
      ],
      counters: overrides.counters ?? [
        { id: 1, services: ['HT'] },
        { id: 2, services: ['HT', 'DD'] },
        { id: 3, services: ['CA'] },
      ],
    },
    'test hall',
  );
}

/** The engine over an in-memory queue, applying each accepted change like the hub does. */
export class HallFixture {
  readonly live: LiveState;
  private readonly series = new Map<string, number>();
  /** What the database would hold: every ticket as last changed. */
  private readonly stored = new Map<string, Ticket>();
  now: number;
  /** Called with each change before the live state takes it (when the state before is still there). */
  beforeApply: ((change: Change) => void) | null = null;

  constructor(hall: HallDefinition = smallHall(), now = hanoi(8)) {
    this.now = now;
    const states: CounterState[] = hall.counters.map((c) => ({
      id: c.id,
      mode: 'open',
      pauseReason: null,
      clerk: null,
      currentTicketId: null,
      regularSincePriority: 0,
      since: now,
    }));
    this.live = new LiveState(hall, states, [], {
      lastSeq: (day, id) => this.series.get(`${day}|${id}`) ?? 0,
      ticket: (id) => this.stored.get(id) ?? null,
      serviceDurations: (fromDay, beforeDay) => durationsByService([...this.stored.values()].filter((t) => t.day >= fromDay && t.day < beforeDay)),
    });
  }

  /**
   * A clerk signs in at each counter (or those named): the counter, open with nobody at it,
   * is closed and opened again with the clerk's name, as the hub does at a sign-in. The clock
   * is where it was.
   */
  signInClerks(ids: readonly number[] = this.live.allCounters().map(({ def }) => def.id)): this {
    const now = this.now;
    for (const id of ids) {
      if (this.live.counterState(id)?.mode === 'open') this.run({ type: 'closeCounter', counterId: id });
      this.run({ type: 'openCounter', counterId: id, clerk: `Cán bộ ${id}` });
    }
    this.now = now;
    return this;
  }

  /** Runs a command at `this.now` (then moves the clock one second on). */
  run(command: Command): Change {
    const change = applyCommand(this.live, command, { now: this.now });
    for (const s of change.series) this.series.set(`${s.day}|${s.serviceId}`, s.lastSeq);
    this.beforeApply?.(change);
    for (const t of change.tickets) this.stored.set(t.id, t);
    this.live.apply(
      change,
      change.events.map((event) => ({ event, at: this.now })),
    );
    this.now += 1000;
    return change;
  }

  issue(serviceId: string, priority: string | null = null): Ticket {
    return this.run({ type: 'issue', serviceId, priority }).tickets[0]!;
  }

  callNext(counterId: number): Ticket {
    const change = this.run({ type: 'callNext', counterId });
    return change.tickets.at(-1)!;
  }

  ticket(id: string): Ticket {
    return this.live.ticket(id)!;
  }

  /** Everything the engine can read, to prove a refused command changed nothing. */
  state(): unknown {
    return JSON.parse(
      JSON.stringify({
        tickets: [...this.stored.values()],
        open: [...this.live.openTickets()],
        counters: this.live.allCounters(),
        series: [...this.series],
      }),
    );
  }
}
