// What each dossier slip says (Circular 03/2025/TT-VPCP numbering): 01 receipt and
// appointment, 02 request for missing papers, 03 refusal, 04 apology with a new date, 05
// processing stopped. Pure, so the words are checked without drawing; slip-pdf.ts lays them out.

import { slipFormsOf } from '../../../domain/dossier/dossier.js';
import type { Dossier } from '../../../domain/dossier/dossier.js';
import { localTime } from '../../../domain/calendar/hall-clock.js';
import { dueHasTime, PAPER_KIND_WORDS } from '../../../domain/dossier/procedures.js';

/** 'TC': the lookup slip of a dossier of the province's system (luot gives no receipt of its own for it). */
export const SLIP_FORMS = ['01', '02', '03', '04', '05', 'TC'] as const;
export type SlipForm = (typeof SLIP_FORMS)[number];

export interface SlipFacts {
  hallName: string;
  timeZone: string;
  clerk: string;
  /** Where the result is returned, from the procedure. */
  resultAt: string | null;
  processingText: string | null;
  printedAt: number;
  /** The lookup page's address with the code and check code: what the slip's QR carries. */
  lookupUrl: string;
}

export interface SlipContent {
  form: SlipForm;
  agency: string;
  title: string;
  code: string;
  /** The check code the public lookup asks beside the code. */
  checkCode: string;
  /** What the QR carries: the lookup page's address with both codes. */
  lookupUrl: string;
  /** Label and value lines, in order. */
  fields: [string, string][];
  /** The papers table (form 01), or the list of what is missing (form 02). */
  papers: { name: string; kind: string; count: number }[] | null;
  listTitle: string | null;
  list: string[];
  closing: string | null;
  signatures: [string, string];
  clerk: string;
  place: string;
}

const TITLES: Record<SlipForm, string> = {
  '01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  '04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  '05': 'PHIẾU DỪNG XỬ LÝ HỒ SƠ',
  TC: 'PHIẾU TRA CỨU HỒ SƠ',
};

/** "Mẫu số 01"; the lookup slip of a province dossier has no form number. */
export function formLabel(slip: Pick<SlipContent, 'form'>): string {
  return slip.form === 'TC' ? 'Phiếu tra cứu' : `Mẫu số ${slip.form}`;
}

/** "7KX 4MA": the check code in two halves, easier to read off the paper. */
export function spaced(check: string): string {
  return check.length === 6 ? `${check.slice(0, 3)} ${check.slice(3)}` : check;
}

/** Which forms a dossier in its present state can have printed (the rule is the domain's, shared with the desk). */
export const formsFor = (d: Dossier): SlipForm[] => slipFormsOf(d);

/** "09 giờ 05 phút, ngày 24/11/2026" in the hall's time. */
export function slipTime(at: number, timeZone: string): string {
  const { day, minutes } = localTime(at, timeZone);
  const [y, m, d] = day.split('-');
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')} giờ ${String(minutes % 60).padStart(2, '0')} phút, ngày ${d}/${m}/${y}`;
}

/**
 * The due date as the receipt prints it: the last day of a limit in days ("ngày 25/02/2026",
 * the whole day counts, Civil Code art. 148), the time too for a limit in working hours.
 */
export function slipDue(d: Pick<Dossier, 'dueAt' | 'processing'>, timeZone: string): string {
  if (d.dueAt === null) return '';
  if (d.processing === null || dueHasTime(d.processing)) return slipTime(d.dueAt, timeZone);
  // A limit in days ends at 24:00 of its last day: that day is the one printed.
  const [y, m, day] = localTime(d.dueAt - 1, timeZone).day.split('-');
  return `Trong ngày ${day}/${m}/${y}`;
}

