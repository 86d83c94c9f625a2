// How the kiosk fits every service on one screen without scrolling: the number of columns
// follows the count and the orientation, and each group gets height in proportion to its rows.

import type { ServiceGroup, ServiceSummary } from '../../server/contract/events.js';

export interface GroupLayout {
  id: string | null;
  heading: ServiceGroup['name'] | null;
  services: ServiceSummary[];
  rows: number;
}

export function columnsFor(count: number, portrait: boolean): number {
  if (portrait) return count <= 3 ? 1 : count <= 20 ? 2 : 3;
  return count <= 2 ? count : count <= 6 ? 3 : count <= 16 ? 4 : 5;
}

/** Services in the hall's group order (ungrouped last), rows counted per group. */
export function groupServices(services: ServiceSummary[], groups: ServiceGroup[], columns: number): GroupLayout[] {
  const shown = services.filter((s) => s.active);
  const order = groups.map((g) => g.id);
  const ids = [...new Set(shown.map((s) => s.group))].sort((a, b) => {
    const ia = a === null ? Infinity : order.indexOf(a) === -1 ? order.length : order.indexOf(a);
    const ib = b === null ? Infinity : order.indexOf(b) === -1 ? order.length : order.indexOf(b);
    return ia - ib;
  });
  // With a single group a heading says nothing the title does not.
  const headed = ids.length > 1;
  return ids.map((id) => {
    const members = shown.filter((s) => s.group === id);
    const group = groups.find((g) => g.id === id);
    return {
      id,
      heading: headed && id !== null ? (group?.name ?? { vi: id, en: id }) : null,
      services: members,
      rows: Math.ceil(members.length / columns),
    };
  });
}

/** Dark text on light colours, white on dark, for strong contrast on any hall colour. */
export function textColorOn(background: string): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(background)?.[1];
  if (!hex) return '#fff';
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  return luminance > 0.3 ? '#111' : '#fff';
}
