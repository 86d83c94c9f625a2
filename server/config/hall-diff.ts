// What a hall file would change in the running hall, section by section: settings, services,
// counters, devices, accounts added, changed field by field (old -> new) or removed. Pure: both
// halls are compared as the hall file writes them (hall-file-export.ts), so a file exported
// from the running hub differs in nothing. Secrets are not in the comparison, as not in a file.

import type { HallFileFieldChange, HallFileItemChange, HallFileSection, HallFileSectionChanges } from '../contract/hall-config.js';
import type { HallDefinition } from '../domain/hall/hall-definition.js';
import { hallFileOf } from './hall-file-export.js';

/** The hall's settings an admin changes live (those of the Configuration screen, and the kiosk's service groups). */
export const LIVE_HALL_FIELDS: readonly string[] = ['name', 'nameEn', 'agencyCode', 'publicUrl', 'returnService', 'serviceGroups', 'hours'];
/** Sections applied live; the others are shown, and made on their own screen or in the hall file. */
export const LIVE_SECTIONS: ReadonlySet<HallFileSection> = new Set(['hall', 'services', 'counters']);

/** A value as a short text a person reads: "vi / en", lists with commas, small objects as key: value. */
export function shown(value: unknown): string | null {
  if (value === undefined) return null;
  if (value === null) return '—';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map((v) => shown(v)).join(', ');
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 2 && typeof o.vi === 'string' && typeof o.en === 'string') return `${o.vi} / ${o.en}`;
  return `{ ${keys.map((k) => `${k}: ${shown(o[k])}`).join('; ')} }`;
}

function fieldChanges(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined, skip: (key: string) => boolean = () => false): HallFileFieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !skip(k) && k !== 'id' && k !== 'user');
  return keys.filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k])).map((field) => ({ field, before: shown(before?.[field]), after: shown(after?.[field]) }));
}

type Keyed = Record<string, unknown>;

function nameOf(entry: Keyed): string {
  const name = entry.name;
  if (typeof name === 'string') return name;
  if (name && typeof name === 'object' && 'vi' in name) return String((name as { vi: string }).vi);
  return String(entry.id ?? entry.user ?? '');
}

function listChanges(before: Keyed[], after: Keyed[], key: 'id' | 'user', live: boolean): HallFileItemChange[] {
  const idOf = (e: Keyed) => String(e[key]);
  const old = new Map(before.map((e) => [idOf(e), e]));
  const next = new Set(after.map(idOf));
  const items: HallFileItemChange[] = [];
  for (const e of after) {
    const was = old.get(idOf(e));
    const fields = fieldChanges(was, e);
    if (!was) items.push({ id: idOf(e), name: nameOf(e), change: 'added', fields, live });
    else if (fields.length > 0) items.push({ id: idOf(e), name: nameOf(e), change: 'changed', fields, live });
  }
  for (const e of before) if (!next.has(idOf(e))) items.push({ id: idOf(e), name: nameOf(e), change: 'removed', fields: [], live });
  return items;
}

/** Every difference between the running hall and a hall file's, grouped by section (only those that differ). */
export function hallFileChanges(running: HallDefinition, file: HallDefinition): HallFileSectionChanges[] {
  const a = hallFileOf(running) as unknown as Record<string, Keyed[]> & { hall: Keyed };
  const b = hallFileOf(file) as unknown as Record<string, Keyed[]> & { hall: Keyed };
  const hallItems: HallFileItemChange[] = [];
  const liveFields = fieldChanges(a.hall, b.hall, (k) => !LIVE_HALL_FIELDS.includes(k));
  if (liveFields.length > 0) hallItems.push({ id: 'hall', name: file.settings.name, change: 'changed', fields: liveFields, live: true });
  const otherFields = fieldChanges(a.hall, b.hall, (k) => LIVE_HALL_FIELDS.includes(k));
  if (otherFields.length > 0) hallItems.push({ id: 'hall', name: file.settings.name, change: 'changed', fields: otherFields, live: false });
  // A secret the file gives is not applied while the hall runs: said, never shown.
  if (file.settings.statusSource && JSON.stringify(file.settings.statusSource) !== JSON.stringify(running.settings.statusSource)) {
    secretChange(hallItems, 'hall', file.settings.name, 'statusSource', running.settings.statusSource !== null);
  }
  // A catalogue the file names is read at a start only; the console imports one on its own screen.
  if (file.catalogFile && file.catalogFile !== running.catalogFile) {
    let item = hallItems.find((i) => !i.live);
    if (!item) {
      item = { id: 'hall', name: file.settings.name, change: 'changed', fields: [], live: false };
      hallItems.push(item);
    }
    item.fields.push({ field: 'catalog', before: null, after: file.catalogFile.split(/[\\/]/).at(-1) ?? file.catalogFile });
  }
  const sections: HallFileSectionChanges[] = [{ section: 'hall', items: hallItems }];
  for (const section of ['services', 'counters', 'kiosks', 'ratingTablets', 'serialBuses', 'staff'] as const) {
    sections.push({ section, items: listChanges(a[section] ?? [], b[section] ?? [], section === 'staff' ? 'user' : 'id', LIVE_SECTIONS.has(section)) });
  }
  const items = (section: HallFileSection) => sections.find((s) => s.section === section)!.items;
  for (const [section, mine, theirs] of [
    ['kiosks', running.kiosks, file.kiosks],
    ['ratingTablets', running.ratingTablets, file.ratingTablets],
  ] as const) {
    for (const d of theirs as { id: string; token: string }[]) {
      const was = (mine as { id: string; token: string }[]).find((m) => m.id === d.id);
      if (was && d.token !== '' && d.token !== was.token) secretChange(items(section), d.id, d.id, 'token', true);
    }
  }
  for (const s of file.staff) {
    const was = running.staff.find((m) => m.user === s.user);
    if (was && s.passwordHash !== '' && s.passwordHash !== was.passwordHash) secretChange(items('staff'), s.user, s.name, 'passwordHash', true);
  }
  return sections.filter((s) => s.items.length > 0);
}

/** A secret the file changes, shown as "•••" (never its value), on the item's not-live change. */
function secretChange(items: HallFileItemChange[], id: string, name: string, field: string, had: boolean): void {
  let item = items.find((i) => i.id === id && !i.live && i.change !== 'removed');
  if (!item) {
    item = { id, name, change: 'changed', fields: [], live: false };
    items.push(item);
  }
  if (item.change === 'changed') item.fields.push({ field, before: had ? '•••' : '—', after: '•••' });
}
