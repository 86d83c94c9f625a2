// The device agent as its own process, from the same bundle the package ships (esbuild of
// agent/src/main.ts), run by Node against a test hub with a config file of its own.

import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../../server/paths.js';
import { tempDataDir } from './test-hub.js';

let bundle: Promise<string> | null = null;

/** Bundles the agent once per test file, as `npm run build:agent` does. */
export function agentBundle(): Promise<string> {
  bundle ??= (async () => {
    const outfile = join(tempDataDir(), 'luot-agent.cjs');
    await build({
      entryPoints: [join(PROJECT_ROOT, 'agent/src/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['serialport'],
      define: { AGENT_VERSION: '"test"' },
      logLevel: 'warning',
      outfile,
    });
    return outfile;
  })();
  return bundle;
}

export interface AgentProcess {
  child: ChildProcess;
  /** Everything it wrote (its log, as the journal would keep it). */
  output(): string;
  /** Waits until its log has a line matching. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the agent with `config` (agent.conf lines) written to a file of its own. */
export async function startAgent(config: Record<string, string>): Promise<AgentProcess> {
  const file = join(tempDataDir(), 'agent.conf');
  writeFileSync(
    file,
    // Its kept files in a folder of its own, not /var/lib/luot-agent.
    Object.entries({ STATE_DIR: tempDataDir(), ...config })
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  // serialport is not bundled (a native module): found in the project's packages, as the package ships it beside the bundle.
  const child = spawn(process.execPath, [await agentBundle(), '--config', file], {
    env: { ...process.env, NODE_PATH: join(PROJECT_ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  return {
    child,
    output: () => text,
    async waitFor(pattern, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (!pattern.test(text)) {
        if (child.exitCode !== null) throw new Error(`the agent ended (${child.exitCode}): ${text}`);
        if (Date.now() > end) throw new Error(`the agent never said ${pattern}: ${text}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
