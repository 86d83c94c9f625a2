// The hall description a manager writes (JSON or YAML): its schema, and how it becomes the
// HallDefinition the engine uses. Friendly shorthands are accepted here and nowhere else.

import { dirname, resolve } from 'node:path';
import Type, { type Static, type TSchema } from 'typebox';
import Value from 'typebox/value';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_VOICE } from '../domain/announcement/announcement.js';
import { DEFAULT_SESSION_POLICY } from '../domain/access/staff-sessions.js';
import { DEFAULT_COUNTER_KEYS } from '../domain/hall/counter-keys.js';
import { HolidaySchedulesSchema, holidayProblems } from './holiday-file.js';
import { HoursSchema, weekFromEntry, type HoursEntry } from './hall-hours.js';
import { DEFAULT_WEEK } from '../domain/hall/hall-calendar-of.js';
import { COUNTER_ACTIONS, type CounterAction, type CounterKeyMap } from '../domain/hall/counter-keys.js';
import {
  DEFAULT_ACCESS_SETTINGS,
  DEFAULT_GUARD_SETTINGS,
  DEFAULT_WORKING_SETTINGS,
  type CounterDef,
  type HallDefinition,
  type HallSettings,
  type KioskDef,
  LED_PROTOCOLS,
  type Numbering,
  type PrinterDef,
  type SerialBusDef,
  type ServiceDef,
  type StaffDef,
} from '../domain/hall/hall-definition.js';
import type { LocalizedText } from '../domain/localized-text.js';
import { checkHallDefinition, type HallProblem, hallProblems } from './hall-rules.js';
import type { WeekHours } from '../domain/calendar/hall-calendar.js';

const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, 24-hour' });
const Text = Type.Union([Type.String({ minLength: 1 }), Type.Object({ vi: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, { additionalProperties: false })]);

const PrefixNumbering = Type.Object(
  {
    prefix: Type.String({ pattern: '^[A-Z]{0,3}$', description: 'Letters before the number, e.g. "A"' }),
    digits: Type.Optional(Type.Integer({ minimum: 2, maximum: 5 })),
  },
  { additionalProperties: false },
);
const BlockNumbering = Type.Object(
  {
    from: Type.Integer({ minimum: 1, maximum: 99999 }),
    to: Type.Integer({ minimum: 1, maximum: 99999 }),
  },
  { additionalProperties: false },
);

const ServiceEntry = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9_]{1,16}$', description: 'Short code, letters, digits and _' }),
    name: Text,
    group: Type.Optional(Type.String()),
    color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
    location: Type.Optional(Text),
    numbering: Type.Union([PrefixNumbering, BlockNumbering]),
    dailyMax: Type.Optional(Type.Integer({ minimum: 1 })),
    defaultServiceMinutes: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 480 })),
    hours: Type.Optional(HoursSchema),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const CounterServiceEntry = Type.Union([
  Type.String(),
  Type.Object({ service: Type.String(), weight: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })) }, { additionalProperties: false }),
]);

const CounterEntry = Type.Object(
  {
    id: Type.Integer({ minimum: 1, maximum: 999 }),
    name: Type.Optional(Text),
    location: Type.Optional(Text),
    services: Type.Array(CounterServiceEntry, { minItems: 1 }),
    selection: Type.Optional(Type.Union([Type.Literal('longest_wait'), Type.Literal('in_order')])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const PriorityCategoryEntry = Type.Object({ code: Type.String({ pattern: '^[a-z0-9_]{1,32}$' }), name: Text }, { additionalProperties: false });

const GroupEntry = Type.Object({ id: Type.String({ minLength: 1 }), name: Text }, { additionalProperties: false });

const PrinterEntry = Type.Object(
  {
    type: Type.Union([Type.Literal('simulated'), Type.Literal('epson'), Type.Literal('star'), Type.Literal('agent')], {
      description: "agent: the printer is on the kiosk's own PC, printed by its device agent (luot-agent)",
    }),
    address: Type.Optional(Type.String({ pattern: '^(tcp://[^/:]+(:[0-9]{1,5})?/?|/.+)$', description: 'tcp://host:9100 or a device file' })),
    model: Type.Optional(Type.Union([Type.Literal('epson'), Type.Literal('star')], { description: "type agent only: the printer's command set (default epson)" })),
    paper: Type.Optional(Type.Union([Type.Literal(58), Type.Literal(80)])),
  },
  { additionalProperties: false },
);

const KioskEntry = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }),
    name: Type.Optional(Text),
    token: Type.Optional(
      Type.String({ minLength: 12, description: 'Secret the kiosk page presents; at least 12 characters. Left out: the token the hub holds (paired in the console) stays' }),
    ),
    ticketsPerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 600 })),
    printer: Type.Optional(PrinterEntry),
    slips: Type.Optional(Type.Boolean({ description: 'Its printer stands where only staff reach it: dossier slips may be printed on it (default false)' })),
    services: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 100, description: "The services its screen offers (their ids); left out or empty: all the hall's" }),
    ),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const RatingTabletEntry = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }),
    counter: Type.Integer({ minimum: 1, maximum: 999 }),
    token: Type.Optional(
      Type.String({ minLength: 12, description: 'Secret the rating page presents; at least 12 characters. Left out: the token the hub holds (paired in the console) stays' }),
    ),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const Address = Type.Integer({ minimum: 1, maximum: 99 });
