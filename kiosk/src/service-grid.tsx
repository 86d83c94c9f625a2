// The home screen's buttons: every service of the hall, grouped and coloured as configured,
// each with its waiting count and estimated wait, or the reason it is not taking numbers.
// Beyond what fits at a readable size, services go on pages turned with large arrows.

import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ServiceGroup, ServiceSummary } from '../../server/contract/events.js';
import { waitMinutesToShow } from '../../server/contract/page-rules.js';
import { readableTextOn } from '../../web-shared/contrast.js';
import { planPages, type GridArea, type GroupSlice } from './grid-layout.js';
import { DICTIONARY, pick, type Lang } from './i18n.js';
import { closedText } from './closed-text.js';
import { useIdle } from './use-idle.js';

/** Names never below this (the tile's own font is the name's divided by NAME_SCALE). */
const MIN_NAME_PX = 24;
const NAME_SCALE = 1.15;
/** Back to the first page after this long without a touch. */
const PAGE_IDLE_MS = 30_000;

interface Props {
  services: ServiceSummary[];
  groups: ServiceGroup[];
  portrait: boolean;
  lang: Lang;
  /** The hall's time zone, for when a closed service opens again. */
  timeZone: string;
  /** False while the hub is unreachable: the tiles show but take no tap. */
  enabled: boolean;
  onPick(service: ServiceSummary): void;
  /** The home screen's other buttons, on the pager's row in landscape to leave rows for tiles. */
  actions: ComponentChildren;
}

function ServiceButton({
  service,
  lang,
  timeZone,
  enabled,
  span,
  onPick,
}: {
  service: ServiceSummary;
  lang: Lang;
  timeZone: string;
  enabled: boolean;
  span: number;
  onPick(s: ServiceSummary): void;
}) {
  const t = DICTIONARY[lang];
  const color = service.color ?? '#1f3a68';
  const minutes = waitMinutesToShow(service.estimatedWaitSeconds);
  const usable = service.open && enabled;
  return (
    <button
      type="button"
      class={`service${service.open ? '' : ' closed'}`}
      style={{ gridColumn: `span ${span}`, ...(service.open ? { background: color, color: readableTextOn(color) } : {}) }}
      disabled={!usable}
      data-service={service.id}
      onClick={() => usable && onPick(service)}
    >
      <span class="service-name">{pick(service.name, lang)}</span>
      {service.open ? (
        <span class="service-figures">
          <span>{t.waitingCount(service.waiting)}</span>
          <span>{service.beyondClosing ? t.beyondClosing : minutes === null ? t.noCounterOpen : t.waitAbout(minutes)}</span>
        </span>
      ) : (
        <span class="service-figures closed-reason">{closedText(service, lang, timeZone)}</span>
      )}
    </button>
  );
}

function Group({ group, lang, timeZone, enabled, onPick }: { group: GroupSlice; lang: Lang; timeZone: string; enabled: boolean; onPick(s: ServiceSummary): void }) {
  const t = DICTIONARY[lang];
  const lastRowStart = (group.rows - 1) * (group.gridColumns / group.span);
  return (
    <section class="service-group" data-group={group.id ?? ''} style={{ flexGrow: group.rows }}>
      {group.heading && (
        <h2 class="group-heading">
          {pick(group.heading, lang)}
          {group.continued && <span class="continued"> ({t.continued})</span>}
        </h2>
      )}
      <div class="service-grid" style={{ gridTemplateColumns: `repeat(${group.gridColumns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${group.rows}, minmax(0, 1fr))` }}>
        {group.services.map((s, i) => (
          <ServiceButton key={s.id} service={s} lang={lang} timeZone={timeZone} enabled={enabled} span={i >= lastRowStart ? group.lastSpan : group.span} onPick={onPick} />
        ))}
      </div>
    </section>
  );
}

/** Drawn, not a font glyph: the kiosk PC's fonts may lack the arrow characters. */
function Arrow({ left = false }: { left?: boolean }) {
  return (
    <svg class="pager-arrow" viewBox="0 0 24 24" aria-hidden="true">
      <path d={left ? 'M16 3 L6 12 L16 21 Z' : 'M8 3 L18 12 L8 21 Z'} fill="currentColor" />
    </svg>
  );
}

