// What the manager console warns about, decided from the hall's state as it is now: a queue
// waiting too long, a queue waiting with no counter open for it, a counter idle while its queue
// waits, a ticket held too long at a counter, dossiers about to be late, a printer out of paper
// or offline, a device silent, the disk nearly full, the backup failed. Pure: the caller gathers the state
// and the clock; alerts.ts says which alerts stand. An alert is known by its key, so the same
// trouble raised twice is the same alert.

import type { HallCalendar } from '../calendar/hall-calendar.js';
import { localTime } from '../calendar/hall-clock.js';
import { addDays } from '../calendar/holidays.js';
import { localInstant } from '../calendar/working-time.js';

export type AlertKind = 'long_wait' | 'no_counter' | 'counter_idle' | 'ticket_held' | 'dossiers_due' | 'printer' | 'device_silent' | 'disk' | 'backup';

/** Minutes after which the console raises an alert; set by a manager. */
export interface AlertThresholds {
  /** The longest wait of a service, in minutes. */
  longestWaitMinutes: number;
  /** How long a counter may hold one ticket (called or serving), in minutes. */
  ticketHeldMinutes: number;
  /** How long a keypad bus, board or other device may stay unheard, in minutes. */
  deviceSilentMinutes: number;
  /** How long a service's queue may wait with no counter open and staffed for it, in minutes. */
  noCounterMinutes: number;
  /** How long an open, staffed counter may hold no ticket while a queue it serves waits, in minutes. */
  counterIdleMinutes: number;
  /** Dossiers due within this many working hours, result not ready, are about to be late. */
  dossierDueWorkingHours: number;
}

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
  longestWaitMinutes: 30,
  ticketHeldMinutes: 20,
  deviceSilentMinutes: 2,
  noCounterMinutes: 10,
  counterIdleMinutes: 5,
  dossierDueWorkingHours: 8,
};

/** The bounds each threshold must keep: minutes from one to a working day; working hours from one to ten working days. */
export const THRESHOLD_LIMITS: Record<keyof AlertThresholds, { min: number; max: number }> = {
  longestWaitMinutes: { min: 1, max: 600 },
  ticketHeldMinutes: { min: 1, max: 600 },
  deviceSilentMinutes: { min: 1, max: 600 },
  noCounterMinutes: { min: 1, max: 600 },
  counterIdleMinutes: { min: 1, max: 600 },
  dossierDueWorkingHours: { min: 1, max: 80 },
};

/** Thresholds stored before some were known get the defaults for those. */
export function withDefaultThresholds(stored: Partial<AlertThresholds> | null): AlertThresholds {
  return { ...DEFAULT_ALERT_THRESHOLDS, ...(stored ?? {}) };
}

/** An alert as stored: raised, perhaps acknowledged by a person, cleared when its trouble is over. */
export interface AlertRecord {
  id: number;
  key: string;
  kind: AlertKind;
  raisedAt: number;
  message: string;
  messageEn: string;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  clearedAt: number | null;
}

export interface StandingAlert {
  key: string;
  kind: AlertKind;
  /** Since when the trouble has stood (ms since 1970). */
  since: number;
  message: string;
  messageEn: string;
}

export interface AlertInputs {
  now: number;
  thresholds: AlertThresholds;
  /**
   * Each service with the moment its longest-waiting ticket joined the queue; how many counters
   * serving it are open and staffed (as the forecast counts them), and when the last of them
   * stopped being so (null: none was today).
   */
  services: { id: string; name: string; oldestWaitingSince: number | null; waiting: number; openCounters?: number; counterLeftAt?: number | null }[];
  /**
   * Each counter not closed with the ticket it holds and since when; whether it is open and
   * staffed, since when it has held no ticket, and since when a ticket it may call has waited.
   */
  counters: {
    id: number;
    name: string;
    held: { number: string; since: number } | null;
    calling?: { idleSince: number; queueWaitingSince: number | null } | null;
  }[];
  /**
   * Open dossiers not yet result-ready with their due moment, and the moment `dossierDueWorkingHours`
   * working hours from now by the hall's calendar (the caller reckons it). Absent: not checked.
   */
  dossiers?: { day: string; dueBy: number; due: { code: string; dueAt: number }[] };
  /** The devices as the hub last heard them (printers, buses, boards, disk, backups...). */
  devices: { id: string; kind: string; ok: boolean; code: string | null; message: string | null; messageEn: string | null; since: number }[];
}

