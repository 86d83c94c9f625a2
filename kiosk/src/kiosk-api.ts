// The kiosk's calls to the hub, with its token. Failures come back as the hub's own
// bilingual message so the screen can show it as is.

import type { DeviceStatus } from '../../server/contract/events.js';
import type { PublicTicketView as TicketView } from '../../server/contract/events.js';

export interface KioskCredentials {
  device: string;
  token: string;
}

export interface KioskInfo {
  id: string;
  name: { vi: string; en: string };
  ticketsPerMinute: number;
  paperWidth: number;
  printer: DeviceStatus | null;
  phoneBaseUrl: string;
}

export interface PrintOutcome {
  ok: boolean;
  code: string | null;
  message: string | null;
  messageEn: string | null;
}

export interface IssuedTicket {
  ticket: TicketView;
  phoneUrl: string;
  print: PrintOutcome;
}

export interface ApiFailure {
  status: number;
  error: string;
  message: string;
  messageEn: string;
}

export class KioskApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.messageEn);
  }
}

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

async function call<T>(credentials: KioskCredentials, method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${credentials.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new KioskApiError({
      status: 0,
      error: 'network',
      message: 'Không gửi được yêu cầu tới hệ thống. Vui lòng thử lại.',
      messageEn: 'The request could not reach the hall system. Please try again.',
    });
  }
  const data = (await response.json().catch(() => null)) as (T & Partial<ApiFailure>) | null;
  if (!response.ok || data === null) {
    throw new KioskApiError({
      status: response.status,
      error: data?.error ?? 'unknown',
      message: data?.message ?? 'Hệ thống không trả lời đúng. Vui lòng thử lại.',
      messageEn: data?.messageEn ?? 'The hall system gave an unexpected answer. Please try again.',
    });
  }
  return data;
}

export const kioskApi = {
  info: (c: KioskCredentials) => call<KioskInfo>(c, 'GET', '/api/kiosk'),
  issue: (c: KioskCredentials, serviceId: string, priority: string | null) =>
    call<IssuedTicket>(c, 'POST', '/api/kiosk/tickets', { serviceId, priority }),
  reprint: (c: KioskCredentials, ticketId: string) =>
    call<IssuedTicket>(c, 'POST', `/api/kiosk/tickets/${encodeURIComponent(ticketId)}/print`),
};
