// The lookup terminal: a portrait touch screen in the hall, and the page a phone opens from a
// slip's QR (its address carries the code and the check code). A citizen scans the QR code of
// their slip (a scanner types into the page) or types the code (or its short form) and the check
// code on the on-screen keyboard and sees their dossier's progress; or browses the procedures
// guide. It goes back to its start after a minute without a touch, forgetting what was shown.

import { useEffect, useState } from 'preact/hooks';
import type { CitizenEntry, LookupReply, ProcedureGuideEntry } from '../../server/contract/dossiers.js';
import { DossierKeyEntry, type KeyEntryValue } from '../../web-shared/dossier-key-entry.js';
import type { HallSnapshot } from '../../server/contract/events.js';
import { hallTimeZone } from '../../web-shared/hall-time.js';
import { callHub, HubRequestError } from '../../web-shared/hub-client.js';
import { DICTIONARY, type Lang } from './i18n.js';
import { DossierView, type WhereToGo } from './dossier-view.js';
import { ProcedureGuide } from './procedure-guide.js';
import { OnScreenKeyboard } from '../../web-shared/on-screen-keyboard.js';

const IDLE_MS = 60_000;

type Tab = 'dossier' | 'guide';
/** The counters of the hall's return service (its results are collected there), and its name and place. */
export function whereResultsAre(hall: HallSnapshot | null, lang: Lang): WhereToGo {
  const serviceId = hall?.hall.returnService;
  if (!hall) return { known: false, returnCounters: [], returnPlace: null };
  if (!serviceId) return { known: true, returnCounters: [], returnPlace: null };
  const service = hall.services.find((s) => s.id === serviceId);
  const returnCounters = hall.counters
    .filter((c) => c.def.active && c.def.services.some((l) => l.serviceId === serviceId))
    .map((c) => c.def.id)
    .sort((a, b) => a - b);
  const place = service ? [service.name[lang], service.location?.[lang]].filter(Boolean).join(' · ') : null;
  return { known: true, returnCounters, returnPlace: place || null };
}

type Found = { kind: 'none' } | { kind: 'looking' } | { kind: 'found'; dossier: LookupReply } | { kind: 'error'; message: string };

