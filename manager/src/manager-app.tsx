// The manager console: sign-in (managers and admins), then the live hall, the alerts and, for
// an admin, the accounts. The view is read again whenever the hall feed moves (one read on its
// way at a time, the changes heard meanwhile merged into the next) and every few seconds; a new
// alert nobody has acknowledged sounds a chime. The session lives in this tab only
// (sessionStorage).

import { usePageLanguage } from '../../web-shared/page-language.js';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useHallFeed } from '../../web-shared/hall-feed.js';
import { StaffSignInForm, type StoredSession } from '../../web-shared/staff-sign-in.js';
import { signOutStaff } from '../../web-shared/staff-session.js';
import { AlertsScreen } from './alerts-screen.js';
import { DossiersScreen } from './dossiers-screen.js';
import { hallTimeZone } from '../../web-shared/hall-time.js';
import { HallScreen } from './hall-screen.js';
import { TEXT, type Lang, type Words } from './i18n.js';
import { hallConsole, HubRequestError, type HallConsoleView } from './manager-api.js';
import { oneReadAtATime } from './one-read-at-a-time.js';
import { laterScreen } from './later-screen.js';

// The admin screens are fetched when an admin first opens them: a manager never loads them.
const UsersScreen = laterScreen(() => import('./users-screen.js').then((m) => m.UsersScreen));
const ConfigScreen = laterScreen(() => import('./config-screen.js').then((m) => m.ConfigScreen));
const CatalogueScreen = laterScreen(() => import('./catalogue-screen.js').then((m) => m.CatalogueScreen));
const VoiceScreen = laterScreen(() => import('./voice-screen.js').then((m) => m.VoiceScreen));
const DevicesScreen = laterScreen(() => import('./devices-screen.js').then((m) => m.DevicesScreen));

const SESSION_KEY = 'luot.manager.session';
const LANG_KEY = 'luot.manager.lang';
const REFRESH_MS = 5000;

type Tab = 'hall' | 'dossiers' | 'alerts' | 'users' | 'config' | 'devices' | 'catalogue' | 'voice';

function storedSession(): StoredSession | null {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as StoredSession | null;
  } catch {
    return null;
  }
}

export const messageOf = (lang: Lang, e: unknown) => (e instanceof HubRequestError ? (lang === 'vi' ? e.failure.message : e.failure.messageEn) : String(e));

export const clock = (at: number) => new Date(at).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A short two-note chime: a new alert. Silent where the browser allows no sound yet. */
function chime(): void {
  try {
    const audio = new AudioContext();
    [880, 660].forEach((hz, i) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = hz;
      gain.gain.setValueAtTime(0.2, audio.currentTime + i * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.25 + 0.22);
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + i * 0.25);
      tone.stop(audio.currentTime + i * 0.25 + 0.24);
    });
    setTimeout(() => void audio.close(), 1000);
  } catch {
    // No sound: the alert is still shown.
  }
}

export function ManagerApp() {
  const [lang, toggleLang] = usePageLanguage(LANG_KEY);
  const [session, setSession] = useState<StoredSession | null>(storedSession);
  const [notice, setNotice] = useState<string | null>(null);
  const t = TEXT[lang];
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
  if (!session || session.session.role === 'clerk' || session.session.role === 'back_office')
    return <SignIn t={t} lang={lang} onToggleLang={toggleLang} notice={notice} onSignedIn={signedIn} />;
  return <Console t={t} lang={lang} onToggleLang={toggleLang} stored={session} onSignedOut={signedOut} />;
}

function SignIn(props: { t: Words; lang: Lang; onToggleLang: () => void; notice: string | null; onSignedIn: (s: StoredSession) => void }) {
  const { t } = props;
  return (
    <StaffSignInForm
      lang={props.lang}
      words={t}
      counter="none"
      hint={t.signInHint}
      keep={false}
      notice={props.notice}
      onToggleLang={props.onToggleLang}
      onSignedIn={props.onSignedIn}
      refuse={(s) => (s.session.role === 'clerk' || s.session.role === 'back_office' ? t.notForClerks : null)}
      // The hub asks a clerk for a counter: here, the clerk is told where to go instead.
      wordsFor={(e) => (e.failure.error === 'counter_required' ? t.notForClerks : null)}
    />
  );
}

