// The hall's configuration changed while it runs (the manager console, admins only): the hall's
// name, agency code, public address and opening hours; services and counters added, changed or removed.
//
// Each change builds the whole new hall description and checks it with the hall file's own
// schema and rules (server/config/hall-file.ts, hall-rules.ts): a problem refuses it, field by
// field, in Vietnamese and English, and nothing is stored. A change that passes is stored and
// logged ('hall:configured', with who made it) in one commit, and the live state takes it in the
// same step: waiting tickets keep their places and numbers. A service is removed only once
// nobody waits for it and no counter serves it; a counter only once it is closed. Pages hear of it
// through a fresh snapshot (server/realtime/socket-server.ts).

import { counterEntryOf, counterOfEntry, entryProblems, HallSettingsChangeSchema, hoursEntryOf, serviceEntryOf, serviceOfEntry } from '../../config/hall-file.js';
import { weekFromEntry } from '../../config/hall-hours.js';
import { hallProblems } from '../../config/hall-rules.js';
import type { ChangeOf, CounterInput, HallConfiguration, HallSettingsInput, ServiceInput } from '../../contract/hall-config.js';
import type { ConfiguredItem, ConfiguredSetting, HallOverrides, HallRepository } from '../../db/hall-repository.js';
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/domain-error.js';
import type { ConfiguredDefinition, HallConfigChange } from '../../domain/events/hall-events.js';
import type { CounterDef, HallDefinition, ServiceDef } from '../../domain/hall/hall-definition.js';
import type { FieldProblem } from '../../domain/hall/hall-errors.js';
import type { CounterState } from '../../domain/queue/queue-state.js';
import type { LiveState } from '../../services/live-state.js';
import type { QueueService } from '../../services/queue-service.js';

export interface ConfigureDeps {
  hall: Pick<HallRepository, 'load' | 'saveConfigured'>;
  queue: Pick<QueueService, 'record' | 'read'>;
  live: Pick<LiveState, 'configure' | 'openTickets' | 'counterState'>;
  /** Every counter's stored state (a new counter's is written with it). */
  counterStates: () => CounterState[];
  clock: () => number;
}

/** How many citizens wait for a service now. */
export function waitingFor(live: Pick<LiveState, 'openTickets'>, serviceId: string): number {
  let n = 0;
  for (const t of live.openTickets()) if (t.status === 'waiting' && t.serviceId === serviceId) n += 1;
  return n;
}

/** Refuses with every problem, each field named, in both languages. */
export function refuse(problems: FieldProblem[]): never {
  throw new DomainError('config_invalid', { problems: problems.map((p) => `${p.field}: ${p.vi}`).join('; '), problemsEn: problems.map((p) => p.en).join('; ') }, problems);
}

/** The running description, as stored (with the console's earlier changes). */
export function current(deps: Pick<ConfigureDeps, 'hall'>): HallDefinition {
  const hall = deps.hall.load();
  if (!hall) throw new Error('the hall has no stored description');
  return hall;
}

/** Hall settings as stored over the file's (the hours as a week, not as the file writes them). */
export type StoredSettings = Partial<Pick<HallOverrides, ConfiguredSetting>>;

export interface Applied {
  change: HallConfigChange;
  subject: string | null;
  after: ConfiguredDefinition;
}

/**
 * Checks the whole new description with the hall file's rules, then stores and logs it in one
 * commit and hands it to the live state. Runs in one turn from reading the stored description to
 * staging the commit, so that no other change slips in between.
 */
async function commit(deps: ConfigureDeps, next: HallDefinition, settings: StoredSettings, items: ConfiguredItem[], applied: Applied, by: Actor): Promise<Applied> {
  const problems = hallProblems(next);
  if (problems.length > 0) refuse(problems);
  await deps.queue.record([{ type: 'hall:configured', data: applied }], by, () => {
    deps.hall.saveConfigured(settings, items, deps.clock(), by.name);
    // The live state follows within the same commit: a failed commit reloads it from the disk.
    deps.live.configure(current(deps), deps.counterStates());
  });
  return applied;
}

// ---- reading ----

export function readConfiguration(deps: Pick<ConfigureDeps, 'hall' | 'live'>): HallConfiguration {
  const hall = current(deps);
  const s = hall.settings;
  return {
    hall: {
      name: s.name,
      nameEn: s.nameEn,
      agencyCode: s.agencyCode,
      publicUrl: s.publicUrl,
      returnService: s.returnService,
      hours: s.hours === null ? null : hoursEntryOf(s.hours),
      serviceGroups: s.serviceGroups,
    },
    services: hall.services.filter((x) => x.active).map((x) => ({ ...(serviceEntryOf(x) as ServiceInput), waiting: waitingFor(deps.live, x.id) })),
    counters: hall.counters.filter((c) => c.active).map((c) => ({ ...(counterEntryOf(c) as CounterInput), mode: deps.live.counterState(c.id)?.mode ?? 'closed' })),
  };
}