const SerialBusEntry = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }),
    port: Type.String({ minLength: 1, description: 'Serial port, e.g. /dev/ttyUSB0' }),
    baudRate: Type.Optional(Type.Integer({ minimum: 1200, maximum: 921600 })),
    protocol: Type.Optional(
      Type.Union(
        LED_PROTOCOLS.map((p) => Type.Literal(p)),
        { description: 'How the LED boards are spoken to: luot (default) or modbus-text' },
      ),
    ),
    keypads: Type.Optional(Type.Array(Type.Object({ address: Address, counter: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }))),
    ledBoards: Type.Optional(
      Type.Array(
        Type.Union([
          Type.Object({ address: Address, counter: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
          Type.Object({ address: Address, hall: Type.Literal(true), calls: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })) }, { additionalProperties: false }),
        ]),
      ),
    ),
  },
  { additionalProperties: false },
);

const StaffEntry = Type.Object(
  {
    user: Type.String({ pattern: '^[a-z0-9._-]{2,32}$', description: 'Sign-in name: lower-case letters, digits, . _ -' }),
    name: Type.String({ minLength: 1, description: 'Full name shown at the counter' }),
    role: Type.Optional(Type.Union([Type.Literal('clerk'), Type.Literal('back_office'), Type.Literal('manager'), Type.Literal('admin')])),
    passwordHash: Type.Optional(Type.String({ pattern: '^scrypt\\$', description: 'Made with: npm run password. Left out: the password the hub holds for this user stays' })),
    counters: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }))),
    fields: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { description: 'Fields (lĩnh vực) of the catalogue whose dossiers this person handles' })),
    services: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: "Services (an outside agency's) whose dossiers this person handles" })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const KeyList = Type.Array(Type.String({ pattern: '^[A-Za-z0-9]{1,24}$' }), { maxItems: 8 });
const CounterKeysEntry = Type.Object(Object.fromEntries(COUNTER_ACTIONS.map((a) => [a, Type.Optional(KeyList)])) as Record<CounterAction, ReturnType<typeof Type.Optional<typeof KeyList>>>, {
  additionalProperties: false,
});

const VoiceEntry = Type.Object(
  {
    phrase: Type.Optional(Type.String({ pattern: '\\{number\\}', description: 'Must contain {number}; {counter} is the counter' })),
    packDir: Type.Optional(Type.String({ minLength: 1 })),
    hubSpeaker: Type.Optional(Type.Boolean()),
    sayNumberTwice: Type.Optional(Type.Boolean()),
    volume: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'Loudness of the spoken call in percent (default 100)' })),
  },
  { additionalProperties: false },
);

