// Rules a hall description must keep beyond its schema: references that resolve, series
// that cannot print the same number, hours that make sense.

import { LED_DRIVERS } from '../../hardware/led/led-drivers.js';
import type { HallDefinition } from '../domain/hall/hall-definition.js';
import { seriesOverlap } from '../domain/queue/numbering.js';

function duplicates<T>(values: T[]): T[] {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

function validTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Every problem found, in words a hall manager can act on; empty when the hall is sound. */
export function checkHallDefinition(hall: HallDefinition): string[] {
  const problems: string[] = [];
  const { settings, services, counters, kiosks, serialBuses, staff } = hall;

  if (!validTimeZone(settings.timeZone)) problems.push(`hall.timeZone: "${settings.timeZone}" is not a known time zone`);
  for (const code of duplicates(settings.priorityCategories.map((c) => c.code))) {
    problems.push(`priority category "${code}" is listed twice`);
  }

  for (const id of duplicates(services.map((s) => s.id))) problems.push(`service id "${id}" is used twice`);
  for (const t of hall.ratingTablets) {
    if (!counters.some((c) => c.id === t.counterId)) problems.push(`ratingTablets: "${t.id}" names counter ${t.counterId}, which the hall does not have`);
  }
  const source = settings.statusSource;
  if (source) {
    // Said at start, not found on every lookup: an address fetch cannot use, or two ways of signing in.
    let address: URL | null = null;
    try {
      address = new URL(source.url.replace('{code}', '0'));
    } catch {
      problems.push('hall.statusSource.url: is not an address the hub can read from');
    }
    for (const name of Object.keys(source.headers ?? {})) {
      if (!/^[A-Za-z0-9-]{1,64}$/.test(name)) problems.push(`hall.statusSource.headers: "${name}" is not a header name (letters, digits and -)`);
    }
    const signsIn = Object.keys(source.headers ?? {}).some((name) => name.toLowerCase() === 'authorization');
    if (address && (address.username || address.password) && signsIn) {
      problems.push('hall.statusSource: give either user:password in the url or an Authorization header, not both');
    }
  }
  if (settings.returnService && !services.some((s) => s.id === settings.returnService)) {
    problems.push(`hall.returnService: "${settings.returnService}" is not a service of the hall`);
  }
  services.forEach((s, i) => {
    if (s.numbering.kind === 'block' && s.numbering.from > s.numbering.to) {
      problems.push(`services[${i}] (${s.id}): number block ${s.numbering.from}-${s.numbering.to} is empty`);
    }
    for (const other of services.slice(i + 1)) {
      if (seriesOverlap(s.numbering, other.numbering)) {
        problems.push(`services ${s.id} and ${other.id} could print the same ticket number: give them different prefixes or blocks`);
      }
    }
  });

  const serviceIds = new Set(services.map((s) => s.id));
  for (const id of duplicates(counters.map((c) => c.id))) problems.push(`counter ${id} is listed twice`);
  for (const c of counters) {
    for (const link of c.services) {
      if (!serviceIds.has(link.serviceId)) problems.push(`counter ${c.id} serves "${link.serviceId}", which is not a service`);
    }
    for (const id of duplicates(c.services.map((l) => l.serviceId))) problems.push(`counter ${c.id} lists service "${id}" twice`);
  }

  const groupIds = new Set(settings.serviceGroups.map((g) => g.id));
  for (const id of duplicates(settings.serviceGroups.map((g) => g.id))) problems.push(`service group "${id}" is listed twice`);
  if (groupIds.size > 0) {
    for (const s of services) {
      if (s.group !== null && !groupIds.has(s.group)) problems.push(`service ${s.id} is in group "${s.group}", which hall.serviceGroups does not list`);
    }
  }
  for (const id of duplicates(kiosks.map((k) => k.id))) problems.push(`kiosk "${id}" is listed twice`);
  for (const token of duplicates(kiosks.map((k) => k.token))) problems.push(`two kiosks share the token "${token.slice(0, 4)}…": give each its own`);
  for (const k of kiosks) {
    if (k.printer.kind !== 'simulated' && k.printer.kind !== 'agent' && !k.printer.address) {
      problems.push(`kiosk ${k.id}: its ${k.printer.kind.toUpperCase()} printer needs an address (tcp://host:9100 or /dev/usb/lp0)`);
    }
    if (k.printer.kind === 'agent' && k.printer.address) {
      problems.push(`kiosk ${k.id}: an agent's printer takes no address: its device is set on the kiosk PC, in /etc/luot-agent/agent.conf (PRINTER=)`);
    }
    if (k.printer.kind !== 'agent' && k.printer.model) {
      problems.push(`kiosk ${k.id}: "model" is for printers of type agent; for the others the type says it (epson or star)`);
    }
  }
  const counterIds = new Set(counters.map((c) => c.id));
  for (const id of duplicates(serialBuses.map((b) => b.id))) problems.push(`serial bus "${id}" is listed twice`);
  for (const port of duplicates(serialBuses.map((b) => b.port).filter((p) => p !== 'simulated'))) problems.push(`two serial buses use the port ${port}`);
  for (const bus of serialBuses) {
    const addresses = [...bus.keypads.map((k) => k.address), ...bus.ledBoards.map((b) => b.address)];
    for (const a of duplicates(addresses)) problems.push(`serial bus ${bus.id}: address ${a} is used by two devices`);
    if (!LED_DRIVERS[bus.protocol].carriesKeypads && bus.keypads.length > 0) {
      problems.push(`serial bus ${bus.id}: keypads speak the luot protocol and cannot share a ${bus.protocol} bus; put them on a bus of their own`);
    }
    for (const k of bus.keypads) if (!counterIds.has(k.counterId)) problems.push(`serial bus ${bus.id}: keypad ${k.address} works for counter ${k.counterId}, which is not a counter`);
    for (const b of bus.ledBoards) {
      if (b.kind === 'counter' && !counterIds.has(b.counterId)) problems.push(`serial bus ${bus.id}: board ${b.address} shows counter ${b.counterId}, which is not a counter`);
    }
  }
  for (const user of duplicates(staff.map((s) => s.user))) problems.push(`staff user "${user}" is listed twice`);
  for (const s of staff) {
    for (const id of s.counters) if (!counterIds.has(id)) problems.push(`staff ${s.user} may take counter ${id}, which is not a counter`);
    for (const id of s.services ?? []) if (!serviceIds.has(id)) problems.push(`staff ${s.user} handles the dossiers of service ${id}, which is not a service`);
    if (s.role === 'back_office' && (s.fields ?? []).length + (s.services ?? []).length === 0) {
      problems.push(`staff ${s.user} is back office but handles no field or service: list its fields or services`);
    }
    if (s.role === 'back_office' && s.counters.length > 0) problems.push(`staff ${s.user} is back office, which takes no counter: remove its counters`);
  }
  const keys = Object.values(settings.counterKeys).flat();
  for (const key of duplicates(keys)) problems.push(`hall.counterKeys: the key ${key} is given to two actions`);
  return problems;
}
