// Random input at every route of the API document: whatever arrives, the hub answers without a
// 5xx, and every refusal is in luot's format with Vietnamese and English text.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject, LAN_ADDRESS, prepareCallers, type TestCaller } from '../helpers/callers.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

interface Operation {
  method: string;
  path: string;
  params: string[];
  query: string[];
  bodyFields: string[];
  hasBody: boolean;
}

let hub: TestHub;
let callers: TestCaller[];
let operations: Operation[];

beforeAll(async () => {
  hub = await startTestHub();
  const all = await prepareCallers(hub);
  callers = [all.lan, all.api, all.clerk1, all.kiosk];
  // Something to act on.
  for (const serviceId of ['HT', 'DD', 'CA']) await inject(hub, all.api, 'POST', '/api/tickets', { serviceId });
  const doc = (await inject(hub, all.lan, 'GET', '/docs/json')).body as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      bodyFields: Object.keys(op.requestBody?.content['application/json']?.schema.properties ?? {}),
      hasBody: op.requestBody !== undefined,
    })),
  );
});
afterAll(async () => {
  await hub.stop(true);
});

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('1', '2', '0', '-1', '0x2', '1e400', '99999999999999999999', 'HT', 'A001', '20261127-HT-1', '2026-02-30', 'null', '%ff', ' '),
  fc.integer().map(String),
);
const jsonValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), text, fc.integer(), fc.boolean(), fc.constant(null));

function request(op: Operation) {
  const params = fc.tuple(...op.params.map(() => text));
  const query = fc.dictionary(fc.constantFrom(...op.query, 'extra'), text, { maxKeys: 3 });
  const body = op.hasBody
    ? fc.oneof(
        fc.dictionary(fc.constantFrom(...op.bodyFields, 'extra'), jsonValue, { maxKeys: 4 }),
        jsonValue.map((v) => JSON.stringify(v)),
        fc.string({ maxLength: 30 }),
      )
    : fc.constant(undefined);
  return fc.record({ params, query, body, caller: fc.constantFrom(...callers) });
}

describe('random input at every route', () => {
  it('never answers 5xx, and every refusal is in luot’s format', async () => {
    expect(operations.length).toBeGreaterThan(40);
    const statuses = new Map<number, number>();
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(request(op), async ({ params, query, body, caller }) => {
          let url = op.path;
          op.params.forEach((name, i) => {
            url = url.replace(`{${name}}`, encodeURIComponent(params[i]!) || 'x');
          });
          const search = new URLSearchParams(query).toString();
          const reply = await inject(hub, caller, op.method, search ? `${url}?${search}` : url, body);
          const where = `${op.method} ${url}?${search} as ${caller.address === LAN_ADDRESS && !caller.token ? 'anonymous' : 'staff/kiosk'}: ${reply.status} ${reply.text.slice(0, 200)}`;
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          expect(reply.status, where).toBeLessThan(500);
          if (reply.status >= 400) {
            expect(reply.body, where).toMatchObject({ statusCode: reply.status, error: expect.any(String), message: expect.any(String), messageEn: expect.any(String) });
          }
        }),
        { numRuns: 60, seed: 20261127 },
      );
    }
    // The random calls reached the handlers, not only the gates in front of them.
    const count = (from: number, to: number) => [...statuses].filter(([s]) => s >= from && s < to).reduce((n, [, c]) => n + c, 0);
    expect(count(200, 300)).toBeGreaterThan(100);
    expect(count(400, 500)).toBeGreaterThan(100);
  }, 180_000);
});
