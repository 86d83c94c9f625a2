// The status of a dossier received in the province's own system, read from that system for the
// lookup terminal: one HTTP GET per code (the hall file names the address and the JSON fields),
// with a timeout, a cache, and a plain "not available" when it is down.
//
// The address and headers may hold secrets (a key in the query, a user:password before the
// host, a token header). They stay on the hub: public shapes leave the source out altogether,
// and where someone must see it is set (the start log), it is shown masked.

import type { DossierStatus, StatusSourceSettings } from '../domain/dossier/dossier.js';

export type SourcedStatus = { available: true; status: DossierStatus; dueAt: number | null } | { available: false };

function pick(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data);
}

/** The portal status a source's reply names, or null when it cannot be read. */
export function statusFromReply(data: unknown, settings: Pick<StatusSourceSettings, 'statusField' | 'dueField' | 'statusMap'>): { status: DossierStatus; dueAt: number | null } | null {
  const raw = pick(data, settings.statusField);
  if (raw === undefined || raw === null) return null;
  const mapped = settings.statusMap[String(raw)] ?? Number(raw);
  if (!Number.isInteger(mapped) || mapped < 1 || mapped > 10) return null;
  const due = settings.dueField ? pick(data, settings.dueField) : null;
  const dueAt = typeof due === 'number' ? due : typeof due === 'string' && !Number.isNaN(Date.parse(due)) ? Date.parse(due) : null;
  return { status: mapped as DossierStatus, dueAt };
}

/** What hides a secret where a setting is shown. */
export const MASK = '***';

/**
 * The address as it may be shown: a user:password before the host and every query value
 * become ***, so do a fragment's; the {code} mark stays. A key written into the path cannot be
 * told from the path and is shown: put keys in the query, a header or user:password.
 */
export function maskedAddress(url: string): string {
  const match = /^([a-z]+:\/\/)(?:([^/?#]*)@)?([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(url);
  if (!match) return MASK;
  const [, scheme, userInfo, rest, query, fragment] = match;
  const user = userInfo === undefined ? '' : userInfo.includes(':') ? `${userInfo.slice(0, userInfo.indexOf(':'))}:${MASK}@` : `${MASK}@`;
  const params = query
    ? `?${query
        .slice(1)
        .split('&')
        .map((pair) => {
          const at = pair.indexOf('=');
          if (at < 0) return pair;
          const value = pair.slice(at + 1);
          return value === '{code}' ? pair : `${pair.slice(0, at)}=${MASK}`;
        })
        .join('&')}`
    : '';
  return `${scheme}${user}${rest}${params}${fragment ? `#${MASK}` : ''}`;
}

/** The source's settings as they may be shown (the start log): the address masked, header values hidden. */
export function shownStatusSource(s: StatusSourceSettings): Omit<StatusSourceSettings, 'headers'> & { headers: Record<string, string> } {
  return { ...s, url: maskedAddress(s.url), headers: Object.fromEntries(Object.keys(s.headers ?? {}).map((name) => [name, MASK])) };
}

/**
 * The request for one code: the address without its user:password, which is sent as basic
 * authentication (fetch refuses an address holding credentials), and the hall file's headers.
 */
export function sourceRequest(s: Pick<StatusSourceSettings, 'url' | 'headers'>, code: string): { url: string; headers: Record<string, string> } {
  const url = new URL(s.url.replace('{code}', encodeURIComponent(code)));
  const headers: Record<string, string> = { accept: 'application/json', ...s.headers };
  if (url.username || url.password) {
    const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  return { url: url.href, headers };
}

export class StatusSource {
  private readonly cache = new Map<string, { at: number; value: SourcedStatus }>();

  constructor(
    private readonly settings: () => StatusSourceSettings | null,
    private readonly clock: () => number,
  ) {}

  /** The province's status of a code; null when the hall names no source. */
  async statusOf(code: string): Promise<SourcedStatus | null> {
    const s = this.settings();
    if (!s) return null;
    const cached = this.cache.get(code);
    if (cached && this.clock() - cached.at < s.cacheSeconds * 1000) return cached.value;
    let value: SourcedStatus = { available: false };
    try {
      const request = sourceRequest(s, code);
      const response = await fetch(request.url, { signal: AbortSignal.timeout(s.timeoutMs), headers: request.headers });
      if (response.ok) {
        const read = statusFromReply(await response.json(), s);
        if (read) value = { available: true, ...read };
      }
    } catch {
      // Down, slow or not JSON: the terminal says the province's status is not available now.
    }
    // A failure is remembered briefly too, so a dead source does not slow every lookup.
    this.cache.set(code, { at: this.clock(), value });
    if (this.cache.size > 5000) this.cache.delete(this.cache.keys().next().value!);
    return value;
  }
}
