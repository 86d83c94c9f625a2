// The waiting-room display (a TV, landscape or portrait), read from 8 metres away: the newest
// call large with the calls before it, what every counter serves now, the waiting per service
// (in pages that turn by themselves when the hall has many), the clock and the hall's notice.
// Open /display/?services=HT,DD or ?counters=1,2,3 to show one floor or one wing.

import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CallRecord, HallEvent } from '../../server/contract/events.js';
import { useHallFeed } from '../../web-shared/hall-feed.js';
import { hallTimeZone } from '../../web-shared/hall-time.js';
import { useAnnouncer } from './announcer.js';
import { applyCallEvents, distinctCalls, filterFromQuery } from './calls-board.js';
import { applyCounterEvents, countersOf, gridShape, type CounterCell } from './counter-board.js';
import { useDisplayPairing } from './display-pairing.js';
import { DICTIONARY } from './i18n.js';

const vi = DICTIONARY.vi;
const en = DICTIONARY.en;
/** How long the newest call flashes. */
const FLASH_MS = 10_000;
/** How long each page of the waiting list stays. */
const WAITING_PAGE_MS = 8_000;
/** Height of one recent call's row and one waiting row, in CSS pixels at 1080p and above. */
const RECENT_ROW_PX = 86;
const WAITING_ROW_PX = 88;
/** The counter's label in its cell, at least this size at 1080p (read from across the hall). */
const LABEL_MIN_PX = 48;
/** Height of a line of Noto Sans, in font sizes (ascent and descent). */
const LINE = 1.36;
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

