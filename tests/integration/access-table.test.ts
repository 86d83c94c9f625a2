// Walks every route of the OpenAPI document with every kind of caller and checks that the hub
// admits exactly the callers the access table says, so a route added without a rule, or with
// a rule the hub does not enforce, fails here.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccessControl, MissingAccessRuleError } from '../../server/http/access/access-control.js';
import type { AccessRuleName } from '../../server/http/access/access-rules.js';
import { renderAccessTable } from '../../server/http/access/access-doc.js';
import { ROUTE_ACCESS } from '../../server/http/access/access-table.js';
import { PROJECT_ROOT } from '../../server/paths.js';
import { inject, prepareCallers, type CallerName, type TestCaller } from '../helpers/callers.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

/** Who each rule lets in, written here independently of the code that enforces it. */
const ADMITTED: Record<AccessRuleName, CallerName[]> = {
  public: ['lan', 'hubMachine', 'kiosk', 'ratingTablet', 'clerk1', 'clerk2', 'backOffice', 'manager', 'admin', 'api', 'simulator'],
  hubMachine: ['hubMachine', 'manager', 'admin', 'api'],
  kiosk: ['kiosk'],
  ratingTablet: ['ratingTablet'],
  pairedDevice: ['kiosk', 'ratingTablet'],
  staff: ['clerk1', 'clerk2', 'manager', 'admin', 'api'],
  signedIn: ['clerk1', 'clerk2', 'backOffice', 'manager', 'admin', 'api'],
  // The walk's counter is counter 1, where clerk1 sits.
  counter: ['clerk1', 'manager', 'admin', 'api'],
  ticket: ['clerk1', 'clerk2', 'manager', 'admin', 'api'],
  manager: ['manager', 'admin', 'api'],
  // The API token stays a manager's: users and devices are a person's to change.
  admin: ['admin'],
  simulator: ['simulator', 'manager', 'admin', 'api'],
};

const SAMPLE_PARAMS: Record<string, string> = {
  counterId: '1',
  // Well formed but not issued: an admitted call stops at "not found" or at the body's check.
  ticketId: '20261127-HT-999',
  serviceId: 'HT',
  busId: 'B1',
  address: '1',
  file: 'none.png',
  // No such device: an admitted call stops at "not found", nothing is unpaired.
  kind: 'kiosk',
  deviceId: 'K99',
};

let hub: TestHub;
let callers: Record<CallerName, TestCaller>;
let openapi: { paths: Record<string, Record<string, { requestBody?: unknown }>> };

beforeAll(async () => {
  hub = await startTestHub();
  callers = await prepareCallers(hub);
  openapi = (await inject(hub, callers.lan, 'GET', '/docs/json')).body;
});
afterAll(async () => {
  await hub.stop(true);
});

function operations(): { method: string; path: string; url: string; hasBody: boolean }[] {
  const list = Object.entries(openapi.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: path.replace(/\{(\w+)\}/g, ':$1'),
      url: path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x'),
      hasBody: op.requestBody !== undefined,
    })),
  );
  // Signing out ends the caller's session: walk it last.
  return list.sort((a, b) => Number(a.path.endsWith('sign-out')) - Number(b.path.endsWith('sign-out')));
}

describe('the access table', () => {
  it('has a rule for every route in the API document, and names no route the hub lacks', () => {
    const documented = new Set(operations().map((o) => `${o.method} ${o.path}`));
    for (const key of documented) expect(ROUTE_ACCESS[key], key).toBeDefined();
    const apiKeys = Object.keys(ROUTE_ACCESS).filter((k) => k.split(' ')[1]!.startsWith('/api/'));
    for (const key of apiKeys) expect(documented.has(key), `${key} is in the table but not served`).toBe(true);
  });

  it('refuses a clerk on another counter with a message that names both counters', async () => {
    const other = await inject(hub, callers.clerk2, 'GET', '/api/counters/1');
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ error: 'counter_not_held', message: 'Bạn đang đăng nhập ở quầy số 2, không phải quầy số 1.' });
  });

  it('admits exactly the callers of each route’s rule, and refuses the others in luot’s format', async () => {
    const mismatches: string[] = [];
    for (const op of operations()) {
      const rule = ROUTE_ACCESS[`${op.method} ${op.path}`]!.rule;
      for (const caller of Object.values(callers)) {
        // A body with a field no route knows: an admitted caller is stopped by validation,
        // so walking the table changes nothing in the hall.
        const reply = await inject(hub, caller, op.method, op.url, op.hasBody ? { probe: true } : undefined);
        const admitted = ADMITTED[rule].includes(caller.name);
        const refused = reply.status === 401 || reply.status === 403;
        if (admitted === refused || reply.status >= 500) mismatches.push(`${op.method} ${op.url} as ${caller.name} (${rule}): ${reply.status}`);
        if (refused) {
          expect(reply.body).toMatchObject({ statusCode: reply.status, error: expect.any(String), message: expect.any(String), messageEn: expect.any(String) });
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('stops the hub from starting when a route has no rule', async () => {
    const app = Fastify();
    registerAccessControl(app, { credentials: hub.hub.credentials, simulatorOn: () => true });
    await expect(
      app.register(async (child) => {
        child.get('/api/something-new', async () => ({}));
      }),
    ).rejects.toBeInstanceOf(MissingAccessRuleError);
    await app.close().catch(() => undefined);
  });

  it('is written out in docs/access.md as the hub enforces it', () => {
    const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'access.md'), 'utf8');
    expect(doc, 'run "npm run docs:access" after changing the access table').toBe(renderAccessTable());
  });
});
