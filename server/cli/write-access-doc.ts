// Writes docs/access.md from the access table: npm run docs:access

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAccessTable } from '../http/access/access-doc.js';
import { PROJECT_ROOT } from '../paths.js';

const file = join(PROJECT_ROOT, 'docs', 'access.md');
writeFileSync(file, renderAccessTable());
console.log(`written: ${file}`);