// ---- the hall ----

export async function changeHallSettings(deps: ConfigureDeps, asked: HallSettingsInput, by: Actor): Promise<Applied> {
  // Null takes an optional setting away; the file's schema checks the others.
  const given = Object.fromEntries(Object.entries(asked).filter(([, v]) => v !== null));
  const problems = entryProblems(HallSettingsChangeSchema, given, 'hall');
  // The schema's words for a week written wrong ("open" is missing...) mislead: say the form instead.
  const hoursWrong = problems.some((p) => p.field === 'hall.hours' || p.field.startsWith('hall.hours.'));
  const hoursForm = {
    field: 'hall.hours',
    vi: 'giờ mở cửa phải viết theo ngày, ví dụ { "mon-fri": ["07:30-11:30", "13:30-17:00"], "sat": ["07:30-11:30"] }',
    en: 'hall.hours: write the hours by day, e.g. { "mon-fri": ["07:30-11:30", "13:30-17:00"], "sat": ["07:30-11:30"] }',
  };
  if (problems.length > 0) refuse(hoursWrong ? [...problems.filter((p) => !p.field.startsWith('hall.hours')), hoursForm] : problems);
  const hall = current(deps);
  const { hours: askedHours, ...rest } = asked;
  const settings: StoredSettings = { ...rest, ...(asked.publicUrl ? { publicUrl: asked.publicUrl.replace(/\/$/, '') } : {}) };
  // The week read with the hall file's rules (closing before opening, overlapping periods...).
  if (askedHours === null) settings.hours = null;
  else if (askedHours !== undefined) {
    const { week, problems } = weekFromEntry(askedHours, 'hall.hours');
    if (problems.length > 0) refuse(problems.map((en) => ({ field: 'hall.hours', vi: `giờ mở cửa không hợp lệ (${en})`, en })));
    // A week with no opening at all would close the hall for good: around the clock is null, not this.
    if (week.every((day) => day.length === 0)) {
      refuse([
        { field: 'hall.hours', vi: 'giờ mở cửa phải có ít nhất một ngày; để trống là mở cả ngày', en: 'hall.hours: give the hours of at least one day; leave it empty for around the clock' },
      ]);
    }
    settings.hours = week;
  }
  const next: HallDefinition = { ...hall, settings: { ...hall.settings, ...settings } };
  return commit(deps, next, settings, [], { change: 'hall', subject: null, after: settings }, by);
}

// ---- services ----

function checkServiceCanGo(deps: ConfigureDeps, hall: HallDefinition, serviceId: string): void {
  const waiting = waitingFor(deps.live, serviceId);
  if (waiting > 0) throw new DomainError('service_has_waiting', { serviceId, waiting }, [refusal(`services.${serviceId}`, 'service_has_waiting', { serviceId, waiting })]);
  const counters = hall.counters.filter((c) => c.active && c.services.some((l) => l.serviceId === serviceId)).map((c) => c.id);
  if (counters.length > 0) {
    const params = { serviceId, counters: counters.join(', ') };
    throw new DomainError('service_still_served', params, [refusal(`services.${serviceId}`, 'service_still_served', params)]);
  }
  if (hall.settings.returnService === serviceId)
    refuse([{ field: 'hall.returnService', vi: `dịch vụ ${serviceId} đang là dịch vụ trả kết quả`, en: `hall.returnService: ${serviceId} is the service that returns results` }]);
}

/** The same refusal as a field's problem, for the console to show beside it. */
export function refusal(field: string, code: 'service_has_waiting' | 'service_still_served' | 'counter_in_use', params: Record<string, string | number>): FieldProblem {
  const e = new DomainError(code, params);
  return { field, vi: e.message, en: e.messageEn };
}

function withService(hall: HallDefinition, def: ServiceDef): HallDefinition {
  const at = hall.services.findIndex((s) => s.id === def.id);
  const services = at >= 0 ? hall.services.map((s, i) => (i === at ? def : s)) : [...hall.services, def];
  return { ...hall, services };
}

export async function addService(deps: ConfigureDeps, entry: ServiceInput, by: Actor): Promise<Applied> {
  const { def, problems } = serviceOfEntry(entry);
  if (!def) return refuse(problems);
  if (problems.length > 0) refuse(problems);
  const hall = current(deps);
  // A service removed earlier (kept, inactive, for its past tickets) may come back under its code.
  if (hall.services.some((s) => s.id === def.id && s.active)) throw new DomainError('service_exists', { serviceId: def.id });
  const added = { ...def, active: true };
  return commit(deps, withService(hall, added), {}, [{ kind: 'service', def: added }], { change: 'service_added', subject: def.id, after: added }, by);
}