export const HallFileSchema = Type.Object(
  {
    version: Type.Optional(Type.Literal(1)),
    hall: Type.Object(
      {
        name: Type.String({ minLength: 1 }),
        nameEn: Type.Optional(Type.String()),
        agencyCode: Type.String({
          pattern: '^[A-Z0-9]{3}\\.[A-Z0-9]{2}\\.[A-Z0-9]{2}\\.[A-Z0-9]{3}$',
          description: 'National agency code, e.g. 000.00.14.H56',
        }),
        timeZone: Type.Optional(Type.String()),
        hours: Type.Optional(Type.Union([HoursSchema, Type.Null()], { description: 'The week: { mon-fri: ["07:30-11:30", "13:30-17:00"], sat: [...] }; null: around the clock' })),
        priority: Type.Optional(
          Type.Object(
            {
              policy: Type.Optional(Type.Union([Type.Literal('strict'), Type.Literal('interleaved')])),
              regularPerPriority: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
              categories: Type.Optional(Type.Array(PriorityCategoryEntry)),
            },
            { additionalProperties: false },
          ),
        ),
        noShowRestoreMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 480 })),
        maxWaitMinutes: Type.Optional(Type.Union([Type.Integer({ minimum: 5, maximum: 600 }), Type.Null()], { description: 'Call any ticket waiting this long first (default: off)' })),
        transferPosition: Type.Optional(Type.Union([Type.Literal('keep_arrival'), Type.Literal('front')])),
        ticketFooter: Type.Optional(Text),
        serviceGroups: Type.Optional(Type.Array(GroupEntry)),
        publicUrl: Type.Optional(Type.String({ pattern: '^https?://[^/]+/?$', description: 'e.g. http://192.168.1.10:8080' })),
        displayNotice: Type.Optional(Text),
        counterKeys: Type.Optional(CounterKeysEntry),
        sessionIdleMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 24 * 60 })),
        sessionMaxHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 })),
        voice: Type.Optional(VoiceEntry),
        simulator: Type.Optional(Type.Boolean({ description: 'Let the /boards page press simulated keys (default true)' })),
        reprintsPerTicket: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, description: 'Reprints a kiosk may make of one ticket (default 2)' })),
        workingHours: Type.Optional(Type.Array(Type.Object({ start: Clock, end: Clock }, { additionalProperties: false }), { minItems: 1, maxItems: 4 })),
        holidays: Type.Optional(HolidaySchedulesSchema),
        statusSource: Type.Optional(
          Type.Object(
            {
              url: Type.String({ pattern: '^https?://.+\\{code\\}', description: 'The address with {code} where the dossier code goes' }),
              headers: Type.Optional(
                Type.Record(Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' }), Type.String({ pattern: '^[^\\r\\n]{1,4096}$' }), {
                  description: 'Headers sent with each request (a token); never shown',
                }),
              ),
              statusField: Type.String({ minLength: 1, description: 'Dotted path of the status in the JSON reply' }),
              dueField: Type.Optional(Type.String({ minLength: 1 })),
              statusMap: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 1, maximum: 10 }))),
              timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 30_000 })),
              cacheSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600 })),
            },
            { additionalProperties: false },
          ),
        ),
        returnService: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_]{1,16}$', description: 'The service that returns results (its counters call citizens back for them)' })),
      },
      { additionalProperties: false },
    ),
    services: Type.Array(ServiceEntry, { minItems: 1 }),
    counters: Type.Array(CounterEntry, { minItems: 1 }),
    kiosks: Type.Optional(Type.Array(KioskEntry)),
    ratingTablets: Type.Optional(Type.Array(RatingTabletEntry)),
    serialBuses: Type.Optional(Type.Array(SerialBusEntry)),
    staff: Type.Optional(Type.Array(StaffEntry)),
    catalog: Type.Optional(Type.String({ minLength: 1, description: 'The procedures catalogue (.csv or .json), relative to this file' })),
  },
  { additionalProperties: false },
);

export type HallFile = Static<typeof HallFileSchema>;

export const DEFAULT_PRIORITY_CATEGORIES: HallSettings['priorityCategories'] = [
  { code: 'thuong_binh', name: { vi: 'Thương binh, bệnh binh', en: 'War invalids and sick soldiers' } },
  { code: 'nguoi_co_cong', name: { vi: 'Người có công với cách mạng', en: 'People with meritorious service' } },
  { code: 'nguoi_cao_tuoi', name: { vi: 'Người cao tuổi', en: 'Elderly people' } },
  { code: 'phu_nu_mang_thai', name: { vi: 'Phụ nữ mang thai', en: 'Pregnant women' } },
  { code: 'nguoi_khuyet_tat', name: { vi: 'Người khuyết tật', en: 'People with disabilities' } },
];

function text(value: string | LocalizedText): LocalizedText {
  return typeof value === 'string' ? { vi: value, en: value } : value;
}

function numbering(entry: HallFile['services'][number]['numbering']): Numbering {
  return 'prefix' in entry ? { kind: 'prefix', prefix: entry.prefix, digits: entry.digits ?? 3 } : { kind: 'block', from: entry.from, to: entry.to };
}

