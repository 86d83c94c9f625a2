// Starts the hall: reads the configuration, has the hub assembled (server/composition-root.ts),
// listens, closes the day's queue on time, keeps a daily backup, and shuts down cleanly on
// SIGINT/SIGTERM.

import pino from 'pino';
import { VERSION } from './app.js';
import { composeHub } from './composition-root.js';
import { HallFileError } from './config/hall-file.js';
import { CatalogError } from './config/procedure-file.js';
import { ConfigError, runtimeConfig } from './config/runtime-config.js';
import { MigrationError } from './db/migrate.js';
import { ClockWatch } from './services/clock-watch.js';
import { systemdNotifier } from './services/systemd-notify.js';

const SWEEP_INTERVAL_MS = 30_000;

async function main(): Promise<void> {
  const config = runtimeConfig(process.argv.slice(2), process.env);
  const logger = pino({
    level: config.logLevel,
    ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
  const systemClock = new ClockWatch();
  const { app, chores, startInfo, close } = await composeHub({ dataDir: config.dataDir, hallFile: config.hallFile, logger, systemClock, tls: config.tls });
  const systemd = systemdNotifier(process.env, logger.child({ module: 'systemd' }));
  chores.checkDisk();
  logger.info(
    {
      version: VERSION,
      port: config.port,
      host: config.host,
      logLevel: config.logLevel,
      dataDir: config.dataDir,
      https: config.tls !== null,
      ...startInfo(),
    },
    'luot hub starting',
  );

  // Every half minute: close what closing time closed, keep one backup per working day, check the
  // disk and the clock, and at closing ask for a copy off the machine.
  const closeOnTime = async () => {
    try {
      await chores.closeOnTime();
    } catch (error) {
      logger.error({ err: error }, 'closing the queue failed; will try again');
    }
  };
  const backUpDaily = () => chores.backUpDaily();
  const checkClock = async () => {
    const changed = await chores.checkClock();
    if (changed?.synchronized === false) logger.warn(changed.messageEn!);
    else if (changed?.synchronized === true) logger.info('the system clock is synchronised');
  };
  void checkClock();
  const backupTarget = process.env.LUOT_BACKUP_TARGET || undefined;
  const checkOffsite = () => {
    chores.checkOffsiteBackup(backupTarget);
    if (backupTarget && chores.requestClosingCopy()) logger.info('the hall has closed: a copy off the machine is asked for');
  };
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
    await close();
    systemd.close();
    process.exit(0);
  };
  // A fault in one page's or device's handler is logged; the hall keeps running.
  process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unexpected failure (the hub goes on)'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const port = (app.server.address() as { port: number }).port;
  const scheme = config.tls ? 'https' : 'http';
  logger.info(`luot is ready: ${scheme}://${shown}:${port}/  (API docs: ${scheme}://${shown}:${port}/docs)`);
  systemd.ready(`serving on port ${port}`);
  // A year's database takes seconds to copy: the hall is served meanwhile.
  void backUpDaily();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof HallFileError || error instanceof CatalogError || error instanceof MigrationError) {
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
