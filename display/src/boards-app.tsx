// The simulated serial buses as a page: each keypad with its display and keys, each LED
// board as it lights up. Lets a hall try keypads and boards out before buying them.

import { useEffect, useState } from 'preact/hooks';
import type { SimulatorKey } from '../../server/contract/routes/devices.js';
import { callHub, type RouteReply } from '../../web-shared/hub-client.js';
import { DICTIONARY, type Lang } from './i18n.js';
import { fetchSimulatorToken, pressKey, signInManager, type Credential } from './simulator-credential.js';

type SimulatedBusView = RouteReply<'GET /api/simulator/buses'>[number];

const KEYS = ['callNext', 'recall', 'noShow', 'finish', 'pause'] as const;
/** A new call blinks for a few seconds, as the real boards do. */
const BLINK_MS = 4000;

export function BoardsApp() {
  const [lang, setLang] = useState<Lang>('vi');
  const [buses, setBuses] = useState<SimulatedBusView[] | null>(null);
  const [offline, setOffline] = useState(false);
  const [now, setNow] = useState(Date.now());
  const t = DICTIONARY[lang];

  const load = () =>
    callHub('GET /api/simulator/buses')
      .then((b) => {
        setBuses(b);
        setOffline(false);
      })
      .catch(() => setOffline(true));

  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      setNow(Date.now());
      void load();
    }, 500);
    return () => clearInterval(timer);
  }, []);

  const [credential, setCredential] = useState<Credential | null>(null);
  useEffect(() => {
    void fetchSimulatorToken().then(setCredential);
  }, []);

  const press = async (bus: string, address: number, key: SimulatorKey) => {
    if (credential?.kind !== 'token') return;
    let outcome = await pressKey(credential.token, bus, address, key);
    if (outcome === 'renew') {
      // The token ran out or the hub restarted: ask again once, then press again.
      const renewed = await fetchSimulatorToken();
      setCredential(renewed);
      if (renewed.kind === 'token') outcome = await pressKey(renewed.token, bus, address, key);
    }
    if (outcome === 'off') setCredential({ kind: 'off' });
    setTimeout(load, 100);
  };

  return (
    <main class="boards" lang={lang}>
      <header>
        <h1>{t.boardsTitle}</h1>
        <button type="button" class="lang" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t.langToggle}
        </button>
      </header>
      {offline && <p class="offline">{t.unreachable}</p>}
      {credential?.kind === 'off' && <p class="notice">{t.simulatorOff}</p>}
      {credential?.kind === 'needsManager' && <ManagerSignIn lang={lang} onToken={(token) => setCredential({ kind: 'token', token })} />}
      {buses?.length === 0 && <p>{t.boardsNone}</p>}
      {buses?.map((bus) => (
        <section key={bus.id} data-bus={bus.id}>
          <h2>{t.bus(bus.id)}</h2>
          <h3>{t.hallBoards}</h3>
          <div class="row">
            {bus.boards
              .filter((b) => b.kind === 'hall')
              .map((b) => (
                <div class="led hall" key={b.address} data-board={b.address}>
                  {b.shows?.content.kind === 'hall' && b.shows.content.calls.length > 0 ? (
                    b.shows.content.calls.map((c, i) => (
                      <div class={`line${i === 0 && now - b.shows!.at < BLINK_MS ? ' blink' : ''}`} key={i}>
                        <span>{c.number}</span>
                        <span>→ {c.counterId}</span>
                      </div>
                    ))
                  ) : (
                    <div class="line off">{t.blank}</div>
                  )}
                  <small>{t.address(b.address)}</small>
                </div>
              ))}
          </div>
          <h3>{t.counterBoards}</h3>
          <div class="row">
            {bus.boards
              .filter((b) => b.kind === 'counter')
              .map((b) => {
                const shows = b.shows?.content.kind === 'counter' ? b.shows.content : null;
                const blink = shows?.blink && now - b.shows!.at < BLINK_MS;
                return (
                  <div class="led counter" key={b.address} data-board={b.address}>
                    <div class={`line${blink ? ' blink' : ''}`} data-number={shows?.number ?? ''}>
                      {shows?.number ? (
                        <>
                          <span>{shows.number}</span>
                          <span>→ {shows.counterId}</span>
                        </>
                      ) : (
                        <span class="off">{t.blank}</span>
                      )}
                    </div>
                    <small>
                      {'counterId' in b ? t.counter(b.counterId) : ''} · {t.address(b.address)}
                    </small>
                  </div>
                );
              })}
          </div>
          <h3>{t.keypads}</h3>
          <div class="row">
            {bus.keypads.map((k) => (
              <div class="keypad" key={k.address} data-keypad={k.address}>
                <div class="keypad-title">
                  {t.counter(k.counterId)} · {t.address(k.address)}
                </div>
                <div class="digits" data-display={k.display}>
                  {k.display || ' '}
                </div>
                <div class="keys">
                  {KEYS.map((key) => (
                    <button type="button" key={key} data-key={key} disabled={credential?.kind !== 'token'} onClick={() => press(bus.id, k.address, key)}>
                      {t.keys[key]}
                    </button>
                  ))}
                </div>
                <div class={`answer${k.answer && !k.answer.ok ? ' refused' : ''}`}>
                  {k.answer === null ? ' ' : k.answer.ok ? t.answerOk : t.answerNo(t.nak[k.answer.reason] ?? t.nak[15]!)}
                </div>
              </div>
            ))}
          </div>
        </section>
      ))}
    </main>
  );
}

/** Elsewhere than on the hub machine, a manager signs in before keys can be pressed. */
function ManagerSignIn(props: { lang: Lang; onToken: (token: string) => void }) {
  const t = DICTIONARY[props.lang];
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const outcome = await signInManager(user.trim(), password);
    if ('token' in outcome) props.onToken(outcome.token);
    else setError(props.lang === 'vi' ? outcome.message : outcome.messageEn);
  };
  return (
    <form class="manager-sign-in" onSubmit={submit}>
      <p>{t.pressNeedsManager}</p>
      <label>
        {t.managerUser}
        <input value={user} autoComplete="username" onInput={(e) => setUser((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        {t.password}
        <input type="password" value={password} autoComplete="current-password" onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit">{t.signIn}</button>
      {error && (
        <p class="offline" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
