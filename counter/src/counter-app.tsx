// The counter page: sign-in first, then the clerk's desk. The session lives in this tab
// only (sessionStorage), so closing the browser leaves nobody signed in on a shared PC.

import { useState } from 'preact/hooks';
import type { StoredSession } from './counter-api.js';
import { CounterDesk } from './counter-desk.js';
import { TEXT, type Lang } from './i18n.js';
import { SignInForm } from './sign-in-form.js';

const SESSION_KEY = 'luot.counter.session';
const LANG_KEY = 'luot.counter.lang';

function storedSession(): StoredSession | null {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as StoredSession | null;
  } catch {
    return null;
  }
}

export function CounterApp() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi'));
  const [session, setSession] = useState<StoredSession | null>(storedSession);
  const [notice, setNotice] = useState<string | null>(null);
  const t = TEXT[lang];

  const toggleLang = () => {
    const next = lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem(LANG_KEY, next);
    setLang(next);
  };
  const signedIn = (s: StoredSession) => {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
    setNotice(null);
    setSession(s);
  };
  const signedOut = (expired: boolean) => {
    sessionStorage.removeItem(SESSION_KEY);
    setNotice(expired ? t.signedOutExpired : null);
    setSession(null);
  };

  if (!session || session.session.counterId === null) {
    return <SignInForm lang={lang} onToggleLang={toggleLang} notice={notice} onSignedIn={signedIn} />;
  }
  return <CounterDesk lang={lang} onToggleLang={toggleLang} stored={session} onSignedOut={signedOut} />;
}
