// The kiosk's calls to the hub, with its token. Failures come back as the hub's own
// bilingual message so the screen can show it as is.

import type { KioskInfo, KioskTicketReply } from '../../server/contract/reply-schemas.js';
import { hubRequest, HubRequestError, type HubFailure } from '../../web-shared/hub-client.js';

export interface KioskCredentials {
  device: string;
  token: string;
}

export type { KioskInfo };
/** A number taken (or printed again) at the kiosk, with what happened to its print. */
export type IssuedTicket = Pick<KioskTicketReply, 'ticket' | 'phoneUrl' | 'print'>;

export type ApiFailure = HubFailure;
export { HubRequestError as KioskApiError };

const STORAGE_KEY = 'luot.kiosk';

/** Credentials from the address (?device=&token=, then hidden from it) or from this browser. */
export function loadCredentials(): KioskCredentials | null {
  const params = new URLSearchParams(location.search);
  const device = params.get('device');
  const token = params.get('token');
  if (device && token) {
    saveCredentials({ device, token });
    history.replaceState(null, '', location.pathname);
    return { device, token };
  }
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as KioskCredentials | null;
    return stored?.token ? stored : null;
  } catch {
    return null;
  }
}

export function saveCredentials(credentials: KioskCredentials | null): void {
  if (credentials) localStorage.setItem(STORAGE_KEY, JSON.stringify(credentials));
  else localStorage.removeItem(STORAGE_KEY);
}

const call = <T>(credentials: KioskCredentials, method: string, path: string, body?: unknown): Promise<T> =>
  hubRequest<T>(method, path, { token: credentials.token, body });

export const kioskApi = {
  info: (c: KioskCredentials) => call<KioskInfo>(c, 'GET', '/api/kiosk'),
  /** A number to collect a dossier's result, by the code on the appointment slip. */
  returnTicket: (c: KioskCredentials, code: string) => call<IssuedTicket>(c, 'POST', '/api/kiosk/returns', { code }),
  issue: (c: KioskCredentials, serviceId: string, priority: string | null) =>
    call<IssuedTicket>(c, 'POST', '/api/kiosk/tickets', { serviceId, priority }),
  reprint: (c: KioskCredentials, ticketId: string) =>
    call<IssuedTicket>(c, 'POST', `/api/kiosk/tickets/${encodeURIComponent(ticketId)}/print`),
};
