// Who is waiting for this counter: a count and wait per served service, the numbers in
// calling order, and the counter's figures for today.

import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { CounterDetail } from '../../server/contract/events.js';
import { TEXT, type Lang } from './i18n.js';
import { waitMinutesToShow } from '../../server/contract/page-rules.js';
import { useArrowFocus } from './use-arrow-focus.js';

const LIST_LIMIT = 40;

/**
 * `canCall`: the counter is open and holds nothing, so a number clicked (or chosen with the
 * arrow keys and Enter) is called at once. `children` go under the list (the no-shows).
 */
export function QueuePanel(props: { lang: Lang; detail: CounterDetail | null; canCall: boolean; onCall: (ticketId: string) => void; children?: ComponentChildren }) {
  const t = TEXT[props.lang];
  const hintOf = (d: CounterDetail) => (props.canCall ? t.waitingHint : d.state.mode !== 'open' ? t.pausedNote : d.current ? t.waitingBusy : '');
  const detail = props.detail;
  const list = useRef<HTMLOListElement>(null);
  useArrowFocus(list);
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
          <>
            <p class="muted hint">{hintOf(detail)}</p>
            <ol class="waiting-list" data-testid="waiting-list" ref={list}>
              {shown.map((w) => (
                <li key={w.ticketId} class={`${w.priority ? 'priority' : ''} ${w.forThisCounter ? 'for-you' : ''}`}>
                  <button
                    type="button"
                    data-ticket={w.ticketId}
                    disabled={!props.canCall}
                    aria-label={t.callThis(w.number)}
                    title={w.forThisCounter ? `${t.callThis(w.number)} (${t.forYou})` : t.callThis(w.number)}
                    onClick={() => props.onCall(w.ticketId)}
                  >
                    {w.number}
                  </button>
                </li>
              ))}
            </ol>
          </>
        )}
        {detail.waiting.length > LIST_LIMIT && <p class="muted">{t.more(detail.waiting.length - LIST_LIMIT)}</p>}
      </section>
      {props.children}
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
