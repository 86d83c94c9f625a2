// The `luot` command of an installed hub (the Debian package): its state, a check of the
// machine, verified backups, restore, the event log check, password hashes, the version.
// Settings come from the environment the package's /usr/bin/luot reads from /etc/luot/luot.env.

import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, chmodSync, chownSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { hallFromText } from '../config/hall-file.js';
import { CatalogError, readCatalogFile } from '../config/procedure-file.js';
import { SIMULATED_PORT } from '../services/bus-devices.js';
import { DATABASE_FILE, diskFreeBytes, openDatabase, retainStatements } from '../db/database.js';
import { compareLogWithTables } from '../db/log-replay.js';
import { diskReport } from '../domain/storage/disk-space.js';
import { PACKAGE_JSON } from '../paths.js';
import { readClockState } from '../services/clock-watch.js';
import { hashPassword } from '../services/password-hash.js';
import { OFFSITE_STATUS_FILE } from '../services/offsite-backup-watch.js';
import type { RouteReply } from '../contract/routes.js';

type HealthReply = RouteReply<'GET /api/health'>;

const env = process.env;
const VERSION: string = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')).version;
const DATA_DIR = resolve(env.LUOT_DATA_DIR ?? '/var/lib/luot');
const HALL_FILE = env.LUOT_CONFIG ?? '/etc/luot/hall.yaml';
const PORT = Number(env.PORT ?? 8080);
const SERVICE = 'luot.service';
/** Off-machine copies are kept this many days. */
const KEEP_DAYS = Number(env.LUOT_BACKUP_KEEP_DAYS ?? 30);

class Failure extends Error {}

const say = (vi: string, en: string) => console.log(`${vi}\n  ${en}`);
const dbFile = (dir = DATA_DIR) => join(dir, DATABASE_FILE);
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);

function systemctl(...args: string[]): { ok: boolean; out: string } {
  const run = spawnSync('systemctl', args, { encoding: 'utf8' });
  return { ok: run.status === 0, out: `${run.stdout ?? ''}${run.stderr ?? ''}`.trim().split('\n')[0]! };
}

async function health(): Promise<HealthReply | null> {
  try {
    const reply = await fetch(`http://127.0.0.1:${PORT}/api/health`, { signal: AbortSignal.timeout(3000) });
    return reply.ok ? ((await reply.json()) as HealthReply) : null;
  } catch {
    return null;
  }
}

/** Row counts of every table of a database. */
function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number]));
}

interface Verified {
  file: string;
  bytes: number;
  sha256: string;
  schemaVersion: number;
  lastEventSeq: number;
  rows: Record<string, number>;
}

/** Opens a copy read-only: integrity check, row counts, the last event; refuses a damaged one. */
function verify(file: string): Verified {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw new Failure(`${file}: integrity check failed: ${integrity.slice(0, 3).join('; ')}`);
    const rows = rowCounts(db);
    const schemaVersion = (db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
    const lastEventSeq = (db.prepare('SELECT MAX(seq) FROM events').pluck().get() as number | null) ?? 0;
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    return { file, bytes: statSync(file).size, sha256, schemaVersion, lastEventSeq, rows };
  } finally {
    db.close();
  }
}

/**
 * A consistent copy of the live database (VACUUM INTO from a read-only connection sees one
 * committed instant), verified: its integrity, and every event up to its last one present in
 * the live log too (the log is append-only, so the copy holds exactly the source's first events).
 */
