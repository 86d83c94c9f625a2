// What the manager console reads (GET /api/manager/hall): the live hall with what only staff
// may see (pause reasons, clerks, alerts). Built by server/use-cases/manager/hall-console.ts.

import type { AlertRecord, AlertThresholds } from '../domain/alerts/alerts.js';
import type { DeviceStatus } from './events.js';

export type { AlertRecord, AlertThresholds };

export interface StorageView {
  /** Free bytes on the data folder's disk; null when it cannot be read. */
  freeBytes: number | null;
  databaseBytes: number;
  /** The newest copy of the database in the data folder's backups/. */
  lastBackup: { file: string; at: number } | null;
}

export interface ConsoleCounter {
  id: number;
  name: { vi: string; en: string };
  mode: 'open' | 'paused' | 'closed';
  pauseReason: string | null;
  /** Open or paused with nobody signed in at it. */
  unattended: boolean;
  clerk: string | null;
  held: { ticketId: string; number: string; status: string; since: number } | null;
  servedToday: number;
  meanServiceSeconds: number | null;
  since: number;
}

export interface ConsoleService {
  id: string;
  name: { vi: string; en: string };
  color: string | null;
  waiting: number;
  openCounters: number;
  /** When the longest-waiting ticket joined the queue. */
  longestWaitSince: number | null;
  /** Waiting tickets the forecast does not expect called before the service's closing ("may not be served today"). */
  mayNotBeServed: number;
}

export interface HallConsoleView {
  at: number;
  day: string;
  counters: ConsoleCounter[];
  services: ConsoleService[];
  devices: DeviceStatus[];
  storage: StorageView;
  alerts: AlertRecord[];
  /** The latest alerts over, for the log shown under the standing ones. */
  pastAlerts: AlertRecord[];
  thresholds: AlertThresholds;
}
