// npm run demo:any-hour: the demo hall, open around the clock, every day, written as
// data/hall.yaml (which the hub takes at its next start), so that every screen can be tried
// in the evening or on a Sunday. To go back to the demo's real hours: delete data/hall.yaml and
// start once with --config config/demo-hall.yaml (the hub keeps the last hall it was given).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { DEMO_HALL_FILE } from '../paths.js';

const dataDir = resolve(process.env.LUOT_DATA_DIR ?? './data');
const hall = parse(readFileSync(DEMO_HALL_FILE, 'utf8'));
hall.hall.hours = null;
for (const service of hall.services) delete service.hours;
// The catalogue is named from the demo's own folder, wherever the copy goes.
if (hall.catalog) hall.catalog = resolve(dirname(DEMO_HALL_FILE), hall.catalog);
mkdirSync(dataDir, { recursive: true });
const file = join(dataDir, 'hall.yaml');
writeFileSync(file, `# The demo hall, open around the clock (npm run demo:any-hour). To go back: delete this file, then npm start -- --config config/demo-hall.yaml.\n${stringify(hall)}`);
console.log(
  `Written: ${file}. Start the hub (npm start): numbers can be taken at any hour. To go back to 07:30-11:30 and 13:30-17:00: delete it, then npm start -- --config config/demo-hall.yaml.`,
);
