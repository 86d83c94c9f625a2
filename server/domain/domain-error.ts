// Every refusal the hall's rules can give, with the words a person reads: Vietnamese as the
// message, English beside it. Each subject keeps its own refusals and their words (access,
// calendar, devices (hall/device-errors.ts), dossier, queue, rating, storage: <subject>/<subject>-errors.ts); the HTTP layer gives each
// code its status (server/http/error-statuses.ts); pages may translate `code` with their own
// dictionary.

import { ACCESS_ERRORS } from './access/access-errors.js';
import { CALENDAR_ERRORS } from './calendar/calendar-errors.js';
import { DOSSIER_ERRORS } from './dossier/dossier-errors.js';
import { DEVICE_ERRORS } from './hall/device-errors.js';
import type { ErrorParams, ErrorWords } from './error-words.js';
import { HALL_ERRORS, type FieldProblem } from './hall/hall-errors.js';
import { QUEUE_ERRORS } from './queue/queue-errors.js';
import { RATING_ERRORS } from './rating/rating-errors.js';
import { STORAGE_ERRORS } from './storage/storage-errors.js';
import { VOICE_ERRORS } from './announcement/voice-errors.js';

const ERROR_WORDS = { ...ACCESS_ERRORS, ...CALENDAR_ERRORS, ...DEVICE_ERRORS, ...DOSSIER_ERRORS, ...QUEUE_ERRORS, ...RATING_ERRORS, ...STORAGE_ERRORS, ...HALL_ERRORS, ...VOICE_ERRORS };

export type DomainErrorCode = keyof typeof ERROR_WORDS;

/** A refusal: nothing was changed, and `message` (Vietnamese) and `messageEn` say why. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly messageEn: string;
  readonly params: ErrorParams;

  /** The fields refused, each with why (a configuration change that breaks the hall's rules). */
  readonly fields: FieldProblem[] | undefined;

  constructor(code: DomainErrorCode, params: ErrorParams = {}, fields?: FieldProblem[]) {
    const words: ErrorWords = ERROR_WORDS[code];
    super(words.vi(params));
    this.name = 'DomainError';
    this.code = code;
    this.messageEn = words.en(params);
    this.params = params;
    this.fields = fields;
  }
}
