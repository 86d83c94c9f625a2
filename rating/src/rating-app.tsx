// The rating tablet at a counter. When the counter finishes serving a citizen, it asks how
// satisfied they were, with three large buttons; one answer per ticket, then thanks, then it
// waits for the next citizen. It proves itself with its token: received once for the pairing
// code the console's QR code opened it with (?pair=), or given once as ?device=&token=.

import { useEffect, useState } from 'preact/hooks';
import type { HallEvent } from '../../server/contract/events.js';
import { callHub, HubRequestError } from '../../web-shared/hub-client.js';
import { useHallFeed } from '../../web-shared/hall-feed.js';
import { DICTIONARY, type Lang } from './i18n.js';

const ASK_MS = 90_000;
const THANKS_MS = 6_000;
const LEVELS = ['very_satisfied', 'satisfied', 'not_satisfied'] as const;
const STORAGE_KEY = 'luot.rating';

type Screen = { kind: 'idle' } | { kind: 'ask'; ticketId: string; number: string; until: number } | { kind: 'thanks'; until: number };

/** The tablet's token: from the address once (then hidden from it), or from this browser. */
function loadToken(): string | null {
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  if (token) {
    localStorage.setItem(STORAGE_KEY, token);
    history.replaceState(null, '', location.pathname);
    return token;
  }
  return localStorage.getItem(STORAGE_KEY);
}

/** The pairing code the console's QR code opened the tablet with, then hidden from the address. */
function takePairingCode(): string | null {
  const code = new URLSearchParams(location.search).get('pair');
  if (code) history.replaceState(null, '', location.pathname);
  return code;
}

export function RatingApp() {
  const [pairingCode] = useState(takePairingCode);
  const [token, setToken] = useState(() => (pairingCode ? null : loadToken()));
  const [counterId, setCounterId] = useState<number | null>(null);
  const [unregistered, setUnregistered] = useState(false);
  const [lang, setLang] = useState<Lang>('vi');
  const [screen, setScreen] = useState<Screen>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const t = DICTIONARY[lang];

  // Opened from the console's QR code: the code is given once, the tablet keeps its own token.
  useEffect(() => {
    if (!pairingCode) return;
    callHub('POST /api/devices/pair', { body: { code: pairingCode } }).then(
      (paired) => {
        localStorage.setItem(STORAGE_KEY, paired.token);
        setToken(paired.token);
      },
      () => setUnregistered(true),
    );
  }, []);

  useEffect(() => {
    if (pairingCode && !token) return;
    if (!token) return setUnregistered(true);
    const check = () =>
      callHub('GET /api/rating-tablet', { token }).then(
        (info) => {
          setCounterId(info.counterId);
          setUnregistered(false);
        },
        (e: unknown) => {
          // Unpaired in the console: the tablet waits for pairing again.
          if (!(e instanceof HubRequestError && e.failure.status === 401)) return;
          localStorage.removeItem(STORAGE_KEY);
          setUnregistered(true);
        },
      );
    void check();
    const timer = setInterval(check, 30_000);
    return () => clearInterval(timer);
  }, [token]);

  const feed = useHallFeed(counterId === null ? { counters: [0] } : { counters: [counterId] }, (events: HallEvent[]) => {
    for (const e of events) {
      if (e.type === 'ticket:finished' && e.data.counter.id === counterId) {
        setError(null);
        setScreen({ kind: 'ask', ticketId: e.data.ticket.id, number: e.data.ticket.number, until: Date.now() + ASK_MS });
      }
    }
  });

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (screen.kind !== 'idle' && now > screen.until) {
      setScreen({ kind: 'idle' });
      setLang('vi');
    }
  }, [now]);

  const send = async (level: (typeof LEVELS)[number]) => {
    if (screen.kind !== 'ask' || !token) return;
    try {
      await callHub('POST /api/ratings', { token, body: { ticketId: screen.ticketId, level } });
      setScreen({ kind: 'thanks', until: Date.now() + THANKS_MS });
    } catch (e) {
      // Rated already (a second tap), or too late: thank and move on rather than argue.
      if (e instanceof HubRequestError && e.failure.status === 409) return setScreen({ kind: 'thanks', until: Date.now() + THANKS_MS });
      setError(t.failed);
    }
  };

  if (unregistered)
    return (
      <main class="rating">
        <p class="message">{t.unregistered}</p>
      </main>
    );
  return (
    <main class={`rating screen-${screen.kind}`} lang={lang}>
      <header>
        <span class="counter">{counterId === null ? '' : t.counter(counterId)}</span>
        <button type="button" class="lang" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t.langToggle}
        </button>
      </header>
      {!feed.connected && (
        <p class="offline" role="status">
          {t.offline}
        </p>
      )}
      {screen.kind === 'ask' ? (
        <section class="ask">
          <h1>{t.question(screen.number)}</h1>
          <div class="levels">
            {LEVELS.map((level) => (
              <button type="button" key={level} class={`level ${level}`} data-level={level} onClick={() => void send(level)}>
                <Face level={level} />
                {t.levels[level]}
              </button>
            ))}
          </div>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
        </section>
      ) : screen.kind === 'thanks' ? (
        <section class="thanks">
          <h1>{t.thanks}</h1>
        </section>
      ) : (
        <section class="idle">
          <h1>{t.idle}</h1>
          <p>{t.idleHint}</p>
        </section>
      )}
    </main>
  );
}

/** A drawn face (no emoji: the hall's PCs may lack an emoji font). */
function Face({ level }: { level: (typeof LEVELS)[number] }) {
  const mouth = level === 'very_satisfied' ? 'M18 38 Q32 54 46 38' : level === 'satisfied' ? 'M20 40 Q32 48 44 40' : 'M20 46 Q32 34 44 46';
  return (
    <svg class="face" viewBox="0 0 64 64" width="72" height="72" aria-hidden="true">
      <circle cx="32" cy="32" r="28" fill="none" stroke="currentColor" stroke-width="4" />
      <circle cx="23" cy="25" r="4" fill="currentColor" />
      <circle cx="41" cy="25" r="4" fill="currentColor" />
      <path d={mouth} fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" />
    </svg>
  );
}
