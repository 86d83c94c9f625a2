// The demo hall file with some settings changed, written where a test wants it. The catalogue
// it names is kept pointing at the demo's own. Test halls are open around the clock, every day
// (hours: null), so that no test depends on the hour or the day it runs; a test of the
// calendar gives the hall its hours back and pins the hub's clock.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DATABASE_FILE } from '../../server/db/database.js';
import { parse, stringify } from 'yaml';
import { DEMO_HALL_FILE } from '../../server/paths.js';

export function demoHallWith(dir: string, change: (hall: any) => void, name = 'hall.yaml'): string {
  const hall = parse(readFileSync(DEMO_HALL_FILE, 'utf8'));
  if (hall.catalog) hall.catalog = resolve(dirname(DEMO_HALL_FILE), hall.catalog);
  hall.hall.hours = null;
  for (const service of hall.services) delete service.hours;
  change(hall);
  const file = join(dir, name);
  writeFileSync(file, stringify(hall));
  return file;
}

let aroundTheClock: string | null = null;

/** The demo hall, open around the clock: what a test hub starts on when the test names no hall. */
export function aroundTheClockDemoHall(): string {
  aroundTheClock ??= demoHallWith(mkdtempSync(join(tmpdir(), 'luot-hall-')), () => undefined);
  return aroundTheClock;
}

/** The hall file a test hub starts with: the test's own, or, in a new data folder, the demo open around the clock. */
export function testHallFile(dataDir: string, hallFile: string | null | undefined): string | null {
  if (hallFile) return hallFile;
  return existsSync(join(dataDir, DATABASE_FILE)) ? null : aroundTheClockDemoHall();
}

/** Four more services a large ward or a province branch has, in the demo's groups. */
const MORE_SERVICES = [
  { id: 'KB', name: { vi: 'Kho bạc Nhà nước', en: 'State Treasury' }, group: 'agencies', color: '#3949ab', numbering: { from: 8001, to: 8999 } },
  { id: 'NHCS', name: { vi: 'Ngân hàng Chính sách xã hội', en: 'Social Policy Bank' }, group: 'agencies', color: '#00acc1', numbering: { from: 9001, to: 9999 } },
  { id: 'DTTG', name: { vi: 'Dân tộc - Tôn giáo', en: 'Ethnic and religious affairs' }, group: 'ward', color: '#ff7043', numbering: { prefix: 'Q', digits: 3 } },
  { id: 'HTTT', name: { vi: 'Hỗ trợ dịch vụ công trực tuyến', en: 'Help with online public services' }, group: 'results', color: '#ffffff', numbering: { prefix: 'R', digits: 3 } },
];

/**
 * The demo ward centre grown to 24 services on 20 counters, what a hall trial saw: the size a
 * kiosk or a hall display must lay out with nothing cut.
 */
export function hallOf24Services(dir: string, change: (hall: any) => void = () => {}): string {
  return demoHallWith(dir, (hall) => {
    hall.services.push(...MORE_SERVICES.map((s) => ({ ...s, location: { vi: 'Tầng 1, dãy C', en: 'Ground floor, row C' }, defaultServiceMinutes: 6 })));
    const extra = MORE_SERVICES.map((s) => s.id);
    hall.counters.forEach((c: any, i: number) => {
      if (i >= 16) c.services.push({ service: extra[i - 16], weight: 0.5 });
    });
    change(hall);
  });
}
