// What may happen to a dossier, decided without I/O: receiving one at the counter (complete,
// incomplete or refused), linking the province system's dossier to a ticket, and every status
// change after. Each command returns the changed dossiers, the day's code series and the
// events, committed by the same path as queue commands (server/services/queue-service.ts).

import { dossierCode, FINAL_DOSSIER_STATUSES, isCitizenId, type Applicant, type Dossier, type DossierPaper, type DossierStatus, type DossierWait } from './dossier.js';
import { DomainError } from '../domain-error.js';
import { DOSSIER_STEPS as TRANSITIONS, type DossierAction } from './dossier-steps.js';
import { dayOf, localTime } from '../calendar/hall-clock.js';
import type { HallSettings } from '../hall/hall-definition.js';
import type { LocalizedText } from '../localized-text.js';
import type { Ticket } from '../queue/queue-state.js';
import { timeLimitOf, type Procedure } from './procedures.js';
import type { HallCalendar } from '../calendar/hall-calendar.js';
import { applyCommand, type Change, type QueueView } from '../queue/queue-engine.js';

export { DOSSIER_ACTIONS, type DossierAction } from './dossier-steps.js';

export type DossierCommand =
  | {
      type: 'receiveDossier';
      counterId: number;
      ticketId: string;
      procedureCode: string;
      applicant: Applicant;
      papers: DossierPaper[];
      notes?: string | null;
      /** complete: received with a due date; incomplete: papers requested; refused: not received. */
      outcome: 'complete' | 'incomplete' | 'refused';
      missingPapers?: string[];
      reason?: string | null;
      /** The new dossier's check code (newCheckCode, drawn by the caller: the engine has no randomness). */
      checkCode: string;
    }
  /** checkCode: for a dossier linked for the first time; one linked before keeps its own. */
  | { type: 'linkDossier'; counterId: number; ticketId: string; code: string; checkCode: string }
  | { type: 'changeDossier'; code: string; action: DossierAction; note?: string | null; missingPapers?: string[]; promisedAt?: number }
  /** A citizen back for the result takes a number (at the kiosk) that stays linked to the dossier. */
  | {
      type: 'returnTicket';
      code: string;
      source: 'kiosk' | 'counter' | 'api';
      /** For a dossier of the province's system: its result is ready there (status 9), as read just now. */
      provinceReady?: boolean;
    };

export const DOSSIER_COMMAND_TYPES: ReadonlySet<string> = new Set(['receiveDossier', 'linkDossier', 'changeDossier', 'returnTicket']);

export function isDossierCommand(command: { type: string }): command is DossierCommand {
  return DOSSIER_COMMAND_TYPES.has(command.type);
}

export interface DossierView {
  readonly settings: HallSettings;
  /** The queue, for the number a citizen takes to collect a result. */
  readonly queue: QueueView;
  procedure(code: string): Procedure | undefined;
  dossier(code: string): Dossier | undefined;
  ticket(id: string): Ticket | undefined;
  lastDossierSeq(day: string): number;
  /** The hall's calendar, for due dates. */
  calendar(): HallCalendar;
}

export type DossierChange = Change & Required<Pick<Change, 'dossiers' | 'dossierSeries'>>;

const MAX_PER_DAY = 9999;

function requireDossier(view: DossierView, code: string): Dossier {
  const dossier = view.dossier(code);
  if (!dossier) throw new DomainError('dossier_not_found', { code });
  return dossier;
}

function requireTicketHeldBy(view: DossierView, ticketId: string, counterId: number): Ticket {
  const ticket = view.ticket(ticketId);
  if (!ticket) throw new DomainError('ticket_not_found', { ticketId });
  if ((ticket.status !== 'called' && ticket.status !== 'serving') || ticket.counterId !== counterId) {
    throw new DomainError('dossier_ticket_not_held', { number: ticket.number, counterId });
  }
  return ticket;
}

function changed(dossier: Dossier, action: string): DossierChange {
  return { tickets: [], counters: [], series: [], dossiers: [dossier], dossierSeries: [], events: [{ type: 'dossier:changed', data: { dossier, action } }] };
}

/** The legal due date from when it was received, extended by every finished wait. */
function dueOf(view: DossierView, d: Pick<Dossier, 'receivedAt' | 'processing' | 'waits'>): number | null {
  if (d.receivedAt === null || d.processing === null) return null;
  const waits = d.waits.filter((w): w is DossierWait & { to: number } => w.to !== null);
  const calendar = view.calendar();
  return calendar.dueAt(d.receivedAt, timeLimitOf(d.processing, calendar.workingMinutesPerDay), waits);
}

