// The status of a dossier received in the province's own system, read from that system for the
// lookup terminal: one HTTP GET per code (the hall file names the address and the JSON fields),
// with a timeout, a cache, and a plain "not available" when it is down.

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
      const response = await fetch(s.url.replace('{code}', encodeURIComponent(code)), { signal: AbortSignal.timeout(s.timeoutMs), headers: { accept: 'application/json' } });
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
