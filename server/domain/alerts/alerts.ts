// What the manager console warns about, decided from the hall's state as it is now: a queue
// waiting too long, a ticket held too long at a counter, a printer out of paper or offline, a
// device silent, the disk nearly full, the backup failed. Pure: the caller gathers the state
// and the clock; alerts.ts says which alerts stand. An alert is known by its key, so the same
// trouble raised twice is the same alert.

export type AlertKind = 'long_wait' | 'ticket_held' | 'printer' | 'device_silent' | 'disk' | 'backup';

/** Minutes after which the console raises an alert; set by a manager. */
export interface AlertThresholds {
  /** The longest wait of a service, in minutes. */
  longestWaitMinutes: number;
  /** How long a counter may hold one ticket (called or serving), in minutes. */
  ticketHeldMinutes: number;
  /** How long a keypad bus, board or other device may stay unheard, in minutes. */
  deviceSilentMinutes: number;
}

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = { longestWaitMinutes: 30, ticketHeldMinutes: 20, deviceSilentMinutes: 2 };

/** The bounds each threshold must keep: a minute at least, a working day at most. */
export const THRESHOLD_LIMITS: Record<keyof AlertThresholds, { min: number; max: number }> = {
  longestWaitMinutes: { min: 1, max: 600 },
  ticketHeldMinutes: { min: 1, max: 600 },
  deviceSilentMinutes: { min: 1, max: 600 },
};

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
  /** Each service with the moment its longest-waiting ticket joined the queue. */
  services: { id: string; name: string; oldestWaitingSince: number | null; waiting: number }[];
  /** Each open counter with the ticket it holds and since when. */
  counters: { id: number; name: string; held: { number: string; since: number } | null }[];
  /** The devices as the hub last heard them (printers, buses, boards, disk, backups...). */
  devices: { id: string; kind: string; ok: boolean; code: string | null; message: string | null; messageEn: string | null; since: number }[];
}

const MINUTE = 60_000;
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
  const order: AlertKind[] = ['printer', 'disk', 'backup', 'device_silent', 'long_wait', 'ticket_held'];
  return out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.key.localeCompare(b.key));
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