/** The element's content box, kept up to date. */
function useBox(ref: RefObject<HTMLElement>): { width: number; height: number } {
  const [box, setBox] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setBox({ width: element.clientWidth, height: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return box;
}

function Bilingual({ text }: { text: keyof typeof vi }) {
  return (
    <>
      {vi[text] as string} <span class="en">{en[text] as string}</span>
    </>
  );
}

function NowCalling({ calls, now }: { calls: CallRecord[]; now: number }) {
  const list = useRef<HTMLOListElement>(null);
  const box = useBox(list);
  const [newest, ...before] = calls;
  // The list is a grid of two columns (three in portrait): as many rows as fit, times the columns.
  const columns = list.current ? Math.max(1, getComputedStyle(list.current).gridTemplateColumns.split(' ').length) : 1;
  const fits = Math.max(0, Math.floor(box.height / RECENT_ROW_PX)) * columns;
  return (
    <section class="now">
      <h1>
        <Bilingual text="nowCalling" />
      </h1>
      {newest ? (
        <div class={`call newest${now - newest.at < FLASH_MS ? ' flash' : ''}`} key={newest.ticketId} data-number={newest.number} data-counter={newest.counterId}>
          <span class="number">{newest.number}</span>
          <span class="arrow">
            {vi.toCounter}
            <span class="en">{en.toCounter}</span>
          </span>
          <span class="counter">{newest.counterId}</span>
        </div>
      ) : (
        <p class="none">
          <Bilingual text="noCalls" />
        </p>
      )}
      <h2>
        <Bilingual text="recentCalls" />
      </h2>
      <ol class="recent" ref={list}>
        {before.slice(0, fits).map((call) => (
          <li key={call.ticketId} data-number={call.number}>
            <span class="number">{call.number}</span>
            <span class="to">→</span>
            <span class="counter">{call.counterId}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function CounterGrid({ cells }: { cells: CounterCell[] }) {
  const area = useRef<HTMLDivElement>(null);
  const box = useBox(area);
  const { columns, rows } = gridShape(cells.length, box.width, box.height);
  const cellWidth = box.width / columns;
  const cellHeight = box.height / rows;
  // Four digits across a cell, and the number under its label ("Quầy 9", 48 px or more so it
  // reads across the hall). A line of text takes about 1.36 times its size in this font.
  const labelPx = Math.max(LABEL_MIN_PX, Math.floor(Math.min(cellWidth / 4.2, cellHeight * 0.3)));
  const numberPx = Math.floor(Math.min(cellWidth / 2.9, (cellHeight - labelPx * LINE - 4) / LINE));
  return (
    <section class="counters">
      <h2>
        <Bilingual text="countersTitle" />
      </h2>
      <div
        class="counter-grid"
        ref={area}
        style={{
          gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
          '--cell-number': `${numberPx}px`,
          '--cell-label': `${labelPx}px`,
        }}
      >
        {cells.map((c) => (
          <div class={`counter-cell ${c.mode}${c.number ? ' busy' : ''}`} key={c.id} data-counter={c.id} data-number={c.number ?? ''}>
            <span class="label">
              {vi.counterShort} {c.id}
            </span>
            <span class="value">{c.mode === 'paused' ? vi.counterPaused : c.mode === 'closed' ? vi.counterClosed : (c.number ?? '—')}</span>
          </div>
        ))}
      </div>
    </section>
  );
}

function WaitingList({ services, now }: { services: { id: string; name: string; color: string | null; waiting: number }[]; now: number }) {
  const list = useRef<HTMLOListElement>(null);
  const box = useBox(list);
  const perPage = Math.max(1, Math.floor(box.height / WAITING_ROW_PX));
  const pages = Math.max(1, Math.ceil(services.length / perPage));
  const page = Math.floor(now / WAITING_PAGE_MS) % pages;
  return (
    <section class="waiting">
      <h2>
        <Bilingual text="waitingTitle" />
        {pages > 1 && <span class="page">{vi.page(page + 1, pages)}</span>}
      </h2>
      <ol class="waiting-list" ref={list} data-page={page + 1} data-pages={pages}>
        {services.slice(page * perPage, (page + 1) * perPage).map((s) => (
          <li key={s.id} data-service={s.id}>
            <span class="dot" style={{ background: s.color ?? '#888' }} />
            <span class="name">{s.name}</span>
            <span class="count">{s.waiting}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function DisplayApp() {
  const [calls, setCalls] = useState<CallRecord[]>([]);
  const [counters, setCounters] = useState<CounterCell[]>([]);
  const announcer = useAnnouncer(soundOn);
  const feed = useHallFeed(
    filter,
    (events: HallEvent[]) => {
      setCalls((c) => applyCallEvents(c, events));
      setCounters((c) => applyCounterEvents(c, events));
      announcer.hear(events);
    },
    announcer.sample,
  );
  const now = useNow();
  const snapshot = feed.snapshot;
  const pairing = useDisplayPairing();

  // A snapshot (first connection, reconnection, resync) replaces what the page had.
  useEffect(() => {
    if (!snapshot) return;
    setCalls(distinctCalls(snapshot.recentCalls));
    setCounters(countersOf(snapshot, filter.counters));
  }, [snapshot?.at]);

  const timeZone = hallTimeZone(snapshot?.hall);
  const clock = new Date(now).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone });
  const date = new Date(now).toLocaleDateString('vi-VN', { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
  const services = (snapshot?.services ?? [])
    .filter((s) => s.active && (!filter.services || filter.services.includes(s.id)))
    .map((s) => ({ id: s.id, name: s.name.vi, color: s.color, waiting: s.waiting }));
  const notice = snapshot?.hall.displayNotice;

  return (
    // The browser plays sound only after a person has touched the page: when it refused a call, the board
    // asks for one tap anywhere on the screen. The board is not a control, and a wall screen has no keyboard.
    // biome-ignore lint/a11y/noStaticElementInteractions: the tap the browser needs before it plays sound, anywhere on the screen
    // biome-ignore lint/a11y/useKeyWithClickEvents: a wall screen has no keyboard; the tap is only the browser's permission for sound
    <div class={`display${feed.connected ? '' : ' is-offline'}`} onClick={announcer.unblock}>
      <header>
        <div class="hall">{snapshot?.hall.name ?? ''}</div>
        {announcer.speaking && (
          <div class="speaking" data-speaking={announcer.speaking.number} aria-hidden="true">
            <SpeakerIcon /> {announcer.speaking.number} → {announcer.speaking.counterId}
          </div>
        )}
        <div class="clock">
          <span class="time">{clock}</span>
          <span class="date">{date}</span>
        </div>
      </header>
      {pairing.state === 'waiting' && (
        <div class="sound-blocked waiting-pairing" role="alert">
          <Bilingual text="waitingPairing" />
        </div>
      )}
      {announcer.blocked && (
        <div class="sound-blocked" role="alert">
          <Bilingual text="soundBlocked" />
        </div>
      )}
      {!feed.connected && (
        <div class="offline" role="alert">
          <Bilingual text="offlineDisplay" />
        </div>
      )}
      <main>
        <NowCalling calls={calls} now={now} />
        <CounterGrid cells={counters} />
        <WaitingList services={services} now={now} />
      </main>
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
