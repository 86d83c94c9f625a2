// The curl examples of the README and the docs work as written, against a real hub, from a
// folder whose data/ is the hub's data folder and config/ the project's (as after `npm start`).

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/paths.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

/** Documents a newcomer copies commands from. */
const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(PROJECT_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f)),
];

/** Every ```bash block that calls curl, in order, README first. */
function curlBlocks(): string[] {
  return DOCUMENTS.flatMap((file) => {
    const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
    return [...text.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((block) => block.includes('curl '));
  });
}

// Each curl prints its answer and fails the script on an HTTP error.
const STRICT_CURL = `curl() { local out; out=$(command curl -sS -w '\\n%{http_code}' "$@") || exit 1; echo "$out"; [ "\${out##*$'\\n'}" -lt 400 ] || { echo "refused: $*" >&2; exit 1; }; }\n`;

describe('the README and docs/', () => {
  it('runs its curl examples as written', async () => {
    const blocks = curlBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    hub = await startTestHub();
    const port = new URL(hub.url).port;
    const folder = mkdtempSync(join(tmpdir(), 'luot-readme-'));
    symlinkSync(hub.dataDir, join(folder, 'data'));
    // The project's own files beside it, as in the folder `npm start` runs from.
    symlinkSync(join(PROJECT_ROOT, 'config'), join(folder, 'config'));
    try {
      for (const block of blocks) {
        const script = STRICT_CURL + block.replaceAll('localhost:8080', `127.0.0.1:${port}`);
        // Not the synchronous call: the hub answering these requests runs in this process.
        const { stdout: output } = await promisify(execFile)('bash', ['-e', '-c', script], { cwd: folder, encoding: 'utf8' });
        expect(output).toContain('{');
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    // The quick start took a number, called it and finished it.
    expect(hub.hub.tickets.ticketsOfDay(hub.hub.queries.today()).some((t) => t.status === 'done')).toBe(true);
  });
});
