// Pure kiosk rules: the per-minute cap, the screen layout, colours and the phone address.

import { describe, expect, it } from 'vitest';
import { groupRuns, planPages } from '../../kiosk/src/grid-layout.js';
import type { ServiceSummary } from '../../server/contract/events.js';
import { waitMinutesToShow } from '../../server/domain/estimate/wait-estimate.js';
import { phoneBaseUrl, phoneUrl } from '../../server/http/public-address.js';
import { contrastRatio, readableTextOn } from '../../web-shared/contrast.js';

describe('kiosk layout', () => {
  const service = (id: string, group: string | null, active = true) => ({ id, group, active }) as ServiceSummary;
  const groups = [
    { id: 'a', name: { vi: 'Nhóm A', en: 'A' } },
    { id: 'b', name: { vi: 'Nhóm B', en: 'B' } },
  ];
  const area = (width: number, height: number, portrait = false) => ({ width, height, gap: 12, tileMinWidth: 300, tileMinHeight: 150, headingHeight: 32, portrait });
  const many = (n: number, group: (i: number) => string) => Array.from({ length: n }, (_, i) => service(`S${i}`, group(i)));

  it("groups services in the hall's order, hides inactive ones", () => {
    const runs = groupRuns([service('A', 'b'), service('B', 'a'), service('C', 'a'), service('D', null), service('E', 'a', false)], groups);
    expect(runs.map((g) => [g.id, g.services.map((s) => s.id)])).toEqual([
      ['a', ['B', 'C']],
      ['b', ['A']],
      [null, ['D']],
    ]);
    expect(runs[0]!.heading).toEqual({ vi: 'Nhóm A', en: 'A' });
    expect(groupRuns([service('A', 'x'), service('B', 'x')], [])[0]!.heading).toBeNull();
  });

  it('uses no more columns than the width holds, fewer when the services are few', () => {
    expect(
      planPages(
        many(3, () => 'a'),
        groups,
        area(1028, 1500, true),
      ).columns,
    ).toBe(1);
    expect(
      planPages(
        many(24, () => 'a'),
        groups,
        area(1028, 1500, true),
      ).columns,
    ).toBe(3);
    expect(
      planPages(
        many(24, () => 'a'),
        groups,
        area(1300, 480),
      ).columns,
    ).toBe(4);
  });

  it('pages what does not fit, in order, and never leaves a cell of a row empty', () => {
    const services = many(24, (i) => (i < 13 ? 'a' : 'b'));
    const plan = planPages(services, groups, area(1300, 480));
    expect(plan.pages.length).toBeGreaterThan(1);
    const shown = plan.pages.flatMap((p) => p.groups.flatMap((g) => g.services.map((s) => s.id)));
    expect(shown).toEqual(services.map((s) => s.id));
    for (const page of plan.pages) {
      const height = page.groups.reduce((h, g) => h + (g.heading ? 32 : 0) + g.rows * 150 + (g.rows - 1) * 12, 0) + (page.groups.length - 1) * 12;
      expect(height).toBeLessThanOrEqual(480);
      for (const g of page.groups) {
        const full = (g.rows - 1) * plan.columns;
        expect(full * g.span + (g.services.length - full) * g.lastSpan).toBe(g.rows * g.gridColumns);
      }
    }
    // A group split over two pages says so on the second.
    const splits = plan.pages.flatMap((p) => p.groups).filter((g) => g.continued);
    expect(splits.length).toBeGreaterThan(0);
  });

  it("keeps a short last page at the full pages' tile size", () => {
    const plan = planPages(
      many(13, () => 'a'),
      [],
      area(1300, 480),
    );
    const last = plan.pages.at(-1)!;
    expect(last.rowsCapacity).toBe(plan.pages[0]!.rowsCapacity);
    expect(last.rowsUsed).toBeLessThan(last.rowsCapacity);
  });

  it('writes black or white, whichever reaches WCAG AA on the colour', () => {
    expect(readableTextOn('#f9a825')).toBe('#000');
    expect(readableTextOn('#1565c0')).toBe('#fff');
    // The hall trial's failures: white on orange, teal and green.
    for (const color of ['#ef6c00', '#00838f', '#2e7d32']) expect(contrastRatio(color, readableTextOn(color))).toBeGreaterThanOrEqual(4.5);
    // Every grey and every hue at every step reaches 4.5:1.
    for (let v = 0; v < 4096; v++) {
      const color = '#' + v.toString(16).padStart(3, '0');
      expect(contrastRatio(color, readableTextOn(color))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('rounds waits up, to five minutes beyond ten', () => {
    expect([0, 1, 59, 61, 600, 601, 17 * 60].map(waitMinutesToShow)).toEqual([0, 1, 1, 2, 10, 15, 20]);
    expect(waitMinutesToShow(null)).toBeNull();
  });
});

describe('the address in the QR code', () => {
  it('prefers the configured address, then the environment, then what the kiosk used', () => {
    expect(phoneBaseUrl('http://hall.local:8080', 'http://x', '127.0.0.1:8080', '10.0.0.5')).toBe('http://hall.local:8080');
    expect(phoneBaseUrl(null, 'http://192.168.1.10:8080/', 'localhost:8080', '10.0.0.5')).toBe('http://192.168.1.10:8080');
    expect(phoneBaseUrl(null, undefined, '192.168.1.10:8080', '10.0.0.5')).toBe('http://192.168.1.10:8080');
  });

  it('never prints localhost when the machine has a network address', () => {
    expect(phoneBaseUrl(null, undefined, 'localhost:8080', '10.0.0.5')).toBe('http://10.0.0.5:8080');
    expect(phoneBaseUrl(null, undefined, '127.0.0.1', '10.0.0.5')).toBe('http://10.0.0.5');
    expect(phoneUrl('http://10.0.0.5:8080', '20261123-HT-1')).toBe('http://10.0.0.5:8080/t/20261123-HT-1');
  });
});
