// User, password and the counter to take. Taken counters show who holds them.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, counterChoices, signIn, type CounterChoice, type StoredSession } from './counter-api.js';
import { TEXT, type Lang } from './i18n.js';

const LAST_COUNTER_KEY = 'luot.counter.last';

function preferredCounter(): string {
  return new URLSearchParams(location.search).get('counter') ?? localStorage.getItem(LAST_COUNTER_KEY) ?? '';
}

export function SignInForm(props: { lang: Lang; onToggleLang: () => void; notice: string | null; onSignedIn: (s: StoredSession) => void }) {
  const t = TEXT[props.lang];
  const [counters, setCounters] = useState<CounterChoice[]>([]);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [counterId, setCounterId] = useState(preferredCounter);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    counterChoices()
      .then(setCounters)
      .catch((e: unknown) => e instanceof ApiError && setError(props.lang === 'vi' ? e.failure.message : e.failure.messageEn));
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const session = await signIn(user, password, Number(counterId));
      localStorage.setItem(LAST_COUNTER_KEY, counterId);
      props.onSignedIn(session);
    } catch (e) {
      if (e instanceof ApiError) setError(props.lang === 'vi' ? e.failure.message : e.failure.messageEn);
      setBusy(false);
      counterChoices().then(setCounters, () => undefined);
    }
  };

  return (
    <main class="sign-in">
      <form class="sign-in-card" onSubmit={submit}>
        <header>
          <h1>{t.signInTitle}</h1>
          <button type="button" class="lang" onClick={props.onToggleLang}>
            {t.langToggle}
          </button>
        </header>
        {props.notice && <p class="notice">{props.notice}</p>}
        <label>
          {t.user}
          <input name="user" autocomplete="username" autoFocus required value={user} onInput={(e) => setUser(e.currentTarget.value)} />
        </label>
        <label>
          {t.password}
          <input name="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <label>
          {t.counter}
          <select name="counter" required value={counterId} onChange={(e) => setCounterId(e.currentTarget.value)}>
            <option value="">{t.chooseCounter}</option>
            {counters.map((c) => (
              <option value={String(c.id)} key={c.id}>
                {c.name[props.lang]}
                {c.holder ? ` (${t.counterHeld(c.holder)})` : ''}
              </option>
            ))}
          </select>
        </label>
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
