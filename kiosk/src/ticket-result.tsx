// After a tap: the number large, where to go, people ahead, the wait, the QR code, and what
// the printer did. When the print failed, the screen itself is the ticket.

import { waitMinutesToShow } from '../../server/contract/page-rules.js';
import { DICTIONARY, pick, type Lang } from './i18n.js';
import type { IssuedTicket } from './kiosk-api.js';
import { QrCode } from './qr-code.js';

interface Props {
  issued: IssuedTicket;
  priorityName: string | null;
  lang: Lang;
  reprinting: boolean;
  secondsLeft: number;
  onReprint(): void;
  onDone(): void;
}

export function TicketResult({ issued, priorityName, lang, reprinting, secondsLeft, onReprint, onDone }: Props) {
  const t = DICTIONARY[lang];
  const view = issued.ticket;
  const minutes = waitMinutesToShow(view.estimatedWaitSeconds);
  const printed = issued.print.ok;
  return (
    <div class={`result-screen${printed ? '' : ' print-failed'}`} data-ticket={view.ticket.id}>
      <div class="result-main">
        <p class="result-service">{pick(view.service.name, lang)}</p>
        {view.service.location && <p class="result-location">{pick(view.service.location, lang)}</p>}
        <p class="result-label">{t.yourNumber}</p>
        <p class="result-number" data-number={view.ticket.number}>
          {view.ticket.number}
        </p>
        {priorityName && <p class="result-priority">★ {priorityName}</p>}
        {view.peopleAhead !== null && <p class="result-ahead">{t.ahead(view.peopleAhead)}</p>}
        {(view.peopleAhead !== 0 || (minutes ?? 0) > 0 || view.beyondClosing) && (
          <p class="result-wait">{view.beyondClosing ? t.beyondClosing : minutes === null ? t.noCounterOpen : t.waitAbout(minutes)}</p>
        )}
      </div>
      <div class="result-side">
        <QrCode class="result-qr" text={issued.phoneUrl} label={t.scanToFollow} />
        <p class="note">{t.scanToFollow}</p>
        <div class={`print-state ${printed ? 'ok' : 'failed'}`} role="status">
          {printed ? (
            <p>{t.printed}</p>
          ) : (
            <>
              <p class="print-problem">{(issued.print.code && t.printer[issued.print.code]) ?? t.printFailed}</p>
              <p>{t.printFailed}</p>
              <p class="photo-hint">{t.photoHint}</p>
              <button type="button" class="secondary big" disabled={reprinting} onClick={onReprint}>
                {reprinting ? t.printing : t.retryPrint}
              </button>
            </>
          )}
        </div>
        <button type="button" class="primary big" onClick={onDone}>
          {t.done}
        </button>
        <p class="note countdown">{t.goHome(secondsLeft)}</p>
      </div>
    </div>
  );
}
