// The ticket the counter holds: its number very large, its service, and a running timer;
// `children` sit at its right (the button that cancels the ticket).

import type { ComponentChildren } from 'preact';
import type { CounterDetail } from '../../server/contract/events.js';
import { TEXT, type Lang } from './i18n.js';
import { clockDuration, useNow } from './use-now.js';

export function CurrentTicket(props: { lang: Lang; detail: CounterDetail | null; children?: ComponentChildren }) {
  const t = TEXT[props.lang];
  const now = useNow();
  const detail = props.detail;
  const ticket = detail?.current ?? null;
  const service = ticket ? detail?.services.find((s) => s.id === ticket.serviceId) : undefined;
  const since = ticket?.status === 'serving' ? ticket.servingAt : ticket?.calledAt;
  return (
    <section class={`current ${ticket ? `current-${ticket.status}` : 'current-none'}`} aria-live="polite">
      <div class="current-head">
        <h2>{t.current}</h2>
        {detail?.state.mode === 'paused' && <span class="badge paused">{t.paused(detail.state.pauseReason)}</span>}
        {detail?.state.mode === 'closed' && <span class="badge paused">{t.closed}</span>}
      </div>
      {ticket ? (
        <div class="current-body">
          <div class="current-number" data-testid="current-number">
            {ticket.number}
            {ticket.priority && <span class="badge priority">{t.priority}</span>}
          </div>
          <div class="current-info">
            <div class="current-service">{service ? service.name[props.lang] : ticket.serviceId}</div>
            <div class="current-status">
              <span>{t.status[ticket.status] ?? ticket.status}</span>
              {since && (
                <span class="current-elapsed">
                  {ticket.status === 'serving' ? t.elapsedServing : t.elapsedCalled} <strong>{clockDuration(now - since)}</strong>
                </span>
              )}
            </div>
          </div>
          <div class="current-side">{props.children}</div>
        </div>
      ) : (
        <div class="current-body">
          <div class="current-number current-empty">{t.none}</div>
        </div>
      )}
    </section>
  );
}
