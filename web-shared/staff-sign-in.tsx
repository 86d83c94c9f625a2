// Staff sign-in, shared by the counter page, the dossier desk and the manager console: user,
// password and, where the page asks, the counter to take (taken counters show who holds them). The session lives in the tab only
// (sessionStorage), so closing the browser leaves nobody signed in on a shared PC; a desk
// opened from the counter page's link starts with the counter's session (one person, one session).

import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CounterChoice, SignInReply } from '../server/contract/reply-schemas.js';
import { passwordTravelsInClear } from './connection-security.js';
import { callHub, HubRequestError } from './hub-client.js';
import { signInStaff, signOutStaff } from './staff-session.js';
import './staff-sign-in.css';

/** A clerk's token and session, as the sign-in answered them. */
export type StoredSession = SignInReply;

const SESSION_KEY = 'luot.counter.session';
const LAST_COUNTER_KEY = 'luot.counter.last';

export function storedSession(): StoredSession | null {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as StoredSession | null;
  } catch {
    return null;
  }
}
export const keepSession = (s: StoredSession) => sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
export const forgetSession = () => sessionStorage.removeItem(SESSION_KEY);

/** The words of the form, from the page's own dictionary. */
export interface SignInWords {
  signInTitle: string;
  langToggle: string;
  user: string;
  password: string;
  /** The counter field's words; a page that asks for no counter leaves them out. */
  counter?: string;
  chooseCounter?: string;
  counterHeld?: (name: string) => string;
  signIn: string;
  signingIn: string;
  /** Said on plain HTTP from another machine: the password crosses the Wi-Fi unencrypted. */
  insecureSignIn: string;
  /** For a counter that may be left out (back-office staff take none). */
  noCounter?: string;
}

function preferredCounter(): string {
  return new URLSearchParams(location.search).get('counter') ?? localStorage.getItem(LAST_COUNTER_KEY) ?? '';
}

export function StaffSignInForm(props: {
  lang: 'vi' | 'en';
  words: SignInWords;
  onToggleLang: () => void;
  notice: string | null;
  onSignedIn: (s: StoredSession) => void;
  /** The page's heading block above the card (the hall's name), if any. */
  children?: ComponentChildren;
  /** Whether a counter is asked for: the counter page needs one, the desk may, the console never. */
  counter?: 'required' | 'optional' | 'none';
  /** A line under the title saying who the page is for. */
  hint?: string;
  /** Why this page turns a session away (a clerk in the console), or null to accept it. */
  refuse?: (s: StoredSession) => string | null;
  /** The page's own words for a refusal of the hub, or null for the hub's. */
  wordsFor?: (e: HubRequestError) => string | null;
  /** Whether the session is kept in the tab for the counter page and the desk (default true). */
  keep?: boolean;
}) {
  const asks = props.counter ?? 'required';
  const t = props.words;
  const [counters, setCounters] = useState<CounterChoice[]>([]);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [counterId, setCounterId] = useState(preferredCounter);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const say = (e: unknown) => e instanceof HubRequestError && setError(props.wordsFor?.(e) ?? (props.lang === 'vi' ? e.failure.message : e.failure.messageEn));
  const loadCounters = () => (asks === 'none' ? Promise.resolve() : callHub('GET /api/staff/counters').then(setCounters));

  useEffect(() => {
    loadCounters().catch(say);
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const session = await signInStaff(user, password, asks !== 'none' && counterId !== '' ? Number(counterId) : null);
      const refused = props.refuse?.(session) ?? null;
      if (refused) {
        await signOutStaff(session.token).catch(() => undefined);
        setError(refused);
        setBusy(false);
        return;
      }
      if (counterId !== '') localStorage.setItem(LAST_COUNTER_KEY, counterId);
      if (props.keep ?? true) keepSession(session);
      props.onSignedIn(session);
    } catch (e) {
      say(e);
      setBusy(false);
      loadCounters().catch(() => undefined);
    }
  };

  return (
    <main class="sign-in">
      {props.children}
      <form class="sign-in-card" onSubmit={submit}>
        <header>
          <h1>{t.signInTitle}</h1>
          <button type="button" class="lang" onClick={props.onToggleLang}>
            {t.langToggle}
          </button>
        </header>
        {props.hint && <p class="hint">{props.hint}</p>}
        {props.notice && <p class="notice">{props.notice}</p>}
        {passwordTravelsInClear() && (
          <p class="notice insecure" role="note">
            {t.insecureSignIn}
          </p>
        )}
        <label>
          {t.user}
          <input name="user" autocomplete="username" autoFocus required value={user} onInput={(e) => setUser(e.currentTarget.value)} />
        </label>
        <label>
          {t.password}
          <input name="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {asks !== 'none' && (
          <label>
            {t.counter}
            <select name="counter" required={asks === 'required'} value={counterId} onChange={(e) => setCounterId(e.currentTarget.value)}>
              <option value="">{asks === 'optional' ? (t.noCounter ?? t.chooseCounter) : t.chooseCounter}</option>
              {counters.map((c) => (
                <option value={String(c.id)} key={c.id}>
                  {c.name[props.lang]}
                  {c.holder ? ` (${t.counterHeld?.(c.holder) ?? c.holder})` : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
    </main>
  );
}
