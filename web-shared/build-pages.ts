// Builds every front-end of web-shared/pages.ts (npm run build:web), or type-checks them
// (npm run typecheck:web).

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { FRONT_ENDS } from './pages.js';

const root = fileURLToPath(new URL('..', import.meta.url));

if (process.argv.includes('--typecheck')) {
  for (const { name } of FRONT_ENDS) {
    execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '--noEmit', '-p', name], { cwd: root, stdio: 'inherit' });
  }
} else {
  for (const { name } of FRONT_ENDS) {
    await build({ configFile: `${root}${name}/vite.config.ts`, logLevel: 'warn' });
  }
}
