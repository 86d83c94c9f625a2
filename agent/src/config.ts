// The agent's configuration, /etc/luot-agent/agent.conf: KEY=value lines, # for comments.
// Read once at start; a mistake stops the agent with a message that names the line.

import { readFileSync } from 'node:fs';
import type { AgentRole } from '../../server/contract/agent.js';

export const DEFAULT_CONFIG_FILE = '/etc/luot-agent/agent.conf';

/** Where the kiosk's printer is on this PC. */
export type PrinterPlace = { kind: 'file'; path: string } | { kind: 'serial'; path: string; baudRate: number };

/** When the screen is on: the hall's opening hours (from the hub), fixed times of its own, or always. */
export type ScreenRule = { kind: 'hall'; leadMinutes: number; trailMinutes: number } | { kind: 'own'; on: number; off: number; days: readonly number[] } | { kind: 'always' };

export interface AgentConfig {
  /** The hub's address, "http://192.168.10.10:8080". */
  hub: string;
  role: AgentRole;
  /** The device's token (a kiosk's, from the hall file); null for a display without one. */
  token: string | null;
  /** The kiosk's id in the hall file (K1): the page opened is /kiosk/?device=K1. */
  device: string | null;
  printer: PrinterPlace | null;
  /** The page to open; by default the role's page on the hub. */
  page: string;
  screen: ScreenRule;
  /** The command that switches the screen, given "on" or "off". */
  screenCommand: string;
  /** How often the printer's state is checked, ms. */
  printerCheckMs: number;
  /** Where the agent keeps what it must remember offline (the hall's opening days). */
  stateDir: string;
}

export class ConfigError extends Error {}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** "HH:MM" → minutes since midnight ("24:00" is the end of the day). */
export function clockMinutes(value: string, key: string): number {
  const match = /^([01]?\d|2[0-4]):([0-5]\d)$/.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || minutes > 24 * 60) throw new ConfigError(`${key} must be a time of day such as 07:00, not "${value}"`);
  return minutes;
}

/** "mon-fri", "mon-sat", "mon,wed,fri", "sun-sat" → weekdays, Sunday 0 to Saturday 6. */
export function weekdays(value: string, key: string): number[] {
  const days = new Set<number>();
  for (const part of value
    .toLowerCase()
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [from, to = from] = part.split('-');
    const a = DAY_NAMES.indexOf(from!);
    const b = DAY_NAMES.indexOf(to!);
    if (a < 0 || b < 0) throw new ConfigError(`${key} must list days such as mon-fri or mon,wed,fri, not "${value}"`);
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
  }
  if (days.size === 0) throw new ConfigError(`${key} lists no day`);
  return [...days].sort();
}

function minutesSetting(value: string | undefined, key: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 240) throw new ConfigError(`${key} must be a number of minutes from 0 to 240, not "${value}"`);
  return n;
}

