// The dossier desk: the staff sign-in first (the counter page's, shared), then the desk. A desk
// opened from the counter page's link starts with the counter's session.

import { usePageLanguage } from '../../web-shared/page-language.js';
import { useState } from 'preact/hooks';
import { forgetSession, StaffSignInForm, storedSession, type StoredSession } from '../../web-shared/staff-sign-in.js';
import { Emblem } from '../../web-shared/emblem.js';
import { DossierDesk } from './dossier-desk.js';
import { TEXT } from './i18n.js';

const LANG_KEY = 'luot.desk.lang';

export function DeskApp() {
  const [lang, toggleLang] = usePageLanguage(LANG_KEY);
  const [session, setSession] = useState<StoredSession | null>(storedSession);
  const [notice, setNotice] = useState<string | null>(null);
  const t = TEXT[lang];

  const signedIn = (s: StoredSession) => {
    setNotice(null);
    setSession(s);
  };
  const signedOut = (expired: boolean) => {
    forgetSession();
    setNotice(expired ? t.signedOutExpired : null);
    setSession(null);
  };

  if (!session) {
    return (
      <StaffSignInForm lang={lang} words={t} counter="optional" onToggleLang={toggleLang} notice={notice} onSignedIn={signedIn}>
        <div class="sign-in-brand">
          <Emblem />
          <div>
            <p class="brand-title">{t.title}</p>
            <p class="brand-sub">{t.subtitle}</p>
          </div>
        </div>
      </StaffSignInForm>
    );
  }
  return <DossierDesk lang={lang} onToggleLang={toggleLang} stored={session} onSignedOut={signedOut} />;
}
