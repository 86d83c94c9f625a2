// Today's no-shows of this counter that can still be put back in the queue, each with the
// minutes left to do so (the hall's noShowRestoreMinutes).

import { useEffect, useState } from 'preact/hooks';
import type { Ticket } from '../../server/contract/events.js';
import { noShowsToday } from './counter-api.js';
import { TEXT, type Lang } from './i18n.js';
import { useNow } from './use-now.js';

export function NoShowsPanel(props: { lang: Lang; token: string; counterId: number; restoreMinutes: number; seq: number | undefined; busy: boolean; onRestore: (ticket: Ticket) => void }) {
  const t = TEXT[props.lang];
  const now = useNow();
  const [tickets, setTickets] = useState<Ticket[]>([]);
  useEffect(() => {
    noShowsToday(props.token).then(
      (list) => setTickets(list.filter((ticket) => ticket.counterId === props.counterId)),
      () => undefined,
    );
  }, [props.seq, props.token, props.counterId]);
  const restorable = tickets
    // The clock ticks once a second, so `now` can trail a fresh no-show: never above the full time.
    .map((ticket) => ({ ticket, left: Math.min(props.restoreMinutes, Math.ceil(((ticket.endedAt ?? 0) + props.restoreMinutes * 60_000 - now) / 60_000)) }))
    .filter(({ left }) => left > 0)
    .sort((a, b) => (b.ticket.endedAt ?? 0) - (a.ticket.endedAt ?? 0));
  return (
    <section class="no-shows">
      <h2>{t.noShowsTitle}</h2>
      {restorable.length === 0 ? (
        <p class="muted">{t.noShowsEmpty}</p>
      ) : (
        <ul>
          {restorable.map(({ ticket, left }) => (
            <li key={ticket.id} data-ticket={ticket.id}>
              <strong>{ticket.number}</strong>
              <span class="muted">{t.restoreLeft(left)}</span>
              <button type="button" class="restore" disabled={props.busy} onClick={() => props.onRestore(ticket)}>
                {t.restore}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