function copyVerified(targetDir: string, label: string): Verified {
  const source = dbFile();
  if (!existsSync(source)) throw new Failure(`no database at ${source}`);
  mkdirSync(targetDir, { recursive: true });
  if (resolve(targetDir).startsWith(`${DATA_DIR}/`)) owned(targetDir);
  const target = join(targetDir, `luot-${label}-${stamp()}.sqlite`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const live = new Database(source, { readonly: true, fileMustExist: true });
  try {
    live.exec(`VACUUM INTO '${partial.replaceAll("'", "''")}'`);
    const checked = verify(partial);
    const liveEvents = live.prepare('SELECT COUNT(*) FROM events WHERE seq <= ?').pluck().get(checked.lastEventSeq) as number;
    if (liveEvents !== checked.rows.events) {
      throw new Failure(`the copy holds ${checked.rows.events} events up to #${checked.lastEventSeq}, the database ${liveEvents}`);
    }
    // Citizens' dossiers: as private as the live database, wherever the copy goes.
    chmodSync(partial, 0o640);
    renameSync(partial, target);
    const result = { ...checked, file: target };
    writeFileSync(`${target}.json`, `${JSON.stringify({ madeAt: new Date().toISOString(), version: VERSION, ...result }, null, 2)}\n`);
    owned(target);
    owned(`${target}.json`);
    return result;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    live.close();
  }
}

/** The target folder of off-machine copies: a folder, or LABEL=name for a disk found by its label. */
function resolveTarget(target: string): { dir: string; unmount: () => void } {
  if (!target.startsWith('LABEL=')) {
    if (!existsSync(target)) throw new Failure(`the backup target ${target} is not there (disk not mounted, share not reachable?)`);
    return { dir: target, unmount: () => {} };
  }
  const label = target.slice('LABEL='.length);
  const device = `/dev/disk/by-label/${label}`;
  if (!existsSync(device)) throw new Failure(`no disk labelled "${label}" is plugged in`);
  const mounted = spawnSync('findmnt', ['-n', '-o', 'TARGET', '--source', device], { encoding: 'utf8' }).stdout?.trim().split('\n')[0];
  if (mounted) return { dir: join(mounted, 'luot-backups'), unmount: () => {} };
  const point = join('/run/luot', `backup-${label}`);
  mkdirSync(point, { recursive: true });
  execFileSync('mount', [device, point]);
  return { dir: join(point, 'luot-backups'), unmount: () => spawnSync('umount', [point]) };
}

/** Removes copies (and their notes) older than the kept days from an off-machine folder. */
function prune(dir: string): string[] {
  const limit = Date.now() - KEEP_DAYS * 86_400_000;
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!/^luot-.*\.sqlite$/.test(name)) continue;
    const path = join(dir, name);
    if (statSync(path).mtimeMs < limit) {
      rmSync(path);
      rmSync(`${path}.json`, { force: true });
      removed.push(name);
    }
  }
  return removed;
}

function owned(path: string): void {
  if (process.getuid?.() !== 0) return;
  const id = spawnSync('id', ['-u', 'luot'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'luot'], { encoding: 'utf8' });
  if (id.status === 0) chownSync(path, Number(id.stdout), Number(gid.stdout));
}

async function backup(args: string[]): Promise<void> {
  const to = args.indexOf('--to') >= 0 ? args[args.indexOf('--to') + 1] : null;
  const offsite = args.includes('--offsite') ? (env.LUOT_BACKUP_TARGET ?? '') : null;
  if (offsite === '') throw new Failure('no backup target set: put LUOT_BACKUP_TARGET=/mnt/backup (or LABEL=LUOT-BACKUP) in /etc/luot/luot.env');
  const label = args.indexOf('--label') >= 0 ? args[args.indexOf('--label') + 1]! : 'copy';
  const status = join(DATA_DIR, OFFSITE_STATUS_FILE);
  const target = to ?? offsite;
  if (!target) {
    const made = copyVerified(join(DATA_DIR, 'backups'), label);
    owned(made.file);
    report(made);
    return;
  }
  try {
    const { dir, unmount } = resolveTarget(target);
    try {
      const made = copyVerified(dir, label);
      const removed = prune(dir);
      report(made);
      if (removed.length > 0) console.log(`  removed (older than ${KEEP_DAYS} days): ${removed.join(', ')}`);
      if (offsite) writeFileSync(status, JSON.stringify({ ok: true, at: Date.now(), target, file: basename(made.file), message: null }));
    } finally {
      unmount();
    }
  } catch (error) {
    if (offsite) writeFileSync(status, JSON.stringify({ ok: false, at: Date.now(), target, file: null, message: (error as Error).message }));
    throw error;
  }
  if (offsite && existsSync(status)) owned(status);
}

