// Kills the hub with SIGKILL while tickets are being issued concurrently, restarts it on
// the same data folder, and checks that every acknowledged ticket survived, unrepeated.

import Database from 'better-sqlite3';
import { retainStatements } from '../../server/db/database.js';
import { compareLogWithTables } from '../../server/db/log-replay.js';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killed, runHubProcess, startHubProcess } from '../helpers/hub-process.js';
import { DEMO_HALL_FILE } from '../../server/paths.js';
import { api, RecordingClient, tempDataDir } from '../helpers/test-hub.js';

interface Ack {
  id: string;
  number: string;
  serviceId: string;
}

const SERVICES = ['HT', 'DD', 'CA', 'THUE', 'TKQ'];
const WORKERS = 8;

/** Issues tickets from several concurrent loops until the hub dies; returns what was acknowledged. */
async function issueUntilDeath(url: string, acks: Ack[]): Promise<void> {
  const worker = async (w: number) => {
    for (let i = 0; ; i++) {
      try {
        const res = await api(url, 'POST', '/api/tickets', { serviceId: SERVICES[(w + i) % SERVICES.length] });
        if (res.status !== 201) throw new Error(`unexpected ${res.status}`);
        const t = res.body.ticket.ticket;
        acks.push({ id: t.id, number: t.number, serviceId: t.serviceId });
      } catch {
        return; // the hub is gone: this request was never acknowledged
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
}

describe('crash safety', () => {
  // A generous limit: on a busy 2-core machine (browser tests alongside) restarts take longer.
  it('loses no acknowledged ticket and repeats no number across SIGKILL restarts', async () => {
    const dataDir = tempDataDir();
    const acks: Ack[] = [];
    for (let round = 0; round < 3; round++) {
      const hub = await startHubProcess(dataDir);
      const before = acks.length;
      const issuing = issueUntilDeath(hub.url, acks);
      while (acks.length < before + 120) await new Promise((r) => setTimeout(r, 5));
      hub.child.kill('SIGKILL');
      await killed(hub.child);
      await issuing;
    }

    const hub = await startHubProcess(dataDir);
    try {
      const stored = (await api<any[]>(hub.url, 'GET', '/api/tickets')).body;
      const byId = new Map(stored.map((t) => [t.id, t]));
      for (const ack of acks) {
        expect(byId.get(ack.id), `acknowledged ticket ${ack.number}`).toMatchObject({ number: ack.number, serviceId: ack.serviceId });
      }
      const numbers = stored.map((t) => t.number);
      expect(new Set(numbers).size).toBe(numbers.length);

      // Numbering goes on after the last stored number of each series, with no reuse.
      for (const serviceId of SERVICES) {
        const next = (await api(hub.url, 'POST', '/api/tickets', { serviceId })).body.ticket.ticket;
        const mine = stored.filter((t) => t.serviceId === serviceId);
        expect(next.seq).toBe(Math.max(...mine.map((t) => t.seq)) + 1);
        expect(numbers).not.toContain(next.number);
      }
      // Every ticket has its issue event in the log.
      const events = (await api<any[]>(hub.url, 'GET', '/api/events?limit=1000')).body;
      const issuedIds = new Set(events.filter((e) => e.type === 'ticket:issued').map((e) => e.ticketId));
      for (const t of stored) expect(issuedIds.has(t.id)).toBe(true);
    } finally {
      hub.child.kill('SIGTERM');
      await killed(hub.child);
    }
    const db = retainStatements(new Database(join(dataDir, 'luot.sqlite'), { readonly: true }));
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    // The log, kept as changes, replays to exactly the tables after every kill.
    expect(compareLogWithTables(db)).toEqual([]);
    db.close();
  }, 120_000);

  it('never gives a dossier code twice and loses none it acknowledged, across SIGKILL restarts', async () => {
    const dataDir = tempDataDir();
    const codes: string[] = [];
    const applicant = { name: 'Trần Thị Bình', idNumber: '079199001234', phone: null, address: 'Phường Hòa An' };
    let ticketId = '';
    for (let round = 0; round < 3; round++) {
      const hub = await startHubProcess(dataDir);
      if (round === 0) {
        await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT' });
        await api(hub.url, 'POST', '/api/counters/1/open', {});
        ticketId = (await api(hub.url, 'POST', '/api/counters/1/call-next', {})).body.ticket.id;
      }
      const before = codes.length;
      // One citizen with many dossiers, received by several clients at once until the hub dies.
      const receiving = Promise.all(
        Array.from({ length: WORKERS }, async () => {
          for (;;) {
            try {
              const res = await api(hub.url, 'POST', '/api/dossiers', { counterId: 1, ticketId, procedureCode: 'CT.01', applicant, papers: [], outcome: 'complete' });
              if (res.status !== 201) throw new Error(`unexpected ${res.status}`);
              codes.push(res.body.code);
            } catch {
              return;
            }
          }
        }),
      );
      while (codes.length < before + 60) await new Promise((r) => setTimeout(r, 5));
      hub.child.kill('SIGKILL');
      await killed(hub.child);
      await receiving;
    }
    const hub = await startHubProcess(dataDir);
    try {
      const stored = (await api<{ code: string }[]>(hub.url, 'GET', `/api/dossiers?ticketId=${ticketId}`)).body.map((d) => d.code);
      for (const code of codes) expect(stored, `acknowledged dossier ${code}`).toContain(code);
      expect(new Set(stored).size).toBe(stored.length);
      const next = (await api(hub.url, 'POST', '/api/dossiers', { counterId: 1, ticketId, procedureCode: 'CT.01', applicant, papers: [], outcome: 'complete' })).body.code;
      expect(stored).not.toContain(next);
      const seq = (code: string) => Number(code.slice(-4));
      expect(seq(next)).toBe(Math.max(...stored.map(seq)) + 1);
    } finally {
      hub.child.kill('SIGTERM');
      await killed(hub.child);
    }
  }, 120_000);

  it('loads the hall file named by --config, as `npm start -- --config FILE` does', async () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'xa-tan-phu.json');
    writeFileSync(
      file,
      JSON.stringify({
        hall: { name: 'UBND xã Tân Phú', agencyCode: '000.00.31.H40', hours: null },
        services: [{ id: 'HT', name: 'Hộ tịch', numbering: { prefix: 'H' } }],
        counters: [{ id: 1, services: ['HT'] }],
      }),
    );
    const hub = await startHubProcess(join(dataDir, 'data'), ['--config', file]);
    try {
      const hall = (await api(hub.url, 'GET', '/api/hall')).body;
      expect(hall.hall.name).toBe('UBND xã Tân Phú');
      expect(hall.services.map((s: { id: string }) => s.id)).toEqual(['HT']);
    } finally {
      hub.child.kill('SIGTERM');
      await killed(hub.child);
    }
  });

  it('shuts down cleanly on SIGTERM, even with pages connected', async () => {
    const hub = await startHubProcess(tempDataDir());
    const page = new RecordingClient(hub.url);
    await page.until(() => page.snapshots.length > 0, 'a snapshot');
    hub.child.kill('SIGTERM');
    await killed(hub.child);
    expect(hub.child.exitCode).toBe(0);
    page.close();
  });

  it('refuses to start with a clear message when the data folder cannot be written', async () => {
    const file = join(tempDataDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    const result = await runHubProcess(join(file, 'data'), []);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`luot cannot start: it may not write to ${join(file, 'data')}`);
  });

  it('refuses to start with a clear message when the hall file is missing', async () => {
    const result = await runHubProcess(tempDataDir(), ['--config', 'no-such-hall.yaml']);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/luot cannot start: the hall description .*no-such-hall\.yaml does not exist/);
  });

  it('refuses to start with a clear message when the catalogue the hall file names is missing', async () => {
    // The example hall copied alone into /etc/luot names demo-procedures.json beside it.
    const dir = tempDataDir();
    const hallFile = join(dir, 'hall.yaml');
    copyFileSync(DEMO_HALL_FILE, hallFile);
    const result = await runHubProcess(join(dir, 'data'), ['--config', hallFile]);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`luot cannot start: The procedures catalogue ${join(dir, 'demo-procedures.json')} cannot be used:`);
    expect(result.output).toContain('the file is not there (the hall file names it as catalog:)');
    expect(result.output).not.toMatch(/ENOENT|\n\s+at /);
  });
});
