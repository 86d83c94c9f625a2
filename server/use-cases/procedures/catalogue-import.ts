// An admin's import of the procedures catalogue in two steps: the uploaded CSV or XLSX is
// checked and compared with the running catalogue (added, changed field by field, removed)
// without changing anything; then the admin applies exactly that preview, and only if the
// catalogue has not changed in between. Applying is logged (catalog:replaced) with who did it.
// Dossiers already received keep the procedure's name and legal time they were received with.

import { createHash, randomUUID } from 'node:crypto';
import { CatalogError, type CatalogProblem, catalogFromCsv, catalogFromXlsx, catalogToCsv, catalogToXlsx, papersCode, problemLine, processingCode } from '../../config/procedure-file.js';
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/domain-error.js';
import type { Procedure } from '../../domain/dossier/procedures.js';
import type { LocalizedText } from '../../domain/localized-text.js';
import type { LiveState } from '../../services/live-state.js';
import type { ProcedureCatalog } from '../../services/procedure-catalog.js';
import type { QueueService } from '../../services/queue-service.js';
import { PendingPreviews } from '../pending-previews.js';

export type CatalogueFormat = 'csv' | 'xlsx';

/** The largest catalogue file taken: the national list of a ward's procedures is far smaller. */
export const MAX_CATALOGUE_BYTES = 2_000_000;
/** How long a preview may wait for its confirmation. */
export const PREVIEW_TTL_MS = 30 * 60_000;
const MAX_PREVIEWS = 20;

/** A refused upload, with each reason and its row. */
export class CatalogueRefusal extends DomainError {
  constructor(readonly problems: CatalogProblem[]) {
    super('catalog_invalid', { problems: problems.map((p) => problemLine(p, 'en')).join('\n'), problemsVi: problems.map((p) => problemLine(p, 'vi')).join('\n') });
  }
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface CataloguePreview {
  /** Give it back to apply this preview. */
  previewId: string;
  /** The running catalogue the preview was made against (a hash of it). */
  baseHash: string;
  /** Procedures in the file. */
  count: number;
  unchanged: number;
  added: { code: string; name: LocalizedText }[];
  changed: { code: string; name: LocalizedText; fields: FieldChange[] }[];
  removed: { code: string; name: LocalizedText }[];
  expiresAt: number;
}

interface Pending {
  preview: CataloguePreview;
  list: Procedure[];
}

/** Previews waiting for their confirmation, in memory: a restart forgets them (preview again). */
export class CataloguePreviews extends PendingPreviews<Pending> {
  constructor() {
    super(MAX_PREVIEWS);
  }
}

/** A hash of a catalogue as it runs: the same list gives the same hash. */
export function catalogueHash(list: readonly Procedure[]): string {
  return createHash('sha256').update(JSON.stringify(list)).digest('hex').slice(0, 32);
}

/** Each field a person reads, as text, to say what a new version of a procedure changes. */
const FIELDS: [string, (p: Procedure) => string][] = [
  ['name', (p) => p.name.vi],
  ['nameEn', (p) => p.name.en],
  ['nationalCode', (p) => p.nationalCode ?? ''],
  ['serviceId', (p) => p.serviceId],
  ['field', (p) => p.field],
  ['processing', (p) => processingCode(p.processing)],
  ['processingText', (p) => p.processingText],
  ['fee', (p) => p.fee.text],
  ['feeVnd', (p) => (p.fee.amountVnd === null ? '' : String(p.fee.amountVnd))],
  ['resultAt', (p) => p.resultAt],
  ['legalBasis', (p) => p.legalBasis],
  ['papers', (p) => papersCode(p.papers)],
];

export function compareCatalogues(running: readonly Procedure[], next: readonly Procedure[]) {
  const before = new Map(running.map((p) => [p.code, p]));
  const after = new Set(next.map((p) => p.code));
  const added: CataloguePreview['added'] = [];
  const changed: CataloguePreview['changed'] = [];
  let unchanged = 0;
  for (const p of next) {
    const old = before.get(p.code);
    if (!old) {
      added.push({ code: p.code, name: p.name });
      continue;
    }
    const fields = FIELDS.map(([field, text]) => ({ field, before: text(old), after: text(p) })).filter((f) => f.before !== f.after);
    if (fields.length > 0) changed.push({ code: p.code, name: p.name, fields });
    else unchanged++;
  }
  const removed = running.filter((p) => !after.has(p.code)).map((p) => ({ code: p.code, name: p.name }));
  return { added, changed, removed, unchanged };
}

export interface CatalogueImportDeps {
  catalog: Pick<ProcedureCatalog, 'all' | 'replace'>;
  live: Pick<LiveState, 'service'>;
  queue: Pick<QueueService, 'read' | 'record'>;
  previews: CataloguePreviews;
  clock: () => number;
}

function parseUpload(format: CatalogueFormat, data: string): Procedure[] {
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length === 0) throw new CatalogueRefusal([{ row: null, message: 'Tệp tải lên trống.', messageEn: 'The uploaded file is empty.' }]);
  if (bytes.length > MAX_CATALOGUE_BYTES) {
    throw new CatalogueRefusal([{ row: null, message: `Tệp lớn quá ${MAX_CATALOGUE_BYTES / 1_000_000} MB.`, messageEn: `The file is larger than ${MAX_CATALOGUE_BYTES / 1_000_000} MB.` }]);
  }
  try {
    return format === 'xlsx' ? catalogFromXlsx(bytes, 'the uploaded XLSX') : catalogFromCsv(bytes.toString('utf8'), 'the uploaded CSV');
  } catch (error) {
    if (error instanceof CatalogError) throw new CatalogueRefusal(error.details);
    throw error;
  }
}

