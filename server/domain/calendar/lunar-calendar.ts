// The Vietnamese lunar calendar, computed for a time zone (UTC+7 for Vietnam). Months begin on
// the local day of the new moon, month 11 holds the winter solstice, and a leap month is the
// first month of a 13-month year with no major solar term. Computed at UTC+7 it differs from
// the Chinese calendar (UTC+8) in some years: Tết 1985 fell on 21 January in Vietnam and on
// 20 February in China; Tết 2007 on 17 and 18 February.
// Astronomy after J. Meeus, Astronomical Algorithms (new moon and solar longitude series).

const DEG = Math.PI / 180;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01, the epoch of lunation numbers here. */
const LUNATION_EPOCH = 2415021.076998695;

/** Julian day number of a Gregorian date. */
export function julianDay(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

/** The Gregorian date of a Julian day number. */
export function gregorianDate(jdn: number): { year: number; month: number; day: number } {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

/** Julian date (UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DEG;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DEG;
  const latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DEG;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * latitude) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * latitude + sunAnomaly) -
    0.0004 * Math.sin(2 * latitude - sunAnomaly) -
    0.0006 * Math.sin(2 * latitude + moonAnomaly) +
    0.001 * Math.sin(2 * latitude - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  // Terrestrial time to universal time.
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + correction - deltaT;
}

/** The local day (Julian day number) on which the k-th new moon falls. */
function newMoonDay(k: number, utcOffsetHours: number): number {
  return Math.floor(newMoon(k) + 0.5 + utcOffsetHours / 24);
}

/** Which twelfth of the ecliptic (0-11, 30° each) the sun is in at the start of a local day. */
function solarSector(jdn: number, utcOffsetHours: number): number {
  const t = (jdn - 0.5 - utcOffsetHours / 24 - 2451545.0) / 36525;
  const t2 = t * t;
  const anomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEG;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly) + (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) + 0.00029 * Math.sin(3 * anomaly);
  let longitude = (meanLongitude + centre) * DEG;
  longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
  return Math.floor((longitude / Math.PI) * 6);
}

/** The first day of lunar month 11 (which holds the winter solstice) of a Gregorian year. */
function month11Start(year: number, utcOffsetHours: number): number {
  const k = Math.floor((julianDay(year, 12, 31) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k, utcOffsetHours);
  // A month starting with the sun already past 270° is month 12: month 11 began one earlier.
  return solarSector(start, utcOffsetHours) >= 9 ? newMoonDay(k - 1, utcOffsetHours) : start;
}

/** How many months after month 11 the leap month of a 13-month year falls. */
function leapMonthOffset(month11: number, utcOffsetHours: number): number {
  const k = Math.floor((month11 - LUNATION_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = solarSector(newMoonDay(k + i, utcOffsetHours), utcOffsetHours);
  let previous: number;
  do {
    previous = sector;
    i++;
    sector = solarSector(newMoonDay(k + i, utcOffsetHours), utcOffsetHours);
  } while (sector !== previous && i < 14);
  return i - 1;
}

/**
 * The Gregorian date of a lunar date: `day` of lunar `month` of the lunar year that begins
 * in Gregorian `year`. `leap`: the leap month of that number. Null when there is no such month.
 */
export function lunarToGregorian(day: number, month: number, year: number, utcOffsetHours = 7, leap = false): { year: number; month: number; day: number } | null {
  const [from, to] = month < 11 ? [year - 1, year] : [year, year + 1];
  const a11 = month11Start(from, utcOffsetHours);
  const b11 = month11Start(to, utcOffsetHours);
  const k = Math.floor(0.5 + (a11 - LUNATION_EPOCH) / SYNODIC_MONTH);
  let offset = (month - 11 + 12) % 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, utcOffsetHours);
    const leapMonth = (leapOffset - 2 + 12) % 12;
    if (leap && month !== leapMonth) return null;
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    return null;
  }
  return gregorianDate(newMoonDay(k + offset, utcOffsetHours) + day - 1);
}

const iso = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Tết: the first day of the lunar year that begins in `year`, as YYYY-MM-DD. */
export function lunarNewYear(year: number, utcOffsetHours = 7): string {
  return iso(lunarToGregorian(1, 1, year, utcOffsetHours)!);
}

/** A lunar date of the lunar year beginning in `year`, as YYYY-MM-DD. */
export function lunarDate(day: number, month: number, year: number, utcOffsetHours = 7): string {
  return iso(lunarToGregorian(day, month, year, utcOffsetHours)!);
}
