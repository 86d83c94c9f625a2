// The running configuration as a hall file (export), and a hall file imported in two steps: the
// upload is checked with the hall file's own schema and rules and compared with the running
// hall, without changing anything (preview); then the admin applies exactly that preview, once,
// within 15 minutes, and only if the configuration has not changed since.
//
// Applying makes every difference that can be made while the hall runs (the hall's names,
// agency code, public address, return service and opening hours; services and counters added, changed or
// removed) in one commit, with the Configuration screen's rules: a service removed while
// people wait for it, or still served by a counter, and a counter removed while open are
// refused, and then nothing is applied. Waiting tickets keep their numbers and places. The
// other differences (devices, accounts, priority...) are shown in the preview as not applied live.

import { createHash, randomUUID } from 'node:crypto';
import { hallFileChanges, LIVE_HALL_FIELDS } from '../../config/hall-diff.js';
import { hallFileText } from '../../config/hall-file-export.js';
import { counterEntryOf, readHallFile, serviceEntryOf } from '../../config/hall-file.js';
import { hallProblems } from '../../config/hall-rules.js';
import type { HallFileApplied, HallFilePreview } from '../../contract/hall-config.js';
import type { ConfiguredItem, ConfiguredSetting } from '../../db/hall-repository.js';
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/domain-error.js';
import type { HallFileImported } from '../../domain/events/hall-events.js';
import type { CounterDef, HallDefinition, ServiceDef } from '../../domain/hall/hall-definition.js';
import type { FieldProblem } from '../../domain/hall/hall-errors.js';
import { type ConfigureDeps, current, type StoredSettings, inactiveServices, readConfiguration, refusal, refuse, waitingFor } from './configure-hall.js';
import { PendingPreviews } from '../pending-previews.js';

/** The largest hall file taken: a hall of 40 services, 60 counters and 200 accounts is some 60 kB. */
export const MAX_HALL_FILE_BYTES = 1_000_000;
/** How long a preview may wait for its confirmation. */
export const HALL_FILE_PREVIEW_TTL_MS = 15 * 60_000;
const MAX_PREVIEWS = 10;

interface Pending {
  preview: HallFilePreview;
  file: HallDefinition;
  /** The running configuration the preview was made against. */
  baseHash: string;
}

/** Previews waiting for their confirmation, in memory: a restart forgets them (import again). */
export class HallFilePreviews extends PendingPreviews<Pending> {
  constructor() {
    super(MAX_PREVIEWS);
  }
}

export interface HallFileDeps extends ConfigureDeps {
  previews: HallFilePreviews;
}

const hashOf = (hall: HallDefinition) => createHash('sha256').update(JSON.stringify(hall)).digest('hex');

/** The running configuration as a hall file (YAML), secrets left out. */
export async function exportHallFile(deps: Pick<ConfigureDeps, 'hall' | 'queue' | 'clock'>): Promise<{ fileName: string; body: string }> {
  const hall = await deps.queue.read(() => current(deps));
  const at = new Date(deps.clock());
  const day = at.toISOString().slice(0, 10);
  return { fileName: `hall-${day}.yaml`, body: hallFileText(hall, `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`) };
}

/** Checks an uploaded hall file and says what importing it would change; changes nothing. */
export async function previewHallFile(deps: HallFileDeps, upload: { text: string }): Promise<HallFilePreview> {
  if (upload.text.trim() === '') refuse([{ field: '(file)', vi: 'tệp trống', en: '(file): the file is empty' }]);
  if (Buffer.byteLength(upload.text) > MAX_HALL_FILE_BYTES) refuse([{ field: '(file)', vi: 'tệp lớn quá 1 MB', en: '(file): the file is larger than 1 MB' }]);
  const { def, problems } = readHallFile(upload.text);
  if (!def) return refuse(problems);
  return deps.queue.read(() => {
    const running = current(deps);
    const sections = hallFileChanges(running, def);
    const live = sections.flatMap((s) => s.items).filter((i) => i.live).length;
    const now = deps.clock();
    const preview: HallFilePreview = { previewId: randomUUID(), expiresAt: now + HALL_FILE_PREVIEW_TTL_MS, sections, live, notLive: sections.flatMap((s) => s.items).length - live };
    deps.previews.keep({ preview, file: def, baseHash: hashOf(running) }, now);
    return preview;
  });
}

/** Compared as the file writes them: the same service stored and read back is the same. */
const sameEntry = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

interface Plan {
  next: HallDefinition;
  settings: StoredSettings;
  items: ConfiguredItem[];
  summary: HallFileImported;
}

