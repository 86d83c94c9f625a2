// How much of the hub's disk the database and its daily copies may take. A hall PC has a small
// disk and a busy centre's database grows by about 1.4 GB a year: fourteen daily copies of it
// would fill the disk, and a full disk stops every commit. So a daily copy is made only when
// the disk keeps a reserve free afterwards, older copies giving way first, and a disk below
// its reserve is reported like a failed device. Pure: the caller reads the disk.

/** Free space the disk must keep: room for the database to grow, and for a copy before an upgrade. */
export function reserveBytes(databaseBytes: number): number {
  return Math.max(1024 ** 3, databaseBytes);
}

/** Whether one more copy of the database leaves the disk its reserve. */
export function roomForCopy(freeBytes: number, databaseBytes: number): boolean {
  return freeBytes - databaseBytes >= reserveBytes(databaseBytes);
}

export interface DailyCopy {
  name: string;
  bytes: number;
}

export interface CopyPlan {
  /** Daily copies to delete before today's is made, for room, oldest first. */
  removeFirst: string[];
  /** Daily copies to delete once today's is made: those beyond the number kept. */
  removeAfter: string[];
  /** Whether today's copy fits; when it does not, nothing is deleted. */
  copy: boolean;
}

/**
 * What today's copy needs: the newest `keep` copies stay (today's among them) unless the disk
 * would drop below its reserve, when the oldest give way first, down to the newest before
 * today's. If even that is not enough, today's copy is not made and nothing is deleted: the
 * copies there are the only ones left.
 *
 * @param copies the daily copies on disk, oldest first
 */
export function planDailyCopy(copies: readonly DailyCopy[], freeBytes: number, databaseBytes: number, keep: number): CopyPlan {
  let free = freeBytes;
  let first = 0;
  for (; !roomForCopy(free, databaseBytes) && first < copies.length - 1; first++) free += copies[first]!.bytes;
  if (!roomForCopy(free, databaseBytes)) return { removeFirst: [], removeAfter: [], copy: false };
  const beyondKept = Math.max(0, copies.length - (keep - 1));
  return {
    removeFirst: copies.slice(0, first).map((c) => c.name),
    removeAfter: copies.slice(first, Math.max(first, beyondKept)).map((c) => c.name),
    copy: true,
  };
}

export interface DiskReport {
  ok: boolean;
  code: string | null;
  message: string | null;
  messageEn: string | null;
}

/** A size as people read it: "1,4 GB" in Vietnamese, "1.4 GB" in English. */
export const gigabytes = (bytes: number, decimal: ',' | '.') => `${(bytes / 1e9).toFixed(1).replace('.', decimal)} GB`;

/**
 * Why a schema upgrade may not start, or null when it may: the database is copied first, and
 * the disk must keep its reserve after the copy (the upgrade itself may rewrite whole tables).
 * For the maintainer starting the hub, in English like the hub's other start-up refusals.
 */
export function upgradeCopyRefusal(freeBytes: number, databaseBytes: number, dataDir: string): string | null {
  if (roomForCopy(freeBytes, databaseBytes)) return null;
  const gb = (b: number) => gigabytes(b, '.');
  return (
    `the database must be upgraded, and it is copied first: that needs ${gb(databaseBytes)} for the copy and ` +
    `${gb(reserveBytes(databaseBytes))} left free after it, but the disk of ${dataDir} has ${gb(freeBytes)} free. ` +
    `Move old copies from ${dataDir}/backups to another disk (or free space otherwise) and start again; nothing was changed.`
  );
}

/** The disk as a device: not ok below its reserve, with what to do about it. */
export function diskReport(freeBytes: number, databaseBytes: number): DiskReport {
  const reserve = reserveBytes(databaseBytes);
  if (freeBytes >= reserve) return { ok: true, code: null, message: null, messageEn: null };
  const vi = (b: number) => gigabytes(b, ',');
  const en = (b: number) => gigabytes(b, '.');
  return {
    ok: false,
    code: 'disk_low',
    message:
      `Ổ đĩa của máy chủ chỉ còn ${vi(freeBytes)} trống, dưới mức an toàn ${vi(reserve)} (cơ sở dữ liệu ${vi(databaseBytes)}); ` +
      'bản sao hằng ngày có thể bị bỏ qua. Hãy chép các bản sao trong data/backups sang ổ khác rồi xoá bớt, hoặc lắp ổ lớn hơn.',
    messageEn:
      `The hub's disk has only ${en(freeBytes)} free, below the safe ${en(reserve)} (database ${en(databaseBytes)}); ` +
      'daily copies may be skipped. Copy the files in data/backups to another disk and remove some, or fit a larger disk.',
  };
}
