// Who is waiting for this counter: a count and wait per served service, the numbers in
// calling order, and the counter's figures for today.

import type { CounterDetail } from '../../server/contract/events.js';
import { TEXT, type Lang } from './i18n.js';
import { waitMinutesToShow } from '../../server/contract/page-rules.js';

const LIST_LIMIT = 40;

export function QueuePanel(props: { lang: Lang; detail: CounterDetail | null }) {
  const t = TEXT[props.lang];
  const detail = props.detail;
  if (!detail) return <aside class="queue-panel" />;
  const shown = detail.waiting.slice(0, LIST_LIMIT);
  const today = detail.today;
  return (
    <aside class="queue-panel">
      <section>
        <h2>{t.waitingTitle}</h2>
        <ul class="service-waits">
          {detail.services.map((s) => (
            <li key={s.id} style={{ borderColor: s.color ?? '#607d8b' }}>
              <span class="service-name">{s.name[props.lang]}</span>
              <span class="service-count" data-service={s.id}>
                {t.waitingCount(s.waiting)}
              </span>
              {s.estimatedWaitSeconds !== null && s.waiting > 0 && <span class="service-wait">{t.waitAbout(waitMinutesToShow(s.estimatedWaitSeconds)!)}</span>}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t.waitingList}</h2>
        {shown.length === 0 ? (
          <p class="muted">{t.waitingEmpty}</p>
        ) : (
          <ol class="waiting-list" data-testid="waiting-list">
            {shown.map((w) => (
              <li key={w.ticketId} class={`${w.priority ? 'priority' : ''} ${w.forThisCounter ? 'for-you' : ''}`} title={w.forThisCounter ? t.forYou : undefined}>
                {w.number}
              </li>
            ))}
          </ol>
        )}
        {detail.waiting.length > LIST_LIMIT && <p class="muted">{t.more(detail.waiting.length - LIST_LIMIT)}</p>}
      </section>
      <section>
        <h2>{t.todayTitle}</h2>
        <dl class="today">
          <div>
            <dt>{t.done}</dt>
            <dd data-testid="today-done">{today.done}</dd>
          </div>
          <div>
            <dt>{t.noShows}</dt>
            <dd>{today.noShow}</dd>
          </div>
          <div>
            <dt>{t.average}</dt>
            <dd>{today.averageServiceSeconds === null ? t.noFigure : t.minutes(Math.max(1, Math.round(today.averageServiceSeconds / 60)))}</dd>
          </div>
        </dl>
      </section>
    </aside>
  );
}