/** Checks an uploaded catalogue and says what applying it would change; changes nothing. */
export async function previewCatalogue(deps: CatalogueImportDeps, upload: { format: CatalogueFormat; data: string }): Promise<CataloguePreview> {
  const list = parseUpload(upload.format, upload.data);
  const unknown = list.filter((p) => !deps.live.service(p.serviceId));
  if (unknown.length > 0) {
    throw new CatalogueRefusal(
      unknown.slice(0, 20).map((p) => ({
        row: null,
        message: `Thủ tục ${p.code}: sảnh không có dịch vụ "${p.serviceId}".`,
        messageEn: `Procedure ${p.code}: the hall has no service "${p.serviceId}".`,
      })),
    );
  }
  return deps.queue.read(() => {
    const running = deps.catalog.all();
    const now = deps.clock();
    const preview: CataloguePreview = {
      previewId: randomUUID(),
      baseHash: catalogueHash(running),
      count: list.length,
      ...compareCatalogues(running, list),
      expiresAt: now + PREVIEW_TTL_MS,
    };
    deps.previews.keep({ preview, list }, now);
    return preview;
  });
}

/** Applies a preview as it was shown, unless the catalogue changed since; logged with who applied it. */
export async function applyCatalogue(deps: CatalogueImportDeps, previewId: string, by: Actor): Promise<{ count: number; added: number; changed: number; removed: number }> {
  const pending = deps.previews.take(previewId, deps.clock());
  if (!pending) throw new DomainError('catalog_preview_not_found');
  const { preview, list } = pending;
  const codes = { added: preview.added.map((p) => p.code), changed: preview.changed.map((p) => p.code), removed: preview.removed.map((p) => p.code) };
  await deps.queue.record([{ type: 'catalog:replaced', data: { count: list.length, ...codes } }], by, () => {
    // Checked as the change is written: nothing can come between the check and the change.
    if (catalogueHash(deps.catalog.all()) !== preview.baseHash) throw new DomainError('catalog_preview_stale');
    deps.catalog.replace(list);
  });
  deps.previews.forget(previewId);
  return { count: list.length, added: codes.added.length, changed: codes.changed.length, removed: codes.removed.length };
}

/** The running catalogue as a file; no cell starts like a formula. */
export async function exportCatalogue(deps: Pick<CatalogueImportDeps, 'catalog' | 'queue'>, format: CatalogueFormat): Promise<{ fileName: string; type: string; body: Buffer }> {
  const list = await deps.queue.read(() => deps.catalog.all());
  return format === 'xlsx'
    ? { fileName: 'thu-tuc.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: catalogToXlsx(list) }
    : { fileName: 'thu-tuc.csv', type: 'text/csv; charset=utf-8', body: Buffer.from(catalogToCsv(list), 'utf8') };
}
