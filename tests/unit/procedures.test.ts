import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError, catalogFromCsv, catalogFromText, parsePapers, parseProcessing } from '../../server/config/procedure-file.js';
import { foldVietnamese, searchProcedures } from '../../server/domain/dossier/procedures.js';
import { PROJECT_ROOT } from '../../server/paths.js';

const demo = catalogFromText(readFileSync(join(PROJECT_ROOT, 'config', 'demo-procedures.json'), 'utf8'), 'demo-procedures.json');

describe('the demo catalogue', () => {
  it('has at least 25 procedures of a ward centre, each with its legal time, basis and papers', () => {
    expect(demo.length).toBeGreaterThanOrEqual(25);
    for (const p of demo) {
      expect(p.legalBasis, p.code).not.toBe('');
      expect(p.processingText, p.code).not.toBe('');
      expect(p.papers.length, p.code).toBeGreaterThan(0);
    }
    const names = demo.map((p) => p.name.vi);
    for (const wanted of [
      'Đăng ký khai sinh',
      'Đăng ký kết hôn',
      'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
      'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      'Đăng ký thành lập hộ kinh doanh',
    ]) {
      expect(names).toContain(wanted);
    }
    expect(demo.find((p) => p.code === 'DD.01')!.processing).toEqual({ unit: 'days', value: 20 });
    expect(demo.find((p) => p.code === 'HT.01')!.processing).toEqual({ unit: 'sameDay', cutoff: '15:00' });
  });

  it('gives every procedure its code in the national database, once', () => {
    const codes = demo.map((p) => p.nationalCode);
    for (const p of demo) expect(p.nationalCode, p.code).toMatch(/^[1-3]\.\d{6}$/);
    expect(new Set(codes).size).toBe(codes.length);
    const byCode = (code: string) => demo.find((p) => p.code === code)!.nationalCode;
    expect([byCode('HT.01'), byCode('HT.02'), byCode('DD.01'), byCode('DD.02'), byCode('XD.01'), byCode('KD.01'), byCode('CA.01')]).toEqual([
      '1.001193',
      '1.000894',
      '1.013978',
      '1.013831',
      '1.013225',
      '1.001612',
      '1.004222',
    ]);
  });

  it('follows the law in force after the two-level reform, not the decrees it replaced', () => {
    const get = (code: string) => demo.find((p) => p.code === code)!;
    for (const p of demo) {
      // Decree 01/2021 on household businesses gave way to Decree 168/2025 on 1 July 2025;
      // Decree 151/2025 took over the land registration times of Decree 101/2024, Article 22.
      expect(p.legalBasis, p.code).not.toMatch(/01\/2021\/NĐ-CP, Điều/);
      expect(p.legalBasis, p.code).not.toMatch(/101\/2024\/NĐ-CP, Điều 22/);
    }
    for (const code of ['KD.01', 'KD.02', 'KD.03', 'KD.04']) expect(get(code).legalBasis).toContain('168/2025/NĐ-CP');
    for (const code of ['DD.01', 'DD.02', 'DD.03', 'DD.04', 'DD.05']) expect(get(code).legalBasis).toContain('151/2025/NĐ-CP');
    // Land times under Decree 151/2025 as the provinces publish them, in working days.
    expect(['DD.02', 'DD.03', 'DD.04', 'DD.05'].map((c) => get(c).processing)).toEqual([
      { unit: 'days', value: 8 },
      { unit: 'days', value: 12 },
      { unit: 'days', value: 5 },
      { unit: 'days', value: 10 },
    ]);
    // The land forms are the new ones of Decree 151/2025 (the 04/ĐK and 11/ĐK of before are gone).
    expect(get('DD.01').papers[0]!.name).toContain('Mẫu số 15');
    expect(get('DD.02').papers[0]!.name).toContain('Mẫu số 18');
    expect(demo.flatMap((p) => p.papers).some((paper) => /04\/ĐK|11\/ĐK/.test(paper.name))).toBe(false);
    // A detached house's building permit: 7 working days (Resolution 66.18/2026), at the commune.
    expect(get('XD.01').processing).toEqual({ unit: 'days', value: 7 });
    expect(get('XD.01').processingText).toMatch(/^07 ngày làm việc/);
    // Two Vietnamese citizens marrying no longer bring a marital status certificate.
    expect(
      get('HT.02')
        .papers.map((paper) => paper.name)
        .join(' '),
    ).not.toContain('tình trạng hôn nhân');
    // Removal of a permanent residence: 5 working days as the Ministry of Public Security publishes it.
    expect(get('CA.03').processing).toEqual({ unit: 'days', value: 5 });
  });
});

