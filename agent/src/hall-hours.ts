// The hall's opening days as the agent keeps them: checked when they come from the hub (an agent
// of another version may get another shape) and written to the agent's folder, so that after a
// restart without the hub the screen still follows the hall's holidays and closures.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentHallHours, AgentOpeningDay } from '../../server/contract/agent.js';

const FILE = 'hall-hours.json';
const CLOSED = new Set(['holiday', 'closure', 'dayOff']);

function dayOf(value: unknown): AgentOpeningDay | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.day !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(v.day) || !Array.isArray(v.periods)) return null;
  const periods = v.periods.filter(
    (p): p is { start: number; end: number } => typeof p?.start === 'number' && typeof p?.end === 'number' && p.start >= 0 && p.end <= 1440 && p.start < p.end,
  );
  if (periods.length !== v.periods.length) return null;
  if (v.closed !== null && !(typeof v.closed === 'string' && CLOSED.has(v.closed))) return null;
  return { day: v.day, periods, closed: v.closed as AgentOpeningDay['closed'], note: typeof v.note === 'string' ? v.note : null };
}

/** The hours as sent, or null when they are not (nothing half taken). */
export function hoursOf(value: unknown): AgentHallHours | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.timeZone !== 'string' || !Array.isArray(v.days)) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v.timeZone });
  } catch {
    return null;
  }
  const days = v.days.map(dayOf);
  if (days.some((d) => d === null)) return null;
  return { timeZone: v.timeZone, days: days as AgentOpeningDay[] };
}

export function keptHours(dir: string): AgentHallHours | null {
  try {
    return hoursOf(JSON.parse(readFileSync(join(dir, FILE), 'utf8')));
  } catch {
    return null;
  }
}

/** Written whole or not at all (a power cut mid-write leaves the previous days). */
export function keepHours(dir: string, hours: AgentHallHours): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, FILE);
  writeFileSync(`${file}.new`, `${JSON.stringify(hours)}\n`);
  renameSync(`${file}.new`, file);
}