function receive(view: DossierView, cmd: Extract<DossierCommand, { type: 'receiveDossier' }>, now: number, by: string): DossierChange {
  const ticket = requireTicketHeldBy(view, cmd.ticketId, cmd.counterId);
  const procedure = view.procedure(cmd.procedureCode);
  if (!procedure) throw new DomainError('procedure_not_found', { code: cmd.procedureCode });
  if (!isCitizenId(cmd.applicant.idNumber)) throw new DomainError('citizen_id_invalid', { idNumber: cmd.applicant.idNumber });
  const missing = (cmd.missingPapers ?? []).map((m) => m.trim()).filter(Boolean);
  if (cmd.outcome === 'incomplete' && missing.length === 0) throw new DomainError('dossier_missing_list_required');
  if (cmd.outcome === 'refused' && !cmd.reason?.trim()) throw new DomainError('dossier_reason_required');

  const day = dayOf(now, view.settings.timeZone);
  // A province dossier linked earlier may carry the very code this series would give next (the
  // province's system uses the same national format, and a hall may share its agency code).
  // The series skips every code already stored, so the two origins never share a code and the
  // linked dossier is never written over; the skipped numbers are used up with it. Skipping
  // rather than refusing at the store keeps the clerk's reception from failing on a code the
  // citizen in front of them has nothing to do with.
  let seq = view.lastDossierSeq(day) + 1;
  while (seq <= MAX_PER_DAY && view.dossier(dossierCode(view.settings.agencyCode, day, seq))) seq++;
  if (seq > MAX_PER_DAY) throw new DomainError('dossier_series_full', { max: MAX_PER_DAY });
  const status: DossierStatus = cmd.outcome === 'complete' ? 2 : cmd.outcome === 'incomplete' ? 5 : 3;
  const draft: Dossier = {
    code: dossierCode(view.settings.agencyCode, day, seq),
    kind: 'local',
    checkCode: cmd.checkCode,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    serviceId: procedure.serviceId,
    applicant: { ...cmd.applicant, name: cmd.applicant.name.trim(), address: cmd.applicant.address.trim() },
    papers: cmd.papers,
    notes: cmd.notes?.trim() || null,
    status,
    ticketId: ticket.id,
    returnTicketIds: [],
    counterId: cmd.counterId,
    openedAt: now,
    receivedAt: status === 2 ? now : null,
    processing: procedure.processing,
    dueAt: null,
    promisedAt: null,
    waits: [],
    missingPapers: cmd.outcome === 'incomplete' ? missing : [],
    reason: cmd.outcome === 'refused' ? cmd.reason!.trim() : null,
    doneAt: null,
    returnedAt: null,
    steps: [{ status, at: now, by, note: cmd.outcome === 'refused' ? cmd.reason!.trim() : cmd.outcome === 'incomplete' ? missing.join('; ') : null }],
  };
  const dossier = { ...draft, dueAt: dueOf(view, draft) };
  return {
    tickets: [],
    counters: [],
    series: [],
    dossiers: [dossier],
    dossierSeries: [{ day, lastSeq: seq }],
    events: [{ type: 'dossier:changed', data: { dossier, action: 'receive' } }],
  };
}

function link(view: DossierView, cmd: Extract<DossierCommand, { type: 'linkDossier' }>, now: number, by: string): DossierChange {
  const ticket = requireTicketHeldBy(view, cmd.ticketId, cmd.counterId);
  const existing = view.dossier(cmd.code);
  if (existing && existing.kind === 'local') throw new DomainError('dossier_code_taken', { code: cmd.code });
  const name: LocalizedText = { vi: 'Hồ sơ trên hệ thống của tỉnh', en: "Dossier in the province's system" };
  const dossier: Dossier = existing
    ? { ...existing, returnTicketIds: [...existing.returnTicketIds, ticket.id] }
    : {
        code: cmd.code,
        kind: 'linked',
        checkCode: cmd.checkCode,
        procedureCode: null,
        procedureName: name,
        serviceId: ticket.serviceId,
        applicant: null,
        papers: [],
        notes: null,
        status: 2,
        ticketId: ticket.id,
        returnTicketIds: [],
        counterId: cmd.counterId,
        openedAt: now,
        receivedAt: now,
        processing: null,
        dueAt: null,
        promisedAt: null,
        waits: [],
        missingPapers: [],
        reason: null,
        doneAt: null,
        returnedAt: null,
        steps: [{ status: 2, at: now, by, note: null }],
      };
  return changed(dossier, 'link');
}