export function parseConfig(text: string, env: Record<string, string | undefined> = {}): AgentConfig {
  const values = new Map<string, string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq < 1) throw new ConfigError(`line ${index + 1}: "${line}" is not KEY=value`);
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) value = value.slice(1, -1);
    // A comment after the value: "HUB=http://... # the hub".
    else value = value.replace(/\s+#.*$/, '');
    values.set(line.slice(0, eq).trim().toUpperCase(), value);
  });
  const get = (key: string): string | undefined => env[`LUOT_AGENT_${key}`] ?? (values.get(key) || undefined);

  const hubText = get('HUB');
  if (!hubText) throw new ConfigError("HUB is missing: the hub's address, e.g. HUB=http://192.168.10.10:8080");
  let hub: URL;
  try {
    hub = new URL(hubText);
  } catch {
    throw new ConfigError(`HUB must be an address such as http://192.168.10.10:8080, not "${hubText}"`);
  }
  if (hub.protocol !== 'http:' && hub.protocol !== 'https:') throw new ConfigError(`HUB must start with http:// or https://, not "${hubText}"`);
  const hubUrl = hub.origin;

  const role = (get('ROLE') ?? 'kiosk').toLowerCase();
  if (role !== 'kiosk' && role !== 'display') throw new ConfigError(`ROLE must be kiosk or display, not "${role}"`);
  const token = get('TOKEN') ?? null;
  const device = get('DEVICE') ?? null;
  if (role === 'kiosk' && !token) throw new ConfigError("TOKEN is missing: a kiosk's agent needs the kiosk's token from the hall file");
  if (role === 'kiosk' && !device) throw new ConfigError("DEVICE is missing: the kiosk's id in the hall file, e.g. DEVICE=K1");
  if (device && !/^[A-Za-z0-9_-]{1,32}$/.test(device)) throw new ConfigError(`DEVICE must be a kiosk id such as K1, not "${device}"`);

  let printer: PrinterPlace | null = null;
  const printerText = get('PRINTER');
  if (printerText && printerText !== 'none') {
    if (printerText.startsWith('serial:')) {
      const path = printerText.slice('serial:'.length);
      const baudRate = Number(get('PRINTER_BAUD') ?? 9600);
      if (!path.startsWith('/')) throw new ConfigError(`PRINTER=serial:<port> needs a port such as serial:/dev/ttyUSB0, not "${printerText}"`);
      if (![2400, 4800, 9600, 19200, 38400, 57600, 115200].includes(baudRate))
        throw new ConfigError(`PRINTER_BAUD must be one of 9600, 19200, 38400, 57600, 115200, not "${get('PRINTER_BAUD')}"`);
      printer = { kind: 'serial', path, baudRate };
    } else if (printerText.startsWith('/')) {
      printer = { kind: 'file', path: printerText };
    } else {
      throw new ConfigError(`PRINTER must be a device file such as /dev/usb/lp0 or a serial port as serial:/dev/ttyUSB0, not "${printerText}"`);
    }
  }
  if (printer && role !== 'kiosk') throw new ConfigError('PRINTER is for kiosks: a display prints nothing');

  const base = hubUrl;
  const page = get('PAGE') ?? (role === 'kiosk' ? `${base}/kiosk/?device=${encodeURIComponent(device!)}&token=${encodeURIComponent(token!)}` : `${base}/display/`);

  let screen: ScreenRule;
  const on = get('SCREEN_ON');
  const off = get('SCREEN_OFF');
  if ((get('SCREEN') ?? '').toLowerCase() === 'always') screen = { kind: 'always' };
  else if (on || off) {
    if (!on || !off) throw new ConfigError('SCREEN_ON and SCREEN_OFF go together (e.g. SCREEN_ON=07:00 and SCREEN_OFF=17:30)');
    screen = { kind: 'own', on: clockMinutes(on, 'SCREEN_ON'), off: clockMinutes(off, 'SCREEN_OFF'), days: weekdays(get('SCREEN_DAYS') ?? 'mon-sat', 'SCREEN_DAYS') };
    if (screen.on === screen.off) throw new ConfigError('SCREEN_ON and SCREEN_OFF are the same time: for a screen never switched off, write SCREEN=always');
  } else {
    screen = {
      kind: 'hall',
      leadMinutes: minutesSetting(get('SCREEN_LEAD_MINUTES'), 'SCREEN_LEAD_MINUTES', 30),
      trailMinutes: minutesSetting(get('SCREEN_TRAIL_MINUTES'), 'SCREEN_TRAIL_MINUTES', 30),
    };
  }

  const checkMs = Number(get('PRINTER_CHECK_MS') ?? 1000);
  if (!Number.isInteger(checkMs) || checkMs < 100 || checkMs > 60_000) throw new ConfigError('PRINTER_CHECK_MS must be from 100 to 60000');

  return {
    hub: hubUrl,
    role,
    token,
    device,
    printer,
    page,
    screen,
    screenCommand: get('SCREEN_COMMAND') ?? '/usr/lib/luot-agent/bin/luot-agent-screen',
    printerCheckMs: checkMs,
    stateDir: get('STATE_DIR') ?? '/var/lib/luot-agent',
  };
}

export function readConfig(file: string, env: Record<string, string | undefined> = process.env): AgentConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`);
  }
  return parseConfig(text, env);
}
