import bwipjs from 'bwip-js';
import { describe, expect, it } from 'vitest';
import { code128Modules } from '../../hardware/printer/code128.js';

/** bwip-js, an independent implementation, as the oracle: its bars and spaces as modules. */
function bwipModules(text: string): boolean[] {
  const [symbol] = (bwipjs as unknown as { raw(o: object): { sbs: number[] }[] }).raw({ bcid: 'code128', text });
  const modules: boolean[] = [];
  symbol!.sbs.forEach((w, i) => {
    for (let k = 0; k < w; k++) modules.push(i % 2 === 0);
  });
  return modules;
}

describe('Code 128 on the thermal roll', () => {
  it('draws the same bars as an independent encoder, where both must use code set B', () => {
    for (const text of ['H17-AB', 'Luot HT.04', 'Ho so: A1-B2-C3', '~!@#$%^&*()_+{}|:"<>?']) {
      expect(code128Modules(text), text).toEqual(bwipModules(text));
    }
  });

  it('encodes a dossier code: start, every character, checksum, stop', () => {
    const modules = code128Modules('000.00.14.H17-261124-0001');
    expect(modules).toHaveLength((1 + 25 + 1) * 11 + 13);
    expect(modules.slice(0, 11).map(Number).join('')).toBe('11010010000');
    expect(() => code128Modules('Hồ sơ')).toThrow(/Code 128 B/);
  });
});
