// The demo ward centre a fresh install starts with, kept as a documented YAML file.

import { readFileSync } from 'node:fs';
import type { HallDefinition } from '../domain/hall/hall-definition.js';
import { DEMO_HALL_FILE } from '../paths.js';
import { hallFromText } from './hall-file.js';

export function demoHall(): HallDefinition {
  return hallFromText(readFileSync(DEMO_HALL_FILE, 'utf8'), DEMO_HALL_FILE);
}
