// The hall's own calendar days (closures, extra working days) and the official schedules of
// years loaded at run time, as stored rows (migration 010).

import type { HallDayChange } from '../domain/calendar/hall-calendar.js';
import type { CalendarChange } from '../domain/calendar/hall-days.js';
import type { HolidaySchedules, HolidayYear } from '../domain/calendar/holidays.js';
import type { Db } from './database.js';

/** A stored day of the hall's own, with its number and who added it. */
export interface CalendarDay extends HallDayChange {
  id: number;
  addedAt: number;
  addedBy: string | null;
}

interface DayRow {
  id: number;
  day: string;
  kind: 'closed' | 'open';
  from_time: string | null;
  to_time: string | null;
  reason_vi: string;
  reason_en: string;
  added_at: number;
  added_by: string | null;
}

function dayOfRow(r: DayRow): CalendarDay {
  return {
    id: r.id,
    day: r.day,
    kind: r.kind,
    ...(r.from_time ? { from: r.from_time } : {}),
    ...(r.to_time ? { to: r.to_time } : {}),
    reason: { vi: r.reason_vi, en: r.reason_en },
    addedAt: r.added_at,
    addedBy: r.added_by,
  };
}

export class CalendarRepository {
  constructor(private readonly db: Db) {}

  changes(): CalendarDay[] {
    return (this.db.prepare('SELECT * FROM calendar_days ORDER BY day, id').all() as DayRow[]).map(dayOfRow);
  }

  day(id: number): CalendarDay | null {
    const row = this.db.prepare('SELECT * FROM calendar_days WHERE id = ?').get(id) as DayRow | undefined;
    return row ? dayOfRow(row) : null;
  }

  /** The number the next day added will have (inside the command's transaction). */
  nextId(): number {
    const last = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'calendar_days'").pluck().get() as number | undefined;
    return (last ?? 0) + 1;
  }

  /** Stores what a calendar change says, inside the command's transaction. */
  save(change: CalendarChange, at: number, by: string | null): void {
    if (change.action === 'dayAdded') this.add(change.hallDay, at, by, change.hallDay.id);
    else if (change.action === 'dayRemoved') this.remove(change.hallDay.id);
    else this.setYear(change.year, change.schedule, at, by);
  }

  add(change: HallDayChange, at: number, by: string | null, id: number = this.nextId()): CalendarDay {
    this.db
      .prepare('INSERT INTO calendar_days (id, day, kind, from_time, to_time, reason_vi, reason_en, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, change.day, change.kind, change.from ?? null, change.to ?? null, change.reason.vi, change.reason.en, at, by);
    return this.day(id)!;
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM calendar_days WHERE id = ?').run(id);
  }

  years(): HolidaySchedules {
    const rows = this.db.prepare('SELECT year, schedule FROM calendar_years ORDER BY year').all() as { year: number; schedule: string }[];
    return Object.fromEntries(rows.map((r) => [String(r.year), JSON.parse(r.schedule) as HolidayYear]));
  }

  setYear(year: number, schedule: HolidayYear, at: number, by: string | null): void {
    this.db
      .prepare(
        `INSERT INTO calendar_years (year, schedule, loaded_at, loaded_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(year) DO UPDATE SET schedule = excluded.schedule, loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by`,
      )
      .run(year, JSON.stringify(schedule), at, by);
  }
}
