// The layers keep to their imports (docs/architecture.md): the domain reaches nothing outside
// server/domain, the drivers nothing outside hardware/, and no file of server/ or hardware/ comes
// back to itself through what it imports (type-only imports count too). Read from the files as
// they are on disk.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/paths.js';

/** Relative imports of a source text: static, side-effect, dynamic and `import('...')` types. */
function specifiers(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
}

/** The project file a specifier names, relative to the project root ("server/domain/x.ts"). */
function resolve(fromFile: string, spec: string): string {
  const target = join(dirname(join(PROJECT_ROOT, fromFile)), spec);
  const stem = target.replace(/\.js$/, '');
  const file = ['.ts', '.tsx'].map((ext) => stem + ext).find((f) => existsSync(f)) ?? target;
  return relative(PROJECT_ROOT, file);
}

function sourcesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(PROJECT_ROOT, dir))) {
      const path = join(dir, name);
      if (statSync(join(PROJECT_ROOT, path)).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) found.push(path);
    }
  };
  walk(folder);
  return found;
}

/** Imports of `files` that leave `inside`, as "file -> target". */
function leaving(files: Record<string, string>, inside: string): string[] {
  return Object.entries(files).flatMap(([file, source]) =>
    specifiers(source)
      .map((spec) => resolve(file, spec))
      .filter((target) => !target.startsWith(`${inside}/`))
      .map((target) => `${file} -> ${target}`),
  );
}

const read = (files: string[]) => Object.fromEntries(files.map((f) => [f, readFileSync(join(PROJECT_ROOT, f), 'utf8')]));

/** One import circle, if there is any, as the files along it. */
function circleIn(files: Record<string, string>): string[] | null {
  const graph = new Map(Object.entries(files).map(([f, source]) => [f, specifiers(source).map((s) => resolve(f, s))]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of graph.keys()) {
    if (state.has(file)) continue;
    const found = visit(file);
    if (found) return found;
  }
  return null;
}

describe('import boundaries', () => {
  it('the domain imports nothing outside server/domain (no contract, http, services, db, config, hardware)', () => {
    const domain = sourcesUnder('server/domain');
    expect(domain.length).toBeGreaterThan(30);
    expect(leaving(read(domain), 'server/domain')).toEqual([]);
  });

  it('hardware/ imports nothing outside hardware/', () => {
    const drivers = sourcesUnder('hardware');
    expect(drivers.length).toBeGreaterThan(15);
    expect(leaving(read(drivers), 'hardware')).toEqual([]);
  });

  it('a wrong import is caught, whatever its form', () => {
    const wrong = {
      'server/domain/queue/example.ts': [
        "import type { DomainEvent } from '../../contract/events.js';",
        "import { keyFrame } from '../../../hardware/keypad/keypad-protocol.js';",
        "const db = await import('../../db/database.js');",
        "import { ticketNumberWords } from '../announcement/vietnamese-numbers.js';",
      ].join('\n'),
    };
    expect(leaving(wrong, 'server/domain')).toEqual([
      'server/domain/queue/example.ts -> server/contract/events.ts',
      'server/domain/queue/example.ts -> hardware/keypad/keypad-protocol.ts',
      'server/domain/queue/example.ts -> server/db/database.ts',
    ]);
  });

  it('no file of server/ or hardware/ imports, through others, the file that imports it', () => {
    expect(circleIn(read([...sourcesUnder('server'), ...sourcesUnder('hardware')]))).toBeNull();
  });

  it('a circle is caught, type-only imports too', () => {
    const circle = {
      'server/domain/hall/hall-definition.ts': "import type { WorkingPeriod } from '../calendar/working-time.js';",
      'server/domain/calendar/working-time.ts': "import { localTime } from './hall-clock.js';",
      'server/domain/calendar/hall-clock.ts': "import type { HallSettings } from '../hall/hall-definition.js';",
    };
    expect(circleIn(circle)).toEqual([
      'server/domain/hall/hall-definition.ts',
      'server/domain/calendar/working-time.ts',
      'server/domain/calendar/hall-clock.ts',
      'server/domain/hall/hall-definition.ts',
    ]);
    expect(circleIn({ ...circle, 'server/domain/calendar/hall-clock.ts': '' })).toBeNull();
  });
});
