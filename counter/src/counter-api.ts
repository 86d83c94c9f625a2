// The counter page's calls to the hub. A refusal comes back as the hub's bilingual message;
// a 401 means the session is gone and the page returns to sign-in.

import type { DossierAction, DossierReply } from '../../server/contract/dossiers.js';
import type { Ticket } from '../../server/contract/events.js';
import type { CounterAction } from '../../server/contract/page-rules.js';
import type { RouteBody, RouteKey } from '../../server/contract/routes.js';
import { currentStaffSession, signOutStaff } from '../../web-shared/staff-session.js';
import { callHub, callHubForFile, HubRequestError, type HubCall, type HubFailure } from '../../web-shared/hub-client.js';

/** A clerk's token and session (web-shared/staff-sign-in.tsx signs in and keeps it). */
export type { StoredSession } from '../../web-shared/staff-sign-in.js';

export type ApiFailure = HubFailure;
export { HubRequestError as ApiError };

export const signOut = signOutStaff;
export const currentSession = currentStaffSession;
/** The counter's own view (held ticket, pause reason, waiting list); reading it does not keep the session alive. */
export const counterDetail = (token: string, counterId: number) => callHub('GET /api/counters/:counterId', { token, params: { counterId } });
export const allServices = () => callHub('GET /api/services');
export const allCounters = () => callHub('GET /api/counters');

/** The route behind each button; the page adds the ticket it acts on. */
const COMMAND_ROUTES = {
  callNext: 'POST /api/counters/:counterId/call-next',
  recall: 'POST /api/counters/:counterId/recall',
  start: 'POST /api/counters/:counterId/start',
  noShow: 'POST /api/counters/:counterId/no-show',
  finish: 'POST /api/counters/:counterId/finish',
  transfer: 'POST /api/counters/:counterId/transfer',
  pause: 'POST /api/counters/:counterId/pause',
  resume: 'POST /api/counters/:counterId/resume',
} as const satisfies Record<CounterAction | 'resume', RouteKey>;

export type CommandAction = keyof typeof COMMAND_ROUTES;
/** The options a button's command takes, e.g. { finishCurrent } for callNext, { reason } for pause. */
export type CommandBody<A extends CommandAction> = RouteBody<(typeof COMMAND_ROUTES)[A]>;
type CommandRoute = (typeof COMMAND_ROUTES)[CommandAction];

export function counterCommand<A extends CommandAction>(token: string, counterId: number, action: A, body: CommandBody<A>) {
  // Every command route takes the counter in its path and answers alike; the body is the action's own.
  const call = { token, params: { counterId }, body } as HubCall<CommandRoute>;
  return callHub<CommandRoute>(COMMAND_ROUTES[action], call);
}

/** Calls one waiting ticket (or a no-show still restorable) out of turn. */
export const callTicket = (token: string, counterId: number, ticketId: string) => callHub('POST /api/counters/:counterId/call', { token, params: { counterId }, body: { ticketId } });
/** Ticket commands answer with the ticket's view; the desk needs the ticket. */
const ticketOfView = (reply: { seq: number; ticket: { ticket: Ticket } }) => ({ seq: reply.seq, ticket: reply.ticket.ticket });
export const restoreTicket = (token: string, ticketId: string) => callHub('POST /api/tickets/:ticketId/restore', { token, params: { ticketId }, body: {} }).then(ticketOfView);
export const cancelTicket = (token: string, ticketId: string, reason: string) =>
  callHub('POST /api/tickets/:ticketId/cancel', { token, params: { ticketId }, body: { reason } }).then(ticketOfView);
/** Today's no-shows (every counter's; the page keeps its own). */
export const noShowsToday = (token: string) => callHub('GET /api/tickets', { token, query: { status: 'no_show' } });

// ---- dossiers ----

export const dossiersOfTicket = (token: string, ticketId: string) => callHub('GET /api/dossiers', { token, query: { ticketId } });
/** This counter's open dossiers due within the next hours, soonest first. */
export const dossiersDueSoon = (token: string, counterId: number, hours = 48) => callHub('GET /api/dossiers', { token, query: { dueWithinHours: hours, counterId } });
export const searchProcedures = (query: string) => callHub('GET /api/procedures', { query: { q: query } });
export const receiveDossier = (token: string, body: RouteBody<'POST /api/dossiers'>): Promise<DossierReply> => callHub('POST /api/dossiers', { token, body });
export const changeDossier = (token: string, code: string, action: DossierAction, body: Omit<RouteBody<'POST /api/dossiers/:code/status'>, 'action'> = {}) =>
  callHub('POST /api/dossiers/:code/status', { token, params: { code }, body: { action, ...body } });

/** Opens a slip's PDF in a new tab (the request carries the clerk's token, so not a plain link). */
export async function openSlip(token: string, code: string): Promise<void> {
  const pdf = await callHubForFile('GET /api/dossiers/:code/slip.pdf', { token, params: { code } });
  window.open(URL.createObjectURL(pdf), '_blank');
}