/** Fields given replace the service's; null takes an optional one away. */
function merged<T extends object>(before: T, change: object): T {
  const out = { ...before } as Record<string, unknown>;
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out as T;
}

export async function changeService(deps: ConfigureDeps, serviceId: string, change: ChangeOf<Omit<ServiceInput, 'id'>>, by: Actor): Promise<Applied> {
  const hall = current(deps);
  const before = hall.services.find((s) => s.id === serviceId && s.active);
  if (!before) throw new DomainError('service_not_found', { serviceId });
  const { def, problems } = serviceOfEntry({ ...merged(serviceEntryOf(before), change), id: serviceId });
  if (!def) return refuse(problems);
  if (problems.length > 0) refuse(problems);
  if (!def.active) checkServiceCanGo(deps, hall, serviceId);
  const kind = def.active ? 'service_changed' : 'service_removed';
  return commit(deps, withService(hall, def), {}, [{ kind: 'service', def }], { change: kind, subject: serviceId, after: def }, by);
}

export async function removeService(deps: ConfigureDeps, serviceId: string, by: Actor): Promise<Applied> {
  const hall = current(deps);
  const before = hall.services.find((s) => s.id === serviceId && s.active);
  if (!before) throw new DomainError('service_not_found', { serviceId });
  checkServiceCanGo(deps, hall, serviceId);
  const def = { ...before, active: false };
  return commit(deps, withService(hall, def), {}, [{ kind: 'service', def }], { change: 'service_removed', subject: serviceId, after: def }, by);
}

// ---- counters ----

function withCounter(hall: HallDefinition, def: CounterDef): HallDefinition {
  const at = hall.counters.findIndex((c) => c.id === def.id);
  const counters = at >= 0 ? hall.counters.map((c, i) => (i === at ? def : c)) : [...hall.counters, def];
  return { ...hall, counters };
}

/** A counter serves services in service only. */
export function inactiveServices(hall: HallDefinition, def: CounterDef): FieldProblem[] {
  return def.services
    .filter((l) => hall.services.some((s) => s.id === l.serviceId && !s.active))
    .map((l) => ({
      field: `counters.${def.id}.services`,
      vi: `dịch vụ ${l.serviceId} đã bị bỏ, quầy không phục vụ được`,
      en: `counters.${def.id}.services: service ${l.serviceId} was removed, the counter cannot serve it`,
    }));
}

function checkCounterCanGo(deps: ConfigureDeps, hall: HallDefinition, counterId: number): void {
  const state = deps.live.counterState(counterId);
  if (state && (state.mode !== 'closed' || state.currentTicketId !== null)) {
    throw new DomainError('counter_in_use', { counterId }, [refusal(`counters.${counterId}`, 'counter_in_use', { counterId })]);
  }
  if (hall.counters.filter((c) => c.active && c.id !== counterId).length === 0) throw new DomainError('last_counter');
}

export async function addCounter(deps: ConfigureDeps, entry: CounterInput, by: Actor): Promise<Applied> {
  const { def, problems } = counterOfEntry(entry);
  if (!def) return refuse(problems);
  const hall = current(deps);
  if (hall.counters.some((c) => c.id === def.id && c.active)) throw new DomainError('counter_exists', { counterId: def.id });
  const added = { ...def, active: true };
  const stale = inactiveServices(hall, added);
  if (stale.length > 0) refuse(stale);
  return commit(deps, withCounter(hall, added), {}, [{ kind: 'counter', def: added }], { change: 'counter_added', subject: String(def.id), after: added }, by);
}

export async function changeCounter(deps: ConfigureDeps, counterId: number, change: ChangeOf<Omit<CounterInput, 'id'>>, by: Actor): Promise<Applied> {
  const hall = current(deps);
  const before = hall.counters.find((c) => c.id === counterId && c.active);
  if (!before) throw new DomainError('counter_not_found', { counterId });
  const { def, problems } = counterOfEntry({ ...merged(counterEntryOf(before), change), id: counterId });
  if (!def) return refuse(problems);
  const stale = inactiveServices(hall, def);
  if (stale.length > 0) refuse(stale);
  if (!def.active) checkCounterCanGo(deps, hall, counterId);
  const kind = def.active ? 'counter_changed' : 'counter_removed';
  return commit(deps, withCounter(hall, def), {}, [{ kind: 'counter', def }], { change: kind, subject: String(counterId), after: def }, by);
}

export async function removeCounter(deps: ConfigureDeps, counterId: number, by: Actor): Promise<Applied> {
  const hall = current(deps);
  const before = hall.counters.find((c) => c.id === counterId && c.active);
  if (!before) throw new DomainError('counter_not_found', { counterId });
  checkCounterCanGo(deps, hall, counterId);
  const def = { ...before, active: false };
  return commit(deps, withCounter(hall, def), {}, [{ kind: 'counter', def }], { change: 'counter_removed', subject: String(counterId), after: def }, by);
}
