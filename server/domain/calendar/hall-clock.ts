// The hall lives on its own local time (Asia/Ho_Chi_Minh by default). Days, series
// restarts and closing times are computed here, never in UTC: a reset at 00:00 UTC would
// restart the numbering at 07:00 in the middle of the morning.

/** Opening hours in the hall's local time, "HH:MM" 24-hour. */
export interface OpeningHours {
  open: string;
  close: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalTime {
  /** YYYY-MM-DD */
  day: string;
  /** Minutes since local midnight. */
  minutes: number;
}

// Formatting a date in a time zone is slow; every command asks for the day, so the answer
// is kept for the rest of the minute (time zones shift by whole minutes).
const lastAnswer = new Map<string, { minute: number; value: LocalTime }>();

export function localTime(at: number, timeZone: string): LocalTime {
  const minute = Math.floor(at / 60_000);
  const cached = lastAnswer.get(timeZone);
  if (cached && cached.minute === minute) return cached.value;
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const value = {
    day: `${get('year')}-${get('month')}-${get('day')}`,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
  lastAnswer.set(timeZone, { minute, value });
  return value;
}

export function dayOf(at: number, timeZone: string): string {
  return localTime(at, timeZone).day;
}

/** "HH:MM" to minutes since midnight. */
export function parseClock(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new Error(`"${hhmm}" is not a time of day (HH:MM)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isWithinHours(at: number, timeZone: string, hours: OpeningHours | null): boolean {
  if (!hours) return true;
  const { minutes } = localTime(at, timeZone);
  return minutes >= parseClock(hours.open) && minutes < parseClock(hours.close);
}

/** Today's closing time as a timestamp, in the hall's time zone; null when it never closes. */
export function closingTimeOn(at: number, timeZone: string, hours: OpeningHours | null): number | null {
  if (!hours) return null;
  const { minutes } = localTime(at, timeZone);
  // Whole minutes from now to the closing minute, counted on the hall's own clock.
  return (Math.floor(at / 60_000) + parseClock(hours.close) - minutes) * 60_000;
}

export function isAfterClosing(at: number, timeZone: string, hours: OpeningHours | null): boolean {
  if (!hours) return false;
  return localTime(at, timeZone).minutes >= parseClock(hours.close);
}

/** The calendar day `count` days before a day: ("2026-11-23", 7) → "2026-11-16". */
export function daysBefore(day: string, count: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date - count)).toISOString().slice(0, 10);
}

/** "2026-11-23" → "20261123", the compact form used inside ticket ids. */
export function compactDay(day: string): string {
  return day.replaceAll('-', '');
}
