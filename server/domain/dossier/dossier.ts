// The dossier (hồ sơ) a clerk opens at the counter for one procedure: its code, applicant,
// papers, due date and status by the national portal's codes, and what the public may see of
// it. Pure data and rules; the engine that changes dossiers is dossier-engine.ts.

import type { LocalizedText } from '../localized-text.js';
import type { PaperKind } from './procedures.js';
import type { ProcessingTime } from '../calendar/working-time.js';

/** The national portal's ten statuses, by their code. */
export const DOSSIER_STATUSES = {
  1: { key: 'registered', vi: 'Mới đăng ký', en: 'Newly registered' },
  2: { key: 'received', vi: 'Đã tiếp nhận', en: 'Received' },
  3: { key: 'refused', vi: 'Không tiếp nhận', en: 'Not received' },
  4: { key: 'in_progress', vi: 'Đang xử lý', en: 'In progress' },
  5: { key: 'papers_requested', vi: 'Yêu cầu bổ sung hồ sơ', en: 'Papers requested' },
  6: { key: 'fees_requested', vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Fees or duties requested' },
  7: { key: 'withdrawn', vi: 'Công dân rút hồ sơ', en: 'Withdrawn by the citizen' },
  8: { key: 'stopped', vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { key: 'done', vi: 'Đã có kết quả', en: 'Result ready' },
  10: { key: 'returned', vi: 'Đã trả kết quả', en: 'Result returned' },
} as const;

export type DossierStatus = keyof typeof DOSSIER_STATUSES;

/** What each step of a dossier does, in words a person reads (refusals name the step this way). */
export const DOSSIER_ACTION_WORDS = {
  start: { vi: 'bắt đầu xử lý', en: 'start processing' },
  requestPapers: { vi: 'yêu cầu bổ sung giấy tờ', en: 'ask for missing papers' },
  supplement: { vi: 'nhận giấy tờ bổ sung', en: 'take in the missing papers' },
  requestFees: { vi: 'yêu cầu nộp phí, lệ phí', en: 'ask for fees or duties' },
  feesPaid: { vi: 'ghi nhận đã nộp phí', en: 'record the fees as paid' },
  complete: { vi: 'báo đã có kết quả', en: 'mark the result as ready' },
  withdraw: { vi: 'rút hồ sơ', en: 'withdraw the dossier' },
  stop: { vi: 'dừng xử lý', en: 'stop processing' },
  returnResult: { vi: 'trả kết quả', en: 'hand the result over' },
  apologize: { vi: 'gửi thư xin lỗi, hẹn lại ngày trả', en: 'send an apology with a new date' },
} satisfies Record<string, LocalizedText>;

/** Statuses after which nothing more happens to a dossier. */
export const FINAL_DOSSIER_STATUSES: ReadonlySet<DossierStatus> = new Set([3, 7, 8, 10]);

export interface Applicant {
  name: string;
  /** The 12-digit citizen ID (CCCD). */
  idNumber: string;
  phone: string | null;
  address: string;
}

export interface DossierPaper {
  name: string;
  kind: PaperKind;
  count: number;
  received: boolean;
}

/** A stretch of time the dossier waited for the citizen; it does not count towards the due date. */
export interface DossierWait {
  reason: 'papers' | 'fees';
  from: number;
  to: number | null;
}

export interface DossierStep {
  status: DossierStatus;
  at: number;
  by: string;
  note: string | null;
}

export interface Dossier {
  /** `<agency code>-<YYMMDD>-<NNNN>`, e.g. 000.00.14.H17-261127-0001. */
  code: string;
  /** local: opened in luot; linked: received in the province's system, luot keeps the link. */
  kind: 'local' | 'linked';
  /**
   * The check code printed on the citizen's slip and carried in its QR (CHECK_CODE_LENGTH
   * letters of CHECK_CODE_ALPHABET, random): the public lookup needs it beside the code.
   * Stored in its own column, never in the event log or a public message.
   */
  checkCode: string;
  procedureCode: string | null;
  procedureName: LocalizedText;
  serviceId: string | null;
  applicant: Applicant | null;
  papers: DossierPaper[];
  notes: string | null;
  status: DossierStatus;
  /** The ticket the citizen took when the dossier was opened (or linked). */
  ticketId: string | null;
  /** Tickets taken later to collect the result. */
  returnTicketIds: string[];
  counterId: number | null;
  openedAt: number;
  /** When the clock started (null until the dossier is complete and received). */
  receivedAt: number | null;
  processing: ProcessingTime | null;
  /** The legal due date, extended by the waits. */
  dueAt: number | null;
  /** A later date promised in an apology letter (form 04). */
  promisedAt: number | null;
  waits: DossierWait[];
  /** Papers asked for at reception or later (form 02). */
  missingPapers: string[];
  /** Why it was refused or stopped (forms 03, 05). */
  reason: string | null;
  doneAt: number | null;
  returnedAt: number | null;
  steps: DossierStep[];
}

/** Where a hall reads the status of dossiers received in the province's own system. */
export interface StatusSourceSettings {
  /**
   * The address with {code} where the dossier code goes, e.g. http://dvc.tinh.gov.vn/api/hoso/{code}.
   * Secret: a key in its query, a user:password before the host (sent as basic authentication).
   * It never leaves the hub; staff and the log see it masked (server/services/status-source.ts).
   */
  url: string;
  /** Headers sent with each request, e.g. a token; their values are secret. Absent in settings stored before. */
  headers?: Record<string, string>;
  /** Where the status is in the JSON reply, as a dotted path, e.g. "data.trangThai". */
  statusField: string;
  /** Where the due date is (ISO text or ms), if the source gives one. */
  dueField: string | null;
  /** The source's own status values mapped to the portal's codes 1-10; numbers 1-10 pass as they are. */
  statusMap: Record<string, number>;
  timeoutMs: number;
  cacheSeconds: number;
}

/** Early, on time or late: the day the result was ready against the due day (or now, if not yet). */
export type Timeliness = 'early' | 'on_time' | 'late' | 'due' | 'overdue' | null;

export function timelinessOf(d: Pick<Dossier, 'dueAt' | 'doneAt' | 'status'>, now: number, dayOf: (at: number) => string): Timeliness {
  if (d.dueAt === null) return null;
  if (d.doneAt !== null) {
    const done = dayOf(d.doneAt);
    const due = dayOf(d.dueAt);
    return done < due ? 'early' : done === due ? 'on_time' : 'late';
  }
  if (FINAL_DOSSIER_STATUSES.has(d.status)) return null;
  return now > d.dueAt ? 'overdue' : 'due';
}

/** `<agency code>-<YYMMDD>-<NNNN>` */
export function dossierCode(agencyCode: string, day: string, seq: number): string {
  return `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
}

/** The national shape of a dossier code, luot's or the province system's. */
export const DOSSIER_CODE_PATTERN = '^[A-Z0-9]{3}\\.[A-Z0-9]{2}\\.[A-Z0-9]{2}\\.[A-Z0-9]{3}-[0-9]{6}-[0-9]{4}$';

/** The short form of a code: its day and series, e.g. 261203-0007 (the last 11 characters). */
export const SHORT_CODE_PATTERN = '^[0-9]{6}-[0-9]{4}$';
export const SHORT_CODE_LENGTH = 11;

export function shortCodeOf(code: string): string {
  return code.slice(-SHORT_CODE_LENGTH);
}

/**
 * The check code's letters: digits and capitals that cannot be read as another (no 0/O/D/Q,
 * 1/I/L, 2/Z, 5/S, 8/B), so a citizen reads it off the slip without a doubt.
 */
export const CHECK_CODE_ALPHABET = '34679ACEFGHJKMNPRTUVWXY';
export const CHECK_CODE_LENGTH = 6;
/** What a typed check code may look like before it is compared (case is ignored). */
export const CHECK_CODE_PATTERN = `^[${CHECK_CODE_ALPHABET}${CHECK_CODE_ALPHABET.toLowerCase().replace(/[0-9]/g, '')}]{${CHECK_CODE_LENGTH}}$`;

/** A new check code, from `random(n)` giving an integer in [0, n) (a secure source in the hub). */
export function newCheckCode(random: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < CHECK_CODE_LENGTH; i++) code += CHECK_CODE_ALPHABET[random(CHECK_CODE_ALPHABET.length)];
  return code;
}

/** A 12-digit citizen ID whose first three digits are a province code (001-096). */
export function isCitizenId(text: string): boolean {
  if (!/^\d{12}$/.test(text)) return false;
  const province = Number(text.slice(0, 3));
  return province >= 1 && province <= 96;
}

/** "Nguyễn Văn An" → "N*** V** A*": the first letter of each word, the rest hidden. */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => {
      const letters = [...word];
      return letters[0]! + '*'.repeat(Math.min(3, letters.length - 1));
    })
    .join(' ');
}

/** What a lookup terminal shows: no ID, no phone, no address, the name masked. */
export interface PublicDossier {
  code: string;
  kind: Dossier['kind'];
  procedureName: LocalizedText;
  applicant: string | null;
  status: DossierStatus;
  statusWords: LocalizedText;
  receivedAt: number | null;
  dueAt: number | null;
  promisedAt: number | null;
  doneAt: number | null;
  returnedAt: number | null;
  timeliness: Timeliness;
  missingPapers: string[];
  steps: { status: DossierStatus; statusWords: LocalizedText; at: number }[];
}

export function publicDossier(d: Dossier, now: number, dayOf: (at: number) => string): PublicDossier {
  const words = (s: DossierStatus) => ({ vi: DOSSIER_STATUSES[s].vi, en: DOSSIER_STATUSES[s].en });
  return {
    code: d.code,
    kind: d.kind,
    procedureName: d.procedureName,
    applicant: d.applicant ? maskName(d.applicant.name) : null,
    status: d.status,
    statusWords: words(d.status),
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    promisedAt: d.promisedAt,
    doneAt: d.doneAt,
    returnedAt: d.returnedAt,
    timeliness: timelinessOf(d, now, dayOf),
    missingPapers: d.missingPapers,
    steps: d.steps.map((s) => ({ status: s.status, statusWords: words(s.status), at: s.at })),
  };
}

/** The slip forms (01 receipt, 02 missing papers, 03 refusal, 04 apology, 05 stopped) a dossier in its present state can have printed. */
export function slipFormsOf(d: Pick<Dossier, 'receivedAt' | 'kind' | 'missingPapers' | 'status' | 'promisedAt'>): ('01' | '02' | '03' | '04' | '05' | 'TC')[] {
  const forms: ('01' | '02' | '03' | '04' | '05' | 'TC')[] = [];
  if (d.receivedAt !== null && d.kind === 'local') forms.push('01');
  if (d.missingPapers.length > 0) forms.push('02');
  if (d.status === 3) forms.push('03');
  if (d.promisedAt !== null) forms.push('04');
  if (d.status === 8) forms.push('05');
  // A dossier of the province's system has its receipt from there: the hall prints the code and
  // check code its own lookup asks for.
  if (d.kind === 'linked') forms.push('TC');
  return forms;
}