/** Problems found while reading the hours, reported with the schema's. */
let hourProblems: string[] = [];

function week(entry: HoursEntry, where: string) {
  const { week, problems } = weekFromEntry(entry, where);
  hourProblems.push(...problems);
  return week;
}

function service(entry: HallFile['services'][number], index: number): ServiceDef {
  return {
    id: entry.id,
    name: text(entry.name),
    group: entry.group ?? null,
    color: entry.color ?? null,
    location: entry.location ? text(entry.location) : null,
    numbering: numbering(entry.numbering),
    dailyMax: entry.dailyMax ?? null,
    defaultServiceMinutes: entry.defaultServiceMinutes ?? 5,
    hours: entry.hours ? week(entry.hours, `services[${index}] (${entry.id}).hours`) : null,
    active: entry.active ?? true,
  };
}

function counter(entry: HallFile['counters'][number]): CounterDef {
  return {
    id: entry.id,
    name: entry.name ? text(entry.name) : { vi: `Quầy ${entry.id}`, en: `Counter ${entry.id}` },
    location: entry.location ? text(entry.location) : null,
    services: entry.services.map((s) => (typeof s === 'string' ? { serviceId: s, weight: 1 } : { serviceId: s.service, weight: s.weight ?? 1 })),
    selection: entry.selection ?? 'longest_wait',
    active: entry.active ?? true,
  };
}

type KioskEntryData = NonNullable<HallFile['kiosks']>[number];

function printer(entry: KioskEntryData): PrinterDef {
  const p = entry.printer ?? { type: 'simulated' };
  if (p.type === 'agent') return { kind: 'agent', address: p.address ?? null, model: p.model ?? 'epson', paperWidth: p.paper ?? 80 };
  return { kind: p.type, address: p.type === 'simulated' ? null : (p.address ?? null), paperWidth: p.paper ?? 80, ...(p.model ? { model: p.model } : {}) };
}

function kiosk(entry: KioskEntryData): KioskDef {
  return {
    id: entry.id,
    name: entry.name ? text(entry.name) : { vi: `Máy lấy số ${entry.id}`, en: `Kiosk ${entry.id}` },
    // Without a token the kiosk waits for pairing, unless the hub holds one for it (hall-repository.ts).
    ...(entry.token ? { token: entry.token } : { token: '', tokenHash: null }),
    ticketsPerMinute: entry.ticketsPerMinute ?? 6,
    printer: printer(entry),
    slips: entry.slips ?? false,
    ...(entry.services && entry.services.length > 0 ? { services: entry.services } : {}),
    active: entry.active ?? true,
  };
}

function serialBus(entry: NonNullable<HallFile['serialBuses']>[number]): SerialBusDef {
  return {
    id: entry.id,
    port: entry.port,
    baudRate: entry.baudRate ?? 9600,
    protocol: entry.protocol ?? 'luot',
    keypads: (entry.keypads ?? []).map((k) => ({ address: k.address, counterId: k.counter })),
    ledBoards: (entry.ledBoards ?? []).map((b) =>
      'hall' in b ? { address: b.address, kind: 'hall' as const, calls: b.calls ?? 6 } : { address: b.address, kind: 'counter' as const, counterId: b.counter },
    ),
  };
}

function counterKeys(entry: HallFile['hall']['counterKeys']): CounterKeyMap {
  return Object.fromEntries(COUNTER_ACTIONS.map((a) => [a, entry?.[a] ?? DEFAULT_COUNTER_KEYS[a]])) as CounterKeyMap;
}

function staffMember(entry: NonNullable<HallFile['staff']>[number]): StaffDef {
  return {
    user: entry.user,
    name: entry.name,
    role: entry.role ?? 'clerk',
    // Empty: the password the hub holds for this user stays (hall-repository.ts); none, no sign-in.
    passwordHash: entry.passwordHash ?? '',
    counters: entry.counters ?? [],
    fields: entry.fields ?? [],
    services: entry.services ?? [],
    active: entry.active ?? true,
  };
}

