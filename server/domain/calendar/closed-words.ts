// Why a service is closed and when it opens again, in words: the API's refusal of a number
// and the console say it this way ("Nghỉ Tết Nguyên đán, mở lại thứ Hai 23/02 lúc 07:30").
// The kiosk and the phone page say the same from the reason and the instant, in their own
// dictionary.

import type { ClosedReason, OpenState } from './hall-calendar.js';
import { localTime } from './hall-clock.js';
import type { Words } from './holiday-names.js';

const WEEKDAYS_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** What a closed reason is called, without the next opening. */
export function reasonWords(reason: ClosedReason): Words {
  switch (reason.kind) {
    case 'holiday':
    case 'closure':
      return reason.words;
    case 'break':
      return { vi: 'Đang giờ nghỉ', en: 'On a break' };
    case 'beforeOpening':
      return { vi: 'Chưa đến giờ làm việc', en: 'Not open yet' };
    case 'afterClosing':
      return { vi: 'Đã hết giờ làm việc', en: 'Closed for the day' };
    case 'weekend':
      return { vi: 'Hôm nay không làm việc', en: 'Closed today' };
    case 'notThisService':
      return { vi: 'Hôm nay không nhận lĩnh vực này', en: 'Not served today' };
  }
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "mở lại lúc 13:30" the same day, "mở lại thứ Hai 23/02 lúc 07:30" another. */
export function nextOpeningWords(nextOpening: number | null, now: number, timeZone: string): Words {
  if (nextOpening === null) return { vi: 'chưa có lịch mở lại', en: 'no reopening is scheduled' };
  const at = localTime(nextOpening, timeZone);
  const today = localTime(now, timeZone).day;
  const time = hhmm(at.minutes);
  if (at.day === today) return { vi: `mở lại lúc ${time}`, en: `reopens at ${time}` };
  const date = new Date(`${at.day}T00:00:00Z`);
  const dm = `${at.day.slice(8, 10)}/${at.day.slice(5, 7)}`;
  return { vi: `mở lại ${WEEKDAYS_VI[date.getUTCDay()]} ${dm} lúc ${time}`, en: `reopens ${WEEKDAYS_EN[date.getUTCDay()]} ${dm} at ${time}` };
}

/** The parameters of a refusal for a closed service: why, and when it opens again. */
export function closedWords(state: Extract<OpenState, { open: false }>, timeZone: string, now: number): { why: string; whyEn: string; next: string; nextEn: string } {
  const why = reasonWords(state.reason);
  const next = nextOpeningWords(state.nextOpening, now, timeZone);
  return { why: why.vi, whyEn: why.en, next: next.vi, nextEn: next.en };
}

/**
 * A due instant as people read it: a limit in days ends at 24:00 of its last day (Civil Code
 * art. 148), which is 00:00 of the next; shown as that last day at 24:00, not the next day.
 */
export function dueShown(at: number, timeZone: string): { day: string; time: string } {
  const endOfDay = localTime(at, timeZone).minutes === 0;
  const { day, minutes } = localTime(endOfDay ? at - 60_000 : at, timeZone);
  const [y, m, d] = day.split('-');
  return { day: `${d}/${m}/${y}`, time: endOfDay ? '24:00' : hhmm(minutes) };
}
