// The route map (server/contract/routes.ts) against what the hub and the pages rely on: every
// API route of the access table is in it, the pages' client builds its addresses from it, and
// a page that sends a wrong body or misspells a field does not compile.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { SLIP_FORMS } from '../../server/use-cases/dossiers/slips/slip-content.js';
import type { Same } from '../../server/contract/reply-schemas.js';
import { ROUTES } from '../../server/contract/routes.js';
import { SLIP_FORM_NUMBERS } from '../../server/contract/routes/dossiers.js';
import type { EventLogEntrySchema } from '../../server/contract/routes/reports.js';
import type { LoggedEvent } from '../../server/db/event-log.js';
import { ROUTE_ACCESS } from '../../server/http/access/access-table.js';
import { PROJECT_ROOT } from '../../server/paths.js';
import { routeUrl } from '../../web-shared/hub-client.js';
import type { Static } from 'typebox';

// The event log's schema must describe exactly what the log reads, or this stops compiling.
const eventLogMatches: Same<Static<typeof EventLogEntrySchema>, LoggedEvent> = true;
void eventLogMatches;

describe('the route map', () => {
  it('holds every API route of the access table, and nothing else', () => {
    const apiRoutes = Object.keys(ROUTE_ACCESS).filter((key) => key.split(' ')[1]!.startsWith('/api/'));
    expect(Object.keys(ROUTES).sort()).toEqual(apiRoutes.sort());
  });

  it('offers the slip forms the slips have', () => {
    expect([...SLIP_FORM_NUMBERS]).toEqual([...SLIP_FORMS]);
  });

  it("gives the pages' client the address of a call: params encoded, empty query values left out", () => {
    expect(routeUrl('POST /api/counters/:counterId/call-next', { counterId: 3 })).toBe('/api/counters/3/call-next');
    expect(routeUrl('GET /api/dossiers/:code/slip.pdf', { code: '000.00.14.H17-261127-0001' })).toBe('/api/dossiers/000.00.14.H17-261127-0001/slip.pdf');
    expect(routeUrl('POST /api/simulator/buses/:busId/keypads/:address/press', { busId: 'tầng 1', address: 2 })).toBe('/api/simulator/buses/t%E1%BA%A7ng%201/keypads/2/press');
    expect(routeUrl('GET /api/dossiers', undefined, { dueWithinHours: 48, counterId: 2, ticketId: undefined })).toBe('/api/dossiers?dueWithinHours=48&counterId=2');
    expect(routeUrl('GET /api/procedures', undefined, { q: 'khai sinh' })).toBe('/api/procedures?q=khai+sinh');
  });
});

/** Type-checks page files that exist only in memory, in one program, with the kiosk pages' compiler settings. */
function pageErrors(sources: Record<string, string>): Record<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(join(PROJECT_ROOT, 'kiosk', 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const files = new Map(Object.entries(sources).map(([name, source]) => [join(PROJECT_ROOT, 'kiosk', 'src', `${name}.ts`), source]));
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => (files.has(name) ? ts.createSourceFile(name, files.get(name)!, version) : getSourceFile(name, version, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.readFile = (name) => files.get(name) ?? ts.sys.readFile(name);
  const program = ts.createProgram([...files.keys()], { ...config.options, noEmit: true }, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return Object.fromEntries(
    Object.keys(sources).map((name) => [
      name,
      diagnostics
        .filter((d) => d.file?.fileName === join(PROJECT_ROOT, 'kiosk', 'src', `${name}.ts`))
        .map((d) => `${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`),
    ]),
  );
}

describe("a page's call to the hub", () => {
  const header = "import { callHub } from '../../web-shared/hub-client.js';\n";
  let errors: Record<string, string[]>;
  beforeAll(() => {
    errors = pageErrors({
      right:
        header +
        [
          "export const issue = (token: string) => callHub('POST /api/kiosk/tickets', { token, body: { serviceId: 'HT', priority: null } });",
          "export const detail = (token: string) => callHub('GET /api/counters/:counterId', { token, params: { counterId: 1 } }).then((d) => d.current?.number);",
          "export const noShows = (token: string) => callHub('GET /api/tickets', { token, query: { status: 'no_show' } });",
        ].join('\n'),
      wrong:
        header +
        [
          "export const a = (token: string) => callHub('POST /api/kiosk/tickets', { token, body: { serviceID: 'HT' } });",
          "export const b = (token: string) => callHub('POST /api/ratings', { token, body: { level: 'happy' } });",
          "export const c = (token: string) => callHub('GET /api/counters/:counterId', { token });",
          "export const d = () => callHub('GET /api/services').then((list) => list[0]?.waitingCount);",
          "export const e = () => callHub('GET /api/servcies');",
        ].join('\n'),
    });
  }, 120_000);

  it('compiles when it names a route of the map and sends what the route takes', () => {
    expect(errors.right).toEqual([]);
  });

  it('does not compile with a misspelt field, a wrong value, a missing param, a misread reply or an unknown route', () => {
    const wrong = errors.wrong!;
    // One error on each line, each saying what is wrong.
    expect(wrong.map((e) => e.split(':')[0])).toEqual(['2', '3', '4', '5', '6']);
    expect(wrong[0]).toContain("'serviceID' does not exist");
    expect(wrong[1]).toContain('"happy"');
    expect(wrong[2]).toContain('params');
    expect(wrong[3]).toContain("'waitingCount' does not exist");
    expect(wrong[4]).toContain('"GET /api/servcies"');
  });

  it('is how every page calls the hub: no page fetches by itself', () => {
    const pageFiles = ['kiosk', 'counter', 'desk', 'display', 'lookup', 'rating'].flatMap((page) =>
      readdirSync(join(PROJECT_ROOT, page, 'src'), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => join(page, 'src', f)),
    );
    expect(pageFiles).toContain(join('counter', 'src', 'counter-api.ts'));
    expect(pageFiles).toContain(join('desk', 'src', 'desk-api.ts'));
    for (const file of pageFiles) expect(readFileSync(join(PROJECT_ROOT, file), 'utf8'), file).not.toMatch(/\bfetch\(/);
  });
});
