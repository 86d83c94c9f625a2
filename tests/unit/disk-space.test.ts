import { describe, expect, it } from 'vitest';
import { diskReport, planDailyCopy, reserveBytes, upgradeCopyRefusal } from '../../server/domain/storage/disk-space.js';

const GB = 1e9;
const copies = (n: number, bytes = 1.4 * GB) => Array.from({ length: n }, (_, i) => ({ name: `luot-day-2026-11-${String(10 + i)}.sqlite`, bytes }));

describe('the disk space a daily copy may take', () => {
  it('keeps a reserve of the database size, and at least 1 GiB', () => {
    expect(reserveBytes(0.1 * GB)).toBe(1024 ** 3);
    expect(reserveBytes(3 * GB)).toBe(3 * GB);
  });

  it('with room, makes the copy and then deletes the copies beyond the number kept', () => {
    expect(planDailyCopy(copies(14), 100 * GB, 1.4 * GB, 14)).toEqual({
      removeFirst: [],
      removeAfter: ['luot-day-2026-11-10.sqlite'],
      copy: true,
    });
    expect(planDailyCopy(copies(3), 100 * GB, 1.4 * GB, 14)).toEqual({ removeFirst: [], removeAfter: [], copy: true });
  });

  it('short of room, deletes the oldest copies first, as many as needed', () => {
    // 3 GB free: the copy (1.4) and the reserve (1.4) fit, with 0.2 to spare.
    expect(planDailyCopy(copies(5), 3 * GB, 1.4 * GB, 14)).toMatchObject({ removeFirst: [], copy: true });
    // 2 GB free needs 0.8 GB more: one copy goes before.
    expect(planDailyCopy(copies(5), 2 * GB, 1.4 * GB, 14)).toEqual({ removeFirst: ['luot-day-2026-11-10.sqlite'], removeAfter: [], copy: true });
    // 0.5 GB free needs 2.3 GB more: two go, and those beyond the number kept after the copy.
    expect(planDailyCopy(copies(14), 0.5 * GB, 1.4 * GB, 10)).toEqual({
      removeFirst: ['luot-day-2026-11-10.sqlite', 'luot-day-2026-11-11.sqlite'],
      removeAfter: ['luot-day-2026-11-12.sqlite', 'luot-day-2026-11-13.sqlite', 'luot-day-2026-11-14.sqlite'],
      copy: true,
    });
  });

  it('never deletes the newest copy for room; without enough, makes none and deletes none', () => {
    // Deleting all but the newest frees 2.8 GB: 0.1 + 2.8 - 1.4 = 1.5 GB >= 1.4 reserve.
    expect(planDailyCopy(copies(3), 0.1 * GB, 1.4 * GB, 14)).toEqual({ removeFirst: ['luot-day-2026-11-10.sqlite', 'luot-day-2026-11-11.sqlite'], removeAfter: [], copy: true });
    expect(planDailyCopy(copies(1), 0.1 * GB, 1.4 * GB, 14)).toEqual({ removeFirst: [], removeAfter: [], copy: false });
    expect(planDailyCopy([], 1 * GB, 1.4 * GB, 14)).toEqual({ removeFirst: [], removeAfter: [], copy: false });
  });

  it('reports the disk as a device, ok at or above the reserve', () => {
    expect(diskReport(1.4 * GB, 1.4 * GB)).toEqual({ ok: true, code: null, message: null, messageEn: null });
    const low = diskReport(0.9 * GB, 1.4 * GB);
    expect(low).toMatchObject({ ok: false, code: 'disk_low' });
    expect(low.message).toBe(
      'Ổ đĩa của máy chủ chỉ còn 0,9 GB trống, dưới mức an toàn 1,4 GB (cơ sở dữ liệu 1,4 GB); bản sao hằng ngày có thể bị bỏ qua. ' +
        'Hãy chép các bản sao trong data/backups sang ổ khác rồi xoá bớt, hoặc lắp ổ lớn hơn.',
    );
    expect(low.messageEn).toContain('0.9 GB free, below the safe 1.4 GB (database 1.4 GB)');
  });

  it('lets a schema upgrade start only with room for its copy and the reserve after it', () => {
    expect(upgradeCopyRefusal(2.8 * GB, 1.4 * GB, '/srv/luot/data')).toBeNull();
    expect(upgradeCopyRefusal(2.7 * GB, 1.4 * GB, '/srv/luot/data')).toBe(
      'the database must be upgraded, and it is copied first: that needs 1.4 GB for the copy and 1.4 GB left free after it, ' +
        'but the disk of /srv/luot/data has 2.7 GB free. Move old copies from /srv/luot/data/backups to another disk ' +
        '(or free space otherwise) and start again; nothing was changed.',
    );
  });
});
