// A dossier's slip (forms 01-05: receipt and appointment, missing papers, refusal, apology,
// stopped): the same words as a PDF for the office printer and on a kiosk's thermal roll.

import { lookupAddress } from '../../contract/dossiers.js';
import { formsFor, slipContent, type SlipContent, type SlipForm } from './slips/slip-content.js';
import { slipPdf, type PaperSize } from './slips/slip-pdf.js';
import type { PrintOutcome } from '../../contract/events.js';
import type { DossierRepository } from '../../db/dossier-repository.js';
import { DomainError } from '../../domain/domain-error.js';
import type { HallSettings, KioskDef } from '../../domain/hall/hall-definition.js';
import { describeProcessing } from '../../domain/dossier/procedures.js';
import type { PrintService } from '../../services/print-service.js';
import type { ProcedureCatalog } from '../../services/procedure-catalog.js';
import type { CommandRunner } from '../ports.js';
import type { DossierReadKind } from '../../db/dossier-read-log.js';
import { inScope, logRead, type DossierCaller, type DossierScopeDeps, type ReadLogDeps } from './dossier-scope.js';

export interface SlipDeps extends DossierScopeDeps, ReadLogDeps {
  queue: Pick<CommandRunner, 'read'>;
  dossiers: Pick<DossierRepository, 'get'>;
  catalog: Pick<ProcedureCatalog, 'find'>;
  settings: () => Pick<HallSettings, 'name' | 'timeZone'>;
  clock: () => number;
  /** The address phones reach the hub at, for a page that reached it at `host` (the hall's publicUrl first). */
  links: { baseUrl(host: string | undefined): string };
}

export interface Slip {
  content: SlipContent;
  form: SlipForm;
  code: string;
}

/** A slip's words: the form asked for, or the first that applies; read by the caller as `what`. */
export async function dossierSlip(deps: SlipDeps, code: string, asked: SlipForm | undefined, caller: DossierCaller, what: DossierReadKind, host: string | undefined): Promise<Slip> {
  const d = await deps.queue.read(() => inScope(deps, caller, deps.dossiers.get(code), code));
  const form = asked ?? formsFor(d)[0] ?? '01';
  if (!formsFor(d).includes(form)) throw new DomainError('slip_not_applicable', { code: d.code, form });
  const procedure = d.procedureCode ? deps.catalog.find(d.procedureCode) : undefined;
  const settings = deps.settings();
  const content = slipContent(d, form, {
    hallName: settings.name,
    timeZone: settings.timeZone,
    clerk: d.steps[0]?.by ?? '',
    resultAt: procedure?.resultAt ?? null,
    processingText: procedure ? procedure.processingText || describeProcessing(procedure.processing).vi : null,
    printedAt: deps.clock(),
    lookupUrl: lookupAddress(deps.links.baseUrl(host), d.code, d.checkCode),
  });
  logRead(deps, caller, [d], what);
  return { content, form, code: d.code };
}

/** The slip as a PDF, with the file name it is offered under. */
export async function dossierSlipPdf(
  deps: SlipDeps,
  code: string,
  form: SlipForm | undefined,
  size: PaperSize,
  caller: DossierCaller,
  host: string | undefined,
): Promise<{ pdf: Buffer; fileName: string }> {
  const slip = await dossierSlip(deps, code, form, caller, 'slip', host);
  return { pdf: await slipPdf(slip.content, size), fileName: `${slip.code}-mau-${slip.form}.pdf` };
}

export interface PrintSlipDeps extends SlipDeps {
  kiosks: () => readonly KioskDef[];
  printing: Pick<PrintService, 'printSlip'>;
}

/**
 * Prints a slip on a kiosk's thermal printer: only one the hall file marks as standing where
 * only staff reach it (`slips: true`), never a public kiosk, and only a dossier the caller may read.
 */
export async function printDossierSlip(
  deps: PrintSlipDeps,
  code: string,
  kioskId: string,
  form: SlipForm | undefined,
  caller: DossierCaller,
  host: string | undefined,
): Promise<{ print: PrintOutcome }> {
  const kiosk = deps.kiosks().find((k) => k.id === kioskId && k.active);
  if (!kiosk) throw new DomainError('kiosk_not_found', { kioskId });
  if (!kiosk.slips) throw new DomainError('kiosk_not_for_slips', { kioskId });
  const { content } = await dossierSlip(deps, code, form, caller, 'print', host);
  return { print: await deps.printing.printSlip(kiosk, content) };
}
