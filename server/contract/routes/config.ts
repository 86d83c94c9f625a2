// The hall's configuration, read and changed while it runs by an admin (the manager console's
// Configuration screen). Bodies take the hall file's fields (docs/hall-file.md); the hub checks
// them with the hall file's own schema and rules, so the schemas here only say "an object".
// A refusal is a 400 whose `fields` names each wrong field (e.g. services.DD.color) and why.

import Type from 'typebox';
import type { ChangeOf, CounterInput, HallConfiguration, HallFileApplied, HallFilePreview, HallSettingsInput, ServiceInput } from '../hall-config.js';
import { CounterId, Described, ServiceId, staffErrorResponses, staffOnly } from '../route-schemas.js';

const Configuration = Described<HallConfiguration>(
  '{ hall: { name, nameEn, agencyCode, publicUrl, returnService, hours, serviceGroups }, services: [service as in the hall file, waiting], counters: [counter as in the hall file, mode] }',
);
const body = <T>(description: string) => Type.Unsafe<T>({ type: 'object', description });
const ServiceParams = Type.Object({ serviceId: ServiceId });
const CounterParams = Type.Object({ counterId: CounterId });

export const CONFIG_ROUTES = {
  'GET /api/config': {
    tags: ['configuration'],
    summary: 'The running configuration: the hall, its services and counters (admins)',
    security: staffOnly,
    response: { 200: Configuration, ...staffErrorResponses },
  },
  'PUT /api/config/hall': {
    tags: ['configuration'],
    summary: "Change the hall's name, English name, agency code, public address, return service or opening hours (admins)",
    description:
      'Only the fields given change; null takes publicUrl or returnService away, and makes the hall open around the clock for hours. Hours are the hall file\'s week ({ "mon-fri": ["07:30-11:30", "13:30-17:00"] }); the kiosk, forecasts and deadlines follow at once. Logged (hall:configured) with who changed it.',
    body: body<HallSettingsInput>('{ name?, nameEn?, agencyCode?, publicUrl?, returnService?, hours? }'),
    security: staffOnly,
    response: { 200: Configuration, ...staffErrorResponses },
  },
  'POST /api/config/services': {
    tags: ['configuration'],
    summary: 'Add a service, as the hall file writes one (admins); kiosks show it at once',
    body: body<ServiceInput>('{ id, name: { vi, en }, numbering: { prefix, digits? } | { from, to }, group?, color?, location?, dailyMax?, defaultServiceMinutes?, hours? }'),
    security: staffOnly,
    response: { 201: Configuration, ...staffErrorResponses },
  },
  'POST /api/config/services/:serviceId': {
    tags: ['configuration'],
    summary: 'Change a service: the fields given replace its own, null takes an optional one away (admins)',
    description: 'Waiting tickets keep their numbers and places.',
    params: ServiceParams,
    body: body<ChangeOf<Omit<ServiceInput, 'id'>>>('The fields of a service to change'),
    security: staffOnly,
    response: { 200: Configuration, ...staffErrorResponses },
  },
  'DELETE /api/config/services/:serviceId': {
    tags: ['configuration'],
    summary: 'Remove a service (admins): refused while citizens wait for it or a counter serves it',
    params: ServiceParams,
    security: staffOnly,
    response: { 200: Configuration, ...staffErrorResponses },
  },
  'POST /api/config/counters': {
    tags: ['configuration'],
    summary: 'Add a counter, as the hall file writes one (admins); it starts closed, displays show it at once',
    body: body<CounterInput>('{ id, name?, location?, services: ["HT", { service, weight }], selection?: longest_wait | in_order }'),
    security: staffOnly,
    response: { 201: Configuration, ...staffErrorResponses },
  },
  'POST /api/config/counters/:counterId': {
    tags: ['configuration'],
    summary: 'Change a counter: services served, weights, order rule, name (admins)',
    params: CounterParams,
    body: body<ChangeOf<Omit<CounterInput, 'id'>>>('The fields of a counter to change'),
    security: staffOnly,
    response: { 200: Configuration, ...staffErrorResponses },
  },
  'DELETE /api/config/counters/:counterId': {
    tags: ['configuration'],
    summary: 'Remove a counter (admins): refused while it is open or holds a number',
    params: CounterParams,
    security: staffOnly,
    response: { 200: Configuration, ...staffErrorResponses },
  },
  'GET /api/config/hall-file': {
    tags: ['configuration'],
    summary: 'The running configuration as a hall file (YAML) the hub accepts at start; no token, password hash or status source in it (admins)',
    description:
      "Services, counters, the hall and its hours, kiosks, rating tablets, serial buses and accounts as they run, with the console's changes. A comment at its top says how it treats secrets: the hub keeps the tokens and passwords it holds.",
    security: staffOnly,
    response: { 200: Type.Unsafe<string>({ description: 'application/yaml; charset=utf-8, as an attachment' }), ...staffErrorResponses },
  },
  'POST /api/config/hall-file/preview': {
    tags: ['configuration'],
    summary: 'Check a hall file and say what importing it would change, section by section, without changing anything (admins)',
    description:
      'A file the hall file\'s schema or rules refuse answers 400 with each field (e.g. counters.3.services) and why, in Vietnamese and English. Each difference says whether "apply" makes it while the hall runs (live) or not (hours, devices, accounts: their own screen or the hall file). Apply within 15 minutes.',
    body: Type.Object({ text: Type.String({ maxLength: 1_000_000, description: 'The hall file (YAML or JSON), as text' }) }, { additionalProperties: false }),
    security: staffOnly,
    response: {
      200: Described<HallFilePreview>('{ previewId, expiresAt, sections: [{ section, items: [{ id, name, change, live, fields: [{ field, before, after }] }] }], live, notLive }'),
      ...staffErrorResponses,
    },
  },
  'POST /api/config/hall-file/:previewId/apply': {
    tags: ['configuration'],
    summary: "Apply a preview once, all or nothing, with the Configuration screen's rules (admins); refused (409) when the configuration changed since",
    description:
      'Makes every live difference in one step, logged (hall:configured, change hall_file_imported) with who applied it. A service removed while people wait for it, or a counter removed while open, refuses the whole preview (400, the field and how many wait).',
    params: Type.Object({ previewId: Type.String({ pattern: '^[0-9a-f-]{36}$', description: 'From the preview' }) }),
    security: staffOnly,
    response: { 200: Described<HallFileApplied>('{ applied, notApplied, configuration }'), ...staffErrorResponses },
  },
};
