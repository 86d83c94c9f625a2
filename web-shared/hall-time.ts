// The time zone a page shows the hall's times in: always the hall's own setting (timeZone in
// its hall file), read from the live copy of the hall. Until the first snapshot arrives, the
// default a hall file has (server/config/hall-file.ts), so that a clock never shows UTC.

import type { PublicHallSettings } from '../server/contract/events.js';

const HALL_FILE_DEFAULT = 'Asia/Ho_Chi_Minh';

export function hallTimeZone(hall: Pick<PublicHallSettings, 'timeZone'> | null | undefined): string {
  return hall?.timeZone ?? HALL_FILE_DEFAULT;
}
