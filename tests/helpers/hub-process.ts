// The hub as its own process, exactly as `npm start` runs it, for crash and start-up tests.

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface HubProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `server/main.ts` on a free port and resolves once it says it is ready. */
export function startHubProcess(dataDir: string, args: string[] = [], env: Record<string, string> = {}): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LUOT_HOST: '127.0.0.1', LUOT_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hub did not start within 30 s:\n${text}`)), 30_000);
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const ready = /luot is ready: (http:\/\/[^/\s]+)\//.exec(text);
      if (ready) {
        clearTimeout(timer);
        resolve({ child, url: ready[1]!.replace('localhost', '127.0.0.1'), output: () => text });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the hub exited with code ${code} before it was ready:\n${text}`));
    });
  });
}

/** Runs the hub to completion (for start-up failures) and returns what it printed. */
export function runHubProcess(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LUOT_HOST: '127.0.0.1', LUOT_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
  });
}
