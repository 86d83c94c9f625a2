// Replays the event log of a data folder and compares it with the tables it was written with:
// npm run check-log [-- --data DIR]. Run on a copy or a stopped hub's folder; exits 1 on a
// difference, listing the first ones, and 2 when there is no database there.

import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, retainStatements } from '../db/database.js';
import { compareLogWithTables } from '../db/log-replay.js';

const at = process.argv.indexOf('--data');
const dataDir = at > 0 ? process.argv[at + 1]! : (process.env.LUOT_DATA_DIR ?? 'data');
const file = join(dataDir, DATABASE_FILE);
if (!existsSync(file)) {
  console.error(`Không thấy cơ sở dữ liệu / no database at ${file}: name the hub's data folder with --data DIR`);
  process.exit(2);
}
const db = retainStatements(new Database(file, { readonly: true, fileMustExist: true }));
const started = performance.now();
const mismatches = compareLogWithTables(db);
const events = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
db.close();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (mismatches.length === 0) {
  console.log(`Nhật ký khớp với dữ liệu / the log matches the tables: ${events} events replayed in ${seconds} s`);
} else {
  const places = mismatches.length === 1 ? '1 place' : `${mismatches.length} places`;
  console.log(`Nhật ký KHÔNG khớp với dữ liệu ở ${mismatches.length} chỗ / the log differs from the tables in ${places}; the first:`);
  for (const m of mismatches.slice(0, 10)) console.log(JSON.stringify(m));
  process.exitCode = 1;
}
