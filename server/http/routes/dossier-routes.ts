// Dossiers: received at the counter from the ticket being served (or linked to the province
// system's code), their status changes, the clerk's dossiers due soon, and the public lookup
// by code with personal data masked.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { formsFor, slipContent, type SlipForm } from '../../../hardware/slips/slip-content.js';
import { slipPdf } from '../../../hardware/slips/slip-pdf.js';
import type { LookupReply } from '../../contract/dossiers.js';
import { publicDossier, timelinessOf, type Dossier } from '../../domain/dossier.js';
import { DomainError } from '../../domain/errors.js';
import { dayOf } from '../../domain/hall-clock.js';
import { describeProcessing } from '../../domain/procedures.js';
import type { Hub } from '../../hub.js';
import { actorOf } from '../access/access-rules.js';
import type { PrintService } from '../../services/print-service.js';
import { routeOf } from '../route-map.js';

export const dossierRoutes: FastifyPluginAsyncTypebox<{ hub: Hub; printing: PrintService }> = async (app, { hub, printing }) => {
  const day = (at: number) => dayOf(at, hub.live.settings.timeZone);
  const withTimeliness = (d: Dossier) => ({ ...d, timeliness: timelinessOf(d, hub.clock(), day) });
  const stored = (code: string) => {
    const d = hub.dossiers.get(code);
    if (!d) throw new DomainError('dossier_not_found', { code });
    return d;
  };
  /** A slip's words, for the PDF and the thermal roll alike: the form asked for, or the first that applies. */
  const slipFor = async (code: string, asked: SlipForm | undefined) => {
    const d = await hub.queue.read(() => stored(code));
    const form = asked ?? formsFor(d)[0] ?? '01';
    if (!formsFor(d).includes(form)) throw new DomainError('slip_not_applicable', { code: d.code, form });
    const procedure = d.procedureCode ? hub.catalog.find(d.procedureCode) : undefined;
    const content = slipContent(d, form, {
      hallName: hub.live.settings.name,
      timeZone: hub.live.settings.timeZone,
      clerk: d.steps[0]?.by ?? '',
      resultAt: procedure?.resultAt ?? null,
      processingText: procedure ? procedure.processingText || describeProcessing(procedure.processing).vi : null,
      printedAt: hub.clock(),
    });
    return { content, form, code: d.code };
  };
  const lastDossier = (events: { type: string; data: unknown }[]) => (events.findLast((e) => e.type === 'dossier:changed')!.data as { dossier: Dossier }).dossier;

  app.route({
    ...routeOf('POST /api/dossiers'),
    handler: async (request, reply) => {
      const b = request.body;
      const { events } = await hub.queue.execute(
        {
          type: 'receiveDossier',
          counterId: b.counterId,
          ticketId: b.ticketId,
          procedureCode: b.procedureCode,
          applicant: { name: b.applicant.name, idNumber: b.applicant.idNumber, phone: b.applicant.phone ?? null, address: b.applicant.address },
          papers: b.papers,
          notes: b.notes ?? null,
          outcome: b.outcome,
          missingPapers: b.missingPapers ?? [],
          reason: b.reason ?? null,
        },
        actorOf(request.caller),
      );
      return reply.status(201).send(withTimeliness(lastDossier(events)));
    },
  });

  app.route({
    ...routeOf('POST /api/dossiers/link'),
    handler: async (request, reply) => {
      const { counterId, ticketId, code } = request.body;
      const { events } = await hub.queue.execute({ type: 'linkDossier', counterId, ticketId, code }, actorOf(request.caller));
      return reply.status(201).send(withTimeliness(lastDossier(events)));
    },
  });

  app.route({
    ...routeOf('POST /api/dossiers/:code/status'),
    handler: async (request) => {
      const { action, note, missingPapers, promisedAt } = request.body;
      const { events } = await hub.queue.execute(
        { type: 'changeDossier', code: request.params.code, action, note: note ?? null, ...(missingPapers ? { missingPapers } : {}), ...(promisedAt ? { promisedAt } : {}) },
        actorOf(request.caller),
      );
      return withTimeliness(lastDossier(events));
    },
  });

  app.route({
    ...routeOf('GET /api/dossiers/:code'),
    handler: async (request) => hub.queue.read(() => withTimeliness(stored(request.params.code))),
  });

  app.route({
    ...routeOf('GET /api/dossiers'),
    config: { passive: true },
    handler: async (request) => {
      const { ticketId, dueWithinHours, counterId } = request.query;
      return hub.queue.read(() => {
        if (ticketId) return hub.dossiers.ofTicket(ticketId).map(withTimeliness);
        const before = hub.clock() + (dueWithinHours ?? 48) * 3_600_000;
        return hub.dossiers
          .dueBefore(before, 200)
          .filter((d) => counterId === undefined || d.counterId === counterId)
          .map(withTimeliness);
      });
    },
  });

  app.route({
    ...routeOf('GET /api/dossiers/:code/slip.pdf'),
    config: { passive: true },
    handler: async (request, reply) => {
      const { content, form, code } = await slipFor(request.params.code, request.query.form);
      const pdf = await slipPdf(content, request.query.size ?? 'A4');
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${code}-mau-${form}.pdf"`).send(pdf);
    },
  });

  app.route({
    ...routeOf('POST /api/dossiers/:code/print'),
    handler: async (request) => {
      const kiosk = hub.live.kiosks.find((k) => k.id === request.body.kioskId && k.active);
      if (!kiosk) throw new DomainError('kiosk_not_found', { kioskId: request.body.kioskId });
      const { content } = await slipFor(request.params.code, request.body.form);
      return { print: await printing.printSlip(kiosk, content) };
    },
  });

  app.route({
    ...routeOf('GET /api/lookup/:code'),
    handler: async (request): Promise<LookupReply> => {
      const d = await hub.queue.read(() => stored(request.params.code));
      const procedure = d.procedureCode ? hub.catalog.find(d.procedureCode) : undefined;
      const where = { resultAt: procedure?.resultAt ?? null, counters: procedure ? hub.catalog.countersFor(procedure) : [] };
      // A dossier of the province's system: its status is the province's, read now (or lately).
      const sourced = d.kind === 'linked' ? await hub.statusSource.statusOf(d.code) : null;
      const shown = sourced?.available ? { ...d, status: sourced.status, dueAt: sourced.dueAt ?? d.dueAt } : d;
      const provinceStatus = sourced === null ? null : sourced.available ? 'read' : 'unavailable';
      return { ...publicDossier(shown, hub.clock(), day), ...where, provinceStatus };
    },
  });
};