function settings(hall: HallFile['hall']): HallSettings {
  const priority = hall.priority ?? {};
  return {
    name: hall.name,
    nameEn: hall.nameEn ?? hall.name,
    agencyCode: hall.agencyCode,
    timeZone: hall.timeZone ?? 'Asia/Ho_Chi_Minh',
    hours: hall.hours === undefined ? DEFAULT_WEEK : hall.hours === null ? null : week(hall.hours, 'hall.hours'),
    priorityCategories: (priority.categories ?? DEFAULT_PRIORITY_CATEGORIES).map((c) => ({ code: c.code, name: text(c.name) })),
    priorityPolicy: priority.policy === 'interleaved' ? { mode: 'interleaved', regularPerPriority: priority.regularPerPriority ?? 3 } : { mode: 'strict' },
    noShowRestoreMinutes: hall.noShowRestoreMinutes ?? 15,
    maxWaitMinutes: hall.maxWaitMinutes ?? DEFAULT_GUARD_SETTINGS.maxWaitMinutes,
    transferPosition: hall.transferPosition ?? 'keep_arrival',
    ticketFooter: hall.ticketFooter ? text(hall.ticketFooter) : { vi: 'Vui lòng chờ đến lượt. Xin cảm ơn!', en: 'Please wait for your turn. Thank you!' },
    serviceGroups: (hall.serviceGroups ?? []).map((g) => ({ id: g.id, name: text(g.name) })),
    publicUrl: hall.publicUrl ? hall.publicUrl.replace(/\/$/, '') : null,
    displayNotice: hall.displayNotice ? text(hall.displayNotice) : null,
    counterKeys: counterKeys(hall.counterKeys),
    sessionIdleMinutes: hall.sessionIdleMinutes ?? DEFAULT_SESSION_POLICY.idleMinutes,
    sessionMaxHours: hall.sessionMaxHours ?? DEFAULT_SESSION_POLICY.maxHours,
    voice: { ...DEFAULT_VOICE, ...hall.voice },
    simulator: hall.simulator ?? DEFAULT_ACCESS_SETTINGS.simulator,
    reprintsPerTicket: hall.reprintsPerTicket ?? DEFAULT_ACCESS_SETTINGS.reprintsPerTicket,
    workingHours: hall.workingHours ?? DEFAULT_WORKING_SETTINGS.workingHours,
    returnService: hall.returnService ?? null,
    statusSource: hall.statusSource
      ? {
          url: hall.statusSource.url,
          headers: hall.statusSource.headers ?? {},
          statusField: hall.statusSource.statusField,
          dueField: hall.statusSource.dueField ?? null,
          statusMap: hall.statusSource.statusMap ?? {},
          timeoutMs: hall.statusSource.timeoutMs ?? 3000,
          cacheSeconds: hall.statusSource.cacheSeconds ?? 60,
        }
      : null,
    holidays: Object.fromEntries(Object.entries(hall.holidays ?? {}).map(([y, e]) => [y, { ...e, workingDays: e.workingDays ?? [] }])),
  };
}

