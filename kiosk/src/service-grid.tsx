// The home screen's buttons: every service of the hall, grouped and coloured as configured,
// each with its waiting count and estimated wait, or the reason it is not taking numbers.

import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ServiceGroup, ServiceSummary } from '../../server/contract/events.js';
import { waitMinutesToShow } from '../../server/contract/page-rules.js';
import { columnsFor, groupServices, textColorOn } from './grid-layout.js';
import { DICTIONARY, pick, type Lang } from './i18n.js';

/** Below this the names would be hard to read for an elderly person; layouts keep above it. */
const MIN_FONT_PX = 16;

interface Props {
  services: ServiceSummary[];
  groups: ServiceGroup[];
  portrait: boolean;
  lang: Lang;
  onPick(service: ServiceSummary): void;
}

function closedText(s: ServiceSummary, lang: Lang): string {
  const t = DICTIONARY[lang].closed;
  if (s.closedReason === 'hours' && s.hours) return t.hours(s.hours.open, s.hours.close);
  if (s.closedReason === 'daily_max') return t.daily_max;
  return t.inactive;
}

function ServiceButton({ service, lang, onPick }: { service: ServiceSummary; lang: Lang; onPick(s: ServiceSummary): void }) {
  const t = DICTIONARY[lang];
  const color = service.color ?? '#1f3a68';
  const minutes = waitMinutesToShow(service.estimatedWaitSeconds);
  return (
    <button
      class={`service${service.open ? '' : ' closed'}`}
      style={service.open ? { background: color, color: textColorOn(color) } : undefined}
      disabled={!service.open}
      aria-disabled={!service.open}
      data-service={service.id}
      onClick={() => service.open && onPick(service)}
    >
      <span class="service-name">{pick(service.name, lang)}</span>
      {service.open ? (
        <span class="service-figures">
          <span>{t.waitingCount(service.waiting)}</span>
          <span>{minutes === null ? t.noCounterOpen : t.waitAbout(minutes)}</span>
        </span>
      ) : (
        <span class="service-figures closed-reason">{closedText(service, lang)}</span>
      )}
    </button>
  );
}

export function ServiceGrid({ services, groups, portrait, lang, onPick }: Props) {
  const shown = services.filter((s) => s.active);
  const columns = columnsFor(shown.length, portrait);
  const layout = groupServices(services, groups, columns);
  const area = useRef<HTMLDivElement>(null);
  const [rowHeight, setRowHeight] = useState(0);
  useLayoutEffect(() => {
    const button = area.current?.querySelector('.service');
    if (!button) return;
    const observer = new ResizeObserver(() => setRowHeight(button.clientHeight));
    observer.observe(button);
    return () => observer.disconnect();
  }, [shown.length, columns]);
  // Type as large as the buttons allow: start from their height, shrink until no text is cut.
  useLayoutEffect(() => {
    const element = area.current;
    if (!element || rowHeight === 0) return;
    const vmin = Math.min(innerWidth, innerHeight) / 100;
    let size = Math.min(3.6 * vmin, (rowHeight - 2 * vmin) / 3.6);
    const buttons = [...element.querySelectorAll<HTMLElement>('.service')];
    const overflows = () => buttons.some((b) => b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1);
    element.style.setProperty('--service-font', `${size}px`);
    while (overflows() && size > MIN_FONT_PX) {
      size = Math.max(MIN_FONT_PX, size * 0.92);
      element.style.setProperty('--service-font', `${size}px`);
    }
  }, [rowHeight, lang, services]);
  return (
    <div class="service-area" ref={area}>
      {layout.map((group) => (
        <section class="service-group" key={group.id ?? '-'} style={{ flexGrow: group.rows }}>
          {group.heading && <h2 class="group-heading">{pick(group.heading, lang)}</h2>}
          <div class="service-grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${group.rows}, minmax(0, 1fr))` }}>
            {group.services.map((s) => (
              <ServiceButton key={s.id} service={s} lang={lang} onPick={onPick} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