function change(view: DossierView, cmd: Extract<DossierCommand, { type: 'changeDossier' }>, now: number, by: string): DossierChange {
  const d = requireDossier(view, cmd.code);
  const rule = TRANSITIONS[cmd.action];
  if (!rule.from.includes(d.status)) throw new DomainError('dossier_wrong_status', { code: d.code, action: cmd.action, status: d.status });
  const note = cmd.note?.trim() || null;
  let next: Dossier = { ...d };
  switch (cmd.action) {
    case 'requestPapers': {
      // The citizen is told everything missing at once: one request per dossier.
      if (d.missingPapers.length > 0) throw new DomainError('dossier_papers_asked_once', { code: d.code });
      const missing = (cmd.missingPapers ?? []).map((m) => m.trim()).filter(Boolean);
      if (missing.length === 0) throw new DomainError('dossier_missing_list_required');
      next = { ...next, missingPapers: missing, waits: [...d.waits, { reason: 'papers', from: now, to: null }] };
      break;
    }
    case 'requestFees':
      next = { ...next, waits: [...d.waits, { reason: 'fees', from: now, to: null }] };
      break;
    case 'supplement':
    case 'feesPaid':
      next = { ...next, waits: d.waits.map((w) => (w.to === null ? { ...w, to: now } : w)) };
      break;
    case 'complete':
      next = { ...next, doneAt: now };
      break;
    case 'returnResult':
      next = { ...next, returnedAt: now };
      break;
    case 'stop':
    case 'withdraw':
      if (cmd.action === 'stop' && !note) throw new DomainError('dossier_reason_required');
      next = { ...next, reason: note, waits: d.waits.map((w) => (w.to === null ? { ...w, to: now } : w)) };
      break;
    case 'apologize': {
      // An apology comes before the due date is missed, with a later date.
      if (d.dueAt === null || now > d.dueAt) throw new DomainError('dossier_apology_too_late', { code: d.code });
      if (!cmd.promisedAt || cmd.promisedAt <= d.dueAt) throw new DomainError('dossier_apology_date', { code: d.code });
      if (!note) throw new DomainError('dossier_reason_required');
      next = { ...next, promisedAt: view.calendar().addWorkingMinutes(cmd.promisedAt, 0) };
      break;
    }
    default:
      break;
  }
  let status = rule.to ?? d.status;
  if (cmd.action === 'supplement') {
    // Papers asked for at reception: the dossier is complete now and its clock starts.
    if (d.receivedAt === null) next = { ...next, receivedAt: now, waits: [] };
    status = d.receivedAt === null ? 2 : 4;
  }
  next = { ...next, status, steps: [...d.steps, { status, at: now, by, note }] };
  return changed({ ...next, dueAt: dueOf(view, next) }, cmd.action);
}

/** Tickets still to be served: waiting, called, being served or missed (which may be restored). */
const OPEN_TICKET_STATUSES: ReadonlySet<string> = new Set(['waiting', 'called', 'serving', 'no_show']);

/** "25/11/2026 15:00" in the hall's time zone. */
function hallDateTime(at: number, timeZone: string): string {
  const local = localTime(at, timeZone);
  const [y, m, d] = local.day.split('-');
  return `${d}/${m}/${y} ${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:${String(local.minutes % 60).padStart(2, '0')}`;
}

function returnTicket(view: DossierView, cmd: Extract<DossierCommand, { type: 'returnTicket' }>, now: number): DossierChange {
  const d = requireDossier(view, cmd.code);
  if (FINAL_DOSSIER_STATUSES.has(d.status)) throw new DomainError('dossier_closed', { code: d.code });
  // One number per dossier at a time: asking again gives the same one (the caller answers with it).
  const today = dayOf(now, view.settings.timeZone);
  const open = d.returnTicketIds.map((id) => view.ticket(id)).find((t): t is Ticket => t !== undefined && t.day === today && OPEN_TICKET_STATUSES.has(t.status));
  if (open) throw new DomainError('dossier_return_ticket_open', { code: d.code, number: open.number, ticketId: open.id });
  // A number to collect a result only when there is a result to collect.
  const ready = d.status === 9 || (d.kind === 'linked' && cmd.provinceReady === true);
  if (!ready) {
    const due = d.promisedAt ?? d.dueAt;
    if (due === null) throw new DomainError('dossier_result_not_ready_undated', { code: d.code });
    throw new DomainError('dossier_result_not_ready', { code: d.code, due: hallDateTime(due, view.settings.timeZone) });
  }
  const serviceId = view.settings.returnService ?? d.serviceId;
  if (!serviceId) throw new DomainError('dossier_no_return_service', { code: d.code });
  // The number is taken as any other, by the queue's own rules (hours, daily maximum).
  const issued = applyCommand(view.queue, { type: 'issue', serviceId, priority: null, source: cmd.source }, { now });
  const dossier: Dossier = { ...d, returnTicketIds: [...d.returnTicketIds, issued.tickets[0]!.id] };
  return { ...issued, dossiers: [dossier], dossierSeries: [], events: [...issued.events, { type: 'dossier:changed', data: { dossier, action: 'returnTicket' } }] };
}

export function applyDossierCommand(view: DossierView, command: DossierCommand, { now, by }: { now: number; by: string }): DossierChange {
  switch (command.type) {
    case 'receiveDossier':
      return receive(view, command, now, by);
    case 'linkDossier':
      return link(view, command, now, by);
    case 'changeDossier':
      return change(view, command, now, by);
    case 'returnTicket':
      return returnTicket(view, command, now);
  }
}