function Console(props: { t: Words; lang: Lang; onToggleLang: () => void; stored: StoredSession; onSignedOut: (expired: boolean) => void }) {
  const { t, lang, stored } = props;
  const token = stored.token;
  const isAdmin = stored.session.role === 'admin';
  const [tab, setTab] = useState<Tab>('hall');
  const [view, setView] = useState<HallConsoleView | null>(null);
  // The dossier figures are read again when a dossier changes anywhere in the hall.
  const [dossierTick, setDossierTick] = useState(0);
  const feed = useHallFeed({}, (events) => {
    if (events.some((e) => e.type === 'dossier:changed')) setDossierTick((n) => n + 1);
  });
  const heard = useRef<Set<number> | null>(null);

  // A read asked for while one is on its way is merged into one read after it.
  const reload = useMemo(
    () =>
      oneReadAtATime(async () => {
        try {
          const next = await hallConsole(token);
          const unacknowledged = next.alerts.filter((a) => a.acknowledgedAt === null).map((a) => a.id);
          // The first reading only sets what is known; a later new alert chimes.
          if (heard.current && unacknowledged.some((id) => !heard.current!.has(id))) chime();
          heard.current = new Set([...(heard.current ?? []), ...unacknowledged]);
          setView(next);
        } catch (e) {
          if (e instanceof HubRequestError && e.failure.status === 401) props.onSignedOut(true);
        }
      }),
    [token],
  );

  const seq = feed.snapshot?.seq ?? 0;
  const deviceKey = JSON.stringify(feed.devices);
  useEffect(() => {
    void reload();
  }, [seq, deviceKey, reload]);
  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const signOut = async () => {
    await signOutStaff(token).catch(() => undefined);
    props.onSignedOut(false);
  };
  const open = view?.alerts.filter((a) => a.acknowledgedAt === null).length ?? 0;
  const tabs: Tab[] = isAdmin ? ['hall', 'dossiers', 'alerts', 'users', 'config', 'devices', 'catalogue', 'voice'] : ['hall', 'dossiers', 'alerts'];

  return (
    <div class="console">
      <header class="bar">
        <h1>{t.title}</h1>
        <nav aria-label={t.title}>
          {tabs.map((name) => (
            <button type="button" key={name} class={`tab ${tab === name ? 'current' : ''}`} aria-current={tab === name ? 'page' : undefined} onClick={() => setTab(name)}>
              {t.tabs[name]}
              {name === 'alerts' && open > 0 && <span class="badge">{open}</span>}
            </button>
          ))}
        </nav>
        <span class="who">
          <span>{stored.session.name}</span>
          <span class="role">{t.roles[stored.session.role]}</span>
        </span>
        <button type="button" class="lang" onClick={props.onToggleLang}>
          {t.langToggle}
        </button>
        <button type="button" class="sign-out" onClick={signOut}>
          {t.signOut}
        </button>
      </header>
      {!feed.connected && (
        <p class="offline" role="status">
          {t.offline}
        </p>
      )}
      {open > 0 && tab !== 'alerts' && (
        <div role="alert">
          <button type="button" class="alert-strip" onClick={() => setTab('alerts')}>
            {t.newAlerts(open)}: {view!.alerts.find((a) => a.acknowledgedAt === null)![lang === 'vi' ? 'message' : 'messageEn']}
          </button>
        </div>
      )}
      <main class="screen">
        {view && tab === 'hall' && <HallScreen t={t} lang={lang} token={token} view={view} onChanged={reload} />}
        {tab === 'dossiers' && (
          <DossiersScreen t={t} lang={lang} token={token} timeZone={hallTimeZone(feed.snapshot?.hall)} dossierTick={dossierTick} onSignedOut={() => props.onSignedOut(true)} />
        )}
        {view && tab === 'alerts' && <AlertsScreen t={t} lang={lang} token={token} view={view} onChanged={reload} />}
        {tab === 'users' && isAdmin && <UsersScreen t={t} lang={lang} token={token} self={stored.session.user} />}
        {tab === 'config' && isAdmin && <ConfigScreen t={t} lang={lang} token={token} />}
        {tab === 'catalogue' && isAdmin && <CatalogueScreen t={t} lang={lang} token={token} services={view?.services ?? []} />}
        {tab === 'voice' && isAdmin && <VoiceScreen t={t} lang={lang} token={token} />}
        {tab === 'devices' && isAdmin && <DevicesScreen t={t} lang={lang} token={token} />}
        {view && <p class="updated">{t.updatedAt(clock(view.at))}</p>}
      </main>
    </div>
  );
}
