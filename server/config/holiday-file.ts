// The shipped official holiday schedules (config/holidays.yaml), checked when read.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Type from 'typebox';
import Value from 'typebox/value';
import { parse } from 'yaml';
import type { HolidaySchedules } from '../domain/calendar/holidays.js';
import { HOLIDAYS_FILE } from '../paths.js';

const Day = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });
export const HolidayYearSchema = Type.Object(
  {
    source: Type.Optional(Type.String()),
    daysOff: Type.Array(Day),
    workingDays: Type.Optional(Type.Array(Day)),
  },
  { additionalProperties: false },
);
export const HolidaySchedulesSchema = Type.Record(Type.String({ pattern: '^\\d{4}$' }), HolidayYearSchema);

/** Checks that every day of a year's schedule belongs to that year. */
export function holidayProblems(schedules: HolidaySchedules): string[] {
  return Object.entries(schedules).flatMap(([year, entry]) =>
    [...entry.daysOff, ...entry.workingDays].filter((d) => !d.startsWith(`${year}-`)).map((d) => `holidays ${year}: ${d} is not in ${year}`),
  );
}

/** A hall's own schedules in its data folder (holidays.yaml, the same form as config/holidays.yaml); none: {}. */
export function dataFolderHolidays(dataDir: string): HolidaySchedules {
  const file = join(dataDir, 'holidays.yaml');
  return existsSync(file) ? readHolidayFile(file) : {};
}

export function readHolidayFile(file = HOLIDAYS_FILE): HolidaySchedules {
  const data: unknown = parse(readFileSync(file, 'utf8'));
  if (!Value.Check(HolidaySchedulesSchema, data)) {
    const first = [...Value.Errors(HolidaySchedulesSchema, data)][0];
    throw new Error(`${file}: ${first?.instancePath ?? ''} ${first?.message ?? 'is not a holiday schedule'}`);
  }
  const schedules: HolidaySchedules = Object.fromEntries(
    Object.entries(data).map(([year, e]) => [year, { daysOff: e.daysOff, workingDays: e.workingDays ?? [], ...(e.source ? { source: e.source } : {}) }]),
  );
  const problems = holidayProblems(schedules);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return schedules;
}