export class HallFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`The hall description ${source} cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'HallFileError';
  }
}

// What a field should look like, said instead of a regular expression.
const FORMAT_HINTS: Record<string, string> = {
  agencyCode: 'must be a national agency code such as 000.00.14.H56',
  id: 'must be a short code of letters, digits and _ (up to 16)',
  color: 'must be a colour such as #1565c0',
  open: 'must be a time of day such as 07:00',
  close: 'must be a time of day such as 17:00',
  prefix: 'must be up to three capital letters',
  code: 'must be lower-case letters, digits and _',
  address: 'must be tcp://host:port (a network printer) or a device file such as /dev/usb/lp0',
  publicUrl: 'must be an address such as http://192.168.1.10:8080',
  url: 'must be an address starting with http:// or https:// with {code} where the dossier code goes',
  user: 'must be 2 to 32 lower-case letters, digits, . _ or -',
  passwordHash: 'must be a hash made with "npm run password", starting with scrypt$',
  phrase: 'must contain {number} where the ticket number is said',
};

function schemaProblem(e: { instancePath: string; keyword: string; message: string }): string {
  const field = e.instancePath.split('/').at(-1) ?? '';
  const message = e.keyword === 'pattern' ? (FORMAT_HINTS[field] ?? 'is not in the expected format') : e.message;
  return `${e.instancePath || '(top level)'}: ${message}`;
}

/** Checks a parsed hall description and turns it into a HallDefinition; throws HallFileError. */
export function hallFromData(data: unknown, source: string): HallDefinition {
  if (!Value.Check(HallFileSchema, data)) {
    const problems = Value.Errors(HallFileSchema, data).slice(0, 10).map(schemaProblem);
    throw new HallFileError(source, problems);
  }
  hourProblems = [];
  const definition = hallFromValid(data, source);
  const problems = [...hourProblems, ...checkHallDefinition(definition), ...holidayProblems(definition.settings.holidays)];
  if (problems.length > 0) throw new HallFileError(source, problems);
  return definition;
}

/** The HallDefinition of data the schema accepted; hours' problems go to hourProblems. */
function hallFromValid(data: HallFile, source: string): HallDefinition {
  return {
    settings: settings(data.hall),
    services: data.services.map(service),
    counters: data.counters.map(counter),
    kiosks: (data.kiosks ?? []).map(kiosk),
    serialBuses: (data.serialBuses ?? []).map(serialBus),
    staff: (data.staff ?? []).map(staffMember),
    ratingTablets: (data.ratingTablets ?? []).map((t) => ({
      id: t.id,
      counterId: t.counter,
      ...(t.token ? { token: t.token } : { token: '', tokenHash: null }),
      active: t.active ?? true,
    })),
    catalogFile: data.catalog ? resolve(dirname(source), data.catalog) : null,
  };
}

/** Reads a hall description from the text of a .json, .yaml or .yml file. */
export function hallFromText(content: string, source: string): HallDefinition {
  let data: unknown;
  try {
    data = source.endsWith('.json') ? JSON.parse(content) : parseYaml(content);
  } catch (error) {
    throw new HallFileError(source, [`it is not valid ${source.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`]);
  }
  return hallFromData(data, source);
}

// ---- one service, one counter or one setting at a time (the console's live configuration) ----

/** A service as the hall file writes it; the console sends the same. */
export const ServiceEntrySchema = ServiceEntry;
export type ServiceEntryData = Static<typeof ServiceEntry>;
/** A counter as the hall file writes it. */
export const CounterEntrySchema = CounterEntry;
export type CounterEntryData = Static<typeof CounterEntry>;
/** The hall's own settings a console may change, with the file's rules for each. */
const hallField = HallFileSchema.properties.hall.properties;
export const HallSettingsChangeSchema = Type.Object(
  {
    name: Type.Optional(hallField.name),
    nameEn: Type.Optional(Type.String({ minLength: 1 })),
    agencyCode: Type.Optional(hallField.agencyCode),
    publicUrl: hallField.publicUrl,
    returnService: hallField.returnService,
    hours: hallField.hours,
  },
  { additionalProperties: false },
);

const FORMAT_HINTS_VI: Record<string, string> = {
  agencyCode: 'phải là mã định danh cơ quan, ví dụ 000.00.14.H56',
  id: 'phải là mã ngắn gồm chữ, số và _ (tối đa 16 ký tự)',
  color: 'phải là một màu dạng #1565c0',
  prefix: 'phải là tối đa ba chữ cái in hoa',
  publicUrl: 'phải là địa chỉ dạng http://192.168.1.10:8080',
  returnService: 'phải là mã một dịch vụ (chữ, số và _)',
};

const KEYWORD_WORDS: Record<string, { vi: string; en: string }> = {
  type: { vi: 'sai kiểu dữ liệu', en: 'has the wrong type' },
  required: { vi: 'thiếu thông tin bắt buộc', en: 'is missing something required' },
  additionalProperties: { vi: 'có trường không được hỗ trợ', en: 'has a field that is not known' },
  minimum: { vi: 'nhỏ hơn mức cho phép', en: 'is below the smallest allowed value' },
  exclusiveMinimum: { vi: 'phải lớn hơn 0', en: 'must be above 0' },
  maximum: { vi: 'lớn hơn mức cho phép', en: 'is above the largest allowed value' },
  minLength: { vi: 'không được để trống', en: 'must not be empty' },
  minItems: { vi: 'phải có ít nhất một mục', en: 'must list at least one item' },
  maxItems: { vi: 'có quá nhiều mục', en: 'lists too many items' },
};

/**
 * What is wrong with one part of a hall description against its schema in the hall file, one
 * problem per field (`prefix` + the field's name), in Vietnamese and English.
 */
export function entryProblems(schema: TSchema, data: unknown, prefix: string): HallProblem[] {
  if (Value.Check(schema, data)) return [];
  const byField = new Map<string, HallProblem>();
  for (const e of Value.Errors(schema, data)) {
    if (e.keyword === 'boolean') continue;
    const parts = e.instancePath.split('/').filter(Boolean);
    const params = e.params as { additionalProperties?: string[]; requiredProperties?: string[] };
    // A field the body should not have, or one it lacks, is that field's problem.
    const named = params.additionalProperties?.[0] ?? params.requiredProperties?.[0];
    const top = parts[0] ?? named ?? '';
    const field = top ? `${prefix}.${top}` : prefix;
    if (byField.has(field)) continue;
    const last = parts.at(-1) ?? top;
    const words =
      e.keyword === 'pattern'
        ? { vi: FORMAT_HINTS_VI[last] ?? 'không đúng định dạng', en: FORMAT_HINTS[last] ?? 'is not in the expected format' }
        : e.keyword === 'additionalProperties' && named
          ? { vi: `trường "${named}" không được hỗ trợ`, en: `"${named}" is not a known field` }
          : e.keyword === 'required' && named
            ? { vi: `thiếu trường "${named}"`, en: `"${named}" is missing` }
            : (KEYWORD_WORDS[e.keyword] ?? { vi: 'không đúng dạng', en: 'is not in the expected form' });
    byField.set(field, { field, vi: words.vi, en: `${field}: ${words.en}` });
  }
  return [...byField.values()];
}

function hoursProblems(field: string, problems: string[]): HallProblem[] {
  return problems.map((en) => ({ field, vi: `giờ phục vụ không hợp lệ (${en})`, en }));
}

/** A service entry checked against the file's schema, and the ServiceDef it makes. */
export function serviceOfEntry(entry: unknown): { def: ServiceDef | null; problems: HallProblem[] } {
  const id = typeof (entry as { id?: unknown })?.id === 'string' ? (entry as { id: string }).id : 'new';
  const problems = entryProblems(ServiceEntry, entry, `services.${id}`);
  if (problems.length > 0) return { def: null, problems };
  hourProblems = [];
  const def = service(entry as ServiceEntryData, 0);
  return { def, problems: hoursProblems(`services.${id}.hours`, hourProblems) };
}

/** A counter entry checked against the file's schema, and the CounterDef it makes. */
export function counterOfEntry(entry: unknown): { def: CounterDef | null; problems: HallProblem[] } {
  const id = typeof (entry as { id?: unknown })?.id === 'number' ? String((entry as { id: number }).id) : 'new';
  const problems = entryProblems(CounterEntry, entry, `counters.${id}`);
  return problems.length > 0 ? { def: null, problems } : { def: counter(entry as CounterEntryData), problems: [] };
}

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const clockOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A week as the hall file writes it, equal weekdays in a row as one run (e.g. { "mon-fri": ["07:30-11:30"] }). */
export function hoursEntryOf(week: WeekHours): Record<string, string[]> {
  const entry: Record<string, string[]> = {};
  const periods = (day: number) => (week[day] ?? []).map((p) => `${clockOf(p.start)}-${clockOf(p.end)}`);
  // Monday first, so that a run never wraps over Sunday.
  const order = [1, 2, 3, 4, 5, 6, 0];
  for (let i = 0; i < order.length; ) {
    const first = periods(order[i]!);
    let j = i;
    while (j + 1 < order.length && JSON.stringify(periods(order[j + 1]!)) === JSON.stringify(first)) j++;
    if (first.length > 0) entry[i === j ? DAY_KEYS[order[i]!]! : `${DAY_KEYS[order[i]!]}-${DAY_KEYS[order[j]!]}`] = first;
    i = j + 1;
  }
  return entry;
}

const textEntry = (t: LocalizedText) => (t.vi === t.en ? t.vi : { vi: t.vi, en: t.en });

/** A service as the hall file would write it (the inverse of reading one). */
export function serviceEntryOf(def: ServiceDef): ServiceEntryData {
  return {
    id: def.id,
    name: textEntry(def.name),
    ...(def.group !== null ? { group: def.group } : {}),
    ...(def.color !== null ? { color: def.color } : {}),
    ...(def.location ? { location: textEntry(def.location) } : {}),
    numbering: def.numbering.kind === 'prefix' ? { prefix: def.numbering.prefix, digits: def.numbering.digits } : { from: def.numbering.from, to: def.numbering.to },
    ...(def.dailyMax !== null ? { dailyMax: def.dailyMax } : {}),
    defaultServiceMinutes: def.defaultServiceMinutes,
    ...(def.hours ? { hours: hoursEntryOf(def.hours) } : {}),
    ...(def.active ? {} : { active: false }),
  };
}

/** A counter as the hall file would write it. */
export function counterEntryOf(def: CounterDef): CounterEntryData {
  return {
    id: def.id,
    name: textEntry(def.name),
    ...(def.location ? { location: textEntry(def.location) } : {}),
    services: def.services.map((l) => (l.weight === 1 ? l.serviceId : { service: l.serviceId, weight: l.weight })),
    selection: def.selection,
    ...(def.active ? {} : { active: false }),
  };
}

// ---- a whole hall file uploaded in the console ----

/** The path of a schema error as a person reads it: services.HT.numbering.prefix, not /services/0/numbering/prefix. */
function fieldPath(data: unknown, instancePath: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  const named: string[] = [];
  let at: unknown = data;
  for (const part of parts) {
    const next = Array.isArray(at) ? at[Number(part)] : (at as Record<string, unknown> | undefined)?.[part];
    // A list item is named by its id (or user) when it has one.
    if (Array.isArray(at)) {
      const item = next as { id?: unknown; user?: unknown } | undefined;
      const name = item?.id ?? item?.user;
      named.push(typeof name === 'string' || typeof name === 'number' ? String(name) : `#${Number(part) + 1}`);
    } else named.push(part);
    at = next;
  }
  return named.join('.');
}

