// Migration 013 on a hall's database that already holds dossiers: each gets a check code of the
// hub's own letters, in its own column; the dossier's JSON (which the event log replays) is
// left as it was, and the short form of its code is found through the new index.

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DossierRepository } from '../../server/db/dossier-repository.js';
import { applyMigrations, appliedVersion, bundledMigrations } from '../../server/db/migrate.js';
import { CHECK_CODE_PATTERN } from '../../server/domain/dossier/dossier.js';
import { tempDataDir } from '../helpers/test-hub.js';

let db: Database.Database | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

describe('migration 013 (check codes)', () => {
  it('gives every stored dossier a check code and leaves its JSON alone', () => {
    db = new Database(join(tempDataDir(), 'luot.sqlite'));
    const migrations = bundledMigrations();
    const index = migrations.findIndex((m) => m.version === 13);
    expect(migrations[index]!.name).toBe('dossier_check_codes');
    expect(appliedVersion(db)).toBe(0);
    applyMigrations(db, migrations.slice(0, index));
    const insert = db.prepare("INSERT INTO dossiers (code, kind, status, opened_at, data) VALUES (?, 'local', 2, 0, ?)");
    const codes = Array.from({ length: 50 }, (_, i) => `000.00.14.H17-261120-${String(i + 1).padStart(4, '0')}`);
    for (const code of codes) insert.run(code, JSON.stringify({ code, kind: 'local', status: 2 }));
    applyMigrations(db, migrations.slice(index, index + 1));

    const rows = db.prepare('SELECT code, check_code AS checkCode, data FROM dossiers').all() as { code: string; checkCode: string; data: string }[];
    expect(rows).toHaveLength(50);
    for (const row of rows) {
      expect(row.checkCode).toMatch(new RegExp(CHECK_CODE_PATTERN));
      expect(JSON.parse(row.data)).toEqual({ code: row.code, kind: 'local', status: 2 });
    }
    // Drawn per row, not one code for all.
    expect(new Set(rows.map((r) => r.checkCode)).size).toBeGreaterThan(45);
    const repo = new DossierRepository(db);
    expect(repo.byShortCode('261120-0007').map((d) => [d.code, d.checkCode])).toEqual([[codes[6], rows.find((r) => r.code === codes[6])!.checkCode]]);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT data FROM dossiers WHERE substr(code, -11) = ?').all('261120-0007') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('dossiers_by_short_code');
  });
});
