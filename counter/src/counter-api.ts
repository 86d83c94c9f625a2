// The counter page's calls to the hub. A refusal comes back as the hub's bilingual message;
// a 401 means the session is gone and the page returns to sign-in.

import type { DossierAction, DossierReply, ProcedureGuideEntry } from '../../server/contract/dossiers.js';
import type { CounterChoice, SignInReply } from '../../server/contract/reply-schemas.js';
import type { CounterDetail, PublicCounterView, ServiceSummary, SessionView, Ticket, TicketView } from '../../server/contract/events.js';
import type { CounterAction } from '../../server/contract/page-rules.js';
import { hubRequest, HubRequestError, type HubFailure } from '../../web-shared/hub-client.js';

/** A clerk's token and session, as the sign-in answered them (kept for the page's life). */
export type StoredSession = SignInReply;

export type ApiFailure = HubFailure;
export { HubRequestError as ApiError };

/** A call to the hub with the clerk's token (null: none). */
export const request = <T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> => hubRequest<T>(method, path, { token, body });

export type { CounterChoice };

export const counterChoices = () => request<CounterChoice[]>('GET', '/api/staff/counters', null);
export const signIn = (user: string, password: string, counterId: number) =>
  request<StoredSession>('POST', '/api/staff/sign-in', null, { user, password, counterId });
export const signOut = (token: string) => request<{ closedCounter: boolean }>('POST', '/api/staff/sign-out', token, {});
export const currentSession = (token: string) => request<SessionView>('GET', '/api/staff/session', token);
/** The counter's own view (held ticket, pause reason, waiting list); reading it does not keep the session alive. */
export const counterDetail = (token: string, counterId: number) => request<CounterDetail>('GET', `/api/counters/${counterId}`, token);
export const allServices = () => request<ServiceSummary[]>('GET', '/api/services', null);
export const allCounters = () => request<PublicCounterView[]>('GET', '/api/counters', null);

/** The route behind each button; the page adds the ticket it acts on. */
const ROUTES: Record<CounterAction | 'resume', string> = {
  callNext: 'call-next',
  recall: 'recall',
  start: 'start',
  noShow: 'no-show',
  finish: 'finish',
  transfer: 'transfer',
  pause: 'pause',
  resume: 'resume',
};

export function counterCommand(token: string, counterId: number, action: keyof typeof ROUTES, body: Record<string, unknown> = {}) {
  return request<{ seq: number; ticket: Ticket | null }>('POST', `/api/counters/${counterId}/${ROUTES[action]}`, token, body);
}

/** Calls one waiting ticket (or a no-show still restorable) out of turn. */
export const callTicket = (token: string, counterId: number, ticketId: string) =>
  request<{ seq: number; ticket: Ticket | null }>('POST', `/api/counters/${counterId}/call`, token, { ticketId });
/** Ticket commands answer with the ticket's view; the desk needs the ticket. */
const ticketOfView = (reply: { seq: number; ticket: TicketView }) => ({ seq: reply.seq, ticket: reply.ticket.ticket });
export const restoreTicket = (token: string, ticketId: string) =>
  request<{ seq: number; ticket: TicketView }>('POST', `/api/tickets/${encodeURIComponent(ticketId)}/restore`, token, {}).then(ticketOfView);
export const cancelTicket = (token: string, ticketId: string, reason: string) =>
  request<{ seq: number; ticket: TicketView }>('POST', `/api/tickets/${encodeURIComponent(ticketId)}/cancel`, token, { reason }).then(ticketOfView);
/** Today's no-shows (every counter's; the page keeps its own). */
export const noShowsToday = (token: string) => request<Ticket[]>('GET', '/api/tickets?status=no_show', token);

// ---- dossiers ----

export const dossiersOfTicket = (token: string, ticketId: string) => request<DossierReply[]>('GET', `/api/dossiers?ticketId=${encodeURIComponent(ticketId)}`, token);
/** This counter's open dossiers due within the next hours, soonest first. */
export const dossiersDueSoon = (token: string, counterId: number, hours = 48) =>
  request<DossierReply[]>('GET', `/api/dossiers?dueWithinHours=${hours}&counterId=${counterId}`, token);
export const searchProcedures = (query: string) => request<ProcedureGuideEntry[]>('GET', `/api/procedures?q=${encodeURIComponent(query)}`, null);
export const receiveDossier = (token: string, body: Record<string, unknown>) => request<DossierReply>('POST', '/api/dossiers', token, body);
export const changeDossier = (token: string, code: string, action: DossierAction, body: Record<string, unknown> = {}) =>
  request<DossierReply>('POST', `/api/dossiers/${encodeURIComponent(code)}/status`, token, { action, ...body });

/** Opens a slip's PDF in a new tab (the request carries the clerk's token, so not a plain link). */
export async function openSlip(token: string, code: string): Promise<void> {
  const response = await fetch(`/api/dossiers/${encodeURIComponent(code)}/slip.pdf`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new HubRequestError({ status: response.status, error: 'slip', message: 'Chưa in được phiếu.', messageEn: 'The slip could not be made.' });
  window.open(URL.createObjectURL(await response.blob()), '_blank');
}
