// Why a service takes no number now, in the page's words: the kiosk's tiles and the phone page
// say the reason and when it opens again, in the hall's time zone.

import type { ServiceSummary } from '../../server/contract/events.js';
import { DICTIONARY, pick, type Lang } from './i18n.js';

/** "lúc 13:30" today, "thứ Hai 23/02 lúc 07:30" another day, in the hall's time zone. */
function whenText(at: number, timeZone: string, lang: Lang): string {
  const t = DICTIONARY[lang].closed;
  const dayOf = (ms: number) => new Date(ms).toLocaleDateString('en-CA', { timeZone });
  const time = new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  if (dayOf(at) === dayOf(Date.now())) return t.at(time);
  const [, month, day] = dayOf(at).split('-');
  const weekday = new Date(`${dayOf(at)}T00:00:00Z`).getUTCDay();
  return `${t.weekdays[weekday]} ${day}/${month} ${t.at(time)}`;
}

/** Why a tile takes no number: "Nghỉ Tết Nguyên đán, mở lại thứ Hai 23/02 lúc 07:30", "Đang giờ nghỉ, mở lại lúc 13:30". */
export function closedText(s: ServiceSummary, lang: Lang, timeZone: string): string {
  const t = DICTIONARY[lang].closed;
  if (s.closedReason === 'daily_max') return t.daily_max;
  if (s.closedReason === null || s.closedReason === 'inactive') return t.inactive;
  const why = s.closedWords ? pick(s.closedWords, lang) : s.closedReason === 'break' ? t.break : t.hours;
  return s.opensAt === null ? why : `${why}, ${t.reopens(whenText(s.opensAt, timeZone, lang))}`;
}
