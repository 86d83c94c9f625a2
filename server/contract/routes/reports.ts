// Routes of the manager's reading: the day report, closing the day, backups and the event log.

import Type, { type Static } from 'typebox';
import type { HallEventType } from '../events.js';
import type { DayReport } from '../../domain/report/day-report.js';
import { ClerkBody, Day, EventsQuery, Nullable, ReportQuery, staffErrorResponses, staffOnly } from '../route-schemas.js';
import type { Same } from '../reply-schemas.js';

/** One entry of the event log as staff read it. */
export const EventLogEntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Type.Number(),
  type: Type.Unsafe<HallEventType>({ type: 'string', description: 'The kind of change, e.g. ticket:called' }),
  ticketId: Nullable(Type.String()),
  counterId: Nullable(Type.Integer()),
  serviceId: Nullable(Type.String()),
  actor: Nullable(Type.String()),
  data: Type.Unknown({ description: 'What the change set (server/domain/log-entry.ts)' }),
});

const ReportLine = {
  issued: Type.Integer(),
  done: Type.Integer(),
  noShow: Type.Integer(),
  cancelled: Type.Integer(),
  notServed: Type.Integer(),
  open: Type.Integer({ description: 'Still waiting or at a counter (only while the day is running)' }),
  averageWaitSeconds: Nullable(Type.Number({ description: 'From taking the number to being called, over called tickets' })),
  averageServiceSeconds: Nullable(Type.Number({ description: 'At the counter, over finished tickets' })),
};

export const DayReportSchema = Type.Object({
  day: Day,
  total: Type.Object(ReportLine),
  services: Type.Array(Type.Object({ serviceId: Type.String(), ...ReportLine })),
  counters: Type.Array(Type.Object({ counterId: Type.Integer(), done: Type.Integer(), noShow: Type.Integer(), averageServiceSeconds: Nullable(Type.Number()) })),
});
const dayReportMatches: Same<Static<typeof DayReportSchema>, DayReport> = true;
void dayReportMatches;

export const REPORT_ROUTES = {
  'GET /api/reports/day': {
    tags: ['reports'],
    summary: "A day's figures per service and counter: issued, served, no-show, not served, waits (staff)",
    querystring: ReportQuery,
    response: { 200: DayReportSchema, ...staffErrorResponses },
    security: staffOnly,
  },
  'POST /api/day/close': {
    tags: ['reports'],
    summary: "Close today's queue now: every waiting ticket becomes not served (managers)",
    body: ClerkBody,
    response: { 200: Type.Object({ seq: Type.Integer(), closed: Type.Integer() }), ...staffErrorResponses },
    security: staffOnly,
  },
  'POST /api/backups': {
    tags: ['reports'],
    summary: "Copy the database now, with SQLite's online backup API, into the data folder's backups/ (managers)",
    body: ClerkBody,
    response: { 201: Type.Object({ path: Type.String({ description: 'The copy, in the data folder' }) }), ...staffErrorResponses },
    security: staffOnly,
  },
  'GET /api/events': {
    tags: ['reports'],
    summary: 'The event log, oldest first, after a sequence number (staff)',
    querystring: EventsQuery,
    response: { 200: Type.Array(EventLogEntrySchema), ...staffErrorResponses },
    security: staffOnly,
  },
};