function report(made: Verified): void {
  say(`Đã sao lưu và kiểm tra: ${made.file}`, `Backed up and verified: ${made.file}`);
  console.log(`  ${(made.bytes / 1048576).toFixed(1)} MB, schema ${made.schemaVersion}, last event #${made.lastEventSeq}, sha256 ${made.sha256.slice(0, 16)}…`);
  console.log(
    `  rows: ${Object.entries(made.rows)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  );
}

async function restore(args: string[]): Promise<void> {
  const file = args[0];
  if (!file || !existsSync(file)) throw new Failure('name the copy to restore: luot restore /path/to/luot-....sqlite');
  const checked = verify(file);
  say(
    `Bản sao hợp lệ (${checked.rows.tickets ?? 0} phiếu, ${checked.rows.events ?? 0} sự kiện).`,
    `The copy is sound (${checked.rows.tickets ?? 0} tickets, ${checked.rows.events ?? 0} events).`,
  );
  const running = systemctl('is-active', '--quiet', SERVICE).ok;
  if (running && !systemctl('stop', SERVICE).ok) throw new Failure('the hub could not be stopped');
  const current = dbFile();
  if (existsSync(current)) {
    const kept = join(DATA_DIR, 'backups', `luot-replaced-${stamp()}.sqlite`);
    mkdirSync(join(DATA_DIR, 'backups'), { recursive: true });
    // The hub is stopped: its file and write-ahead log are moved aside together.
    const db = new Database(current);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    renameSync(current, kept);
    owned(kept);
    say(`Dữ liệu cũ được giữ ở ${kept}`, `The data it replaces is kept in ${kept}`);
  }
  for (const extra of ['-wal', '-shm']) rmSync(`${current}${extra}`, { force: true });
  copyFileSync(file, `${current}.restoring`);
  renameSync(`${current}.restoring`, current);
  owned(current);
  if (running || args.includes('--start')) {
    if (!systemctl('start', SERVICE).ok) throw new Failure('the hub did not start again: see journalctl -u luot');
  }
  say('Đã khôi phục.', 'Restored.');
}

async function status(): Promise<void> {
  const active = systemctl('is-active', SERVICE).out || 'unknown';
  console.log(`luot ${VERSION} — service ${active}`);
  const h = await health();
  if (!h) {
    say(`Máy chủ không trả lời ở cổng ${PORT}.`, `The hub does not answer on port ${PORT}. See: journalctl -u luot -n 50`);
    process.exitCode = 1;
    return;
  }
  console.log(`  running version ${h.version}, day ${h.day}, up ${h.uptimeSeconds} s, schema ${h.database.schemaVersion}, last event #${h.seq}`);
  console.log(`  health: ${h.ok ? 'ok' : 'NOT ok'}; clock ${h.clock?.synchronized === true ? 'synchronised' : h.clock?.synchronized === false ? 'NOT synchronised' : 'unknown'}`);
  for (const d of h.devices ?? []) if (!d.ok) console.log(`  ✗ ${d.id}: ${d.message ?? d.code}`);
  if (!h.ok) process.exitCode = 1;
}

type Mark = '✓' | '!' | '✗';

function readable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** The procedures catalogue the hall file names: the hub does not start without it. */
function catalogueLine(file: string, add: (mark: Mark, text: string) => void): void {
  try {
    add('✓', `danh mục thủ tục / procedures catalogue ${file}: ${readCatalogFile(file).length} procedures`);
  } catch (error) {
    const problems = error instanceof CatalogError ? error.problems.join('; ') : (error as Error).message;
    add('✗', `danh mục thủ tục / procedures catalogue ${file}: ${problems}`);
  }
}

/** What to do about a clock not synchronised, by what the machine has. */
function clockAdvice(): string {
  const hasDaemon = ['/lib/systemd/systemd-timesyncd', '/usr/lib/systemd/systemd-timesyncd', '/usr/sbin/chronyd'].some((f) => existsSync(f));
  return hasDaemon
    ? 'timedatectl timesync-status (or chronyc sources) says why; a hall without Internet sets NTP=<its router or NTP server> in /etc/systemd/timesyncd.conf, then systemctl restart systemd-timesyncd'
    : 'apt install systemd-timesyncd (or chrony), then timedatectl set-ntp true; a hall without Internet points it at a NTP server on its network';
}

async function doctor(): Promise<void> {
  const lines: [Mark, string][] = [];
  const add = (mark: Mark, text: string) => lines.push([mark, text]);
  // The service and its port.
  const active = systemctl('is-active', SERVICE).out;
  add(active === 'active' ? '✓' : '✗', `dịch vụ / service luot: ${active || 'unknown'}`);
  const h = await health();
  add(
    h ? '✓' : '✗',
    h ? `máy chủ trả lời / hub answers on port ${PORT} (version ${h.version})` : `máy chủ không trả lời ở cổng ${PORT} / no answer on port ${PORT}: journalctl -u luot -n 50`,
  );
  // The hall file.
  let hall: ReturnType<typeof hallFromText> | null = null;
  if (existsSync(HALL_FILE) && !readable(HALL_FILE)) {
    add('✗', `không đọc được tệp hội trường / the hall file ${HALL_FILE} cannot be read by this user: run sudo luot doctor`);
  } else if (existsSync(HALL_FILE)) {
    try {
      hall = hallFromText(readFileSync(HALL_FILE, 'utf8'), HALL_FILE);
      add('✓', `tệp hội trường / hall file ${HALL_FILE}: ${hall.settings.name}, ${hall.counters.length} counters, ${hall.services.length} services`);
      if (hall.catalogFile) catalogueLine(hall.catalogFile, add);
    } catch (error) {
      add('✗', `tệp hội trường có lỗi / the hall file has an error: ${(error as Error).message}`);
    }
  } else {
    add('!', `chưa có tệp hội trường / no hall file at ${HALL_FILE}: the hub runs the demo hall (see /usr/share/doc/luot/examples/hall.yaml)`);
  }
  // Printers and serial ports.
  const devices = (dir: string, pattern: RegExp) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((n) => pattern.test(n))
          .map((n) => join(dir, n))
      : [];
  const usbPrinters = devices('/dev/usb', /^lp\d+$/);
  add(
    usbPrinters.length > 0 ? '✓' : '!',
    usbPrinters.length > 0 ? `máy in USB / USB printers: ${usbPrinters.join(', ')}` : 'không thấy máy in USB / no USB printer (/dev/usb/lp*) plugged in',
  );
  for (const kiosk of hall?.kiosks ?? []) {
    const address = kiosk.printer.address;
    if (address?.startsWith('/dev/')) add(existsSync(address) ? '✓' : '✗', `kiosk ${kiosk.id}: printer ${address} ${existsSync(address) ? 'present' : 'MISSING'}`);
    if (kiosk.printer.kind === 'agent' && kiosk.active) {
      // The printer is on the kiosk's own PC: what its device agent last reported to the hub.
      const state = h?.devices.find((d) => d.id === `printer:${kiosk.id}`);
      add(
        state?.ok ? '✓' : '✗',
        state?.ok
          ? `kiosk ${kiosk.id}: máy in của máy lấy số sẵn sàng / printer on the kiosk's PC ready (device agent)`
          : `kiosk ${kiosk.id}: máy in của máy lấy số chưa sẵn sàng / printer on the kiosk's PC not ready: ${state?.messageEn ?? 'unknown'} (on that PC: journalctl -u luot-agent)`,
      );
    }
  }
  const serial = [...devices('/dev', /^tty(USB|ACM)\d+$/), ...devices('/dev/serial/by-id', /./)];
  add(serial.length > 0 ? '✓' : '!', serial.length > 0 ? `cổng nối tiếp / serial ports: ${serial.join(', ')}` : 'không thấy cổng nối tiếp USB / no USB serial adapter plugged in');
  for (const bus of hall?.serialBuses ?? []) {
    if (bus.port === SIMULATED_PORT) add('!', `bus ${bus.id}: mô phỏng, không có dây / simulated, no wire (shown at /boards; a real bus names its port, e.g. /dev/serial/by-id/...)`);
    else add(existsSync(bus.port) ? '✓' : '✗', `bus ${bus.id}: ${bus.port} ${existsSync(bus.port) ? 'present' : 'MISSING'}`);
  }
  // The clock.
  const clock = await readClockState();
  add(
    clock.synchronized === true ? '✓' : '✗',
    clock.synchronized === true
      ? 'đồng hồ đã đồng bộ / clock synchronised (NTP)'
      : clock.synchronized === false
        ? `đồng hồ CHƯA đồng bộ / clock NOT synchronised: ${clockAdvice()}`
        : 'không đọc được trạng thái đồng hồ / the clock state cannot be read (timedatectl)',
  );
  // The disk.
  if (existsSync(DATA_DIR)) {
    const free = diskFreeBytes(DATA_DIR);
    const size = existsSync(dbFile()) ? statSync(dbFile()).size : 0;
    const disk = diskReport(free, size);
    add(disk.ok ? '✓' : '✗', disk.ok ? `ổ đĩa / disk: ${(free / 2 ** 30).toFixed(1)} GiB free, database ${(size / 2 ** 20).toFixed(1)} MB` : `${disk.message} / ${disk.messageEn}`);
  } else {
    add('✗', `không có thư mục dữ liệu / no data folder ${DATA_DIR}`);
  }
  // Off-machine copies.
  const target = env.LUOT_BACKUP_TARGET;
  const last = existsSync(join(DATA_DIR, OFFSITE_STATUS_FILE)) ? JSON.parse(readFileSync(join(DATA_DIR, OFFSITE_STATUS_FILE), 'utf8')) : null;
  if (!target) add('!', 'chưa đặt nơi sao lưu ngoài máy / no off-machine backup target (LUOT_BACKUP_TARGET in /etc/luot/luot.env)');
  else if (!last) add('!', `sao lưu ngoài máy chưa chạy / no off-machine copy made yet to ${target}`);
  else
    add(
      last.ok ? '✓' : '✗',
      last.ok ? `sao lưu ngoài máy / last off-machine copy ${new Date(last.at).toISOString()} (${last.file})` : `sao lưu ngoài máy LỖI / last off-machine copy FAILED: ${last.message}`,
    );
  for (const [mark, text] of lines) console.log(`${mark} ${text}`);
  if (lines.some(([mark]) => mark === '✗')) process.exitCode = 1;
}

function checkLog(args: string[]): void {
  const named = args[0];
  let file = named;
  let temporary: string | null = null;
  if (!file) {
    const made = copyVerified(join(DATA_DIR, 'backups'), 'check');
    file = temporary = made.file;
  }
  const db = retainStatements(new Database(file, { readonly: true, fileMustExist: true }));
  const mismatches = compareLogWithTables(db);
  const events = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
  db.close();
  if (temporary) {
    rmSync(temporary);
    rmSync(`${temporary}.json`, { force: true });
  }
  if (mismatches.length === 0) {
    say(`Nhật ký khớp với dữ liệu (${events} sự kiện).`, `The log matches the tables (${events} events).`);
    return;
  }
  say(`Nhật ký KHÔNG khớp với dữ liệu ở ${mismatches.length} chỗ.`, `The log differs from the tables in ${mismatches.length} places; the first:`);
  for (const m of mismatches.slice(0, 10)) console.log(JSON.stringify(m));
  process.exitCode = 1;
}

async function password(): Promise<void> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu mới / New password: ');
  let value = '';
  for await (const line of lines) {
    value = line;
    break;
  }
  lines.close();
  if (value.length < 8) throw new Failure('Mật khẩu phải có ít nhất 8 ký tự. / The password needs at least 8 characters.');
  console.log(await hashPassword(value));
}

