// The one way pages call the hub over HTTP: callHub('POST /api/tickets', { body, token }) names a
// route of the route map (server/contract/routes.ts), whose schemas give the types of the path's
// params, the query, the body and the reply. A wrong body or a misspelt field is a type error in
// the page. Only types come from the map: no schema code reaches a page's bundle.
// Every refusal comes back as the hub's bilingual error (status 0 when the hub cannot be reached).

import type { ApiErrorBody } from '../server/contract/events.js';
import type { RouteBody, RouteKey, RouteParams, RouteQuery, RouteReply } from '../server/contract/routes.js';

export type { RouteKey, RouteReply };

/** A refusal as a page holds it: the HTTP status and the hub's error body. */
export interface HubFailure {
  status: number;
  error: string;
  message: string;
  messageEn: string;
  /** A configuration refused: each field wrong (e.g. services.DD.color), and why. */
  fields?: ApiErrorBody['fields'];
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

/** An object with no fields: `Empty extends T` holds when every field of T is optional. */
type Empty = Record<never, never>;

/** A part the route has (required unless every field in it is optional), or none. */
type Part<Name extends string, T> = [T] extends [undefined] ? { [P in Name]?: never } : Empty extends T ? { [P in Name]?: T } : { [P in Name]: T };

/** What a call gives: the path's params, the query and the body the route takes, and a credential. */
export type HubCall<K extends RouteKey> = Part<'params', RouteParams<K>> &
  Part<'query', RouteQuery<K>> &
  Part<'body', RouteBody<K>> & {
    /** Sent as Authorization: Bearer <token>; none when null. */
    token?: string | null;
  };

/** The call's argument may be left out when the route needs nothing. */
type CallArgs<K extends RouteKey> = Empty extends HubCall<K> ? [call?: HubCall<K>] : [call: HubCall<K>];

/** The address of a route: its :params filled in, its query appended. */
export function routeUrl(route: RouteKey, params?: object, query?: object): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const path = route.slice(route.indexOf(' ') + 1).replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(String(values[name])));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) search.set(name, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

async function send(route: RouteKey, call: HubCall<RouteKey> | undefined): Promise<Response> {
  const body = (call as { body?: unknown } | undefined)?.body;
  try {
    return await fetch(routeUrl(route, call?.params, call?.query), {
      method: route.slice(0, route.indexOf(' ')),
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(call?.token ? { authorization: `Bearer ${call.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new HubRequestError(UNREACHABLE);
  }
}

function refusal(status: number, data: Partial<ApiErrorBody> | null): HubRequestError {
  const known = data !== null && typeof data.message === 'string';
  return new HubRequestError({
    status,
    error: known ? (data.error ?? 'unknown') : 'unknown',
    message: known ? data.message! : UNEXPECTED.message,
    messageEn: known ? (data.messageEn ?? UNEXPECTED.messageEn) : UNEXPECTED.messageEn,
    ...(known && Array.isArray(data.fields) ? { fields: data.fields } : {}),
  });
}

/** Calls a route of the hub and gives its JSON reply, or throws HubRequestError. */
export async function callHub<K extends RouteKey>(route: K, ...[call]: CallArgs<K>): Promise<RouteReply<K>> {
  const response = await send(route, call as HubCall<RouteKey> | undefined);
  const data = (await response.json().catch(() => null)) as (RouteReply<K> & Partial<ApiErrorBody>) | null;
  if (!response.ok || data === null) throw refusal(response.status, data);
  return data;
}

/** Calls a route that answers with a file (a slip's PDF) and gives it as a Blob, or throws HubRequestError. */
export async function callHubForFile<K extends RouteKey>(route: K, ...[call]: CallArgs<K>): Promise<Blob> {
  const response = await send(route, call as HubCall<RouteKey> | undefined);
  if (!response.ok) throw refusal(response.status, (await response.json().catch(() => null)) as Partial<ApiErrorBody> | null);
  return response.blob();
}
