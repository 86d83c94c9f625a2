// Dossiers: received at the counter from the ticket being served (or linked to the province
// system's code), their status changes, the clerk's dossiers due soon, and the public lookup
// by code with personal data masked.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { formsFor, slipContent, SLIP_FORMS, type SlipForm } from '../../use-cases/dossiers/slips/slip-content.js';
import { slipPdf } from '../../use-cases/dossiers/slips/slip-pdf.js';
import Type from 'typebox';
import type { LookupReply } from '../../contract/dossiers.js';
import { DOSSIER_CODE_PATTERN, publicDossier, timelinessOf, type Dossier } from '../../domain/dossier/dossier.js';
import { DOSSIER_ACTIONS } from '../../domain/dossier/dossier-engine.js';
import { DomainError } from '../../domain/domain-error.js';
import { dayOf } from '../../domain/calendar/hall-clock.js';
import { describeProcessing, PAPER_KINDS } from '../../domain/dossier/procedures.js';
import type { Hub } from '../../hub.js';
import { actorOf } from '../access/access-rules.js';
import type { PrintService } from '../../services/print-service.js';
import { CounterId, Described, errorResponses, PrintOutcomeSchema, staffErrorResponses, TicketId } from '../schemas.js';

const DossierCode = Type.String({ pattern: DOSSIER_CODE_PATTERN, description: 'e.g. 000.00.14.H17-261127-0001' });
const CodeParams = Type.Object({ code: DossierCode });
const Line = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

