// Dossier slips as the office printer gets them: a real PDF with the Vietnamese font embedded,
// rendered by pdftoppm and read back with tesseract's Vietnamese model.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import { inject, prepareCallers, type TestCaller } from '../helpers/callers.js';
import { pdfFirstPageText } from '../helpers/pdf-text.js';
import { decodeJob, toPbm } from '../helpers/escpos-decoder.js';
import { ocrVietnamese } from '../helpers/ocr.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
let c: Record<string, TestCaller>;

beforeAll(async () => {
  const clock = { now: localInstant('2026-11-24', 9 * 60 + 5, 'Asia/Ho_Chi_Minh') };
  hub = await startTestHub({ clock: () => clock.now });
  c = await prepareCallers(hub);
});
afterAll(async () => {
  await hub.stop(true);
});

const readBack = pdfFirstPageText;

async function serve(serviceId = 'HT'): Promise<string> {
  await inject(hub, c.api!, 'POST', '/api/tickets', { serviceId });
  return (await inject(hub, c.clerk1!, 'POST', '/api/counters/1/call-next', { finishCurrent: true })).body.ticket.id;
}

describe('dossier slips', () => {
  it('prints the receipt and appointment (form 01) that reads back exactly, on A4 and A5', async () => {
    const ticketId = await serve();
    const received = await inject(hub, c.clerk1!, 'POST', '/api/dossiers', {
      counterId: 1,
      ticketId,
      procedureCode: 'HT.04',
      applicant: { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: '0912345678', address: 'Số 5 đường Hoa Sữa, phường Hòa An' },
      papers: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', kind: 'original', count: 1, received: true }],
      outcome: 'complete',
    });
    const response = await hub.app.inject({ method: 'GET', url: `/api/dossiers/${received.body.code}/slip.pdf?form=01`, headers: { authorization: `Bearer ${c.clerk1!.token}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    // A slip holds the citizen's name, ID and address: no browser or proxy may keep it.
    expect(response.headers['cache-control']).toBe('no-store');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The font travels inside the file: any office printer prints the diacritics.
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
    const text = await readBack(pdf);
    for (const line of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${received.body.code}`,
      // The check code the public lookup asks for, in two halves to read it off the paper.
      'Mã kiểm tra:',
      'Tiếp nhận hồ sơ của: Nguyễn Văn An',
      'Địa chỉ: Số 5 đường Hoa Sữa, phường Hòa An',
      'Số định danh cá nhân: 001099012345',
      'Nội dung yêu cầu giải quyết: Cấp Giấy xác nhận tình trạng hôn nhân',
      'Thời gian giải quyết theo quy định: 03 ngày làm việc',
      'Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 24/11/2026',
      // Three working days after Tuesday 24/11: the whole of Friday 27/11 (Civil Code art. 148).
      'Thời gian trả kết quả: Trong ngày 27/11/2026',
      '1. Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (bản chính, số lượng: 01)',
      'Nguyễn Thị Lan',
    ]) {
      expect(text).toContain(line);
    }
    const a5 = await hub.app.inject({ method: 'GET', url: `/api/dossiers/${received.body.code}/slip.pdf?size=A5`, headers: { authorization: `Bearer ${c.clerk1!.token}` } });
    expect(a5.statusCode).toBe(200);
    expect(a5.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 419\.5[0-9]* 595\.2[0-9]*\]/);
    // Form 03 does not apply to a received dossier; without a token there is no slip.
    expect((await inject(hub, c.clerk1!, 'GET', `/api/dossiers/${received.body.code}/slip.pdf?form=03`)).status).toBe(409);
    expect((await inject(hub, { address: '192.168.1.9', token: null }, 'GET', `/api/dossiers/${received.body.code}/slip.pdf`)).status).toBe(401);
  });

  it("prints the receipt on a staff printer's thermal roll, with every line readable from the bytes the printer gets; never on a public kiosk", async () => {
    const ticketId = await serve();
    const received = await inject(hub, c.clerk1!, 'POST', '/api/dossiers', {
      counterId: 1,
      ticketId,
      procedureCode: 'CT.03',
      applicant: { name: 'Phạm Thị Thu Hà', idNumber: '031188004455', address: 'Tổ 3, phường Hòa An' },
      papers: [{ name: 'Dự thảo hợp đồng, giao dịch', kind: 'original', count: 1, received: true }],
      outcome: 'complete',
    });
    // K1 stands in the public hall: a slip with the citizen's ID number and address is not printed there.
    const onPublicKiosk = await inject(hub, c.clerk1!, 'POST', `/api/dossiers/${received.body.code}/print`, { kioskId: 'K1' });
    expect(onPublicKiosk.status).toBe(403);
    expect(onPublicKiosk.body).toMatchObject({ error: 'kiosk_not_for_slips', message: 'Máy K1 đặt nơi công cộng: phiếu hồ sơ có thông tin cá nhân chỉ in tại máy in dành cho cán bộ.' });
    expect(readdirSync(hub.app.printing.printsDir).filter((f) => f.includes('SLIP'))).toEqual([]);
    // K3 is the demo hall's printer behind the reception counters (slips: true).
    const printed = await inject(hub, c.clerk1!, 'POST', `/api/dossiers/${received.body.code}/print`, { kioskId: 'K3' });
    expect(printed.body).toEqual({ print: { ok: true, code: null, message: null, messageEn: null } });
    const bin = readdirSync(hub.app.printing.printsDir).find((f) => f.includes('SLIP01') && f.endsWith('.bin'))!;
    const job = decodeJob(readFileSync(join(hub.app.printing.printsDir, bin)), 'escpos');
    expect(job.cuts).toBe(1);
    expect(job.rasters[0]!.width).toBe(576);
    // The roll is narrow: long lines wrap, so the text is read as one run of words.
    const text = (await ocrVietnamese(toPbm(job.rasters[0]!), 'pbm')).replace(/\s+/g, ' ');
    for (const line of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${received.body.code}`,
      'Mã kiểm tra:',
      'Quét mã QR để xem tiến độ hồ sơ',
      'Phạm Thị Thu Hà',
      'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản',
      'Thời gian giải quyết theo quy định: 02 ngày làm việc',
      'Thời gian trả kết quả: Trong ngày 26/11/2026',
      '1. Dự thảo hợp đồng, giao dịch, bản chính, số lượng 01',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Nguyễn Thị Lan',
    ]) {
      expect(text).toContain(line);
    }
    // The check code is random, and each model misreads some of its letters now and then (the
    // Vietnamese one puts a mark on J, the English one reads 6 as G): it must be read whole by
    // at least one of them.
    const code = `${received.body.checkCode.slice(0, 3)} ${received.body.checkCode.slice(3)}`;
    const english = (await ocrVietnamese(toPbm(job.rasters[0]!), 'pbm', 'eng')).replace(/\s+/g, ' ');
    expect(
      [text, english].filter((reading) => reading.includes(code)),
      `${code} in:\n${text}\n${english}`,
    ).not.toEqual([]);
    expect((await inject(hub, c.clerk1!, 'POST', `/api/dossiers/${received.body.code}/print`, { kioskId: 'K9' })).status).toBe(404);
  });

  it('prints the request for missing papers (form 02), listing them', async () => {
    const ticketId = await serve();
    const incomplete = await inject(hub, c.clerk1!, 'POST', '/api/dossiers', {
      counterId: 1,
      ticketId,
      procedureCode: 'HT.05',
      applicant: { name: 'Trần Thị Bình', idNumber: '079199001234', address: 'Phường Hòa An' },
      papers: [],
      outcome: 'incomplete',
      missingPapers: ['Giấy chứng sinh của con', 'Văn bản của cơ quan y tế xác nhận quan hệ cha, mẹ, con'],
    });
    const pdf = (await hub.app.inject({ method: 'GET', url: `/api/dossiers/${incomplete.body.code}/slip.pdf`, headers: { authorization: `Bearer ${c.api!.token}` } })).rawPayload;
    const text = await readBack(pdf);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('1. Giấy chứng sinh của con');
    expect(text).toContain('2. Văn bản của cơ quan y tế xác nhận quan hệ cha, mẹ, con');
  });

  // Last: it prints a slip of its own, which the tests above would otherwise find among the prints.
  it('no reply carrying personal data may be kept by a browser or proxy (cache-control: no-store), over the network', async () => {
    const ticketId = await serve();
    const received = await inject(hub, c.clerk1!, 'POST', '/api/dossiers', {
      counterId: 1,
      ticketId,
      procedureCode: 'HT.04',
      applicant: { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: '0912345678', address: 'Số 5 đường Hoa Sữa, phường Hòa An' },
      papers: [],
      outcome: 'complete',
    });
    const code = received.body.code as string;
    await inject(hub, c.clerk1!, 'POST', `/api/dossiers/${code}/print`, { kioskId: 'K3' });
    const print = readdirSync(hub.app.printing.printsDir).find((f) => f.endsWith('.png'))!;
    const staff = { authorization: `Bearer ${c.clerk1!.token}` };
    const hubMachine = { authorization: `Bearer ${c.api!.token}` };
    const replies: [string, string, Record<string, string>, unknown?][] = [
      ['GET', `/api/dossiers/${code}/slip.pdf`, staff],
      ['GET', `/api/dossiers/${code}/slip.pdf?form=01&size=A5`, staff],
      ['GET', `/api/dossiers/${code}`, staff],
      ['GET', `/api/dossiers?ticketId=${ticketId}`, staff],
      ['GET', `/api/lookup/${code}?check=${received.body.checkCode}`, {}],
      ['GET', '/api/tickets', hubMachine],
      ['GET', '/api/events?limit=10', hubMachine],
      ['GET', `/api/prints/${print}`, hubMachine],
      ['POST', '/api/staff/sign-in', {}, { user: 'quanly', password: 'luot-demo', counterId: null }],
      ['GET', '/api/counters/1', staff],
    ];
    for (const [method, path, headers, body] of replies) {
      const response = await fetch(new URL(path, hub.url), {
        method,
        headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      await response.arrayBuffer();
      expect(response.status, `${method} ${path}`).toBe(200);
      expect(response.headers.get('cache-control'), `${method} ${path}`).toBe('no-store');
    }
    // The spoken call holds no personal data: it may be kept, but is checked again each time so a
    // voice changed in the console is heard at once.
    const wav = await fetch(new URL('/api/voice/call.wav?number=1001&counter=1', hub.url));
    await wav.arrayBuffer();
    expect(wav.status).toBe(200);
    expect(wav.headers.get('cache-control')).toBe('no-cache');
  });
});
