// The kiosk's calls to the hub, with its token. Failures come back as the hub's own
// bilingual message so the screen can show it as is.

import type { KioskInfo, KioskTicketReply } from '../../server/contract/reply-schemas.js';
import { callHub, HubRequestError, type HubFailure } from '../../web-shared/hub-client.js';

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

/** The pairing code the console's QR code opened this page with (?pair=), then hidden from the address. */
export function takePairingCode(): string | null {
  const params = new URLSearchParams(location.search);
  const code = params.get('pair');
  if (code) history.replaceState(null, '', location.pathname);
  return code;
}

/** Gives the pairing code once and keeps the kiosk's own token it receives. */
export async function pairKiosk(code: string): Promise<KioskCredentials> {
  const paired = await callHub('POST /api/devices/pair', { body: { code } });
  if (paired.kind !== 'kiosk')
    throw new HubRequestError({
      status: 400,
      error: 'not_a_kiosk',
      message: 'Mã ghép nối này dành cho thiết bị khác, không phải máy lấy số.',
      messageEn: 'This pairing code is for another device, not a kiosk.',
    });
  const credentials = { device: paired.id, token: paired.token };
  saveCredentials(credentials);
  return credentials;
}

export const kioskApi = {
  info: (c: KioskCredentials): Promise<KioskInfo> => callHub('GET /api/kiosk', { token: c.token }),
  /** A number to collect a dossier's result, by the code (or its short form) and check code on the slip. */
  returnTicket: (c: KioskCredentials, code: string, check: string): Promise<IssuedTicket> => callHub('POST /api/kiosk/returns', { token: c.token, body: { code, check } }),
  issue: (c: KioskCredentials, serviceId: string, priority: string | null): Promise<IssuedTicket> => callHub('POST /api/kiosk/tickets', { token: c.token, body: { serviceId, priority } }),
  reprint: (c: KioskCredentials, ticketId: string): Promise<IssuedTicket> => callHub('POST /api/kiosk/tickets/:ticketId/print', { token: c.token, params: { ticketId } }),
};