/**
 * Tile sizes in CSS pixels for the measured area: a 24 px name over `nameLines` lines and two
 * lines of figures. Two lines hold most names; a hall with longer ones gets three (see below).
 */
function areaOf(element: HTMLElement, portrait: boolean, nameLines: number): GridArea {
  const gap = parseFloat(getComputedStyle(element).rowGap) || 12;
  const nameLine = MIN_NAME_PX * 1.2;
  const figuresLine = (MIN_NAME_PX / NAME_SCALE) * 0.82 * 1.3;
  return {
    width: element.clientWidth,
    height: element.clientHeight,
    gap,
    tileMinWidth: 300,
    tileMinHeight: Math.ceil(nameLines * nameLine + 2 * figuresLine + 28),
    headingHeight: Math.ceil(MIN_NAME_PX * 0.85 * 1.35 + 6),
    portrait,
  };
}

export function ServiceGrid({ services, groups, portrait, lang, timeZone, enabled, onPick, actions }: Props) {
  const t = DICTIONARY[lang];
  const area = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<GridArea | null>(null);
  const [pageIndex, setPageIndex] = useState(0);
  const [nameLines, setNameLines] = useState(2);
  const shape = `${portrait}:${services.length}:${lang}`;
  const [shapeSeen, setShapeSeen] = useState(shape);
  if (shape !== shapeSeen) {
    setShapeSeen(shape);
    setNameLines(2);
  }
  useLayoutEffect(() => {
    const element = area.current;
    if (!element) return;
    // Measured once the bundled font is in: the fallback's wider glyphs would plan too few tiles.
    const observer = new ResizeObserver(() => void document.fonts.ready.then(() => setSize(areaOf(element, portrait, nameLines))));
    observer.observe(element);
    return () => observer.disconnect();
  }, [portrait, nameLines]);
  const plan = size ? planPages(services, groups, size) : null;
  const pageCount = plan?.pages.length ?? 0;
  const current = Math.min(pageIndex, Math.max(0, pageCount - 1));
  const page = plan?.pages[current];
  useIdle(current > 0 ? PAGE_IDLE_MS : null, () => setPageIndex(0), current);

  // Type as large as the tiles allow: start from their height, shrink until no text is cut,
  // never below the readable minimum the plan was made for.
  useLayoutEffect(() => {
    const element = area.current;
    if (!element || !page) return;
    const buttons = [...element.querySelectorAll<HTMLElement>('.service')];
    const first = buttons[0];
    if (!first) return;
    const minimum = MIN_NAME_PX / NAME_SCALE;
    let font = Math.max(minimum, Math.min(first.clientHeight / 5.2, first.clientWidth / 9));
    const overflows = () => buttons.some((b) => b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1);
    element.style.setProperty('--service-font', `${font}px`);
    while (overflows() && font > minimum) {
      font = Math.max(minimum, font * 0.94);
      element.style.setProperty('--service-font', `${font}px`);
    }
    // A name needs a third line even at the minimum size: plan taller tiles (more pages).
    if (overflows() && nameLines < 4) setNameLines(nameLines + 1);
  }, [size, page, lang, services]);

  return (
    <div class="service-pages">
      <div class="service-area" ref={area} data-page={current + 1} data-pages={pageCount}>
        {page?.groups.map((group) => (
          <Group key={`${group.id ?? '-'}:${group.services[0]?.id}`} group={group} lang={lang} timeZone={timeZone} enabled={enabled} onPick={onPick} />
        ))}
        {page && page.rowsCapacity > page.rowsUsed && <div class="service-filler" style={{ flexGrow: page.rowsCapacity - page.rowsUsed }} />}
      </div>
      <div class="home-bar">
        {pageCount > 1 && (
          <nav class="pager" aria-label={t.pagesLabel}>
            <button type="button" class="pager-button" disabled={current === 0} onClick={() => setPageIndex(current - 1)}>
              <Arrow left /> {t.previousPage}
            </button>
            <span class="pager-state">{t.pageOf(current + 1, pageCount)}</span>
            <button type="button" class="pager-button next" disabled={current === pageCount - 1} onClick={() => setPageIndex(current + 1)}>
              {t.nextPage} <Arrow />
            </button>
          </nav>
        )}
        <div class="home-actions">{actions}</div>
      </div>
    </div>
  );
}
