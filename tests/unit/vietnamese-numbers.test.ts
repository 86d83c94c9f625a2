import { describe, expect, it } from 'vitest';
import { callWords } from '../../server/domain/announcement/announcement.js';
import { readNumber, ticketNumberWords } from '../../server/domain/announcement/vietnamese-numbers.js';

describe('reading numbers in Vietnamese', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [99, 'chín mươi chín'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [104, 'một trăm linh bốn'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [1010, 'một nghìn không trăm mười'],
    [1015, 'một nghìn không trăm mười lăm'],
    [1023, 'một nghìn không trăm hai mươi ba'],
    [1100, 'một nghìn một trăm'],
    [1111, 'một nghìn một trăm mười một'],
    [1999, 'một nghìn chín trăm chín mươi chín'],
    [2024, 'hai nghìn không trăm hai mươi tư'],
    [15000, 'mười lăm nghìn'],
    [21005, 'hai mươi mốt nghìn không trăm linh năm'],
    [1_000_000, 'một triệu'],
  ])('%i is "%s"', (n, words) => {
    expect(readNumber(n)).toBe(words);
  });

  it('reads letter-prefixed ticket numbers by letter names, then the number', () => {
    expect(ticketNumberWords('A012').join(' ')).toBe('a mười hai');
    expect(ticketNumberWords('B105').join(' ')).toBe('bê một trăm linh năm');
    expect(ticketNumberWords('K001').join(' ')).toBe('ca một');
    expect(ticketNumberWords('1023').join(' ')).toBe('một nghìn không trăm hai mươi ba');
    expect(() => ticketNumberWords('A-1')).toThrow(RangeError);
    expect(() => readNumber(-1)).toThrow(RangeError);
  });

  it('assembles the call phrase word by word', () => {
    expect(callWords('1023', 5).join(' ')).toBe('xin mời công dân có số thứ tự một nghìn không trăm hai mươi ba đến quầy số năm');
    expect(callWords('A024', 12, 'Mời số {number}, quầy {counter}.')).toEqual(['mời', 'số', 'a', 'hai', 'mươi', 'tư', 'quầy', 'mười', 'hai']);
  });
});