export function LookupApp() {
  const params = new URLSearchParams(location.search);
  const initial: KeyEntryValue = { code: (params.get('code') ?? '').toUpperCase(), check: (params.get('check') ?? '').toUpperCase() };
  const [lang, setLang] = useState<Lang>('vi');
  const [tab, setTab] = useState<Tab>('dossier');
  const [entry, setEntry] = useState<KeyEntryValue>(initial);
  const [found, setFound] = useState<Found>({ kind: 'none' });
  const [query, setQuery] = useState('');
  const [procedures, setProcedures] = useState<ProcedureGuideEntry[] | null>(null);
  const [chosen, setChosen] = useState<ProcedureGuideEntry | null>(null);
  const [field, setField] = useState<string | null>(null);
  const [hall, setHall] = useState<HallSnapshot | null>(null);
  const [lastTouch, setLastTouch] = useState(Date.now());
  const [now, setNow] = useState(Date.now());
  const t = DICTIONARY[lang];

  const reset = () => {
    setLang('vi');
    setTab('dossier');
    setEntry({ code: '', check: '' });
    setFound({ kind: 'none' });
    setQuery('');
    setChosen(null);
    setField(null);
    history.replaceState(null, '', location.pathname);
    // A terminal runs for days: the hall's counters are read again at each new start.
    callHub('GET /api/hall').then(setHall, () => undefined);
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
  const busy = found.kind !== 'none' || entry.code !== '' || entry.check !== '' || query !== '' || chosen !== null || field !== null || tab !== 'dossier' || lang !== 'vi';
  useEffect(() => {
    if (idleLeft === 0 && busy) reset();
  }, [idleLeft === 0]);

  const lookUp = async (wanted: CitizenEntry & { check: string }) => {
    setEntry({ code: wanted.code, check: wanted.check });
    setFound({ kind: 'looking' });
    try {
      setFound({ kind: 'found', dossier: await callHub('GET /api/lookup/:code', { params: { code: wanted.code }, query: { check: wanted.check } }) });
    } catch (error) {
      const failure = error instanceof HubRequestError ? error.failure : null;
      setFound({
        kind: 'error',
        message: failure?.status === 404 ? t.notFound : failure?.status === 0 ? t.unreachable : ((lang === 'vi' ? failure?.message : failure?.messageEn) ?? t.unreachable),
      });
    }
  };

  useEffect(() => {
    // The slip's QR address carries both codes: a phone shows the progress at once.
    if (initial.code && initial.check) void lookUp({ code: initial.code, check: initial.check });
    // The hall's name for the header, and its return service's counters for "where to go".
    callHub('GET /api/hall').then(setHall, () => setHall(null));
  }, []);
  const where = whereResultsAre(hall, lang);
  const timeZone = hallTimeZone(hall?.hall);
  const hallName = hall ? (lang === 'vi' ? hall.hall.name : hall.hall.nameEn || hall.hall.name) : '';

  useEffect(() => {
    if (tab !== 'guide') return;
    const timer = setTimeout(() => {
      callHub('GET /api/procedures', { query: { q: query } }).then(setProcedures, () => setProcedures([]));
    }, 150);
    return () => clearTimeout(timer);
  }, [query, tab]);

  const type = (key: string) => {
    if (key === '⌫') setQuery((q) => q.slice(0, -1));
    else if (key !== '⏎') setQuery((q) => (q + key).slice(0, 60));
  };

  return (
    <main class="lookup" lang={lang}>
      <header class="masthead">
        <Emblem />
        <div class="masthead-text">
          <p class="kicker">{t.kicker}</p>
          <p class="hall-name">{hallName}</p>
          <h1>{t.title}</h1>
        </div>
        <button type="button" class="lang" lang={lang === 'vi' ? 'en' : 'vi'} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t.langToggle}
        </button>
      </header>
      <div class="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'dossier'} class={tab === 'dossier' ? 'active' : ''} onClick={() => setTab('dossier')}>
          <span class="tab-name">{t.tabDossier}</span>
          <span class="tab-hint">{t.tabDossierHint}</span>
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'guide'}
          class={tab === 'guide' ? 'active' : ''}
          onClick={() => {
            setTab('guide');
            setChosen(null);
          }}
        >
          <span class="tab-name">{t.tabGuide}</span>
          <span class="tab-hint">{t.tabGuideHint}</span>
        </button>
      </div>

      {tab === 'dossier' ? (
        <section class={`panel dossier-panel${found.kind === 'found' ? ' showing' : ''}`}>
          {found.kind !== 'found' && <p class="prompt">{t.codePrompt}</p>}
          {found.kind === 'found' ? (
            <>
              <DossierView dossier={found.dossier} lang={lang} where={where} timeZone={timeZone} />
              <button
                type="button"
                class="again"
                onClick={() => {
                  setEntry({ code: '', check: '' });
                  setFound({ kind: 'none' });
                  history.replaceState(null, '', location.pathname);
                }}
              >
                {t.another}
              </button>
            </>
          ) : (
            <DossierKeyEntry
              value={entry}
              onChange={setEntry}
              onSubmit={(e) => void lookUp(e)}
              ids={{ code: 'code', check: 'check' }}
              words={{
                codeLabel: t.codeLabel,
                codeHint: t.codeHint,
                checkLabel: t.checkLabel,
                checkHint: t.checkHint,
                submit: t.search,
                backspace: t.backspace,
                badCode: t.badCode,
                badCheck: t.badCheck,
              }}
            >
              {found.kind === 'looking' && <p class="note">{t.looking}</p>}
              {found.kind === 'error' && (
                <p class="error" role="alert">
                  {found.message}
                </p>
              )}
              <section class="how" aria-labelledby="how-title">
                <h2 id="how-title">{t.howTitle}</h2>
                <ol>
                  {t.how.map((step, i) => (
                    <li key={i}>
                      <span class="how-number" aria-hidden="true">
                        {i + 1}
                      </span>
                      <span>{step}</span>
                    </li>
                  ))}
                </ol>
              </section>
            </DossierKeyEntry>
          )}
        </section>
      ) : (
        <ProcedureGuide
          lang={lang}
          query={query}
          procedures={procedures}
          field={field}
          chosen={chosen}
          onField={setField}
          onChoose={setChosen}
          onQuery={setQuery}
          keyboard={<OnScreenKeyboard layout="text" onKey={type} labels={{ backspace: t.backspace, enter: t.search }} />}
        />
      )}
      {busy && idleLeft <= 15 && <p class="idle">{t.idle(idleLeft)}</p>}
    </main>
  );
}

/**
 * The emblem area of the masthead: a star on red, as on the hall's signs. A hall that has
 * its own emblem puts it here.
 */
function Emblem() {
  return (
    <svg class="emblem" viewBox="0 0 100 100" aria-hidden="true">
      <circle cx="50" cy="50" r="48" fill="#c62828" stroke="#ffd54f" stroke-width="4" />
      <path d="M50 18l9.4 28.9h30.4L65.2 64.8l9.4 28.9L50 75.8 25.4 93.7l9.4-28.9L10.2 46.9h30.4z" fill="#ffd54f" />
    </svg>
  );
}
