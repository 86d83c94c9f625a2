// How the kiosk lays out a hall's services: as many tiles per page as fit at a size an elderly
// citizen reads from a metre away, in the hall's group order, split into pages beyond that.
// Pure: the page measures its area and renders the plan.

import type { ServiceGroup, ServiceSummary } from '../../server/contract/events.js';

/** What the page measured, in CSS pixels. */
export interface GridArea {
  width: number;
  height: number;
  gap: number;
  /** The smallest tile that still holds a 24 px name over three lines and the wait line. */
  tileMinWidth: number;
  tileMinHeight: number;
  headingHeight: number;
  /** Fewer columns than fit when the services are few: bigger tiles. */
  portrait: boolean;
}

/** One group's share of one page; its last row's tiles widen so no cell stays empty. */
export interface GroupSlice {
  id: string | null;
  heading: ServiceGroup['name'] | null;
  continued: boolean;
  services: ServiceSummary[];
  rows: number;
  /** Grid columns for this slice: every tile spans `span`, the last row's tiles `lastSpan`. */
  gridColumns: number;
  span: number;
  lastSpan: number;
}

export interface KioskPage {
  groups: GroupSlice[];
  /** Rows a full page with these headings would hold, so a short last page keeps tile sizes. */
  rowsCapacity: number;
  rowsUsed: number;
}

export interface GridPlan {
  columns: number;
  pages: KioskPage[];
}

interface GroupRun {
  id: string | null;
  heading: ServiceGroup['name'] | null;
  services: ServiceSummary[];
}

/** Active services in the hall's group order (ungrouped last). */
export function groupRuns(services: ServiceSummary[], groups: ServiceGroup[]): GroupRun[] {
  const shown = services.filter((s) => s.active);
  const order = groups.map((g) => g.id);
  const rank = (id: string | null) => (id === null ? Infinity : order.indexOf(id) === -1 ? order.length : order.indexOf(id));
  const ids = [...new Set(shown.map((s) => s.group))].sort((a, b) => rank(a) - rank(b));
  // With a single group a heading says nothing the title does not.
  const headed = ids.length > 1;
  return ids.map((id) => ({
    id,
    heading: headed && id !== null ? (groups.find((g) => g.id === id)?.name ?? { vi: id, en: id }) : null,
    services: shown.filter((s) => s.group === id),
  }));
}

/** Columns an uncrowded screen would use for this many services. */
function preferredColumns(count: number, portrait: boolean): number {
  if (portrait) return count <= 3 ? 1 : count <= 10 ? 2 : 3;
  return count <= 2 ? Math.max(1, count) : count <= 6 ? 3 : count <= 12 ? 4 : 5;
}

function slice(run: GroupRun, services: ServiceSummary[], columns: number, continued: boolean): GroupSlice {
  const rows = Math.ceil(services.length / columns);
  const last = services.length - (rows - 1) * columns;
  // A grid of columns × last sub-columns lets full rows and the short last row both fill it.
  return {
    id: run.id,
    heading: run.heading,
    continued,
    services,
    rows,
    gridColumns: columns * last,
    span: last,
    lastSpan: columns,
  };
}

function rowsThatFit(height: number, area: GridArea): number {
  return Math.max(0, Math.floor((height + area.gap) / (area.tileMinHeight + area.gap)));
}

function paginate(runs: GroupRun[], columns: number, area: GridArea): KioskPage[] {
  const pages: KioskPage[] = [];
  let page: KioskPage = { groups: [], rowsCapacity: 0, rowsUsed: 0 };
  let used = 0;
  const close = () => {
    const headings = page.groups.filter((g) => g.heading).length;
    page.rowsCapacity = Math.max(page.rowsUsed, rowsThatFit(area.height - headings * area.headingHeight - (page.groups.length - 1) * area.gap, area));
    pages.push(page);
    page = { groups: [], rowsCapacity: 0, rowsUsed: 0 };
    used = 0;
  };
  for (const run of runs) {
    let rest = run.services;
    let continued = false;
    while (rest.length > 0) {
      const top = page.groups.length === 0 ? 0 : area.gap;
      const free = area.height - used - top - (run.heading ? area.headingHeight : 0);
      const rows = Math.min(rowsThatFit(free, area), Math.ceil(rest.length / columns));
      if (rows === 0) {
        // Even an empty page holds one row: otherwise the area is too small for any tile.
        if (page.groups.length === 0) throw new Error('kiosk area too small for one row of services');
        close();
        continue;
      }
      const taken = rest.slice(0, rows * columns);
      const part = slice(run, taken, columns, continued);
      page.groups.push(part);
      page.rowsUsed += part.rows;
      used += top + (run.heading ? area.headingHeight : 0) + part.rows * area.tileMinHeight + (part.rows - 1) * area.gap;
      rest = rest.slice(taken.length);
      continued = true;
      if (rest.length > 0) close();
    }
  }
  if (page.groups.length > 0) close();
  return pages;
}

/**
 * Columns from what the width holds; among those, the fewest that show every service on one
 * page, else the most (fewest pages).
 */
export function planPages(services: ServiceSummary[], groups: ServiceGroup[], area: GridArea): GridPlan {
  const runs = groupRuns(services, groups);
  const count = runs.reduce((n, r) => n + r.services.length, 0);
  if (count === 0) return { columns: 1, pages: [] };
  const fit = Math.max(1, Math.floor((area.width + area.gap) / (area.tileMinWidth + area.gap)));
  const most = Math.min(fit, count);
  const least = Math.min(most, preferredColumns(count, area.portrait));
  let plan: GridPlan | null = null;
  for (let columns = least; columns <= most; columns++) {
    plan = { columns, pages: paginate(runs, columns, area) };
    if (plan.pages.length === 1) return plan;
  }
  return plan!;
}