/**
 * Reads the text of a hall file (YAML or JSON) as the console uploads it: every problem with
 * its field path in Vietnamese and English, or the HallDefinition it makes. Throws nothing.
 */
export function readHallFile(content: string): { def: HallDefinition | null; problems: HallProblem[] } {
  let data: unknown;
  try {
    data = parseYaml(content);
  } catch (error) {
    const why = (error as Error).message.split('\n')[0] ?? '';
    return { def: null, problems: [{ field: '(file)', vi: `tệp không phải YAML hợp lệ: ${why}`, en: `(file): it is not valid YAML: ${why}` }] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      def: null,
      problems: [
        { field: '(file)', vi: 'tệp không phải tệp cấu hình điểm phục vụ (thiếu hall, services, counters)', en: '(file): it is not a hall file (hall, services and counters are missing)' },
      ],
    };
  }
  if (!Value.Check(HallFileSchema, data)) {
    const byField = new Map<string, HallProblem>();
    for (const e of Value.Errors(HallFileSchema, data)) {
      if (e.keyword === 'boolean') continue;
      const params = e.params as { additionalProperties?: string[]; requiredProperties?: string[] };
      const named = params.additionalProperties?.[0] ?? params.requiredProperties?.[0];
      const base = fieldPath(data, e.instancePath);
      const field = named ? (base ? `${base}.${named}` : named) : base || '(file)';
      if ([...byField.keys()].some((f) => f === field || field.startsWith(`${f}.`))) continue;
      const last = e.instancePath.split('/').at(-1) ?? '';
      const words =
        e.keyword === 'pattern'
          ? { vi: FORMAT_HINTS_VI[last] ?? 'không đúng định dạng', en: FORMAT_HINTS[last] ?? 'is not in the expected format' }
          : e.keyword === 'additionalProperties' && named
            ? { vi: 'trường này không được hỗ trợ', en: 'is not a known field' }
            : e.keyword === 'required' && named
              ? { vi: 'thiếu thông tin bắt buộc', en: 'is missing' }
              : (KEYWORD_WORDS[e.keyword] ?? { vi: 'không đúng dạng', en: 'is not in the expected form' });
      byField.set(field, { field, vi: words.vi, en: `${field}: ${words.en}` });
      if (byField.size >= 20) break;
    }
    return { def: null, problems: [...byField.values()] };
  }
  hourProblems = [];
  const def = hallFromValid(data, 'the uploaded hall file');
  const problems = [
    ...hoursProblems('hours', hourProblems),
    ...hallProblems(def),
    ...holidayProblems(def.settings.holidays).map((en) => ({ field: 'hall.holidays', vi: `lịch nghỉ không hợp lệ (${en})`, en })),
  ];
  return problems.length > 0 ? { def: null, problems } : { def, problems: [] };
}
