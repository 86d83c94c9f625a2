// Routes of dossiers: received at the counter, linked, moved on, read, their slips, and the
// public lookup by code.

import Type, { type Static } from 'typebox';
import { CHECK_CODE_LENGTH, DOSSIER_CODE_PATTERN, DOSSIER_STATUSES, SHORT_CODE_PATTERN, type DossierStatus } from '../../domain/dossier/dossier.js';
import { DOSSIER_ACTIONS } from '../../domain/dossier/dossier-engine.js';
import { PAPER_KINDS } from '../../domain/dossier/procedures.js';
import { DOSSIER_LIST_VIEWS, type DossierFiguresReply, type DossierReply, type LookupReply } from '../dossiers.js';
import { PrintOutcomeSchema, type Same } from '../reply-schemas.js';
import { ProcessingTimeSchema } from './procedures.js';
import { CounterId, Day, Nullable, OneOf, errorResponses, staffErrorResponses, staffOnly, TicketId } from '../route-schemas.js';

/** The slip forms (hardware/slips/slip-content.ts SLIP_FORMS; checked in tests/unit/route-map.test.ts). */
export const SLIP_FORM_NUMBERS = ['01', '02', '03', '04', '05', 'TC'] as const;

const DossierCode = Type.String({ pattern: DOSSIER_CODE_PATTERN, description: 'e.g. 000.00.14.H17-261127-0001' });
const CodeParams = Type.Object({ code: DossierCode });

/** A dossier code as a citizen gives it: whole, or its short form (day and series) where that is unique. */
export const CitizenDossierCode = Type.String({
  pattern: `^(?:${DOSSIER_CODE_PATTERN.slice(1, -1)}|${SHORT_CODE_PATTERN.slice(1, -1)})$`,
  description: 'The whole code (000.00.14.H17-261203-0007) or its short form (261203-0007)',
});
/** The check code printed on the slip; a wrong or missing one finds nothing, as an unknown code does. */
export const CheckCode = Type.String({ pattern: '^[A-Za-z0-9]{1,12}$', description: `The ${CHECK_CODE_LENGTH}-character check code printed on the slip and carried in its QR` });
const Line = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

const DossierReadsQuery = Type.Object(
  {
    day: Type.Optional(Day),
    code: Type.Optional(DossierCode),
    user: Type.Optional(Type.String({ pattern: '^[a-z0-9._-]{2,32}$', description: 'A sign-in name' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'At most this many, newest first (default 200)' })),
  },
  { additionalProperties: false },
);

const DossierReadSchema = Type.Object({
  at: Type.Number({ description: 'When (ms since 1970)' }),
  user: Type.String({ description: 'Sign-in name; "api" for the hub API token' }),
  name: Type.String(),
  code: Type.String(),
  what: Type.Union([Type.Literal('view'), Type.Literal('list'), Type.Literal('slip'), Type.Literal('print')], {
    description: 'view: the full dossier; list: a list with ID numbers; slip: its PDF; print: on a staff printer',
  }),
});

export const ReceiveDossierBody = Type.Object(
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
      Type.Object({ name: Line(200), kind: OneOf(PAPER_KINDS), count: Type.Integer({ minimum: 1, maximum: 20 }), received: Type.Boolean() }, { additionalProperties: false }),
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
    action: OneOf(DOSSIER_ACTIONS),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    missingPapers: Type.Optional(Type.Array(Line(200), { maxItems: 40 })),
    promisedAt: Type.Optional(Type.Integer({ minimum: 0, maximum: 8_640_000_000_000 })),
  },
  { additionalProperties: false },
);

const SlipForm = OneOf(SLIP_FORM_NUMBERS, { description: 'Form number; the first that applies by default' });

const SlipQuery = Type.Object(
  {
    form: Type.Optional(SlipForm),
    size: Type.Optional(Type.Union([Type.Literal('A4'), Type.Literal('A5')])),
  },
  { additionalProperties: false },
);

const FigureKey = (description: string) => Type.String({ minLength: 1, maxLength: 200, description });

const Counts = Type.Object({ due_today: Type.Integer(), overdue: Type.Integer(), papers: Type.Integer(), fees: Type.Integer(), ready: Type.Integer() });
const FigureRowSchema = Type.Object({ key: Type.String(), name: Type.Object({ vi: Type.String(), en: Type.String() }), counts: Counts });
export const DossierFiguresSchema = Type.Object({
  at: Type.Number(),
  totals: Counts,
  byProcedure: Type.Array(FigureRowSchema),
  byReceiver: Type.Array(FigureRowSchema),
  byHolder: Type.Array(FigureRowSchema),
});
const figuresMatch: Same<Static<typeof DossierFiguresSchema>, DossierFiguresReply> = true;
void figuresMatch;

