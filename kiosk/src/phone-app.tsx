// The page a ticket's QR code opens on the citizen's phone: the number, the service, people
// ahead and the wait, live; when called, the counter large with a vibration and a sound.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { PublicTicketView as TicketView } from '../../server/contract/events.js';
import { waitMinutesToShow } from '../../server/contract/page-rules.js';
import { useHallFeed } from '../../web-shared/hall-feed.js';
import { hallTimeZone } from '../../web-shared/hall-time.js';
import { callHub, HubRequestError } from '../../web-shared/hub-client.js';
import { closedText } from './closed-text.js';
import { DICTIONARY, pick, type Lang } from './i18n.js';

const ticketId = decodeURIComponent(location.pathname.split('/').filter(Boolean).at(-1) ?? '');
/** Ticket ids read <day>-<service>-<seq>: the page follows only its own service. */
const serviceId = ticketId.split('-')[1] ?? '';

function beep(context: AudioContext): void {
  // Three short tones: heard in a noisy hall without being alarming.
  for (let i = 0; i < 3; i++) {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.3;
    osc.connect(gain).connect(context.destination);
    const at = context.currentTime + i * 0.35;
    osc.start(at);
    osc.stop(at + 0.2);
  }
}

function alertCitizen(audio: AudioContext | null): void {
  navigator.vibrate?.([400, 200, 400, 200, 400]);
  if (audio && audio.state === 'running') beep(audio);
}

export function PhoneApp() {
  const [lang, setLang] = useState<Lang>('vi');
  const [view, setView] = useState<TicketView | null>(null);
  const [missing, setMissing] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const audio = useRef<AudioContext | null>(null);
  const [soundOn, setSoundOn] = useState(false);
  // The ticket's service now (a transfer may have moved it): the events that move it come there.
  const feed = useHallFeed({ services: [view?.ticket.serviceId ?? serviceId] });
  const t = DICTIONARY[lang];

  const load = async () => {
    let next: TicketView;
    try {
      next = await callHub('GET /api/tickets/:ticketId', { params: { ticketId } });
    } catch (error) {
      // Unreachable or refused: the page keeps what it showed; an unknown ticket says so.
      if (error instanceof HubRequestError && error.failure.status === 404) setMissing(true);
      return;
    }
    setView((before) => {
      const calledNow = next.ticket.status === 'called' && (before?.ticket.status !== 'called' || next.ticket.recallCount > before.ticket.recallCount);
      if (before && calledNow) alertCitizen(audio.current);
      return next;
    });
    setUpdatedAt(new Date());
  };

  // Every change in this service may move the ticket; a snapshot (reconnect) too.
  useEffect(() => {
    void load();
  }, [feed.snapshot?.seq, feed.connected]);

  const enableSound = () => {
    audio.current ??= new AudioContext();
    void audio.current.resume().then(() => setSoundOn(audio.current?.state === 'running'));
  };

  const hall = feed.snapshot?.hall;
  const timeZone = hallTimeZone(hall);
  const header = (
    <header class="phone-header">
      <div>
        <span>{t.phoneTitle}</span>
        {hall && <small class="phone-hall">{lang === 'vi' ? hall.name : hall.nameEn}</small>}
      </div>
      <button type="button" class="lang-toggle small" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
        {t.langToggle}
      </button>
    </header>
  );
  if (missing) {
    return (
      <main class="phone" lang={lang}>
        {header}
        <section class="phone-card not-found" role="alert">
          <p class="phone-status">{t.phoneNotFound}</p>
          <p>{t.phoneNotFoundWhy}</p>
          <p>{t.phoneNotFoundWhat}</p>
        </section>
        <a class="phone-lookup" href="/lookup/">
          {t.phoneLookup}
        </a>
      </main>
    );
  }
  if (!view) return <main class="phone" />;
  const { ticket } = view;
  const hhmm = (at: number) => new Date(at).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone });
  const restoreUntil = ticket.status === 'no_show' && ticket.endedAt !== null && hall ? ticket.endedAt + hall.noShowRestoreMinutes * 60_000 : null;
  const restoreLeft = restoreUntil === null ? 0 : Math.ceil((restoreUntil - Date.now()) / 60_000);
  const minutes = waitMinutesToShow(view.estimatedWaitSeconds);
  const status = ticket.status;
  // The service closed by the calendar while the ticket waits (a break, a closure): say until when.
  const summary = feed.snapshot?.services.find((s) => s.id === ticket.serviceId);
  const closedNow = summary && !summary.open && summary.opensAt !== null ? summary : null;
  return (
    <main class={`phone status-${status}`} lang={lang} data-status={status}>
      {header}
      {!feed.connected && <div class="banner offline">{t.offline}</div>}
      <section class="phone-card">
        <p class="phone-service">{pick(view.service.name, lang)}</p>
        <p class="phone-number">{ticket.number}</p>
        {status === 'waiting' && (
          <>
            <p class="phone-status">{t.phoneWaiting}</p>
            {ticket.transferCount > 0 && (
              <p class="phone-transferred" data-transferred-to={ticket.targetCounterId ?? ticket.serviceId}>
                {ticket.targetCounterId !== null ? t.phoneTransferredCounter(ticket.targetCounterId) : t.phoneTransferredService(pick(view.service.name, lang))}
              </p>
            )}
            <p class="phone-ahead" data-ahead={view.peopleAhead ?? ''}>
              {t.ahead(view.peopleAhead ?? 0)}
            </p>
            {closedNow && (
              <p class="phone-closed" data-closed={closedNow.closedReason ?? ''}>
                {closedText(closedNow, lang, timeZone)}
              </p>
            )}
            {(view.peopleAhead !== 0 || (minutes ?? 0) > 0 || view.beyondClosing) && (
              <p class="phone-wait">{view.beyondClosing ? t.beyondClosing : minutes === null ? t.noCounterOpen : t.waitAbout(minutes)}</p>
            )}
          </>
        )}
        {status === 'called' && view.counter && (
          <div class="phone-called" role="alert">
            <p class="phone-status">{t.phoneCalled}</p>
            <p>{t.phoneGoTo}</p>
            <p class="phone-counter" data-counter={view.counter.id}>
              {t.phoneCounter(view.counter.id)}
            </p>
            {view.counter.location && <p>{pick(view.counter.location, lang)}</p>}
          </div>
        )}
        {status === 'serving' && <p class="phone-status">{t.phoneServing}</p>}
        {status === 'done' && <p class="phone-status">{t.phoneDone}</p>}
        {status === 'no_show' && (
          <>
            <p class="phone-status">{t.phoneNoShow}</p>
            {restoreUntil !== null && <p class="phone-restore">{restoreLeft > 0 ? t.phoneRestoreUntil(hhmm(restoreUntil), restoreLeft) : t.phoneRestoreOver}</p>}
          </>
        )}
        {status === 'cancelled' && <p class="phone-status">{t.phoneCancelled}</p>}
        {status === 'not_served' && <p class="phone-status">{t.phoneNotServed}</p>}
      </section>
      {(status === 'waiting' || status === 'called') && (
        <button type="button" class={`sound-toggle${soundOn ? ' on' : ''}`} onClick={enableSound}>
          {soundOn ? t.phoneSoundOn : t.phoneSoundHint}
        </button>
      )}
      <p class="phone-meta">
        {t.issuedAt(hhmm(ticket.issuedAt))}
        {updatedAt && ` · ${t.phoneUpdated(updatedAt.toLocaleTimeString('vi-VN', { timeZone }))}`}
      </p>
      <a class="phone-lookup" href="/lookup/">
        {t.phoneLookup}
      </a>
    </main>
  );
}
