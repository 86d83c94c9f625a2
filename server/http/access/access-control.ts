// Enforces the access table: every route gets its rule when it is registered (a route with
// none stops the hub from starting), and every request is admitted or refused before its body
// is read. Handlers find who is calling in request.caller.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/domain-error.js';
import type { KioskDef } from '../../domain/hall/hall-definition.js';
import type { Credentials } from '../../services/credentials.js';
import type { StaffActor } from '../../services/staff-service.js';
import { admit, admitCounter, type AccessRuleName, type Caller } from './access-rules.js';
import { ROUTE_ACCESS, routeKey } from './access-table.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
  }
  interface FastifyContextConfig {
    access?: AccessRuleName;
    /** Reading this route does not keep a staff session alive. */
    passive?: boolean;
  }
}

/** An address of the machine itself: 127.0.0.0/8 or ::1, also written as IPv4-mapped IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

/** The request comes from a browser or script on the hub machine itself. */
export function fromHubMachine(request: FastifyRequest): boolean {
  return isLoopback(request.socket.remoteAddress);
}

export class MissingAccessRuleError extends Error {
  constructor(key: string) {
    super(`${key} has no access rule: declare who may call it in server/http/access/access-table.ts`);
    this.name = 'MissingAccessRuleError';
  }
}

export interface AccessControlOptions {
  credentials: Credentials;
  /** Whether the hall file lets the simulated keypads be pressed. */
  simulatorOn: () => boolean;
}

export function registerAccessControl(app: FastifyInstance, { credentials, simulatorOn }: AccessControlOptions): void {
  app.decorateRequest('caller', null as unknown as Caller);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (!ROUTE_ACCESS[routeKey(method, route.url)]) throw new MissingAccessRuleError(routeKey(method, route.url));
    // One route, one rule: its methods are GET and the HEAD that follows it.
    route.config = { ...route.config, access: ROUTE_ACCESS[routeKey(methods[0]!, route.url)]!.rule };
  });

  app.addHook('onRequest', async (request) => {
    const rule = request.routeOptions.config.access;
    // Routes the hub does not have answer 404 with no rule to apply.
    if (!rule) return;
    const hubMachine = fromHubMachine(request);
    const principal = rule === 'public' ? ({ kind: 'none' } as const) : credentials.identify(request.headers.authorization, !request.routeOptions.config.passive);
    request.caller = { principal, hubMachine };
    admit(rule, request.caller);
    if (rule === 'simulator' && !simulatorOn()) throw new DomainError('simulator_off');
    // A counter written other than as a plain number is left to validation, which refuses it.
    const counter = rule === 'counter' ? (request.params as { counterId?: string }).counterId : undefined;
    if (counter !== undefined && /^[1-9][0-9]{0,2}$/.test(counter)) admitCounter(request.caller, Number(counter));
  });
}

/** The kiosk a request on a `kiosk` route comes from. */
export function kioskOf(request: FastifyRequest): KioskDef {
  const { principal } = request.caller;
  if (principal.kind !== 'kiosk') throw new DomainError('kiosk_unregistered');
  return principal.kiosk;
}

/** The staff member a request on a staff route comes from. */
export function staffOf(request: FastifyRequest): StaffActor {
  const { principal } = request.caller;
  if (principal.kind !== 'staff') throw new DomainError('not_signed_in');
  return principal.staff;
}