const ListQuery = Type.Object(
  {
    ticketId: Type.Optional(TicketId),
    dueWithinHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 60 })),
    counterId: Type.Optional(CounterId),
    view: Type.Optional(
      OneOf(DOSSIER_LIST_VIEWS, {
        description:
          "The dossier desk's list: open (every open dossier, results not yet handed over included), due_today (due on the hall's today, result not ready), overdue (past its due date, no result), papers (waiting for papers), fees (waiting for fees or duties), ready (result ready to hand over). Soonest due first; with counterId, only that counter's. A ticketId, when given, is read instead.",
      }),
    ),
    procedure: Type.Optional(FigureKey("With a view: only one procedure's dossiers (its code, or its name when it has none), as the console's figures group them")),
    receivedBy: Type.Optional(FigureKey('With a view: only the dossiers this clerk received (their full name)')),
    heldBy: Type.Optional(FigureKey('With a view: only the dossiers whose latest step this clerk took (their full name)')),
  },
  { additionalProperties: false },
);

const PrintSlipBody = Type.Object({ kioskId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }), form: Type.Optional(SlipForm) }, { additionalProperties: false });

const Text = Type.Object({ vi: Type.String(), en: Type.String() });
const Status = Type.Unsafe<DossierStatus>({
  type: 'integer',
  enum: Object.keys(DOSSIER_STATUSES).map(Number),
  description: "The national portal's status code, 1 to 10 (DOSSIER_STATUSES)",
});
const Timeliness = Nullable(OneOf(['early', 'on_time', 'late', 'due', 'overdue'] as const));

/** A dossier in full, as staff read it, with its timeliness. */
export const DossierReplySchema = Type.Object({
  code: Type.String({ description: '<agency code>-<YYMMDD>-<NNNN>, e.g. 000.00.14.H17-261127-0001' }),
  kind: OneOf(['local', 'linked'] as const, { description: "local: opened in luot; linked: received in the province's system" }),
  checkCode: Type.String({ description: "The check code on the citizen's slip, which the public lookup asks for" }),
  procedureCode: Nullable(Type.String()),
  procedureName: Text,
  serviceId: Nullable(Type.String()),
  applicant: Nullable(Type.Object({ name: Type.String(), idNumber: Type.String(), phone: Nullable(Type.String()), address: Type.String() })),
  papers: Type.Array(Type.Object({ name: Type.String(), kind: OneOf(PAPER_KINDS), count: Type.Integer(), received: Type.Boolean() })),
  notes: Nullable(Type.String()),
  status: Status,
  ticketId: Nullable(Type.String()),
  returnTicketIds: Type.Array(Type.String()),
  counterId: Nullable(Type.Integer()),
  openedAt: Type.Number(),
  receivedAt: Nullable(Type.Number()),
  processing: Nullable(ProcessingTimeSchema),
  dueAt: Nullable(Type.Number()),
  promisedAt: Nullable(Type.Number()),
  waits: Type.Array(Type.Object({ reason: OneOf(['papers', 'fees'] as const), from: Type.Number(), to: Nullable(Type.Number()) })),
  missingPapers: Type.Array(Type.String()),
  reason: Nullable(Type.String()),
  doneAt: Nullable(Type.Number()),
  returnedAt: Nullable(Type.Number()),
  steps: Type.Array(Type.Object({ status: Status, at: Type.Number(), by: Type.String(), note: Nullable(Type.String()) })),
  timeliness: Timeliness,
});
const dossierMatches: Same<Static<typeof DossierReplySchema>, DossierReply> = true;
void dossierMatches;

/** What anyone may see of a dossier: the name masked, no ID, no phone, no address. */
export const LookupReplySchema = Type.Object({
  code: Type.String(),
  kind: OneOf(['local', 'linked'] as const),
  procedureName: Text,
  applicant: Nullable(Type.String({ description: 'The name, masked' })),
  status: Status,
  statusWords: Text,
  receivedAt: Nullable(Type.Number()),
  dueAt: Nullable(Type.Number()),
  promisedAt: Nullable(Type.Number()),
  doneAt: Nullable(Type.Number()),
  returnedAt: Nullable(Type.Number()),
  timeliness: Timeliness,
  missingPapers: Type.Array(Type.String({ description: "Papers of the procedure's own list that are missing" })),
  otherMissingPapers: Type.Integer({ description: 'Further missing papers the clerk wrote in words (counted, not shown)' }),
  steps: Type.Array(Type.Object({ status: Status, statusWords: Text, at: Type.Number() })),
  resultAt: Nullable(Type.String()),
  counters: Type.Array(Type.Integer()),
  provinceStatus: Nullable(OneOf(['read', 'unavailable'] as const, { description: "For a dossier of the province's system: whether its status could be read from there now" })),
});
const lookupMatches: Same<Static<typeof LookupReplySchema>, LookupReply> = true;
void lookupMatches;

