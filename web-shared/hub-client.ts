// The one way pages call the hub over HTTP: JSON in and out, an optional bearer token, and
// every refusal as the hub's bilingual error (status 0 when the hub cannot be reached).

import type { ApiErrorBody } from '../server/contract/events.js';

/** A refusal as a page holds it: the HTTP status and the hub's error body. */
export interface HubFailure {
  status: number;
  error: string;
  message: string;
  messageEn: string;
}

export class HubRequestError extends Error {
  constructor(readonly failure: HubFailure) {
    super(failure.messageEn);
    this.name = 'HubRequestError';
  }
}

const UNREACHABLE: HubFailure = {
  status: 0,
  error: 'unreachable',
  message: 'Không kết nối được hệ thống. Vui lòng thử lại.',
  messageEn: 'Cannot reach the hall system. Please try again.',
};

const UNEXPECTED = {
  message: 'Hệ thống không trả lời đúng. Vui lòng thử lại.',
  messageEn: 'The hall system gave an unexpected answer. Please try again.',
};

export async function hubRequest<T>(method: string, path: string, options: { token?: string | null; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new HubRequestError(UNREACHABLE);
  }
  const data = (await response.json().catch(() => null)) as (T & Partial<ApiErrorBody>) | null;
  if (!response.ok || data === null) {
    const known = data !== null && typeof data.message === 'string';
    throw new HubRequestError({
      status: response.status,
      error: known ? (data.error ?? 'unknown') : 'unknown',
      message: known ? data.message! : UNEXPECTED.message,
      messageEn: known ? (data.messageEn ?? UNEXPECTED.messageEn) : UNEXPECTED.messageEn,
    });
  }
  return data;
}
