// The running hall written back as a hall file (YAML) that the hub accepts at start and that
// gives the same hall: the inverse of hall-file.ts, for a person to read and edit. No secret
// leaves the hub: no device token, no password hash, no status source (its address and
// headers may hold keys); the file says so at its top.

import { Document, isMap, isPair, isScalar, isSeq, type Node, visit } from 'yaml';
import { DEFAULT_VOICE } from '../domain/announcement/announcement.js';
import { COUNTER_ACTIONS } from '../domain/hall/counter-keys.js';
import type { HallDefinition, HallSettings, KioskDef, RatingTabletDef, SerialBusDef, StaffDef } from '../domain/hall/hall-definition.js';
import type { LocalizedText } from '../domain/localized-text.js';
import { counterEntryOf, type HallFile, hoursEntryOf, serviceEntryOf } from './hall-file.js';

type HallEntry = HallFile['hall'];
type Entry<K extends 'kiosks' | 'ratingTablets' | 'serialBuses' | 'staff'> = NonNullable<HallFile[K]>[number];

const textEntry = (t: LocalizedText) => (t.vi === t.en ? t.vi : { vi: t.vi, en: t.en });

/** The hall's settings as the file writes them; defaults are written too, so a person sees them. */
export function hallEntryOf(s: HallSettings): HallEntry {
  const voice = { ...DEFAULT_VOICE, ...s.voice };
  return {
    name: s.name,
    ...(s.nameEn !== s.name ? { nameEn: s.nameEn } : {}),
    agencyCode: s.agencyCode,
    timeZone: s.timeZone,
    hours: s.hours === null ? null : hoursEntryOf(s.hours),
    ...(s.publicUrl ? { publicUrl: s.publicUrl } : {}),
    ...(s.returnService ? { returnService: s.returnService } : {}),
    ...(s.serviceGroups.length > 0 ? { serviceGroups: s.serviceGroups.map((g) => ({ id: g.id, name: textEntry(g.name) })) } : {}),
    priority: {
      policy: s.priorityPolicy.mode,
      ...(s.priorityPolicy.mode === 'interleaved' ? { regularPerPriority: s.priorityPolicy.regularPerPriority } : {}),
      categories: s.priorityCategories.map((c) => ({ code: c.code, name: textEntry(c.name) })),
    },
    noShowRestoreMinutes: s.noShowRestoreMinutes,
    maxWaitMinutes: s.maxWaitMinutes,
    transferPosition: s.transferPosition,
    ticketFooter: textEntry(s.ticketFooter),
    ...(s.displayNotice ? { displayNotice: textEntry(s.displayNotice) } : {}),
    counterKeys: Object.fromEntries(COUNTER_ACTIONS.map((a) => [a, [...s.counterKeys[a]]])),
    sessionIdleMinutes: s.sessionIdleMinutes,
    sessionMaxHours: s.sessionMaxHours,
    voice: {
      phrase: voice.phrase,
      ...(voice.packDir ? { packDir: voice.packDir } : {}),
      hubSpeaker: voice.hubSpeaker,
      sayNumberTwice: voice.sayNumberTwice,
      volume: voice.volume,
    },
    simulator: s.simulator,
    reprintsPerTicket: s.reprintsPerTicket,
    ...(s.workingHours ? { workingHours: s.workingHours.map((p) => ({ start: p.start, end: p.end })) } : {}),
    ...(Object.keys(s.holidays).length > 0
      ? {
          holidays: Object.fromEntries(
            Object.entries(s.holidays).map(([year, e]) => [year, { ...(e.source ? { source: e.source } : {}), daysOff: [...e.daysOff], workingDays: [...e.workingDays] }]),
          ),
        }
      : {}),
  } as HallEntry;
}

/** A kiosk without its token: the hub keeps it. */
export function kioskEntryOf(k: KioskDef): Entry<'kiosks'> {
  const p = k.printer;
  return {
    id: k.id,
    name: textEntry(k.name),
    ticketsPerMinute: k.ticketsPerMinute,
    printer: {
      type: p.kind,
      ...(p.address ? { address: p.address } : {}),
      ...(p.kind === 'agent' || p.model ? { model: p.model ?? 'epson' } : {}),
      paper: p.paperWidth,
    } as NonNullable<Entry<'kiosks'>['printer']>,
    slips: k.slips,
    ...(k.services && k.services.length > 0 ? { services: [...k.services] } : {}),
    ...(k.active ? {} : { active: false }),
  };
}

export function ratingTabletEntryOf(t: RatingTabletDef): Entry<'ratingTablets'> {
  return { id: t.id, counter: t.counterId, ...(t.active ? {} : { active: false }) };
}

export function serialBusEntryOf(b: SerialBusDef): Entry<'serialBuses'> {
  return {
    id: b.id,
    port: b.port,
    baudRate: b.baudRate,
    // The schema's protocol is a union built from LED_PROTOCOLS, which its static type does not follow.
    protocol: b.protocol as unknown as Entry<'serialBuses'>['protocol'],
    keypads: b.keypads.map((k) => ({ address: k.address, counter: k.counterId })),
    ledBoards: b.ledBoards.map((l) => (l.kind === 'hall' ? { address: l.address, hall: true as const, calls: l.calls } : { address: l.address, counter: l.counterId })),
  };
}