export const DOSSIER_ROUTES = {
  'POST /api/dossiers': {
    tags: ['dossiers'],
    summary: 'Receive a dossier from the ticket being served: complete (due date), incomplete (papers requested) or refused',
    body: ReceiveDossierBody,
    response: { 201: DossierReplySchema, ...staffErrorResponses },
    security: staffOnly,
  },
  'POST /api/dossiers/link': {
    tags: ['dossiers'],
    summary: "Link the ticket being served to a dossier of the province's system, by its code",
    body: LinkBody,
    response: { 201: DossierReplySchema, ...staffErrorResponses },
    security: staffOnly,
  },
  'POST /api/dossiers/:code/status': {
    tags: ['dossiers'],
    summary: 'Move a dossier on: start, requestPapers, supplement, requestFees, feesPaid, complete, withdraw, stop, returnResult, apologize',
    params: CodeParams,
    body: StatusBody,
    response: { 200: DossierReplySchema, ...staffErrorResponses },
    security: staffOnly,
  },
  'GET /api/dossiers/:code': {
    tags: ['dossiers'],
    summary: 'One dossier in full, with its applicant, papers, steps and timeliness (staff)',
    params: CodeParams,
    response: { 200: DossierReplySchema, ...staffErrorResponses },
    security: staffOnly,
  },
  'GET /api/dossiers': {
    tags: ['dossiers'],
    summary: "A ticket's dossiers, the open dossiers due within some hours, or one of the desk's lists (view); optionally of one counter",
    querystring: ListQuery,
    response: { 200: Type.Array(DossierReplySchema), ...staffErrorResponses },
    security: staffOnly,
  },
  'GET /api/dossiers/figures': {
    tags: ['dossiers'],
    summary:
      "The leader's figures: open dossiers due today, overdue, waiting for papers, waiting for fees, result ready; in all, per procedure, per clerk who received them and per clerk who holds them",
    description:
      "Counted over the dossiers the caller handles (a manager: the centre's), by the desk's lists: each figure is the length of GET /api/dossiers?view=<list> with procedure, receivedBy or heldBy set to the row's key. Counts and names only.",
    querystring: Type.Object({}, { additionalProperties: false }),
    response: { 200: DossierFiguresSchema, ...staffErrorResponses },
    security: staffOnly,
  },
  'GET /api/dossiers/:code/slip.pdf': {
    tags: ['dossiers'],
    summary:
      "A slip as PDF for the office printer: 01 receipt and appointment, 02 missing papers, 03 refusal, 04 apology, 05 stopped, TC lookup slip of a province system's dossier; each with the check code and the QR of the lookup address",
    params: CodeParams,
    querystring: SlipQuery,
    response: { 200: Type.Unsafe<Uint8Array>({ description: 'application/pdf' }), ...staffErrorResponses },
    security: staffOnly,
  },
  'POST /api/dossiers/:code/print': {
    tags: ['dossiers'],
    summary: "Print a slip on a kiosk's thermal printer (the same words as the PDF, on the roll)",
    params: CodeParams,
    body: PrintSlipBody,
    response: { 200: Type.Object({ print: PrintOutcomeSchema }), ...staffErrorResponses },
    security: staffOnly,
  },
  'GET /api/dossier-reads': {
    tags: ['dossiers'],
    summary: "Who read dossiers' personal data, and when (a manager): the full view, a slip, a list with ID numbers",
    querystring: DossierReadsQuery,
    response: { 200: Type.Array(DossierReadSchema), ...staffErrorResponses },
    security: staffOnly,
  },
  'GET /api/lookup/:code': {
    tags: ['dossiers'],
    summary:
      "A dossier's progress for the citizen, by its code (or short form) and the slip's check code: status timeline, due date, where to go; the name masked, no ID, no phone. Without the right check code: 404, as for an unknown code; too many of those from one address: 429",
    params: Type.Object({ code: CitizenDossierCode }),
    querystring: Type.Object({ check: Type.Optional(CheckCode) }, { additionalProperties: false }),
    response: {
      200: LookupReplySchema,
      ...errorResponses,
    },
  },
};