describe('search', () => {
  it('finds with or without diacritics, by name, code or field', () => {
    expect(foldVietnamese('  Đăng KÝ   khai sinh ')).toBe('dang ky khai sinh');
    expect(searchProcedures(demo, 'dang ky khai sinh').map((p) => p.code)).toEqual(['HT.01']);
    expect(searchProcedures(demo, 'ĐĂNG KÝ KẾT HÔN')[0]!.code).toBe('HT.02');
    expect(searchProcedures(demo, 'chung thuc').map((p) => p.code)).toEqual(['CT.01', 'CT.02', 'CT.03', 'CT.04']);
    expect(searchProcedures(demo, 'giay phep xay dung')[0]!.code).toBe('XD.01');
    expect(searchProcedures(demo, 'ho kinh doanh', 'DKKD')).toHaveLength(4);
    expect(searchProcedures(demo, 'kd.03')[0]!.code).toBe('KD.03');
    // A citizen may come with the national code printed on a guide.
    expect(searchProcedures(demo, '1.001193').map((p) => p.code)).toEqual(['HT.01']);
    expect(searchProcedures(demo, 'khong co thu tuc nay')).toEqual([]);
    // A name starting with the query comes first.
    expect(searchProcedures(demo, 'đăng ký')[0]!.name.vi.startsWith('Đăng ký')).toBe(true);
  });
});

describe('catalogue files', () => {
  it('reads processing times and papers as documented', () => {
    expect(parseProcessing('3d')).toEqual({ unit: 'days', value: 3 });
    expect(parseProcessing('0.5d')).toEqual({ unit: 'days', value: 0.5 });
    expect(parseProcessing('4h')).toEqual({ unit: 'hours', value: 4 });
    expect(parseProcessing('same-day')).toEqual({ unit: 'sameDay', cutoff: '15:00' });
    expect(parseProcessing('same-day 16:30')).toEqual({ unit: 'sameDay', cutoff: '16:30' });
    expect(parseProcessing('ba ngày')).toBeNull();
    expect(parsePapers('Tờ khai [original]; Giấy chứng sinh [certified_copy x2]')).toEqual([
      { name: 'Tờ khai', kind: 'original', count: 1 },
      { name: 'Giấy chứng sinh', kind: 'certified_copy', count: 2 },
    ]);
    expect(parsePapers('Tờ khai (bản chính)')).toMatch(/must be written as/);
  });

  it('reads a CSV, and names the row of every problem', () => {
    const csv = [
      'code,name,nameEn,serviceId,field,processing,fee,feeVnd,resultAt,legalBasis,papers',
      'HT.01,Đăng ký khai sinh,Birth registration,HT,Hộ tịch,same-day 15:00,Miễn lệ phí,0,Bộ phận Một cửa,Luật Hộ tịch 2014,"Tờ khai [original]; Giấy chứng sinh [original]"',
      '"CT.01","Chứng thực bản sao, từ bản chính",,HT,Chứng thực,same-day,"2.000 đồng/trang",,Tại quầy,Nghị định 23/2015/NĐ-CP,Bản chính [present]; Bản sao [copy x3]',
    ].join('\n');
    const list = catalogFromCsv(csv, 'test.csv');
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ code: 'HT.01', name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' }, fee: { text: 'Miễn lệ phí', amountVnd: 0 } });
    expect(list[1]!.name.vi).toBe('Chứng thực bản sao, từ bản chính');
    expect(list[1]!.papers[1]).toEqual({ name: 'Bản sao', kind: 'copy', count: 3 });

    const bad = csv.replace('same-day 15:00', 'ba ngày').replace('[copy x3]', '(3 bản)');
    try {
      catalogFromCsv(bad, 'bad.csv');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      expect((error as CatalogError).problems.join('\n')).toMatch(/row 3: papers/);
    }
    expect(() => catalogFromCsv(csv.replace('same-day 15:00', 'ba ngày'), 'bad.csv')).toThrow(/row 2: processing "ba ngày"/);
    expect(() => catalogFromText('[{"code": "X"}]', 'x.json')).toThrow(/entry 1/);
    expect(() => catalogFromCsv(`${csv}\n${csv.split('\n')[1]}`, 'twice.csv')).toThrow(/HT.01 is used twice/);
  });
});
