// The hub as its own process, exactly as `npm start` runs it (the bundle in dist/), for
// crash and start-up tests and the benchmark.

import { spawn, type ChildProcess } from 'node:child_process';
import { testHallFile } from './hall-files.js';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { rememberApiToken } from './test-hub.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface HubProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * What `npm start` gives node: its flags (a smaller young generation keeps the hub's memory low)
 * and the bundle, read from package.json so that the tests and the benchmark run the hub exactly
 * as a hall does.
 */
function startArguments(): string[] {
  const script = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [command, ...rest] = script.split('&&').at(-1)!.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`npm start does not end by running node: ${script}`);
  return rest;
}

function spawnHub(dataDir: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...startArguments(), ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LUOT_HOST: '127.0.0.1', LUOT_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts the built hub (`npm run build`) on a free port and resolves once /api/health answers. */
export async function startHubProcess(dataDir: string, args: string[] = [], env: Record<string, string> = {}): Promise<HubProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // A new data folder starts on the demo hall open around the clock (tests/helpers/hall-files.ts).
  const hall = args.includes('--config') ? null : testHallFile(dataDir, null);
  const child = spawnHub(dataDir, hall ? [...args, '--config', hall] : args, { PORT: String(port), ...env });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the hub exited with code ${child.exitCode} before it was ready:\n${text}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) {
        rememberApiToken(url, dataDir);
        return { child, url, output: () => text };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`the hub did not start within 30 s:\n${text}`);
}

/** Runs the hub to completion (for start-up failures) and returns what it printed. */
export function runHubProcess(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawnHub(dataDir, args, env);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
  });
}