const ReceiveBody = Type.Object(
  {
    counterId: CounterId,
    ticketId: TicketId,
    procedureCode: Type.String({ pattern: '^[A-Za-z0-9._-]{1,32}$' }),
    applicant: Type.Object(
      {
        name: Line(100),
        idNumber: Type.String({ pattern: '^\\d{12}$', description: 'The 12-digit citizen ID (CCCD)' }),
        phone: Type.Optional(Type.Union([Type.String({ pattern: '^0\\d{9,10}$' }), Type.Null()])),
        address: Line(200),
      },
      { additionalProperties: false },
    ),
    papers: Type.Array(
      Type.Object(
        { name: Line(200), kind: Type.Union(PAPER_KINDS.map((k) => Type.Literal(k))), count: Type.Integer({ minimum: 1, maximum: 20 }), received: Type.Boolean() },
        { additionalProperties: false },
      ),
      { maxItems: 40 },
    ),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    outcome: Type.Union([Type.Literal('complete'), Type.Literal('incomplete'), Type.Literal('refused')]),
    missingPapers: Type.Optional(Type.Array(Line(200), { maxItems: 40 })),
    reason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const LinkBody = Type.Object({ counterId: CounterId, ticketId: TicketId, code: DossierCode }, { additionalProperties: false });

const StatusBody = Type.Object(
  {
    action: Type.Union(DOSSIER_ACTIONS.map((a) => Type.Literal(a))),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    missingPapers: Type.Optional(Type.Array(Line(200), { maxItems: 40 })),
    promisedAt: Type.Optional(Type.Integer({ minimum: 0, maximum: 8_640_000_000_000 })),
  },
  { additionalProperties: false },
);

const SlipQuery = Type.Object(
  {
    form: Type.Optional(Type.Union(SLIP_FORMS.map((f) => Type.Literal(f)), { description: 'Form number; the first that applies by default' })),
    size: Type.Optional(Type.Union([Type.Literal('A4'), Type.Literal('A5')])),
  },
  { additionalProperties: false },
);

const ListQuery = Type.Object(
  {
    ticketId: Type.Optional(TicketId),
    dueWithinHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 60 })),
    counterId: Type.Optional(CounterId),
  },
  { additionalProperties: false },
);

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

  app.post(
    '/api/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Receive a dossier from the ticket being served: complete (due date), incomplete (papers requested) or refused',
        body: ReceiveBody,
        response: { 201: Described('The dossier, with its code and due date'), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request, reply) => {
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
  );

  app.post(
    '/api/dossiers/link',
    {
      schema: {
        tags: ['dossiers'],
        summary: "Link the ticket being served to a dossier of the province's system, by its code",
        body: LinkBody,
        response: { 201: Described('The link kept in luot'), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request, reply) => {
      const { counterId, ticketId, code } = request.body;
      const { events } = await hub.queue.execute({ type: 'linkDossier', counterId, ticketId, code }, actorOf(request.caller));
      return reply.status(201).send(withTimeliness(lastDossier(events)));
    },
  );

  app.post(
    '/api/dossiers/:code/status',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Move a dossier on: start, requestPapers, supplement, requestFees, feesPaid, complete, withdraw, stop, returnResult, apologize',
        params: CodeParams,
        body: StatusBody,
        response: { 200: Described('The dossier after the change'), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request) => {
      const { action, note, missingPapers, promisedAt } = request.body;
      const { events } = await hub.queue.execute(
        { type: 'changeDossier', code: request.params.code, action, note: note ?? null, ...(missingPapers ? { missingPapers } : {}), ...(promisedAt ? { promisedAt } : {}) },
        actorOf(request.caller),
      );
      return withTimeliness(lastDossier(events));
    },
  );

  app.get(
    '/api/dossiers/:code',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'One dossier in full, with its applicant, papers, steps and timeliness (staff)',
        params: CodeParams,
        response: { 200: Described('The dossier'), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request) => hub.queue.read(() => withTimeliness(stored(request.params.code))),
  );

  app.get(
    '/api/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: "A ticket's dossiers, or the open dossiers due within some hours (optionally of one counter)",
        querystring: ListQuery,
        response: { 200: Described('[dossier]'), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
      config: { passive: true },
    },
    async (request) => {
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
  );

  app.get(
    '/api/dossiers/:code/slip.pdf',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'A slip as PDF for the office printer: 01 receipt and appointment, 02 missing papers, 03 refusal, 04 apology, 05 stopped',
        params: CodeParams,
        querystring: SlipQuery,
        response: { 200: Type.Unsafe<Buffer>({ description: 'application/pdf' }), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
      config: { passive: true },
    },
    async (request, reply) => {
      const { content, form, code } = await slipFor(request.params.code, request.query.form);
      const pdf = await slipPdf(content, request.query.size ?? 'A4');
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${code}-mau-${form}.pdf"`).send(pdf);
    },
  );

  app.post(
    '/api/dossiers/:code/print',
    {
      schema: {
        tags: ['dossiers'],
        summary: "Print a slip on a kiosk's thermal printer (the same words as the PDF, on the roll)",
        params: CodeParams,
        body: Type.Object({ kioskId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }), form: Type.Optional(SlipQuery.properties.form) }, { additionalProperties: false }),
        response: { 200: Type.Object({ print: PrintOutcomeSchema }), ...staffErrorResponses },
        security: [{ staff: [] }],
      },
    },
    async (request) => {
      const kiosk = hub.live.kiosks.find((k) => k.id === request.body.kioskId && k.active);
      if (!kiosk) throw new DomainError('kiosk_not_found', { kioskId: request.body.kioskId });
      const { content } = await slipFor(request.params.code, request.body.form);
      return { print: await printing.printSlip(kiosk, content) };
    },
  );

  app.get(
    '/api/lookup/:code',
    {
      schema: {
        tags: ['dossiers'],
        summary: "A dossier's progress for the citizen: status timeline, due date, where to go; the name masked, no ID, no phone",
        params: CodeParams,
        response: { 200: Described('{ code, procedureName, applicant (masked), status, statusWords, steps, dueAt, timeliness, resultAt, counters }'), ...errorResponses },
      },
    },
    async (request): Promise<LookupReply> => {
      const d = await hub.queue.read(() => stored(request.params.code));
      const procedure = d.procedureCode ? hub.catalog.find(d.procedureCode) : undefined;
      const where = { resultAt: procedure?.resultAt ?? null, counters: procedure ? hub.catalog.countersFor(procedure) : [] };
      // A dossier of the province's system: its status is the province's, read now (or lately).
      const sourced = d.kind === 'linked' ? await hub.statusSource.statusOf(d.code) : null;
      const shown = sourced?.available ? { ...d, status: sourced.status, dueAt: sourced.dueAt ?? d.dueAt } : d;
      const provinceStatus = sourced === null ? null : sourced.available ? 'read' : 'unavailable';
      return { ...publicDossier(shown, hub.clock(), day), ...where, provinceStatus };
    },
  );
};
