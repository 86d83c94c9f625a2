// The demo hall file with some settings changed, written where a test wants it. The catalogue
// it names is kept pointing at the demo's own.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { DEMO_HALL_FILE } from '../../server/paths.js';

export function demoHallWith(dir: string, change: (hall: any) => void, name = 'hall.yaml'): string {
  const hall = parse(readFileSync(DEMO_HALL_FILE, 'utf8'));
  if (hall.catalog) hall.catalog = resolve(dirname(DEMO_HALL_FILE), hall.catalog);
  change(hall);
  const file = join(dir, name);
  writeFileSync(file, stringify(hall));
  return file;
}
