// Dossiers: received at the counter from the ticket being served (or linked to the province
// system's code), their status changes, the clerk's dossiers due soon, and the public lookup
// by code with personal data masked.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SLIP_FORMS } from '../../use-cases/dossiers/slips/slip-content.js';
import Type from 'typebox';
import type { LookupReply } from '../../contract/dossiers.js';
import { DOSSIER_CODE_PATTERN } from '../../domain/dossier/dossier.js';
import { DOSSIER_ACTIONS } from '../../domain/dossier/dossier-engine.js';
import { PAPER_KINDS } from '../../domain/dossier/procedures.js';
import type { dossierSlipPdf, printDossierSlip } from '../../use-cases/dossiers/dossier-slip.js';
import type { lookUpDossier } from '../../use-cases/dossiers/lookup-dossier.js';
import type { dossierOf, listDossiers } from '../../use-cases/dossiers/read-dossiers.js';
import type { changeDossierStatus, linkProvinceDossier, receiveDossier } from '../../use-cases/dossiers/receive-dossier.js';
import type { UseCase } from '../../use-cases/ports.js';
import { actorOf } from '../access/access-rules.js';
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

export interface DossierRoutesOptions {
  receiveDossier: UseCase<typeof receiveDossier>;
  linkProvinceDossier: UseCase<typeof linkProvinceDossier>;
  changeDossierStatus: UseCase<typeof changeDossierStatus>;
  dossierOf: UseCase<typeof dossierOf>;
  listDossiers: UseCase<typeof listDossiers>;
  dossierSlipPdf: UseCase<typeof dossierSlipPdf>;
  printDossierSlip: UseCase<typeof printDossierSlip>;
  lookUpDossier: UseCase<typeof lookUpDossier>;
}

export const dossierRoutes: FastifyPluginAsyncTypebox<DossierRoutesOptions> = async (app, options) => {
  const { receiveDossier, linkProvinceDossier, changeDossierStatus, dossierOf, listDossiers, dossierSlipPdf, printDossierSlip, lookUpDossier } = options;

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
    async (request, reply) => reply.status(201).send(await receiveDossier(request.body, actorOf(request.caller))),
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
    async (request, reply) => reply.status(201).send(await linkProvinceDossier(request.body, actorOf(request.caller))),
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
    async (request) => changeDossierStatus(request.params.code, request.body, actorOf(request.caller)),
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
    async (request) => dossierOf(request.params.code),
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
    async (request) => listDossiers(request.query),
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
      const { pdf, fileName } = await dossierSlipPdf(request.params.code, request.query.form, request.query.size ?? 'A4');
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
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
    async (request) => printDossierSlip(request.params.code, request.body.kioskId, request.body.form),
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
    async (request): Promise<LookupReply> => lookUpDossier(request.params.code),
  );
};
