// Pure kiosk rules: the per-minute cap, the screen layout, colours and the phone address.

import { describe, expect, it } from 'vitest';
import { columnsFor, groupServices, textColorOn } from '../../kiosk/src/grid-layout.js';
import type { ServiceSummary } from '../../server/contract/events.js';
import { waitMinutesToShow } from '../../server/domain/wait-estimate.js';
import { phoneBaseUrl, phoneUrl } from '../../server/http/public-address.js';

describe('kiosk layout', () => {
  const service = (id: string, group: string | null, active = true) => ({ id, group, active }) as ServiceSummary;

  it('uses more columns for more services, fewer when the screen stands', () => {
    expect(columnsFor(10, true)).toBe(2);
    expect(columnsFor(20, true)).toBe(2);
    expect(columnsFor(30, true)).toBe(3);
    expect(columnsFor(10, false)).toBe(4);
    expect(columnsFor(20, false)).toBe(5);
  });

  it("groups services in the hall's order, hides inactive ones, counts rows", () => {
    const layout = groupServices(
      [service('A', 'b'), service('B', 'a'), service('C', 'a'), service('D', null), service('E', 'a', false)],
      [
        { id: 'a', name: { vi: 'Nhóm A', en: 'A' } },
        { id: 'b', name: { vi: 'Nhóm B', en: 'B' } },
      ],
      2,
    );
    expect(layout.map((g) => [g.id, g.services.map((s) => s.id), g.rows])).toEqual([
      ['a', ['B', 'C'], 1],
      ['b', ['A'], 1],
      [null, ['D'], 1],
    ]);
    expect(layout[0]!.heading).toEqual({ vi: 'Nhóm A', en: 'A' });
    expect(groupServices([service('A', 'x'), service('B', 'x')], [], 2)[0]!.heading).toBeNull();
  });

  it('writes dark on light colours and white on dark ones', () => {
    expect(textColorOn('#f9a825')).toBe('#111');
    expect(textColorOn('#1565c0')).toBe('#fff');
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
