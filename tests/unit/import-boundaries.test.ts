// The import rules of .dependency-cruiser.cjs (docs/architecture.md, "Import rules") fail on wrong
// imports and hold on the real tree. Both run the command `npm run lint` runs, as it runs there.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/paths.js';

const CONFIG = join(PROJECT_ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(PROJECT_ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
  /** For a circle: the files it passes through, in order, ending where it starts. */
  cycle?: { name: string }[];
}

/** `rule: from → to`; a circle as the files it joins, in name order, whichever file the check met first. */
function described(v: Violation): string {
  if (v.cycle) return `${v.rule.name}: ${[...new Set([v.from, ...v.cycle.map((step) => step.name)])].sort().join(' ↔ ')}`;
  return `${v.rule.name}: ${v.from} → ${v.to}`;
}

/** Runs the boundary check in `folder` as `npm run lint:imports` does; the violations it reports, described. */
async function boundaryViolations(folder: string): Promise<string[]> {
  const args = [DEPCRUISE, '--config', CONFIG, '--output-type', 'json', '.'];
  // The check exits with the number of errors it found: its report is on stdout either way.
  const stdout = await promisify(execFile)(process.execPath, args, { cwd: folder, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).then(
    (done) => done.stdout,
    (failed: { stdout?: string; stderr?: string }) => {
      if (!failed.stdout) throw new Error(`the boundary check did not run: ${failed.stderr ?? failed}`);
      return failed.stdout;
    },
  );
  const report = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  return report.summary.violations.map(described).sort();
}

/** A small tree in the layout the rules are written for: each file's path and its text. */
const TREE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', jsx: 'react-jsx', jsxImportSource: 'preact', strict: true } }),
  // Allowed: the domain imports the domain, type-only too.
  'server/domain/hall/hall.ts': 'export interface Hall { name: string }\n',
  'server/domain/queue/queue-engine.ts': "import type { Hall } from '../hall/hall.js';\nexport const engineOf = (hall: Hall): string => hall.name;\n",
  'server/contract/events.ts': "export type { Hall } from '../domain/hall/hall.js';\nexport const EVENT_NAMES = ['ticket:issued'] as const;\n",
  'server/use-cases/take-number.ts': "import { engineOf } from '../domain/queue/queue-engine.js';\nexport const takeNumber = engineOf;\n",
  'server/http/routes/ticket-routes.ts': "import { takeNumber } from '../../use-cases/take-number.js';\nexport const route = takeNumber;\n",
  'server/realtime/socket-server.ts': "import { EVENT_NAMES } from '../contract/events.js';\nexport const rooms = EVENT_NAMES;\n",
  'server/services/queue-service.ts': "import { engineOf } from '../domain/queue/queue-engine.js';\nexport const service = engineOf;\n",
  'hardware/printer/escpos-job.ts': "import { Buffer } from 'node:buffer';\nexport const job = (text: string): Buffer => Buffer.from(text);\n",
  'hardware/fonts/luot-fonts.css': "@font-face { font-family: 'Noto Sans'; src: url('./NotoSans-Regular.ttf'); }\n",
  'web-shared/hall-feed.ts': "import { EVENT_NAMES } from '../server/contract/events.js';\nexport const feed = EVENT_NAMES;\n",
  'web-shared/mount-page.tsx': "import '../hardware/fonts/luot-fonts.css';\nimport { render } from 'preact';\nexport const mount = render;\n",
  'kiosk/src/i18n.ts': "export const t = { title: 'Lấy số thứ tự' };\n",
  'kiosk/src/kiosk-app.tsx':
    "import { useState } from 'preact/hooks';\nimport type { Hall } from '../../server/contract/events.js';\nimport { feed } from '../../web-shared/hall-feed.js';\nimport { t } from './i18n.js';\n" +
    'export function KioskApp(props: { hall: Hall }) {\n  const [n] = useState(feed.length);\n  return <h1>{t.title} {props.hall.name} {n}</h1>;\n}\n',

  // Wrong, each once.
  'server/domain/queue/wrong-transport.ts': "import { route } from '../../http/routes/ticket-routes.js';\nexport const wrong = route;\n",
  'server/domain/hall/wrong-driver.ts': "import { job } from '../../../hardware/printer/escpos-job.js';\nexport const wrong = job;\n",
  'hardware/printer/wrong-hall.ts': "import type { Hall } from '../../server/domain/hall/hall.js';\nexport type Wrong = Hall;\n",
  'server/contract/wrong-service.ts': "import { service } from '../services/queue-service.js';\nexport const wrong = service;\n",
  'server/use-cases/wrong-socket.ts': "import { rooms } from '../realtime/socket-server.js';\nexport const wrong = rooms;\n",
  'web-shared/wrong-service.ts': "import { service } from '../server/services/queue-service.js';\nexport const wrong = service;\n",
  'kiosk/src/wrong-service.ts': "import { service } from '../../server/services/queue-service.js';\nexport const wrong = service;\n",
  'kiosk/src/wrong-printer.ts': "import { job } from '../../hardware/printer/escpos-job.js';\nexport const wrong = job;\n",
  'counter/src/wrong-page.ts': "import { t } from '../../kiosk/src/i18n.js';\nexport const wrong = t;\n",
  'manager/src/wrong-domain.ts': "import { engineOf } from '../../server/domain/queue/queue-engine.js';\nexport const wrong = engineOf;\n",
  // A circle of type-only imports is a circle.
  'server/db/ticket-rows.ts': "import type { CounterRow } from './counter-rows.js';\nexport interface TicketRow { counter: CounterRow | null }\n",
  'server/db/counter-rows.ts': "import type { TicketRow } from './ticket-rows.js';\nexport interface CounterRow { ticket: TicketRow | null }\n",
  // An import that resolves to nothing escapes no rule.
  'server/services/wrong-path.ts': "import { gone } from '../domain/gone.js';\nexport const wrong = gone;\n",
};

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('the import rules', () => {
  it('name every wrong import of a tree laid out as the hub is, and nothing it may import', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'luot-boundaries-'));
    folders.push(folder);
    for (const [path, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    // Packages resolve as in the project (preact, node's own modules).
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(folder, 'node_modules'));

    expect(await boundaryViolations(folder)).toEqual(
      [
        'domain-stays-pure: server/domain/queue/wrong-transport.ts → server/http/routes/ticket-routes.ts',
        'domain-stays-pure: server/domain/hall/wrong-driver.ts → hardware/printer/escpos-job.ts',
        'hardware-is-drivers-only: hardware/printer/wrong-hall.ts → server/domain/hall/hall.ts',
        'contract-imports-domain-only: server/contract/wrong-service.ts → server/services/queue-service.ts',
        'use-cases-know-no-transport: server/use-cases/wrong-socket.ts → server/realtime/socket-server.ts',
        'web-shared-imports-contract-only: web-shared/wrong-service.ts → server/services/queue-service.ts',
        'page-imports-own-folder-contract-web-shared: kiosk/src/wrong-service.ts → server/services/queue-service.ts',
        'page-imports-own-folder-contract-web-shared: kiosk/src/wrong-printer.ts → hardware/printer/escpos-job.ts',
        'page-imports-own-folder-contract-web-shared: counter/src/wrong-page.ts → kiosk/src/i18n.ts',
        'page-imports-own-folder-contract-web-shared: manager/src/wrong-domain.ts → server/domain/queue/queue-engine.ts',
        'no-circular: server/db/counter-rows.ts ↔ server/db/ticket-rows.ts',
        'not-to-unresolvable: server/services/wrong-path.ts → ../domain/gone.js',
      ].sort(),
    );
  }, 120_000);

  it('hold on the project as it is', async () => {
    expect(await boundaryViolations(PROJECT_ROOT)).toEqual([]);
  }, 120_000);
});
