// Accounts managed in the console by an admin: list them, add a clerk or a manager, change a
// role, a name, the counters a clerk may take or whose dossiers they handle (fields of the
// catalogue, services), reset a password, disable or enable. Each
// change is logged (staff:changed) with who made it, in the same commit as the account; a
// password or its hash is never logged. Disabling an account or changing its role ends its
// sessions, so it takes effect at once. A new scope of dossiers needs no new sign-in: each
// request reads the account again (StaffService.identify), so the next list is the new one.

import type { StaffRepository } from '../../db/staff-repository.js';
import { DomainError } from '../../domain/domain-error.js';
import type { Actor } from '../../domain/access/actor.js';
import { foldVietnamese } from '../../domain/dossier/procedures.js';
import type { StaffAccountView, StaffChangeKind } from '../../domain/events/hall-events.js';
import type { StaffDef, StaffRole } from '../../domain/hall/hall-definition.js';
import type { LiveState } from '../../services/live-state.js';
import type { QueueService } from '../../services/queue-service.js';

export interface UsersDeps {
  accounts: Pick<StaffRepository, 'accounts' | 'account' | 'saveAccount' | 'endSessionsOf'>;
  queue: Pick<QueueService, 'record'>;
  live: Pick<LiveState, 'counter' | 'service'>;
  /** The fields (lĩnh vực) of the procedures catalogue as it is now. */
  catalogFields: () => readonly string[];
  clock: () => number;
  hashPassword: (password: string) => Promise<string>;
}

/** Who asks: the event log names them, and an admin may not lock themself out. */
export interface Requester {
  actor: Actor;
  user: string;
}

export function accountView(def: StaffDef): StaffAccountView {
  return { user: def.user, name: def.name, role: def.role, counters: def.counters, fields: def.fields ?? [], services: def.services ?? [], active: def.active };
}

export function listUsers(deps: Pick<UsersDeps, 'accounts'>): StaffAccountView[] {
  return deps.accounts.accounts().map(accountView);
}

export interface NewUser {
  user: string;
  name: string;
  role: StaffRole;
  password: string;
  counters?: number[];
  fields?: string[];
  services?: string[];
}

export interface UserChange {
  name?: string;
  role?: StaffRole;
  counters?: number[];
  fields?: string[];
  services?: string[];
  active?: boolean;
}

function checkCounters(deps: Pick<UsersDeps, 'live'>, counters: number[]): void {
  for (const id of counters) if (!deps.live.counter(id)?.active) throw new DomainError('user_counter_unknown', { counterId: id });
}

/** The fields as the catalogue spells them (matched without accents or case), each once; an unknown one is refused. */
function checkFields(deps: Pick<UsersDeps, 'catalogFields'>, fields: readonly string[]): string[] {
  const known = new Map(deps.catalogFields().map((f) => [foldVietnamese(f), f]));
  const found = fields.map((f) => {
    const spelt = known.get(foldVietnamese(f));
    if (spelt === undefined) throw new DomainError('user_field_unknown', { field: f.trim() });
    return spelt;
  });
  return [...new Set(found)];
}

function checkServices(deps: Pick<UsersDeps, 'live'>, services: readonly string[]): string[] {
  for (const id of services) if (!deps.live.service(id)) throw new DomainError('user_service_unknown', { serviceId: id });
  return [...new Set(services)];
}

/** Back-office staff sit at no counter, so they must be given some dossiers to handle. */
function checkBackOfficeScope(def: StaffDef): void {
  if (def.role === 'back_office' && (def.fields ?? []).length + (def.services ?? []).length === 0) throw new DomainError('back_office_without_scope', { user: def.user });
}

async function save(deps: UsersDeps, def: StaffDef, change: StaffChangeKind, by: Requester, endSessions = false): Promise<StaffAccountView> {
  const account = accountView(def);
  const now = deps.clock();
  await deps.queue.record([{ type: 'staff:changed', data: { account, change } }], by.actor, () => {
    deps.accounts.saveAccount(def, now, by.actor.name);
    if (endSessions) deps.accounts.endSessionsOf(def.user, now);
  });
  return account;
}

export async function addUser(deps: UsersDeps, asked: NewUser, by: Requester): Promise<StaffAccountView> {
  const user = asked.user.trim().toLowerCase();
  if (deps.accounts.account(user)) throw new DomainError('user_exists', { user });
  const counters = [...new Set(asked.counters ?? [])];
  checkCounters(deps, counters);
  const fields = checkFields(deps, asked.fields ?? []);
  const services = checkServices(deps, asked.services ?? []);
  const name = asked.name.trim();
  checkBackOfficeScope({ user, name, role: asked.role, passwordHash: '', counters, fields, services, active: true });
  const passwordHash = await deps.hashPassword(asked.password);
  // Asked again after hashing (which takes a moment): another admin may have taken the name.
  if (deps.accounts.account(user)) throw new DomainError('user_exists', { user });
  return save(deps, { user, name, role: asked.role, passwordHash, counters, fields, services, active: true }, 'added', by);
}

function existing(deps: Pick<UsersDeps, 'accounts'>, user: string): StaffDef {
  const def = deps.accounts.account(user);
  if (!def) throw new DomainError('user_not_found', { user });
  return def;
}

/** The last active admin keeps the role and the account: someone must be able to manage users. */
function checkAdminsRemain(deps: Pick<UsersDeps, 'accounts'>, before: StaffDef, after: StaffDef): void {
  if (before.role !== 'admin' || !before.active || (after.role === 'admin' && after.active)) return;
  const others = deps.accounts.accounts().filter((a) => a.user !== before.user && a.role === 'admin' && a.active);
  if (others.length === 0) throw new DomainError('last_admin');
}

export async function changeUser(deps: UsersDeps, user: string, asked: UserChange, by: Requester): Promise<StaffAccountView> {
  const before = existing(deps, user);
  const after: StaffDef = {
    ...before,
    ...(asked.name !== undefined ? { name: asked.name.trim() } : {}),
    ...(asked.role !== undefined ? { role: asked.role } : {}),
    ...(asked.counters !== undefined ? { counters: [...new Set(asked.counters)] } : {}),
    ...(asked.fields !== undefined ? { fields: checkFields(deps, asked.fields) } : {}),
    ...(asked.services !== undefined ? { services: checkServices(deps, asked.services) } : {}),
    ...(asked.active !== undefined ? { active: asked.active } : {}),
  };
  if (before.user === by.user && (after.role !== before.role || !after.active)) throw new DomainError('own_account');
  checkCounters(deps, asked.counters ?? []);
  checkBackOfficeScope(after);
  checkAdminsRemain(deps, before, after);
  const change: StaffChangeKind =
    before.active && !after.active ? 'disabled' : !before.active && after.active && after.role === before.role && after.name === before.name ? 'enabled' : 'changed';
  return save(deps, after, change, by, !after.active || after.role !== before.role);
}

export async function resetPassword(deps: UsersDeps, user: string, password: string, by: Requester): Promise<StaffAccountView> {
  existing(deps, user);
  const passwordHash = await deps.hashPassword(password);
  return save(deps, { ...existing(deps, user), passwordHash }, 'password_reset', by, true);
}
