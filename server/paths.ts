// Files the hub reads at run time, found from the project root, so that the same code
// works from server/ (development, tests) and bundled in dist/ (npm start).

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the luot folder (no package.json above the hub)');
    dir = up;
  }
  return dir;
}

export const PROJECT_ROOT = projectRoot();
export const PACKAGE_JSON = join(PROJECT_ROOT, 'package.json');
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'server', 'db', 'migrations');
export const DEMO_HALL_FILE = join(PROJECT_ROOT, 'config', 'demo-hall.yaml');
/** Official holiday schedules per year (config/holidays.yaml). */
export const HOLIDAYS_FILE = join(PROJECT_ROOT, 'config', 'holidays.yaml');
/** The font with full Vietnamese coverage used on paper and on screens. */
export const FONTS_DIR = join(PROJECT_ROOT, 'hardware', 'fonts');
/** Built front-ends (npm run build:web), served by the hub. */
export const WEB_DIST_DIR = join(PROJECT_ROOT, 'dist', 'web');
/** The default voice pack, made at build time by server/cli/build-voice-pack.ts. */
export const DEFAULT_VOICE_DIR = join(PROJECT_ROOT, 'dist', 'voice', 'default');