const MINUTE = 60_000;

/**
 * Until when a dossier due is "about to be late": the end (24:00) of the day reached by `hours`
 * working hours from now on the hall's calendar. A limit in days ends at 24:00 of its last day,
 * so with a working day's hours (8) a dossier due by the end of the next working day counts.
 */
export function dossierDueHorizon(calendar: Pick<HallCalendar, 'addWorkingMinutes' | 'rules'>, now: number, hours: number): number {
  const reached = calendar.addWorkingMinutes(now, hours * 60);
  const { timeZone } = calendar.rules;
  return localInstant(addDays(localTime(reached, timeZone).day, 1), 0, timeZone);
}
const minutes = (ms: number) => Math.floor(ms / MINUTE);

/** The alerts that stand now, in a stable order (kind, then key). */
export function standingAlerts(input: AlertInputs): StandingAlert[] {
  const { now, thresholds: t } = input;
  const out: StandingAlert[] = [];
  for (const s of input.services) {
    if (s.oldestWaitingSince === null) continue;
    const waited = now - s.oldestWaitingSince;
    if (waited < t.longestWaitMinutes * MINUTE) continue;
    out.push({
      key: `long_wait:${s.id}`,
      kind: 'long_wait',
      since: s.oldestWaitingSince + t.longestWaitMinutes * MINUTE,
      message: `${s.name}: người chờ lâu nhất đã chờ ${minutes(waited)} phút (ngưỡng ${t.longestWaitMinutes} phút), ${s.waiting} người đang chờ.`,
      messageEn: `${s.name}: the longest wait is ${minutes(waited)} minutes (threshold ${t.longestWaitMinutes}), ${s.waiting} waiting.`,
    });
  }
  for (const s of input.services) {
    if (s.oldestWaitingSince === null || s.openCounters === undefined || s.openCounters > 0) continue;
    // The trouble began when the queue waited and no counter was left for it, whichever came last.
    const from = Math.max(s.oldestWaitingSince, s.counterLeftAt ?? -Infinity);
    if (now - from < t.noCounterMinutes * MINUTE) continue;
    out.push({
      key: `no_counter:${s.id}`,
      kind: 'no_counter',
      since: from + t.noCounterMinutes * MINUTE,
      message: `${s.name}: ${s.waiting} người đang chờ mà không quầy nào mở phục vụ đã ${minutes(now - from)} phút (ngưỡng ${t.noCounterMinutes} phút).`,
      messageEn: `${s.name}: ${s.waiting} waiting with no counter open for it for ${minutes(now - from)} minutes (threshold ${t.noCounterMinutes}).`,
    });
  }
  for (const c of input.counters) {
    if (c.held || !c.calling || c.calling.queueWaitingSince === null) continue;
    const from = Math.max(c.calling.idleSince, c.calling.queueWaitingSince);
    if (now - from < t.counterIdleMinutes * MINUTE) continue;
    out.push({
      key: `counter_idle:${c.id}`,
      kind: 'counter_idle',
      since: from + t.counterIdleMinutes * MINUTE,
      message: `${c.name} đang mở nhưng không gọi số đã ${minutes(now - from)} phút trong khi có người chờ (ngưỡng ${t.counterIdleMinutes} phút).`,
      messageEn: `${c.name} is open but has called no one for ${minutes(now - from)} minutes while its queue waits (threshold ${t.counterIdleMinutes}).`,
    });
  }
  const late = input.dossiers ? dossiersDueAlert(input.dossiers, now, t) : null;
  if (late) out.push(late);
  for (const c of input.counters) {
    if (!c.held) continue;
    const held = now - c.held.since;
    if (held < t.ticketHeldMinutes * MINUTE) continue;
    out.push({
      key: `ticket_held:${c.id}`,
      kind: 'ticket_held',
      since: c.held.since + t.ticketHeldMinutes * MINUTE,
      message: `${c.name} giữ số ${c.held.number} đã ${minutes(held)} phút (ngưỡng ${t.ticketHeldMinutes} phút).`,
      messageEn: `${c.name} has held number ${c.held.number} for ${minutes(held)} minutes (threshold ${t.ticketHeldMinutes}).`,
    });
  }
  for (const d of input.devices) {
    const alert = deviceAlert(d, now, t);
    if (alert) out.push(alert);
  }
  const order: AlertKind[] = ['printer', 'disk', 'backup', 'device_silent', 'long_wait', 'no_counter', 'counter_idle', 'ticket_held', 'dossiers_due'];
  return out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.key.localeCompare(b.key));
}