export function slipContent(d: Dossier, form: SlipForm, facts: SlipFacts): SlipContent {
  const a = d.applicant;
  const time = (at: number | null) => (at === null ? '' : slipTime(at, facts.timeZone));
  const who: [string, string][] = a
    ? [
        ['Tiếp nhận hồ sơ của', a.name],
        ['Địa chỉ', a.address],
        ['Số điện thoại', a.phone ?? ''],
        ['Số định danh cá nhân', a.idNumber],
      ]
    : [];
  const request: [string, string] = ['Nội dung yêu cầu giải quyết', d.procedureName.vi];
  const { day } = localTime(facts.printedAt, facts.timeZone);
  const [y, m, dd] = day.split('-');
  const base = {
    form,
    agency: facts.hallName,
    title: TITLES[form],
    code: d.code,
    checkCode: d.checkCode,
    lookupUrl: facts.lookupUrl,
    papers: null,
    listTitle: null,
    list: [] as string[],
    closing: null,
    signatures: ['NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ'] as [string, string],
    clerk: facts.clerk,
    place: `Ngày ${dd} tháng ${m} năm ${y}`,
  };
  switch (form) {
    case '01':
      return {
        ...base,
        fields: [
          ...who,
          request,
          ['Số lượng hồ sơ', '01 bộ'],
          ['Thời gian giải quyết theo quy định', facts.processingText ?? ''],
          ['Thời gian nhận hồ sơ', time(d.receivedAt)],
          ['Thời gian trả kết quả', d.promisedAt !== null ? time(d.promisedAt) : slipDue(d, facts.timeZone)],
          ['Nhận kết quả tại', facts.resultAt ?? 'Bộ phận Một cửa'],
        ],
        papers: d.papers.filter((p) => p.received).map((p) => ({ name: p.name, kind: PAPER_KIND_WORDS[p.kind].vi, count: p.count })),
        listTitle: 'Thành phần hồ sơ',
      };
    case '02':
      return {
        ...base,
        fields: [...who, request, ['Ngày tiếp nhận', time(d.openedAt)]],
        listTitle: 'Đề nghị bổ sung, hoàn thiện các nội dung sau (yêu cầu một lần)',
        list: d.missingPapers,
        closing: 'Công dân bổ sung đủ giấy tờ nêu trên để hồ sơ được tiếp nhận và giải quyết. Xin cảm ơn!',
      };
    case '03':
      return {
        ...base,
        fields: [...who, request],
        listTitle: 'Lý do không tiếp nhận',
        list: [d.reason ?? ''],
        closing: 'Xin thông báo để công dân được biết.',
      };
    case '04':
      return {
        ...base,
        fields: [...who, request, ['Ngày hẹn trả kết quả trước đây', slipDue(d, facts.timeZone)], ['Ngày hẹn trả kết quả mới', time(d.promisedAt)]],
        listTitle: 'Lý do chậm trả kết quả',
        list: [d.steps.findLast((s) => s.note && s.status === d.status)?.note ?? ''],
        closing: 'Bộ phận Một cửa thành thật xin lỗi công dân vì sự chậm trễ này.',
        signatures: ['', 'NGƯỜI ĐẠI DIỆN CƠ QUAN'],
      };
    case '05':
      return {
        ...base,
        fields: [...who, request, ['Ngày tiếp nhận', time(d.receivedAt ?? d.openedAt)]],
        listTitle: 'Lý do dừng xử lý',
        list: [d.reason ?? ''],
        closing: 'Xin thông báo để công dân được biết.',
        signatures: ['', 'NGƯỜI ĐẠI DIỆN CƠ QUAN'],
      };
    case 'TC':
      return {
        ...base,
        fields: [request, ['Ngày liên kết tại Bộ phận Một cửa', time(d.openedAt)]],
        closing:
          'Quét mã QR bằng điện thoại hoặc tại máy tra cứu, hoặc nhập mã hồ sơ và mã kiểm tra, để xem tiến độ giải quyết. Khi có kết quả, mang phiếu này đến máy lấy số, chọn "Nhận kết quả hồ sơ".',
        signatures: ['', 'NGƯỜI TIẾP NHẬN HỒ SƠ'],
      };
  }
}
