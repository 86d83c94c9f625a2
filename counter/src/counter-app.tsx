// The counter page: sign-in first, then the clerk's desk. The session lives in this tab
// only (sessionStorage), so closing the browser leaves nobody signed in on a shared PC.

import { useState } from 'preact/hooks';
import { forgetSession, StaffSignInForm, storedSession, type StoredSession } from '../../web-shared/staff-sign-in.js';
import { CounterDesk } from './counter-desk.js';
import { TEXT, type Lang } from './i18n.js';

const LANG_KEY = 'luot.counter.lang';

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
    setNotice(null);
    setSession(s);
  };
  const signedOut = (expired: boolean) => {
    forgetSession();
    setNotice(expired ? t.signedOutExpired : null);
    setSession(null);
  };

  if (!session || session.session.counterId === null) {
    return <StaffSignInForm lang={lang} words={t} onToggleLang={toggleLang} notice={notice} onSignedIn={signedIn} />;
  }
  return <CounterDesk lang={lang} onToggleLang={toggleLang} stored={session} onSignedOut={signedOut} />;
}
