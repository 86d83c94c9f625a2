// The lookup terminal: a portrait touch screen in the hall. A citizen scans the QR code of
// their slip (a scanner types into the page) or types the code on the on-screen keyboard and
// sees their dossier's progress; or browses the procedures guide. It goes back to its start
// after a minute without a touch, forgetting what was shown.

import { useEffect, useRef, useState } from 'preact/hooks';
import { dossierCodeIn, type LookupReply, type ProcedureGuideEntry } from '../../server/contract/dossiers.js';
import { useHallFeed } from '../../web-shared/hall-feed.js';
import { hallTimeZone } from '../../web-shared/hall-time.js';
import { callHub, HubRequestError } from '../../web-shared/hub-client.js';
import { DICTIONARY, type Lang } from './i18n.js';
import { DossierView } from './dossier-view.js';
import { ProcedureGuide } from './procedure-guide.js';
import { OnScreenKeyboard } from '../../web-shared/on-screen-keyboard.js';

const IDLE_MS = 60_000;

type Tab = 'dossier' | 'guide';
type Found = { kind: 'none' } | { kind: 'looking' } | { kind: 'found'; dossier: LookupReply } | { kind: 'error'; message: string };

export function LookupApp() {
  const initialCode = new URLSearchParams(location.search).get('code');
  const [lang, setLang] = useState<Lang>('vi');
  const [tab, setTab] = useState<Tab>('dossier');
  const [code, setCode] = useState(initialCode ? (dossierCodeIn(initialCode) ?? initialCode.toUpperCase()) : '');
  const [found, setFound] = useState<Found>({ kind: 'none' });
  const [query, setQuery] = useState('');
  const [procedures, setProcedures] = useState<ProcedureGuideEntry[] | null>(null);
  const [chosen, setChosen] = useState<ProcedureGuideEntry | null>(null);
  const [lastTouch, setLastTouch] = useState(Date.now());
  const [now, setNow] = useState(Date.now());
  const input = useRef<HTMLInputElement>(null);
  const t = DICTIONARY[lang];
  // The hall's settings only (its time zone): no counter is followed.
  const timeZone = hallTimeZone(useHallFeed({ counters: [0] }).snapshot?.hall);

  const reset = () => {
    setLang('vi');
    setTab('dossier');
    setCode('');
    setFound({ kind: 'none' });
    setQuery('');
    setChosen(null);
    history.replaceState(null, '', location.pathname);
  };

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    const touched = () => setLastTouch(Date.now());
    for (const e of ['pointerdown', 'keydown']) window.addEventListener(e, touched);
    const noMenu = (e: Event) => e.preventDefault();
    window.addEventListener('contextmenu', noMenu);
    return () => {
      clearInterval(timer);
      for (const e of ['pointerdown', 'keydown']) window.removeEventListener(e, touched);
      window.removeEventListener('contextmenu', noMenu);
    };
  }, []);
  const idleLeft = Math.max(0, Math.ceil((lastTouch + IDLE_MS - now) / 1000));
  const busy = found.kind !== 'none' || code !== '' || query !== '' || chosen !== null || tab !== 'dossier' || lang !== 'vi';
  useEffect(() => {
    if (idleLeft === 0 && busy) reset();
  }, [idleLeft === 0]);

  const lookUp = async (text = code) => {
    const wanted = dossierCodeIn(text);
    setCode(wanted ?? text.trim().toUpperCase());
    if (!wanted) return setFound({ kind: 'error', message: t.badCode });
    setFound({ kind: 'looking' });
    try {
      setFound({ kind: 'found', dossier: await callHub('GET /api/lookup/:code', { params: { code: wanted } }) });
    } catch (error) {
      const failure = error instanceof HubRequestError ? error.failure : null;
      setFound({ kind: 'error', message: failure?.status === 404 ? t.notFound : failure?.status === 0 ? t.unreachable : (lang === 'vi' ? failure?.message : failure?.messageEn) ?? t.unreachable });
    }
  };

  useEffect(() => {
    if (initialCode) void lookUp(initialCode);
  }, []);

  useEffect(() => {
    if (tab !== 'guide') return;
    const timer = setTimeout(() => {
      callHub('GET /api/procedures', { query: { q: query } }).then(setProcedures, () => setProcedures([]));
    }, 150);
    return () => clearTimeout(timer);
  }, [query, tab]);

  const type = (key: string) => {
    if (tab === 'dossier') {
      if (key === '⌫') setCode((c) => c.slice(0, -1));
      else if (key === '⏎') void lookUp();
      else setCode((c) => (c + key).slice(0, 40));
    } else if (key === '⌫') setQuery((q) => q.slice(0, -1));
    else if (key !== '⏎') setQuery((q) => (q + key).slice(0, 60));
  };

  return (
    <main class="lookup" lang={lang}>
      <header>
        <h1>{t.title}</h1>
        <button class="lang" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t.langToggle}
        </button>
      </header>
      <nav class="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'dossier'} class={tab === 'dossier' ? 'active' : ''} onClick={() => setTab('dossier')}>
          {t.tabDossier}
        </button>
        <button role="tab" aria-selected={tab === 'guide'} class={tab === 'guide' ? 'active' : ''} onClick={() => { setTab('guide'); setChosen(null); }}>
          {t.tabGuide}
        </button>
      </nav>

      {tab === 'dossier' ? (
        <section class="panel">
          <label class="prompt" for="code">{t.codePrompt}</label>
          <form
            class="entry"
            onSubmit={(e) => {
              e.preventDefault();
              void lookUp();
            }}
          >
            <input
              id="code"
              ref={input}
              value={code}
              autoFocus
              autoComplete="off"
              spellcheck={false}
              placeholder={t.codePlaceholder}
              onInput={(e) => setCode((e.target as HTMLInputElement).value.toUpperCase())}
            />
            <button type="submit" class="primary">{t.search}</button>
          </form>
          {found.kind === 'looking' && <p class="note">{t.looking}</p>}
          {found.kind === 'error' && <p class="error" role="alert">{found.message}</p>}
          {found.kind === 'found' ? (
            <>
              <DossierView dossier={found.dossier} lang={lang} timeZone={timeZone} />
              <button
                class="again"
                onClick={() => {
                  setCode('');
                  setFound({ kind: 'none' });
                  input.current?.focus();
                }}
              >
                {t.another}
              </button>
            </>
          ) : (
            <OnScreenKeyboard layout="code" onKey={type} labels={{ backspace: t.backspace, enter: t.search }} />
          )}
        </section>
      ) : (
        <ProcedureGuide
          lang={lang}
          query={query}
          procedures={procedures}
          chosen={chosen}
          onChoose={setChosen}
          onQuery={setQuery}
          keyboard={<OnScreenKeyboard layout="text" onKey={type} labels={{ backspace: t.backspace, enter: t.search }} />}
        />
      )}
      {busy && idleLeft <= 15 && <p class="idle">{t.idle(idleLeft)}</p>}
    </main>
  );
}
