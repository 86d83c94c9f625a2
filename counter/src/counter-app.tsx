// The counter page: sign-in first, then the clerk's desk. The session lives in this tab
// only (sessionStorage), so closing the browser leaves nobody signed in on a shared PC.

import { usePageLanguage } from '../../web-shared/page-language.js';
import { useState } from 'preact/hooks';
import { forgetSession, StaffSignInForm, storedSession, type StoredSession } from '../../web-shared/staff-sign-in.js';
import { CounterDesk, type SignedOutWhy } from './counter-desk.js';
import { TEXT } from './i18n.js';

const LANG_KEY = 'luot.counter.lang';

export function CounterApp() {
  const [lang, toggleLang] = usePageLanguage(LANG_KEY);
  const [session, setSession] = useState<StoredSession | null>(storedSession);
  const [ended, setEnded] = useState<SignedOutWhy | null>(null);
  const t = TEXT[lang];
  // A manager moved the clerk: the hub's words say to which counter; otherwise the session ran out.
  const notice = ended === null ? null : ended === 'expired' ? t.signedOutExpired : lang === 'vi' ? ended.message : ended.messageEn;

  const signedIn = (s: StoredSession) => {
    setEnded(null);
    setSession(s);
  };
  const signedOut = (why: SignedOutWhy | null) => {
    forgetSession();
    setEnded(why);
    setSession(null);
  };

  if (!session || session.session.counterId === null) {
    return <StaffSignInForm lang={lang} words={t} onToggleLang={toggleLang} notice={notice} onSignedIn={signedIn} />;
  }
  return <CounterDesk lang={lang} onToggleLang={toggleLang} stored={session} onSignedOut={signedOut} />;
}
