// Refusals for lack of disk space.

import { gigabytes } from './disk-space.js';
import type { ErrorWords } from '../error-words.js';

const gb = (bytes: string | number | undefined, decimal: ',' | '.') => gigabytes(Number(bytes), decimal);

export const STORAGE_ERRORS = {
  disk_full: {
    vi: (p) =>
      `Không đủ chỗ trống trên ổ đĩa để sao lưu: còn ${gb(p.free, ',')} trống, bản sao cần ${gb(p.copy, ',')} và ổ đĩa phải giữ lại ${gb(p.reserve, ',')}. ` +
      'Hãy chép các bản sao trong data/backups sang ổ khác rồi xoá bớt.',
    en: (p) =>
      `Not enough free disk space for a backup: ${gb(p.free, '.')} free, the copy needs ${gb(p.copy, '.')} and the disk must keep ${gb(p.reserve, '.')}. ` +
      'Copy the files in data/backups to another disk and remove some.',
  },
} satisfies Record<string, ErrorWords>;

export type StorageErrorCode = keyof typeof STORAGE_ERRORS;