/** Brings the database to this version's schema (used by the package on upgrade; the hub stopped). */
async function migrate(): Promise<void> {
  const opened = await openDatabase(DATA_DIR);
  opened.db.close();
  console.log(`schema ${opened.schemaVersion}${opened.backupPath ? ` (copy before the update: ${opened.backupPath})` : ''}`);
}

const USAGE = `luot ${VERSION}
  luot status              the service, the version it runs, its health
  luot doctor              checks the machine: port, hall file, printers, serial ports, clock, disk, backups
  luot backup [--to DIR]   a verified copy of the database (default: ${DATA_DIR}/backups)
  luot backup --offsite    the same to LUOT_BACKUP_TARGET, keeping ${KEEP_DAYS} days
  luot restore FILE        puts a copy in place (the hub is stopped and started again)
  luot check-log [FILE]    replays the event log against the tables
  luot password            prints the hash of a new staff password
  luot version`;

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, () => Promise<void> | void> = {
  status,
  doctor,
  backup: () => backup(rest),
  restore: () => restore(rest),
  'check-log': () => checkLog(rest),
  password,
  migrate,
  version: () => console.log(`luot ${VERSION} (Node.js ${process.versions.node})`),
};
const run = command ? commands[command] : undefined;
if (!run) {
  console.log(USAGE);
  process.exit(command && command !== 'help' && command !== '--help' ? 2 : 0);
}
try {
  await run();
} catch (error) {
  const message = error instanceof Failure ? error.message : String((error as Error).message ?? error);
  console.error(`luot ${command}: ${message}`);
  process.exit(1);
}
