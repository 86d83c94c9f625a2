// The kinds of caller the hub knows, and the rules a route or socket message can declare.
// Which rule each route has is in access-table.ts; access-control.ts enforces them.

import type { Actor } from '../../domain/access/actor.js';
import { anywhere, atCounter } from '../../domain/access/actor.js';
import { DomainError, type DomainErrorCode } from '../../domain/domain-error.js';
import type { DisplayDef, KioskDef, RatingTabletDef } from '../../domain/hall/hall-definition.js';
import type { StaffActor } from '../../services/staff-service.js';
import type { DossierCaller } from '../../use-cases/dossiers/dossier-scope.js';

/** Who presented what: the bearer token resolved, before any rule is applied. */
export type Principal =
  | { kind: 'none' }
  /** A token the hub does not know, or a staff session that ran out. */
  | { kind: 'unknown'; expired: boolean; movedTo?: number }
  | { kind: 'staff'; staff: StaffActor }
  | { kind: 'kiosk'; kiosk: KioskDef }
  | { kind: 'ratingTablet'; tablet: RatingTabletDef }
  /** A hall display paired from the console. */
  | { kind: 'display'; display: DisplayDef }
  /** The /boards page's short-lived token. */
  | { kind: 'simulator' };

export interface Caller {
  principal: Principal;
  /** The request comes from the hub machine itself (loopback). */
  hubMachine: boolean;
}

/** What a reply may carry: public data only, or staff data (reasons, categories, the log). */
export type Reads = 'public' | 'staff' | 'device';

interface RuleDef {
  who: { vi: string; en: string };
  reads: Reads;
  admits(caller: Caller): boolean;
  /** The refusal when the caller brought no credential this rule accepts. */
  missing: DomainErrorCode;
  /** The refusal when the caller is known but not admitted. */
  denied: DomainErrorCode;
}

const isSignedIn = (c: Caller) => c.principal.kind === 'staff';
/** Clerks and managers: back-office staff take no counter and call no ticket. */
const isStaff = (c: Caller) => c.principal.kind === 'staff' && c.principal.staff.role !== 'back_office';
/** Rules any clerk or manager passes; the scope they name is checked where it is known. */
const staffRule = (who: RuleDef['who']): RuleDef => ({ who, reads: 'staff', admits: isStaff, missing: 'not_signed_in', denied: 'not_allowed' });
/** A manager, or an admin (who may do all a manager does); the API token acts as a manager. */
/** Managers and admins (a manager who also manages accounts) act anywhere and read every dossier. */
const leadsHall = (role: string) => role === 'manager' || role === 'admin';
const isManager = (c: Caller) => c.principal.kind === 'staff' && leadsHall(c.principal.staff.role);
const isAdmin = (c: Caller) => c.principal.kind === 'staff' && c.principal.staff.role === 'admin';

export const ACCESS_RULES = {
  public: {
    who: { vi: 'Mọi người trong mạng của sảnh (màn hình, điện thoại, máy tra cứu)', en: 'Anyone on the hall network (displays, phones, lookup terminals)' },
    reads: 'public',
    admits: () => true,
    missing: 'not_allowed',
    denied: 'not_allowed',
  },
  hubMachine: {
    who: { vi: 'Trình duyệt trên chính máy chủ, hoặc quản lý', en: 'A browser on the hub machine itself, or a manager' },
    reads: 'device',
    admits: (c) => c.hubMachine || isManager(c),
    missing: 'hub_machine_only',
    denied: 'hub_machine_only',
  },
  kiosk: {
    who: { vi: 'Máy lấy số đã đăng ký (mã của máy)', en: 'A registered kiosk (its token)' },
    reads: 'device',
    admits: (c) => c.principal.kind === 'kiosk',
    missing: 'kiosk_unregistered',
    denied: 'kiosk_unregistered',
  },
  pairedDevice: {
    who: { vi: 'Thiết bị đã ghép nối: máy lấy số, máy đánh giá, màn hình (mã của máy)', en: 'A paired device: kiosk, rating tablet or display (its token)' },
    reads: 'device',
    admits: (c) => c.principal.kind === 'kiosk' || c.principal.kind === 'ratingTablet' || c.principal.kind === 'display',
    missing: 'device_unpaired',
    denied: 'device_unpaired',
  },
  ratingTablet: {
    who: { vi: 'Máy tính bảng đánh giá đã đăng ký tại quầy (mã của máy)', en: 'A registered rating tablet at a counter (its token)' },
    reads: 'device',
    admits: (c) => c.principal.kind === 'ratingTablet',
    missing: 'rating_tablet_unregistered',
    denied: 'rating_tablet_unregistered',
  },
  staff: staffRule({ vi: 'Cán bộ một cửa hoặc quản lý đã đăng nhập, hoặc mã API của máy chủ', en: 'A signed-in clerk or manager, or the hub API token' }),
  // The dossier's scope: checked by the dossier use cases (use-cases/dossiers/dossier-scope.ts).
  signedIn: {
    who: {
      vi: 'Mọi cán bộ đã đăng nhập (một cửa, xử lý hồ sơ, quản lý) hoặc mã API; cán bộ chỉ với hồ sơ thuộc lĩnh vực mình phụ trách',
      en: 'Any signed-in staff (clerk, back office, manager) or the API token; clerks and back office only for the dossiers of their fields',
    },
    reads: 'staff',
    admits: isSignedIn,
    missing: 'not_signed_in',
    denied: 'not_allowed',
  },
  // The counter in the path: checked by the access hook.
  counter: staffRule({ vi: 'Cán bộ đang đăng nhập tại quầy :counterId, hoặc quản lý', en: 'The clerk signed in at counter :counterId, or a manager' }),
  // The ticket's place: checked by the queue service as the command runs.
  ticket: staffRule({
    vi: 'Cán bộ có quầy đang giữ số, đã bỏ qua số, hoặc phục vụ dịch vụ của số đang chờ; quản lý',
    en: 'A clerk whose counter holds the ticket, skipped it, or serves the service it waits for; a manager',
  }),
  manager: {
    who: { vi: 'Quản lý, hoặc mã API của máy chủ', en: 'A manager, or the hub API token' },
    reads: 'staff',
    admits: isManager,
    missing: 'not_signed_in',
    denied: 'manager_only',
  },
  admin: {
    who: { vi: 'Quản trị hệ thống (người dùng, thiết bị, sao lưu)', en: 'An administrator (users, devices, backups)' },
    reads: 'staff',
    admits: isAdmin,
    missing: 'not_signed_in',
    denied: 'admin_only',
  },
  simulator: {
    who: {
      vi: 'Trang /boards trên máy chủ (mã ngắn hạn) hoặc quản lý; tắt được bằng simulator: false',
      en: 'The /boards page on the hub machine (short-lived token) or a manager; off with simulator: false',
    },
    reads: 'device',
    admits: (c) => c.principal.kind === 'simulator' || isManager(c),
    missing: 'simulator_credential_required',
    denied: 'simulator_credential_required',
  },
} satisfies Record<string, RuleDef>;

