// A real hub on a random port with a real SQLite file in a temporary folder.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { composeHub, type HubInternals, type LuotApp, type LuotHub } from '../../server/composition-root.js';
import { DeviceRegistry } from '../../server/services/device-registry.js';
import type { ClientToServerEvents, HallEvent, HallSnapshot, ServerToClientEvents, SubscriptionFilter } from '../../server/contract/events.js';
import { compareLogWithTables } from '../../server/db/log-replay.js';
import { testHallFile } from './hall-files.js';

/**
 * The API token of each hub a test started, by its address: api() acts as a manager with it
 * unless the call brings its own Authorization (a clerk's session, or none at all).
 */
const apiTokens = new Map<string, string>();

/** Remembers the API token a hub wrote into its data folder. */
export function rememberApiToken(url: string, dataDir: string): void {
  apiTokens.set(url, readFileSync(join(dataDir, 'api-token'), 'utf8').trim());
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'luot-test-'));
}

export interface TestHub {
  app: LuotApp;
  /** The hub's parts, to look inside (tables, live state, the command service). */
  hub: HubInternals;
  /** What the hub reports of its devices (as in /api/health). */
  devices: DeviceRegistry;
  /** What server/main.ts runs on its timers, run by the test when it wants. */
  chores: LuotHub['chores'];
  url: string;
  dataDir: string;
  /**
   * Stops the hub; the data folder stays for a restart unless `remove` is set. Throws when the
   * event log, replayed, differs from the tables.
   */
  stop(remove?: boolean): Promise<void>;
}

export async function startTestHub(
  options: { dataDir?: string; hallFile?: string; clock?: () => number; diskFreeBytes?: (path: string) => number; busRetryMs?: number; port?: number } = {},
): Promise<TestHub> {
  const dataDir = options.dataDir ?? tempDataDir();
  const devices = new DeviceRegistry();
  const {
    app,
    chores,
    internals: hub,
  } = await composeHub({
    dataDir,
    hallFile: testHallFile(dataDir, options.hallFile),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.diskFreeBytes ? { diskFreeBytes: options.diskFreeBytes } : {}),
    devices,
    ...(options.busRetryMs ? { busRetryMs: options.busRetryMs } : {}),
  });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  apiTokens.set(url, hub.apiToken);
  return {
    app,
    hub,
    devices,
    chores,
    url,
    dataDir,
    async stop(remove = false) {
      await app.close();
      // A command accepted just before the stop commits before the database closes.
      await hub.queue.read(() => undefined);
      // Every test hub's history must replay to exactly what its tables hold.
      const mismatches = hub.db.open ? compareLogWithTables(hub.db) : [];
      hub.close();
      if (mismatches.length > 0) throw new Error(`the event log differs from the tables: ${JSON.stringify(mismatches.slice(0, 3))}`);
      if (remove) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A request to a test hub; `authorization: null` sends none. */
export async function api<T = any>(base: string, method: string, path: string, body?: unknown, options: { authorization?: string | null } = {}): Promise<{ status: number; body: T }> {
  const token = apiTokens.get(base);
  const authorization = options.authorization === undefined ? (token ? `Bearer ${token}` : null) : options.authorization;
  const response = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(authorization ? { authorization } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export type HallClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client that records what it hears. */
export class RecordingClient {
  readonly socket: HallClient;
  readonly snapshots: HallSnapshot[] = [];
  readonly events: HallEvent[] = [];
  private waiters: (() => void)[] = [];

  constructor(url: string, filter: SubscriptionFilter = {}) {
    this.socket = connectSocket(url, { auth: filter, transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 200 });
    this.socket.on('hall:snapshot', (s) => {
      this.snapshots.push(s);
      this.wake();
    });
    this.socket.on('hall:events', (events) => {
      this.events.push(...events);
      this.wake();
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once `check` holds, re-checked on every snapshot and event. */
  async until<T>(check: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}
