// Part 3 of `npm run bench`: the lookup terminal's answer time with 100,000 dossiers stored, each
// asked with its check code (by the whole code, then by its short form), against the same hub's
// health answer measured the same way in the same run.

import Database from 'better-sqlite3';
import { retainStatements } from '../server/db/database.js';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { dossierCode, newCheckCode, shortCodeOf, type Dossier } from '../server/domain/dossier/dossier.js';
import { killed, startHubProcess } from '../tests/helpers/hub-process.js';
import { latencyLines, line, verdict } from './bench-figures.js';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 100_000);
const SAMPLES = 3000;
const CONCURRENCY = 8;
const AGENCY = '000.00.14.H17';

/** A year of dossiers: about 400 a working day, each with its steps, as the hub stores them. */
/** What a citizen holds: the code and the slip's check code. */
interface Held {
  code: string;
  check: string;
}

function seed(dataDir: string): Held[] {
  const db = retainStatements(new Database(join(dataDir, 'luot.sqlite')));
  // The check code has its own column, as the hub stores it (server/db/dossier-repository.ts).
  const insert = db.prepare('INSERT INTO dossiers (code, kind, status, ticket_id, counter_id, service_id, opened_at, due_at, check_code, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const codes: Held[] = [];
  const start = Date.UTC(2025, 10, 1);
  db.transaction(() => {
    for (let i = 0; i < DOSSIERS; i++) {
      const dayIndex = Math.floor(i / 400);
      const day = new Date(start + dayIndex * 86_400_000).toISOString().slice(0, 10);
      const code = dossierCode(AGENCY, day, (i % 400) + 1);
      const at = start + dayIndex * 86_400_000 + (i % 400) * 60_000;
      const status = ([2, 4, 9, 10] as const)[i % 4]!;
      const d: Omit<Dossier, 'checkCode'> = {
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
      const check = newCheckCode(randomInt);
      insert.run(code, 'local', status, d.ticketId, 1, 'HT', at, d.dueAt, check, JSON.stringify(d));
      codes.push({ code, check });
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
    // Warm up both paths, then measure them alike. Every lookup carries the slip's check code,
    // as a citizen's does; all come from this machine's one address, and all find their dossier,
    // so none counts against the address's limit.
    const whole = (i: number) => `/api/lookup/${codes[i % codes.length]!.code}?check=${codes[i % codes.length]!.check}`;
    const short = (i: number) => `/api/lookup/${shortCodeOf(codes[i % codes.length]!.code)}?check=${codes[i % codes.length]!.check}`;
    await timed(hub.url, 200, (i) => whole(i * 7919));
    const health = latencyLines('GET /api/health (baseline)', await timed(hub.url, SAMPLES, () => '/api/health'));
    const lookup = latencyLines(
      'GET /api/lookup/{code}?check=',
      await timed(hub.url, SAMPLES, (i) => whole(i * 104_729)),
      '',
      (f) => `${(f.p99 / health.p99).toFixed(2)}x the health p99; target < 100 ms: ${verdict(f.p99 < 100)}`,
    );
    line('lookup p50 / health p50', `${(lookup.p50 / health.p50).toFixed(2)}x`);
    latencyLines(
      'GET /api/lookup/{short code}?check=',
      await timed(hub.url, SAMPLES, (i) => short(i * 15_485_863)),
      '',
      (f) => `${(f.p99 / health.p99).toFixed(2)}x the health p99; target < 100 ms: ${verdict(f.p99 < 100)}`,
    );
  } finally {
    hub.child.kill('SIGTERM');
    await killed(hub.child);
  }
}