export type AccessRuleName = keyof typeof ACCESS_RULES;
export const ACCESS_RULE_NAMES = Object.keys(ACCESS_RULES) as AccessRuleName[];

/** Throws the rule's refusal unless the caller is admitted. */
export function admit(rule: AccessRuleName, caller: Caller): void {
  const def: RuleDef = ACCESS_RULES[rule];
  if (def.admits(caller)) return;
  const { principal } = caller;
  if (principal.kind === 'unknown' && principal.movedTo !== undefined && def.missing === 'not_signed_in') throw new DomainError('session_moved', { counterId: principal.movedTo });
  if (principal.kind === 'unknown' && principal.expired && def.missing === 'not_signed_in') throw new DomainError('session_expired');
  const known = principal.kind !== 'none' && principal.kind !== 'unknown';
  throw new DomainError(known ? def.denied : def.missing, { who: def.who.vi, whoEn: def.who.en });
}

/** The clerk of one counter may act only there; a manager anywhere. */
export function admitCounter(caller: Caller, counterId: number): void {
  if (caller.principal.kind !== 'staff') return;
  const { staff } = caller.principal;
  if (!leadsHall(staff.role) && staff.counterId !== counterId) {
    throw new DomainError('counter_not_held', { counterId, held: staff.counterId ?? '-' });
  }
}

/**
 * Who the event log names and where they may act. A manager or script may name the clerk it
 * acts for; the log then keeps both.
 */
export function actorOf(caller: Caller, onBehalfOf?: string): Actor {
  const p = caller.principal;
  switch (p.kind) {
    case 'staff':
      if (p.staff.role === 'back_office') throw new DomainError('back_office_no_queue');
      if (p.staff.role === 'clerk') {
        if (p.staff.counterId === null) throw new DomainError('counter_required');
        return atCounter(p.staff.name, p.staff.counterId);
      }
      return anywhere(onBehalfOf ? `${onBehalfOf} (${p.staff.name})` : p.staff.name);
    case 'kiosk':
      return anywhere(`kiosk:${p.kiosk.id}`);
    case 'ratingTablet':
      return atCounter(`rating:${p.tablet.id}`, p.tablet.counterId);
    case 'simulator':
      return anywhere('simulator');
    default:
      throw new DomainError('not_signed_in');
  }
}

/**
 * Who reads or moves a dossier: every dossier for a manager and the API token; for a clerk or
 * back-office staff, the fields and services their account lists (a clerk with none: the
 * services of their counter). Commands of back-office staff name them, at no counter.
 */
export function dossierCallerOf(caller: Caller): DossierCaller {
  const p = caller.principal;
  if (p.kind !== 'staff') throw new DomainError('not_signed_in');
  const { user, name, role, counterId, fields, services } = p.staff;
  if (leadsHall(role)) return { user, name, scope: { all: true }, actor: actorOf(caller) };
  const scope = { all: false as const, counterId: role === 'clerk' ? counterId : null, fields, services };
  return { user, name, scope, actor: role === 'back_office' ? anywhere(name) : actorOf(caller) };
}
