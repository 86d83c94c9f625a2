import { describe, expect, it } from 'vitest';
import { formsFor, slipContent, slipTime } from '../../server/use-cases/dossiers/slips/slip-content.js';
import { slipBlocks } from '../../server/use-cases/dossiers/slips/slip-thermal.js';
import type { Dossier } from '../../server/domain/dossier/dossier.js';

const TZ = 'Asia/Ho_Chi_Minh';
const base: Dossier = {
  code: '000.00.14.H17-261124-0001',
  kind: 'local',
  checkCode: '7KX4MA',
  procedureCode: 'HT.04',
  procedureName: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân', en: 'Certificate of marital status' },
  serviceId: 'HT',
  applicant: { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: null, address: 'Phường Hòa An' },
  papers: [
    { name: 'Tờ khai', kind: 'original', count: 1, received: true },
    { name: 'Ảnh', kind: 'copy', count: 2, received: false },
  ],
  notes: null,
  status: 2,
  ticketId: 't',
  returnTicketIds: [],
  counterId: 1,
  openedAt: Date.UTC(2026, 10, 24, 2, 0),
  receivedAt: Date.UTC(2026, 10, 24, 2, 0),
  processing: { unit: 'days', value: 3 },
  // Three working days after Tuesday 24/11: to the end of Friday 27/11 (24:00 in Hanoi).
  dueAt: Date.UTC(2026, 10, 27, 17, 0),
  promisedAt: null,
  waits: [],
  missingPapers: [],
  reason: null,
  doneAt: null,
  returnedAt: null,
  steps: [{ status: 2, at: 0, by: 'Nguyễn Thị Lan', note: null }],
};
const facts = {
  hallName: 'Trung tâm Phục vụ hành chính công phường Hòa An',
  timeZone: TZ,
  clerk: 'Nguyễn Thị Lan',
  resultAt: null,
  processingText: '03 ngày làm việc',
  printedAt: base.receivedAt!,
  lookupUrl: 'http://192.168.1.10:8080/lookup/?code=000.00.14.H17-261124-0001&check=7KX4MA',
};

describe('slip content', () => {
  it('writes times the way the forms do', () => {
    expect(slipTime(Date.UTC(2026, 10, 24, 2, 5), TZ)).toBe('09 giờ 05 phút, ngày 24/11/2026');
  });

  it('offers the forms that fit the dossier', () => {
    expect(formsFor(base)).toEqual(['01']);
    expect(formsFor({ ...base, status: 5, receivedAt: null, missingPapers: ['Ảnh'] })).toEqual(['02']);
    expect(formsFor({ ...base, status: 3, receivedAt: null, reason: 'Không thuộc thẩm quyền' })).toEqual(['03']);
    expect(formsFor({ ...base, promisedAt: base.dueAt! + 86_400_000 })).toEqual(['01', '04']);
    expect(formsFor({ ...base, status: 8, reason: 'Công dân đề nghị' })).toEqual(['01', '05']);
    // A dossier of the province's system gets only the hall's lookup slip (its receipt is the province's).
    expect(formsFor({ ...base, kind: 'linked', applicant: null })).toEqual(['TC']);
  });

  it('lists only the papers received on the receipt, and the return time', () => {
    const slip = slipContent(base, '01', facts);
    expect(slip.title).toBe('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(slip.papers).toEqual([{ name: 'Tờ khai', kind: 'bản chính', count: 1 }]);
    // A limit in days: the whole last day counts, so the day is printed, not 00:00 of the next.
    expect(slip.fields).toContainEqual(['Thời gian trả kết quả', 'Trong ngày 27/11/2026']);
    // A limit in working hours: the time too.
    const hours = slipContent({ ...base, processing: { unit: 'hours', value: 4 }, dueAt: Date.UTC(2026, 10, 24, 6, 30) }, '01', facts);
    expect(hours.fields).toContainEqual(['Thời gian trả kết quả', '13 giờ 30 phút, ngày 24/11/2026']);
    expect(slip.place).toBe('Ngày 24 tháng 11 năm 2026');
  });

  it('carries the check code and the lookup address on every form, and says how to look up on the lookup slip', () => {
    for (const form of ['01', '02', '03', '04', '05'] as const) {
      const slip = slipContent({ ...base, missingPapers: ['Ảnh'], reason: 'Lý do' }, form, facts);
      expect(slip.checkCode).toBe('7KX4MA');
      expect(slip.lookupUrl).toBe(facts.lookupUrl);
    }
    // On the roll, the QR holds the lookup address (a phone opens the progress), not the bare code.
    const blocks = slipBlocks(slipContent(base, '01', facts), 1);
    expect(blocks.filter((b) => b.kind === 'qr')).toEqual([{ kind: 'qr', url: facts.lookupUrl }]);
    expect(blocks).toContainEqual(expect.objectContaining({ kind: 'text', text: 'Mã kiểm tra: 7KX 4MA' }));
    const linked = slipContent({ ...base, kind: 'linked', applicant: null, procedureName: { vi: 'Hồ sơ trên hệ thống của tỉnh', en: '' } }, 'TC', facts);
    expect(linked.title).toBe('PHIẾU TRA CỨU HỒ SƠ');
    expect(linked.closing).toContain('mã kiểm tra');
    expect(linked.fields).toContainEqual(['Nội dung yêu cầu giải quyết', 'Hồ sơ trên hệ thống của tỉnh']);
  });

  it('gives the refusal, the apology and the stop their reasons and dates', () => {
    expect(slipContent({ ...base, status: 3, reason: 'Không thuộc thẩm quyền' }, '03', facts).list).toEqual(['Không thuộc thẩm quyền']);
    const apology = slipContent({ ...base, promisedAt: Date.UTC(2026, 11, 1, 2, 0), steps: [...base.steps, { status: 2, at: 1, by: 'x', note: 'Chờ xác minh' }] }, '04', facts);
    expect(apology.fields).toContainEqual(['Ngày hẹn trả kết quả mới', '09 giờ 00 phút, ngày 01/12/2026']);
    expect(apology.fields).toContainEqual(['Ngày hẹn trả kết quả trước đây', 'Trong ngày 27/11/2026']);
    expect(apology.list).toEqual(['Chờ xác minh']);
    expect(slipContent({ ...base, status: 8, reason: 'Công dân đề nghị dừng' }, '05', facts).title).toBe('PHIẾU DỪNG XỬ LÝ HỒ SƠ');
  });
});
