// The hall's configuration, read and changed while it runs by an admin (the manager console's
// Configuration screen). Bodies take the hall file's fields (docs/hall-file.md); the hub checks
// them with the hall file's own schema and rules, so the schemas here only say "an object".
// A refusal is a 400 whose `fields` names each wrong field (e.g. services.DD.color) and why.

import Type from 'typebox';
import type { ChangeOf, CounterInput, HallConfiguration, HallSettingsInput, ServiceInput } from '../hall-config.js';
import { CounterId, Described, ServiceId, staffErrorResponses, staffOnly } from '../route-schemas.js';

const Configuration = Described<HallConfiguration>(
  '{ hall: { name, nameEn, agencyCode, publicUrl, returnService, serviceGroups }, services: [service as in the hall file, waiting], counters: [counter as in the hall file, mode] }',
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
    summary: "Change the hall's name, English name, agency code, public address or return service (admins)",
    description: 'Only the fields given change; null takes publicUrl or returnService away. Logged (hall:configured) with who changed it.',
    body: body<HallSettingsInput>('{ name?, nameEn?, agencyCode?, publicUrl?, returnService? }'),
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
};
