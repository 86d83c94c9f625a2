// The `luot` command of the package, run as its own process: `doctor` on a hall file as a
// technician copies it into /etc/luot (the catalogue it names is checked, the hub does not start
// without it; the demo's simulated bus is information, not a fault), and `backup`, whose copy is
// as private as the database.

import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_HALL_FILE } from '../../server/paths.js';
import { api, startTestHub, tempDataDir } from '../helpers/test-hub.js';

function luot(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/luot.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('close', () => resolve(stdout));
  });
}

// Port 9 (discard): no hub answers, as on a machine where it does not start.
const doctor = (hallFile: string) => luot(['doctor'], { LUOT_DATA_DIR: tempDataDir(), LUOT_CONFIG: hallFile, PORT: '9' });

describe('luot backup', () => {
  it('makes a verified copy readable by the hub only', async () => {
    const hub = await startTestHub({ dataDir: tempDataDir() });
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
    await hub.stop(false);
    const to = tempDataDir();
    expect(await luot(['backup', '--to', to], { LUOT_DATA_DIR: hub.dataDir })).toContain('Backed up and verified');
    const copy = readdirSync(to).find((f) => f.endsWith('.sqlite'))!;
    expect(statSync(join(to, copy)).mode & 0o777).toBe(0o640);
  }, 60_000);
});

describe('luot doctor', () => {
  it('names a catalogue the hall file names but is missing, then counts it once it is there', async () => {
    const etc = tempDataDir();
    const hallFile = join(etc, 'hall.yaml');
    copyFileSync(DEMO_HALL_FILE, hallFile);
    const missing = await doctor(hallFile);
    expect(missing).toContain(`✓ tệp hội trường / hall file ${hallFile}`);
    expect(missing).toContain(`✗ danh mục thủ tục / procedures catalogue ${join(etc, 'demo-procedures.json')}: the file is not there`);
    expect(missing).toContain('! bus B1: mô phỏng, không có dây / simulated, no wire');
    expect(missing).not.toContain('MISSING');

    copyFileSync(join(dirname(DEMO_HALL_FILE), 'demo-procedures.json'), join(etc, 'demo-procedures.json'));
    expect(await doctor(hallFile)).toMatch(/✓ danh mục thủ tục \/ procedures catalogue .*demo-procedures\.json: \d+ procedures/);
  }, 60_000);
});
