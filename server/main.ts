// Starts the hall: reads the configuration, opens the data folder, serves HTTP and
// socket.io, closes the day's queue on time, and shuts down cleanly on SIGINT/SIGTERM.

import pino from 'pino';
import { buildApp, VERSION } from './app.js';
import { HallFileError } from './config/hall-file.js';
import { ConfigError, runtimeConfig } from './config/runtime-config.js';
import { MigrationError } from './db/migrate.js';
import { createHub } from './hub.js';
import { DeviceRegistry } from './services/device-registry.js';
import { DiskWatch } from './services/disk-watch.js';
import { ClockWatch } from './services/clock-watch.js';
import { checkOffsiteBackup } from './services/offsite-backup-watch.js';
import { systemdNotifier } from './services/systemd-notify.js';

const SWEEP_INTERVAL_MS = 30_000;

async function main(): Promise<void> {
  const config = runtimeConfig(process.argv.slice(2), process.env);
  const logger = pino({
    level: config.logLevel,
    ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
  const hub = await createHub({ dataDir: config.dataDir, hallFile: config.hallFile, logger: logger.child({ module: 'queue' }) });
  const devices = new DeviceRegistry();
  const clock = new ClockWatch();
  const app = await buildApp({ hub, logger, devices, clock });
  const systemd = systemdNotifier(process.env, logger.child({ module: 'systemd' }));
  const disk = new DiskWatch(hub, devices, logger.child({ module: 'disk' }));
  disk.check();
  logger.info(
    {
      version: VERSION,
      port: config.port,
      host: config.host,
      logLevel: config.logLevel,
      dataDir: config.dataDir,
      database: hub.dbPath,
      schema: hub.schemaVersion,
      hall: hub.live.settings.name,
      hallFrom: hub.hallSource,
    },
    'luot hub starting',
  );

  // Every half minute: close what closing time closed, keep one backup per working day, check the disk.
  const closeOnTime = async () => {
    try {
      await hub.queue.sweep();
    } catch (error) {
      logger.error({ err: error }, 'closing the queue failed; will try again');
    }
  };
  const backUpDaily = () => disk.backUp(hub.queries.today());
  const checkClock = async () => {
    const changed = await clock.check();
    if (changed?.synchronized === false) logger.warn(changed.messageEn!);
    else if (changed?.synchronized === true) logger.info('the system clock is synchronised');
  };
  void checkClock();
  const checkOffsite = () => checkOffsiteBackup(devices, hub.dataDir, process.env.LUOT_BACKUP_TARGET || undefined, hub.clock(), hub.startedAt);
  checkOffsite();
  await closeOnTime();
  const sweep = setInterval(() => void closeOnTime().then(checkClock).then(checkOffsite).then(backUpDaily), SWEEP_INTERVAL_MS);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    clearInterval(sweep);
    systemd.stopping();
    await app.close();
    systemd.close();
    hub.close();
    process.exit(0);
  };
  // A fault in one page's or device's handler is logged; the hall keeps running.
  process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unexpected failure (the hub goes on)'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const port = (app.server.address() as { port: number }).port;
  logger.info(`luot is ready: http://${shown}:${port}/  (API docs: http://${shown}:${port}/docs)`);
  systemd.ready(`serving on port ${port}`);
  // A year's database takes seconds to copy: the hall is served meanwhile.
  void backUpDaily();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof HallFileError || error instanceof MigrationError) {
    console.error(`luot cannot start: ${error.message}`);
  } else if (['EACCES', 'EROFS', 'EPERM', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) {
    const path = (error as NodeJS.ErrnoException).path ?? 'the data folder';
    console.error(`luot cannot start: it may not write to ${path}. Give it a writable data folder with LUOT_DATA_DIR=... or --data ...`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`luot cannot start: the port is already in use (${(error as Error).message}). Set another with PORT=8081 or --port 8081.`);
  } else {
    console.error('luot cannot start:', error);
  }
  process.exit(1);
});
