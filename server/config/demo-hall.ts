// The demo district hall a fresh install starts with, kept as a documented YAML file.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HallDefinition } from '../domain/model.js';
import { hallFromText } from './hall-file.js';

export const DEMO_HALL_FILE = fileURLToPath(new URL('../../config/demo-hall.yaml', import.meta.url));

export function demoHall(): HallDefinition {
  return hallFromText(readFileSync(DEMO_HALL_FILE, 'utf8'), DEMO_HALL_FILE);
}
