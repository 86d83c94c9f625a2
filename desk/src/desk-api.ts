// The dossier desk's calls to the hub. A refusal comes back as the hub's bilingual message;
// a 401 means the session is gone and the page returns to sign-in.

import type { DossierAction, DossierListView } from '../../server/contract/dossiers.js';
import type { RouteBody } from '../../server/contract/routes.js';
import { callHub, callHubForFile } from '../../web-shared/hub-client.js';

export { HubRequestError as ApiError } from '../../web-shared/hub-client.js';

export const currentSession = (token: string) => callHub('GET /api/staff/session', { token });
export const signOut = (token: string) => callHub('POST /api/staff/sign-out', { token });

/** One of the desk's lists, optionally only one counter's. */
export const dossierList = (token: string, view: DossierListView, counterId: number | null) =>
  callHub('GET /api/dossiers', { token, query: counterId === null ? { view } : { view, counterId } });
export const dossierByCode = (token: string, code: string) => callHub('GET /api/dossiers/:code', { token, params: { code } });

export type StepBody = Omit<RouteBody<'POST /api/dossiers/:code/status'>, 'action'>;
export const takeStep = (token: string, code: string, action: DossierAction, body: StepBody = {}) =>
  callHub('POST /api/dossiers/:code/status', { token, params: { code }, body: { action, ...body } });

export type SlipForm = '01' | '02' | '03' | '04' | '05' | 'TC';
/** Opens a slip's PDF in a new tab for the office printer (the request carries the clerk's token, so not a plain link). */
export async function openSlip(token: string, code: string, form: SlipForm): Promise<void> {
  const pdf = await callHubForFile('GET /api/dossiers/:code/slip.pdf', { token, params: { code }, query: { form } });
  window.open(URL.createObjectURL(pdf), '_blank');
}