/**
 * One alert a day for the dossiers about to be late: due from now to `dueBy` (the threshold's
 * working hours ahead), result not ready. It names how many and the soonest; the key holds the
 * day, so the next day's is a new alert, and it clears when none is left (ready, or late).
 */
function dossiersDueAlert(d: NonNullable<AlertInputs['dossiers']>, now: number, t: AlertThresholds): StandingAlert | null {
  const soon = d.due.filter((x) => x.dueAt > now && x.dueAt <= d.dueBy).sort((a, b) => a.dueAt - b.dueAt || a.code.localeCompare(b.code));
  if (soon.length === 0) return null;
  const first = soon[0]!;
  return {
    key: `dossiers_due:${d.day}`,
    kind: 'dossiers_due',
    since: now,
    message: `${soon.length} hồ sơ sắp trễ hạn: đến hạn trong ${t.dossierDueWorkingHours} giờ làm việc tới mà chưa có kết quả (sớm nhất: ${first.code}).`,
    messageEn: `${soon.length} ${soon.length === 1 ? 'dossier' : 'dossiers'} about to be late: due within the next ${t.dossierDueWorkingHours} working hours with no result yet (soonest: ${first.code}).`,
  };
}

function deviceAlert(d: AlertInputs['devices'][number], now: number, t: AlertThresholds): StandingAlert | null {
  const trim = (s: string) => s.replace(/\.$/, '');
  const detail = { vi: trim(d.message ?? d.code ?? 'không hoạt động'), en: trim(d.messageEn ?? d.code ?? 'not working') };
  if (d.kind === 'printer') {
    // Paper near its end is a warning on the kiosk, not an alert; out of paper or offline is.
    if (d.ok && d.code !== 'paper_out') return null;
    // Each trouble is its own alert: a printer found again but out of paper is a new one.
    const name = d.id.replace(/^printer:/, '');
    return { key: `printer:${name}:${d.code ?? 'offline'}`, kind: 'printer', since: d.since, message: `Máy in ${name}: ${detail.vi}.`, messageEn: `Printer ${name}: ${detail.en}.` };
  }
  if (d.ok) return null;
  if (d.kind === 'disk') return { key: 'disk', kind: 'disk', since: d.since, message: `Ổ đĩa sắp đầy: ${detail.vi}.`, messageEn: `The disk is nearly full: ${detail.en}.` };
  if (d.kind === 'backup')
    return { key: `backup:${d.id}`, kind: 'backup', since: d.since, message: `Sao lưu không thành công: ${detail.vi}.`, messageEn: `The backup failed: ${detail.en}.` };
  // The clock and the voice are reported elsewhere; a bus, a board or another device is silent.
  if (d.kind === 'clock' || d.kind === 'voice') return null;
  if (now - d.since < t.deviceSilentMinutes * MINUTE) return null;
  return {
    key: `device_silent:${d.id}`,
    kind: 'device_silent',
    since: d.since + t.deviceSilentMinutes * MINUTE,
    message: `Thiết bị ${d.id} không phản hồi từ ${minutes(now - d.since)} phút trước: ${detail.vi}.`,
    messageEn: `Device ${d.id} silent for ${minutes(now - d.since)} minutes: ${detail.en}.`,
  };
}

/** The field that is out of bounds, if any (the caller's schema has already checked the types). */
export function thresholdOutOfBounds(t: AlertThresholds): { field: keyof AlertThresholds; min: number; max: number } | null {
  for (const [field, { min, max }] of Object.entries(THRESHOLD_LIMITS) as [keyof AlertThresholds, { min: number; max: number }][]) {
    const v = t[field];
    if (!Number.isInteger(v) || v < min || v > max) return { field, min, max };
  }
  return null;
}

/** What changes between the alerts stored as open and those standing now. */
export function alertChanges(open: readonly { key: string }[], standing: readonly StandingAlert[]): { raise: StandingAlert[]; clear: string[] } {
  const openKeys = new Set(open.map((a) => a.key));
  const standingKeys = new Set(standing.map((a) => a.key));
  return { raise: standing.filter((a) => !openKeys.has(a.key)), clear: [...openKeys].filter((k) => !standingKeys.has(k)) };
}
