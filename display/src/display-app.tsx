// The waiting-room display (a TV, landscape or portrait): the newest calls large, the last
// ten, waiting per service, the clock and the hall's notice. Read from 8 metres away.
// Open /display/?services=HT,DD or ?counters=1,2,3 to show one floor or one wing.

import { useEffect, useState } from 'preact/hooks';
import type { CallRecord, HallEvent } from '../../server/contract/events.js';
import { useHallFeed } from '../../web-shared/hall-feed.js';
import { useAnnouncer } from './announcer.js';
import { applyCallEvents, distinctCalls, filterFromQuery } from './calls-board.js';
import { DICTIONARY } from './i18n.js';

const vi = DICTIONARY.vi;
const en = DICTIONARY.en;
/** How long the newest call flashes. */
const FLASH_MS = 10_000;
/** Calls shown large at the top. */
const LARGE_CALLS = 3;
const filter = filterFromQuery(location.search);
/** ?sound=off: a second screen in the same room stays silent. */
const soundOn = new URLSearchParams(location.search).get('sound') !== 'off';

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function DisplayApp() {
  const [calls, setCalls] = useState<CallRecord[]>([]);
  const announcer = useAnnouncer(soundOn);
  const feed = useHallFeed(filter, (events: HallEvent[]) => {
    setCalls((c) => applyCallEvents(c, events));
    announcer.hear(events);
  });
  const now = useNow();
  const snapshot = feed.snapshot;

  // A snapshot (first connection, reconnection, resync) replaces what the page had.
  useEffect(() => {
    if (snapshot) setCalls(distinctCalls(snapshot.recentCalls));
  }, [snapshot?.at]);

  const timeZone = snapshot?.hall.timeZone ?? 'Asia/Ho_Chi_Minh';
  const clock = new Date(now).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone });
  const date = new Date(now).toLocaleDateString('vi-VN', { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
  const services = snapshot?.services.filter((s) => s.active && (!filter.services || filter.services.includes(s.id))) ?? [];
  const notice = snapshot?.hall.displayNotice;

  return (
    <div class={`display${feed.connected ? '' : ' is-offline'}`} onClick={announcer.unblock}>
      <header>
        <div class="hall">{snapshot?.hall.name ?? ''}</div>
        <div class="clock">
          <span class="time">{clock}</span>
          <span class="date">{date}</span>
        </div>
      </header>
      {announcer.blocked && (
        <div class="sound-blocked" role="alert">
          {vi.soundBlocked} <span class="en">{en.soundBlocked}</span>
        </div>
      )}
      {announcer.speaking && (
        <div class="speaking" data-speaking={announcer.speaking.number} aria-hidden="true">
          <SpeakerIcon /> {announcer.speaking.number} → {announcer.speaking.counterId}
        </div>
      )}
      {!feed.connected && (
        <div class="offline" role="alert">
          {vi.offlineDisplay} <span class="en">{en.offlineDisplay}</span>
        </div>
      )}
      <main>
        <section class="now">
          <h1>
            {vi.nowCalling} <span class="en">{en.nowCalling}</span>
          </h1>
          {calls.length === 0 && (
            <p class="none">
              {vi.noCalls} <span class="en">{en.noCalls}</span>
            </p>
          )}
          {calls.slice(0, LARGE_CALLS).map((call, i) => (
            <div class={`call${i === 0 ? ' newest' : ''}${i === 0 && now - call.at < FLASH_MS ? ' flash' : ''}`} key={call.ticketId} data-number={call.number} data-counter={call.counterId}>
              <span class="number">{call.number}</span>
              <span class="arrow">
                {vi.toCounter}
                <span class="en">{en.toCounter}</span>
              </span>
              <span class="counter">{call.counterId}</span>
            </div>
          ))}
        </section>
        <aside class="recent">
          <h2>
            {vi.recentCalls} <span class="en">{en.recentCalls}</span>
          </h2>
          <ol>
            {calls.map((call) => (
              <li key={call.ticketId} data-number={call.number}>
                <span>{call.number}</span>
                <span>
                  {vi.counterShort} {call.counterId}
                </span>
              </li>
            ))}
          </ol>
        </aside>
      </main>
      <section class="waiting">
        <span class="label">
          {vi.waitingTitle} <span class="en">{en.waitingTitle}</span>
        </span>
        {services.map((s) => (
          <span class="chip" key={s.id} data-service={s.id}>
            <span class="dot" style={{ background: s.color ?? '#888' }} />
            {s.name.vi}: <b>{s.waiting}</b>
          </span>
        ))}
      </section>
      {notice && (
        <footer class="notice">
          <div class="marquee">
            <span>
              {notice.vi} · {notice.en}
            </span>
          </div>
        </footer>
      )}
    </div>
  );
}

/** A drawn loudspeaker (no emoji: a hall's TV PC may have no emoji font). */
function SpeakerIcon() {
  return (
    <svg class="speaker-icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true">
      <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
      <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}
