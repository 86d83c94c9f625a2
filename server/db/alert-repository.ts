// The console's alerts as rows: raised, acknowledged, cleared; and the thresholds a manager set.

import type { AlertKind, AlertRecord, AlertThresholds } from '../domain/alerts/alerts.js';

export type { AlertRecord };
import type { Db } from './database.js';

interface AlertRow {
  id: number;
  key: string;
  kind: AlertKind;
  raised_at: number;
  message: string;
  message_en: string;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  cleared_at: number | null;
}

const toRecord = (r: AlertRow): AlertRecord => ({
  id: r.id,
  key: r.key,
  kind: r.kind,
  raisedAt: r.raised_at,
  message: r.message,
  messageEn: r.message_en,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
  clearedAt: r.cleared_at,
});

export class AlertRepository {
  constructor(private readonly db: Db) {}

  /** Alerts whose trouble still stands, oldest first. */
  open(): AlertRecord[] {
    return (this.db.prepare('SELECT * FROM alerts WHERE cleared_at IS NULL ORDER BY id').all() as AlertRow[]).map(toRecord);
  }

  /** The latest alerts, standing or over, newest first. */
  recent(limit: number): AlertRecord[] {
    return (this.db.prepare('SELECT * FROM alerts ORDER BY id DESC LIMIT ?').all(limit) as AlertRow[]).map(toRecord);
  }

  get(id: number): AlertRecord | null {
    const row = this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as AlertRow | undefined;
    return row ? toRecord(row) : null;
  }

  nextId(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 FROM alerts').pluck().get() as number) ?? 1;
  }

  insert(a: Pick<AlertRecord, 'id' | 'key' | 'kind' | 'raisedAt' | 'message' | 'messageEn'>): void {
    this.db.prepare('INSERT INTO alerts (id, key, kind, raised_at, message, message_en) VALUES (?, ?, ?, ?, ?, ?)').run(a.id, a.key, a.kind, a.raisedAt, a.message, a.messageEn);
  }

  acknowledge(id: number, at: number, by: string): void {
    this.db.prepare('UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL').run(at, by, id);
  }

  clear(id: number, at: number): void {
    this.db.prepare('UPDATE alerts SET cleared_at = ? WHERE id = ? AND cleared_at IS NULL').run(at, id);
  }

  /** As stored: thresholds set before some were known lack those (withDefaultThresholds fills them). */
  thresholds(): Partial<AlertThresholds> | null {
    const row = this.db.prepare('SELECT value FROM alert_thresholds WHERE id = 1').get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as Partial<AlertThresholds>) : null;
  }

  setThresholds(t: AlertThresholds, at: number, by: string): void {
    this.db
      .prepare(
        `INSERT INTO alert_thresholds (id, value, updated_at, updated_by) VALUES (1, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(JSON.stringify(t), at, by);
  }
}
