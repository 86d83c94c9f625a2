// What a day off is called, for the kiosk's "closed" screen and the console: the statutory
// holiday (Labour Code 2019 art. 112) that falls in the same run of days off, so a
// compensatory day or a bridging day takes its holiday's name.

import { addDays } from './holidays.js';
import { lunarDate, lunarNewYear } from './lunar-calendar.js';

export interface Words {
  vi: string;
  en: string;
}

const NAMES = {
  newYear: { vi: 'Nghỉ Tết Dương lịch', en: "New Year's Day holiday" },
  tet: { vi: 'Nghỉ Tết Nguyên đán', en: 'Lunar New Year (Tết) holiday' },
  hungKings: { vi: 'Nghỉ Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
  reunification: { vi: 'Nghỉ lễ Ngày Chiến thắng 30/4', en: 'Reunification Day holiday (30 April)' },
  labour: { vi: 'Nghỉ lễ Quốc tế Lao động 1/5', en: 'International Labour Day holiday (1 May)' },
  reunificationAndLabour: { vi: 'Nghỉ lễ 30/4 và 1/5', en: '30 April and 1 May holidays' },
  national: { vi: 'Nghỉ lễ Quốc khánh 2/9', en: 'National Day holiday (2 September)' },
  culture: { vi: 'Nghỉ Ngày Văn hóa Việt Nam 24/11', en: 'Vietnam Culture Day (24 November)' },
  other: { vi: 'Ngày nghỉ lễ', en: 'Public holiday' },
} satisfies Record<string, Words>;

/** The statutory anchor days of a year, each with its name. */
function anchors(year: number): [string, keyof typeof NAMES][] {
  const tet = lunarNewYear(year);
  return [
    [`${year}-01-01`, 'newYear'],
    [addDays(tet, -1), 'tet'],
    [tet, 'tet'],
    [lunarDate(10, 3, year), 'hungKings'],
    [`${year}-04-30`, 'reunification'],
    [`${year}-05-01`, 'labour'],
    [`${year}-09-02`, 'national'],
    [`${year}-11-24`, 'culture'],
  ];
}

/** The name of a day off, from the holidays inside its run of days off (`isOff` says which days are off). */
export function holidayNameOf(day: string, isOff: (day: string) => boolean): Words {
  let first = day;
  let last = day;
  for (let i = 0; i < 20 && isOff(addDays(first, -1)); i++) first = addDays(first, -1);
  for (let i = 0; i < 20 && isOff(addDays(last, 1)); i++) last = addDays(last, 1);
  const years = new Set([Number(first.slice(0, 4)), Number(last.slice(0, 4))]);
  const found = new Set<keyof typeof NAMES>();
  for (const year of years) for (const [anchor, name] of anchors(year)) if (anchor >= first && anchor <= last) found.add(name);
  if (found.has('reunification') && found.has('labour')) return NAMES.reunificationAndLabour;
  const [name] = found;
  return NAMES[name ?? 'other'];
}
