// The catalogue preview's values in words, in both languages.

import { describe, expect, it } from 'vitest';
import { fieldValueWords, papersWords, processingWords } from '../../manager/src/catalogue-values.js';
import { TEXT } from '../../manager/src/i18n.js';

const { vi, en } = TEXT;
const noService = () => null;

describe('catalogue preview values', () => {
  it('says processing times as people say them', () => {
    expect(processingWords(vi, '3d')).toBe('3 ngày làm việc');
    expect(processingWords(vi, '0.5d')).toBe('0,5 ngày làm việc');
    expect(processingWords(vi, '15cd')).toBe('15 ngày');
    expect(processingWords(vi, '4h')).toBe('4 giờ làm việc');
    expect(processingWords(vi, 'same-day 11:00')).toBe('Trong ngày (nhận trước 11:00)');
    expect(processingWords(vi, 'same-day')).toBe('Trong ngày (nhận trước 15:00)');
    expect(processingWords(en, '0.5d')).toBe('0.5 working days');
    expect(processingWords(en, '15cd')).toBe('15 days');
    // Something the hub never writes is shown as it is rather than guessed at.
    expect(processingWords(en, 'soon')).toBe('soon');
  });

  it('says each paper’s kind and count', () => {
    expect(papersWords(vi, 'Tờ khai [original]; Bản sao sổ hộ khẩu [copy x3]; Căn cước [present]')).toBe('Tờ khai (bản chính); Bản sao sổ hộ khẩu (bản sao, 3 bản); Căn cước (xuất trình)');
    expect(papersWords(en, 'Giấy khai sinh [certified_copy x2]')).toBe('Giấy khai sinh (certified copy, 2 copies)');
  });

  it('gives fees in đồng, services by name, and says when a value is empty', () => {
    expect(fieldValueWords(vi, 'feeVnd', '50000', noService)).toBe('50.000 đồng');
    expect(fieldValueWords(en, 'feeVnd', '50000', noService)).toBe('50,000 VND');
    expect(fieldValueWords(vi, 'serviceId', 'HT', (id) => (id === 'HT' ? 'Tư pháp - Hộ tịch' : null))).toBe('Tư pháp - Hộ tịch (HT)');
    expect(fieldValueWords(vi, 'serviceId', 'ZZ', noService)).toBe('ZZ');
    expect(fieldValueWords(vi, 'legalBasis', '', noService)).toBe('(trống)');
    expect(fieldValueWords(en, 'name', 'Đăng ký giám hộ', noService)).toBe('Đăng ký giám hộ');
  });
});