/** The running hall with every live difference of the file made, and what is stored for it. */
function planOf(running: HallDefinition, file: HallDefinition, notApplied: number): Plan {
  const settings: Record<string, unknown> = {};
  for (const key of LIVE_HALL_FIELDS as ConfiguredSetting[]) {
    if (JSON.stringify(running.settings[key]) !== JSON.stringify(file.settings[key])) settings[key] = file.settings[key];
  }
  const items: ConfiguredItem[] = [];
  const summary: HallFileImported = {
    settings: settings as HallFileImported['settings'],
    services: { added: [], changed: [], removed: [] },
    counters: { added: [], changed: [], removed: [] },
    notApplied,
  };
  const services: ServiceDef[] = running.services.map((s) => {
    // A service the file marks inactive is one it removes.
    const asked = file.services.find((f) => f.id === s.id && f.active);
    if (s.active && !asked) {
      summary.services.removed.push(s.id);
      const def = { ...s, active: false };
      items.push({ kind: 'service', def });
      return def;
    }
    if (!asked || (s.active && sameEntry(serviceEntryOf(asked), serviceEntryOf(s)))) return s;
    (s.active ? summary.services.changed : summary.services.added).push(s.id);
    items.push({ kind: 'service', def: asked });
    return asked;
  });
  for (const f of file.services.filter((f) => f.active && !running.services.some((s) => s.id === f.id))) {
    summary.services.added.push(f.id);
    items.push({ kind: 'service', def: f });
    services.push(f);
  }
  const counters: CounterDef[] = running.counters.map((c) => {
    const asked = file.counters.find((f) => f.id === c.id && f.active);
    if (c.active && !asked) {
      summary.counters.removed.push(c.id);
      const def = { ...c, active: false };
      items.push({ kind: 'counter', def });
      return def;
    }
    if (!asked || (c.active && sameEntry(counterEntryOf(asked), counterEntryOf(c)))) return c;
    (c.active ? summary.counters.changed : summary.counters.added).push(c.id);
    items.push({ kind: 'counter', def: asked });
    return asked;
  });
  for (const f of file.counters.filter((f) => f.active && !running.counters.some((c) => c.id === f.id))) {
    summary.counters.added.push(f.id);
    items.push({ kind: 'counter', def: f });
    counters.push(f);
  }
  return { next: { ...running, settings: { ...running.settings, ...settings }, services, counters }, settings: settings as StoredSettings, items, summary };
}

/** Why the plan cannot be made now (people waiting, a counter open...), field by field; empty: it can. */
function planProblems(deps: ConfigureDeps, plan: Plan): FieldProblem[] {
  const { next, summary } = plan;
  const problems: FieldProblem[] = [];
  for (const serviceId of summary.services.removed) {
    const waiting = waitingFor(deps.live, serviceId);
    if (waiting > 0) problems.push(refusal(`services.${serviceId}`, 'service_has_waiting', { serviceId, waiting }));
    if (next.settings.returnService === serviceId) {
      problems.push({ field: 'hall.returnService', vi: `dịch vụ ${serviceId} đang là dịch vụ trả kết quả`, en: `hall.returnService: ${serviceId} is the service that returns results` });
    }
  }
  for (const counterId of summary.counters.removed) {
    const state = deps.live.counterState(counterId);
    if (state && (state.mode !== 'closed' || state.currentTicketId !== null)) problems.push(refusal(`counters.${counterId}`, 'counter_in_use', { counterId }));
  }
  if (!next.counters.some((c) => c.active)) problems.push({ field: 'counters', vi: new DomainError('last_counter').message, en: `counters: ${new DomainError('last_counter').messageEn}` });
  for (const c of next.counters.filter((c) => c.active)) problems.push(...inactiveServices(next, c));
  problems.push(...hallProblems(next));
  return problems;
}

/** Applies a preview as it was shown, in one commit, unless the configuration changed since; logged with who applied it. */
export async function applyHallFile(deps: HallFileDeps, previewId: string, by: Actor): Promise<HallFileApplied> {
  const pending = deps.previews.take(previewId, deps.clock());
  if (!pending) throw new DomainError('hall_file_preview_not_found');
  // From reading the running hall to staging the commit in one turn: nothing slips in between.
  const running = current(deps);
  if (hashOf(running) !== pending.baseHash) {
    deps.previews.forget(previewId);
    throw new DomainError('hall_file_preview_stale');
  }
  const plan = planOf(running, pending.file, pending.preview.notLive);
  const problems = planProblems(deps, plan);
  // Refused, the preview stays: once the people are served or the counter closed, apply it again.
  if (problems.length > 0) refuse(problems);
  if (plan.items.length > 0 || Object.keys(plan.settings).length > 0) {
    await deps.queue.record([{ type: 'hall:configured', data: { change: 'hall_file_imported', subject: null, after: plan.summary } }], by, () => {
      deps.hall.saveConfigured(plan.settings, plan.items, deps.clock(), by.name);
      // The live state follows within the same commit: a failed commit reloads it from the disk.
      deps.live.configure(current(deps), deps.counterStates());
    });
  }
  deps.previews.forget(previewId);
  return { applied: pending.preview.live, notApplied: pending.preview.notLive, configuration: readConfiguration(deps) };
}
