// What a paper ticket says, as plain lines: Vietnamese first, English beneath in small type.
// Pure, so the words can be checked without drawing; ticket-layout.ts lays them out.

import type { LocalizedText } from '../../domain/localized-text.js';
import { localTime } from '../../domain/calendar/hall-clock.js';
import { waitMinutesToShow } from '../../domain/estimate/wait-estimate.js';

export interface TicketFacts {
  hallName: string;
  number: string;
  service: LocalizedText;
  location: LocalizedText | null;
  /** Name of the priority category, null for a regular ticket. */
  priority: LocalizedText | null;
  peopleAhead: number | null;
  estimatedWaitSeconds: number | null;
  /** Not expected to be called before closing. */
  beyondClosing?: boolean;
  issuedAt: number;
  timeZone: string;
  /** The phone page, encoded in the QR code. */
  phoneUrl: string;
  footer: LocalizedText;
}

export interface TicketWords {
  hallName: string;
  serviceVi: string;
  serviceEn: string;
  location: string | null;
  numberLabel: string;
  number: string;
  priority: string | null;
  ahead: LocalizedText;
  wait: LocalizedText;
  qrHint: LocalizedText;
  phoneUrl: string;
  issued: string;
  footer: LocalizedText;
}

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "08:15 - Thứ Hai, 23/11/2026" in the hall's time zone. */
export function issuedAtWords(at: number, timeZone: string): string {
  const { day, minutes } = localTime(at, timeZone);
  const [year, month, date] = day.split('-');
  // The hall's calendar day taken as a UTC date gives its weekday.
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${hhmm} - ${WEEKDAYS_VI[weekday]}, ${date}/${month}/${year}`;
}

function aheadWords(ahead: number | null): LocalizedText {
  if (ahead === null) return { vi: '', en: '' };
  if (ahead === 0) return { vi: 'Công dân là người tiếp theo', en: 'You are next' };
  return { vi: `Phía trước còn ${ahead} người`, en: `${ahead} ${ahead === 1 ? 'person' : 'people'} ahead of you` };
}

function waitWords(seconds: number | null, ahead: number | null, beyondClosing: boolean): LocalizedText {
  if (beyondClosing) return { vi: 'Có thể không kịp phục vụ trong hôm nay', en: 'May not be served today' };
  const minutes = waitMinutesToShow(seconds);
  // The next in line with a counter about to be free: the line above says it all.
  if (ahead === 0 && minutes === 0) return { vi: '', en: '' };
  if (minutes === null) return { vi: 'Chưa có quầy phục vụ lúc này', en: 'No counter is serving right now' };
  return { vi: `Thời gian chờ dự kiến: khoảng ${minutes} phút`, en: `Estimated wait: about ${minutes} min` };
}

export function ticketWords(facts: TicketFacts): TicketWords {
  // NFC: a decomposed "ệ" would be drawn as a letter and a loose accent by some fonts.
  const nfc = (s: string) => s.normalize('NFC');
  const both = (t: LocalizedText): LocalizedText => ({ vi: nfc(t.vi), en: nfc(t.en) });
  return {
    hallName: nfc(facts.hallName),
    serviceVi: nfc(facts.service.vi),
    serviceEn: nfc(facts.service.en),
    location: facts.location ? nfc(`${facts.location.vi} / ${facts.location.en}`) : null,
    numberLabel: 'SỐ THỨ TỰ / YOUR NUMBER',
    number: facts.number,
    priority: facts.priority ? nfc(`Ưu tiên / Priority: ${facts.priority.vi}`) : null,
    ahead: aheadWords(facts.peopleAhead),
    wait: waitWords(facts.estimatedWaitSeconds, facts.peopleAhead, facts.beyondClosing ?? false),
    qrHint: { vi: 'Quét mã để theo dõi lượt trên điện thoại', en: 'Scan to follow your turn on your phone' },
    phoneUrl: facts.phoneUrl,
    issued: issuedAtWords(facts.issuedAt, facts.timeZone),
    footer: both(facts.footer),
  };
}
