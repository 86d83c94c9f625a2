// Part 3 of `npm run bench`: the lookup terminal's answer time with 100,000 dossiers stored,
// against the same hub's health answer measured the same way in the same run.

import Database from 'better-sqlite3';
import { retainStatements } from '../server/db/database.js';
import { join } from 'node:path';
import { dossierCode, type Dossier } from '../server/domain/dossier/dossier.js';
import { killed, startHubProcess } from '../tests/helpers/hub-process.js';
import { latencyLines, line, verdict } from './bench-figures.js';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 100_000);
const SAMPLES = 3000;
const CONCURRENCY = 8;
const AGENCY = '000.00.14.H17';

/** A year of dossiers: about 400 a working day, each with its steps, as the hub stores them. */
function seed(dataDir: string): string[] {
  const db = retainStatements(new Database(join(dataDir, 'luot.sqlite')));
  const insert = db.prepare('INSERT INTO dossiers (code, kind, status, ticket_id, counter_id, service_id, opened_at, due_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const codes: string[] = [];
  const start = Date.UTC(2025, 10, 1);
  db.transaction(() => {
    for (let i = 0; i < DOSSIERS; i++) {
      const dayIndex = Math.floor(i / 400);
      const day = new Date(start + dayIndex * 86_400_000).toISOString().slice(0, 10);
      const code = dossierCode(AGENCY, day, (i % 400) + 1);
      const at = start + dayIndex * 86_400_000 + (i % 400) * 60_000;
      const status = ([2, 4, 9, 10] as const)[i % 4]!;
      const d: Dossier = {
        code,
        kind: 'local',
        procedureCode: 'HT.04',
        procedureName: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân', en: 'Certificate of marital status' },
        serviceId: 'HT',
        applicant: { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: '0912345678', address: 'Phường Hòa An' },
        papers: [{ name: 'Tờ khai', kind: 'original', count: 1, received: true }],
        notes: null,
        status,
        ticketId: `${day.replaceAll('-', '')}-HT-${(i % 400) + 1}`,
        returnTicketIds: [],
        counterId: 1,
        openedAt: at,
        receivedAt: at,
        processing: { unit: 'days', value: 3 },
        dueAt: at + 3 * 86_400_000,
        promisedAt: null,
        waits: [],
        missingPapers: [],
        reason: null,
        doneAt: status >= 9 ? at + 86_400_000 : null,
        returnedAt: status === 10 ? at + 2 * 86_400_000 : null,
        steps: [{ status: 2, at, by: 'Nguyễn Thị Lan', note: null }],
      };
      insert.run(code, 'local', status, d.ticketId, 1, 'HT', at, d.dueAt, JSON.stringify(d));
      codes.push(code);
    }
  })();
  db.close();
  return codes;
}

async function timed(url: string, count: number, pathOf: (i: number) => string): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const started = performance.now();
        const response = await fetch(url + pathOf(i));
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${pathOf(i)} answered ${response.status}`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

export async function lookupPart(dataDir: string): Promise<void> {
  // The hub creates and migrates the database, then stops so that the year can be written in.
  const first = await startHubProcess(dataDir);
  first.child.kill('SIGTERM');
  await killed(first.child);
  const seeding = performance.now();
  const codes = seed(dataDir);
  console.log(
    `\nLookup terminal: ${DOSSIERS.toLocaleString('en')} dossiers stored (written in ${((performance.now() - seeding) / 1000).toFixed(1)} s), ${CONCURRENCY} terminals asking at once`,
  );
  const hub = await startHubProcess(dataDir);
  try {
    // Warm up both paths, then measure them alike.
    await timed(hub.url, 200, (i) => `/api/lookup/${codes[(i * 7919) % codes.length]}`);
    const health = latencyLines('GET /api/health (baseline)', await timed(hub.url, SAMPLES, () => '/api/health'));
    const lookup = latencyLines(
      'GET /api/lookup/{code}',
      await timed(hub.url, SAMPLES, (i) => `/api/lookup/${codes[(i * 104_729) % codes.length]}`),
      '',
      (f) => `${(f.p99 / health.p99).toFixed(2)}x the health p99; target < 100 ms: ${verdict(f.p99 < 100)}`,
    );
    line('lookup p50 / health p50', `${(lookup.p50 / health.p50).toFixed(2)}x`);
  } finally {
    hub.child.kill('SIGTERM');
    await killed(hub.child);
  }
}
