// Keeps an eye on the hub's disk: reported as the device `disk` (in /api/health and to pages as
// `device:status`) when it drops below its reserve, and one backup per working day made only
// when the disk has room for it (server/domain/disk-space.ts).

import { dailyBackup, databaseBytes } from '../db/database.js';
import { diskReport } from '../domain/storage/disk-space.js';
import type { Db } from '../db/database.js';
import type { DeviceRegistry } from './device-registry.js';
import type { Logger } from './queue-service.js';

export const DISK_DEVICE = 'disk';

export interface DiskWatchDeps {
  db: Db;
  dataDir: string;
  diskFreeBytes: (path: string) => number;
}

export class DiskWatch {
  private backingUp = false;
  /** The day a missing copy was last logged: once a day is enough. */
  private noRoomLogged: string | null = null;

  /** The hub's database, its data folder, and its view of the disk's free space. */
  constructor(
    private readonly deps: DiskWatchDeps,
    private readonly devices: DeviceRegistry,
    private readonly logger: Logger,
  ) {}

  /** Reports the disk as it is now; a disk that cannot be read is logged, never fatal. */
  check(): void {
    const { db, dataDir, diskFreeBytes } = this.deps;
    try {
      this.devices.report(DISK_DEVICE, 'disk', diskReport(diskFreeBytes(dataDir), databaseBytes(db)));
    } catch (error) {
      this.logger.error({ err: error }, 'the free space of the data folder could not be read');
    }
  }

  /** Today's copy, unless made already or another is being made; the disk is checked after. */
  async backUp(day: string): Promise<void> {
    if (this.backingUp) return;
    this.backingUp = true;
    try {
      const { db, dataDir, diskFreeBytes } = this.deps;
      const backup = await dailyBackup(db, dataDir, day, { freeBytes: diskFreeBytes });
      if (backup.removed.length > 0) this.logger.info({ removed: backup.removed }, 'older daily backups removed');
      if (backup.path) this.logger.info({ backup: backup.path }, 'daily backup written');
      if (backup.noRoom && this.noRoomLogged !== day) {
        this.noRoomLogged = day;
        this.logger.error({ day }, 'no room on the disk for the daily backup; will try again');
      }
    } catch (error) {
      this.logger.error({ err: error }, 'the daily backup failed; will try again');
    } finally {
      this.backingUp = false;
      this.check();
    }
  }
}
