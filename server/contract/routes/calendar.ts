// Routes of the hall's calendar: reading its own days and which years are official, adding or
// removing one closure or extra working day, loading a year's official schedule (managers).

import Type from 'typebox';
import { staffErrorResponses, staffOnly } from '../route-schemas.js';

const Day = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'YYYY-MM-DD, the hall’s local day' });
const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });
const Words = Type.Object({ vi: Type.String(), en: Type.String() });

export const HallDaySchema = Type.Object({
  id: Type.Integer(),
  day: Type.String(),
  kind: Type.Union([Type.Literal('closed'), Type.Literal('open')]),
  from: Type.Optional(Type.String()),
  to: Type.Optional(Type.String()),
  reason: Words,
});

const HallDayBody = Type.Object(
  {
    day: Day,
    kind: Type.Union([Type.Literal('closed'), Type.Literal('open')], { description: 'closed: a closure; open: an extra working day (weekday hours)' }),
    from: Type.Optional(Clock),
    to: Type.Optional(Clock),
    reason: Type.Object(
      { vi: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }), en: Type.Optional(Type.String({ maxLength: 200 })) },
      { additionalProperties: false, description: 'Shown on the kiosk and the phone page; English defaults to the Vietnamese' },
    ),
  },
  { additionalProperties: false },
);

const YearBody = Type.Object(
  {
    daysOff: Type.Array(Day, { maxItems: 60, description: 'Every Monday-Friday off (holidays, compensatory and swapped days)' }),
    workingDays: Type.Optional(Type.Array(Day, { maxItems: 20, description: 'Saturdays or Sundays worked for a swap' })),
    source: Type.Optional(Type.String({ maxLength: 1000, description: 'The announcement it comes from' })),
  },
  { additionalProperties: false },
);

export const CALENDAR_ROUTES = {
  'GET /api/calendar': {
    tags: ['calendar'],
    summary: "The hall's own closures and extra working days, and which years' official schedules are known",
    response: {
      200: Type.Object({
        timeZone: Type.String(),
        years: Type.Array(Type.Object({ year: Type.Integer(), official: Type.Boolean({ description: 'false: computed from the Labour Code until the schedule is loaded' }) })),
        hallDays: Type.Array(HallDaySchema),
      }),
    },
  },
  'POST /api/calendar/days': {
    tags: ['calendar'],
    summary: 'Add one closure (a whole day, or from/to a time) or one extra working day (managers)',
    description: 'Applies at once: the kiosk and the phone page show it, numbers are refused with its reason, deadlines count it.',
    body: HallDayBody,
    security: staffOnly,
    response: { 201: HallDaySchema, ...staffErrorResponses },
  },
  'DELETE /api/calendar/days/:id': {
    tags: ['calendar'],
    summary: "Remove one of the hall's own days by its number (managers)",
    params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
    security: staffOnly,
    response: { 200: Type.Object({ removed: HallDaySchema }), ...staffErrorResponses },
  },
  'PUT /api/calendar/years/:year': {
    tags: ['calendar'],
    summary: "Load a year's official schedule of days off and swapped working days (managers)",
    description: 'It replaces that year in config/holidays.yaml and the hall file; until a year is loaded, its days off are computed from the Labour Code.',
    params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
    body: YearBody,
    security: staffOnly,
    response: {
      200: Type.Object({ year: Type.Integer(), official: Type.Boolean(), daysOff: Type.Array(Type.String()), workingDays: Type.Array(Type.String()), source: Type.Optional(Type.String()) }),
      ...staffErrorResponses,
    },
  },
};
