// Each subject keeps its own refusals; together they are every code the hub can refuse with, each
// with its words in both languages and one HTTP status (server/http/error-statuses.ts).

import { describe, expect, it } from 'vitest';
import { ACCESS_ERRORS } from '../../server/domain/access/access-errors.js';
import { CALENDAR_ERRORS } from '../../server/domain/calendar/calendar-errors.js';
import { DomainError, type DomainErrorCode } from '../../server/domain/domain-error.js';
import { DOSSIER_ERRORS } from '../../server/domain/dossier/dossier-errors.js';
import { QUEUE_ERRORS } from '../../server/domain/queue/queue-errors.js';
import { RATING_ERRORS } from '../../server/domain/rating/rating-errors.js';
import { STORAGE_ERRORS } from '../../server/domain/storage/storage-errors.js';
import { ERROR_STATUSES } from '../../server/http/error-statuses.js';

const SUBJECTS = { access: ACCESS_ERRORS, calendar: CALENDAR_ERRORS, dossier: DOSSIER_ERRORS, queue: QUEUE_ERRORS, rating: RATING_ERRORS, storage: STORAGE_ERRORS };

describe('refusals by subject', () => {
  it('no code belongs to two subjects', () => {
    const codes = Object.values(SUBJECTS).flatMap((table) => Object.keys(table));
    expect(codes.length).toBe(93);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('every code refuses in Vietnamese and English, with an HTTP status given at the edge', () => {
    for (const code of Object.values(SUBJECTS).flatMap((table) => Object.keys(table)) as DomainErrorCode[]) {
      const error = new DomainError(code, { counterId: 3 });
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(5);
      expect(error.messageEn.length).toBeGreaterThan(5);
      expect(error.message).not.toBe(error.messageEn);
      expect([400, 401, 403, 404, 409, 422, 429, 507]).toContain(ERROR_STATUSES[code]);
    }
    expect(new DomainError('counter_paused', { counterId: 3 }).message).toBe('Quầy số 3 đang tạm dừng. Hãy tiếp tục trước khi gọi số.');
    expect(ERROR_STATUSES.unsupported_encoding).toBe(415);
  });
});