/** An account without its password hash: the hub keeps it. */
export function staffEntryOf(s: StaffDef): Entry<'staff'> {
  return {
    user: s.user,
    name: s.name,
    role: s.role,
    ...(s.counters.length > 0 ? { counters: [...s.counters] } : {}),
    ...(s.fields?.length ? { fields: [...s.fields] } : {}),
    ...(s.services?.length ? { services: [...s.services] } : {}),
    ...(s.active ? {} : { active: false }),
  };
}

/**
 * The running hall as hall-file data. Services and counters removed (kept inactive for their
 * past tickets) are left out, as a file that stops listing them; devices and accounts are kept
 * with `active: false` when disabled.
 */
export function hallFileOf(hall: HallDefinition): HallFile {
  return {
    version: 1,
    hall: hallEntryOf(hall.settings),
    services: hall.services.filter((s) => s.active).map(serviceEntryOf),
    counters: hall.counters.filter((c) => c.active).map(counterEntryOf),
    kiosks: hall.kiosks.map(kioskEntryOf),
    ratingTablets: hall.ratingTablets.map(ratingTabletEntryOf),
    serialBuses: hall.serialBuses.map(serialBusEntryOf),
    staff: hall.staff.map(staffEntryOf),
  };
}

const HEADER = (hallName: string, at: string) =>
  [
    ` Hall file of ${hallName}, exported from the running hub on ${at}.`,
    ' Tệp cấu hình điểm phục vụ, tải về từ máy chủ đang chạy.',
    '',
    ' The hub accepts it as its hall file (luot --hall this.yaml) and gives the same hall; the',
    " console's Configuration screen imports it back (with a preview of the differences).",
    '',
    ' Secrets never leave the hub, and this file holds none:',
    ' - kiosks and rating tablets have no `token:` here: the hub keeps the token it holds (paired',
    '   in the console); a new device without a token waits to be paired in the console.',
    ' - accounts have no `passwordHash:`: each keeps the password the hub holds; a new account',
    '   without one cannot sign in until an admin sets its password in the console (Users).',
    ' - the status source (hall.statusSource) is left out: its address and headers may hold keys.',
    '   Copy it here by hand before starting a hub with this file, or the hub runs without one.',
    ' - displays are paired in the console only; the procedures catalogue has its own export.',
    ' docs/hall-file.md describes every field.',
  ].join('\n');

const SECTION_NOTES: Record<string, string> = {
  hall: ' The hall: names, agency code, opening hours, priority, tickets, sessions, voice.',
  services: ' Services citizens take a number for; each series (prefix or block) is its own.',
  counters: ' Counters: the services each serves, in order, with weights.',
  kiosks: ' Ticket kiosks (tokens kept by the hub).',
  ratingTablets: ' Rating tablets, one per counter (tokens kept by the hub).',
  serialBuses: ' Serial buses: wired keypads and LED boards.',
  staff: ' Accounts (password hashes kept by the hub).',
};

/** Short lists and small objects on one line, so a service or a counter reads at a glance. */
function flowSmallNodes(doc: Document): void {
  const flowKeys = new Set(['numbering', 'hours', 'name', 'location', 'services', 'printer', 'counters', 'fields', 'daysOff', 'workingDays']);
  // A list of small objects: one per line.
  const itemPerLine = new Set(['keypads', 'ledBoards', 'workingHours']);
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !pair.value) return;
      const key = String(pair.key.value);
      const value = pair.value as Node;
      if (isSeq(value) && value.items.every((i) => isScalar(i))) value.flow = true;
      if (key === 'hall' || key === 'priority') return;
      if (flowKeys.has(key) && (isMap(value) || isSeq(value))) value.flow = true;
      if (isMap(value) && ['counterKeys'].includes(key)) value.flow = false;
      if (itemPerLine.has(key) && isSeq(value)) {
        value.flow = false;
        for (const item of value.items) if (isMap(item)) item.flow = true;
      }
    },
  });
  // A top-level list of counters' services is long: keep each list item of `staff`, `counters` readable.
  const top = doc.contents;
  if (!isMap(top)) return;
  for (const pair of top.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (key === 'services' || key === 'counters' || key === 'staff' || key === 'kiosks' || key === 'ratingTablets' || key === 'serialBuses') {
      if (isSeq(pair.value)) pair.value.flow = false;
    }
    const note = SECTION_NOTES[key];
    if (note) (pair.key as Node).commentBefore = note;
    if (key !== 'version') (pair.key as Node).spaceBefore = true;
  }
}

/** The running hall as the text of a hall file, with a header that says how it treats secrets. */
export function hallFileText(hall: HallDefinition, at: string): string {
  const doc = new Document(hallFileOf(hall));
  doc.commentBefore = HEADER(hall.settings.name, at);
  flowSmallNodes(doc);
  // Displays are the console's alone: listed for the reader, not read back.
  const displays = hall.displays ?? [];
  if (displays.length > 0) {
    doc.comment = [
      ' Displays paired in the console (kept by the hub; a hall file does not list displays):',
      ...displays.map((d) => ` - ${d.id}: ${d.name.vi}${d.active ? '' : ' (not in use)'}${d.tokenHash ? '' : ' (not paired)'}`),
    ].join('\n');
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
