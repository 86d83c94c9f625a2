// The desk: the lists on the left (a filter, "only this counter's", the code search), the chosen
// dossier on the right with the steps its status allows. Live through the hall feed: a change
// anywhere reads the list and the chosen dossier again.

import { useEffect, useRef, useState } from 'preact/hooks';
import { DOSSIER_LIST_VIEWS, DOSSIER_STATUSES, type DossierListView, type DossierReply } from '../../server/contract/dossiers.js';
import { Emblem } from '../../web-shared/emblem.js';
import { useHallFeed } from '../../web-shared/hall-feed.js';
import { hallTimeZone } from '../../web-shared/hall-time.js';
import { keysBelongElsewhere } from '../../web-shared/page-keys.js';
import type { StoredSession } from '../../web-shared/staff-sign-in.js';
import { ApiError, currentSession, dossierByCode, dossierList, signOut } from './desk-api.js';
import { DossierDetail, whenText } from './dossier-detail.js';
import { DossierSearch } from './dossier-search.js';
import { TEXT, type Lang, type Said } from './i18n.js';

const SESSION_CHECK_MS = 30_000;
type Message = ({ kind: 'info' | 'error' } & Said) | null;

function firstView(): DossierListView {
  const asked = new URLSearchParams(location.search).get('view');
  return (DOSSIER_LIST_VIEWS as readonly string[]).includes(asked ?? '') ? (asked as DossierListView) : 'open';
}

export function DossierDesk(props: { lang: Lang; onToggleLang: () => void; stored: StoredSession; onSignedOut: (expired: boolean) => void }) {
  const t = TEXT[props.lang];
  const { token, session } = props.stored;
  const feed = useHallFeed({});
  const seq = feed.snapshot?.seq;
  const hall = feed.snapshot?.hall;
  const timeZone = hallTimeZone(hall);
  const [view, setView] = useState<DossierListView>(firstView);
  const [onlyMine, setOnlyMine] = useState(false);
  const [list, setList] = useState<DossierReply[] | null>(null);
  const [chosen, setChosen] = useState<DossierReply | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const search = useRef<HTMLDivElement>(null);
  const detail = useRef<HTMLElement>(null);
  const counterId = session.counterId;

  const fail = (e: unknown) => {
    if (!(e instanceof ApiError)) throw e;
    if (e.failure.status === 401) return props.onSignedOut(true);
    setMessage({ kind: 'error', vi: e.failure.message, en: e.failure.messageEn });
  };
  const say = (said: Said | null, kind: 'info' | 'error' = 'info') => setMessage(said && { kind, ...said });

  useEffect(() => {
    dossierList(token, view, onlyMine ? counterId : null).then(setList, fail);
  }, [token, view, onlyMine, seq]);
  // The chosen dossier is read again when the hall moves (another desk may have moved it on).
  useEffect(() => {
    if (chosen) dossierByCode(token, chosen.code).then(setChosen, () => undefined);
  }, [seq]);
  useEffect(() => {
    const timer = setInterval(() => currentSession(token).catch((e: unknown) => e instanceof ApiError && e.failure.status === 401 && props.onSignedOut(true)), SESSION_CHECK_MS);
    return () => clearInterval(timer);
  }, [token]);

  // F2 goes to the code search (a scanner's text then lands in it); quiet while a dialog is
  // open or a field has focus (web-shared/page-keys.ts).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F2' || keysBelongElsewhere(event)) return;
      event.preventDefault();
      search.current?.querySelector('input')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /** A dossier chosen from the list or the search: its first step takes the focus. */
  const choose = (d: DossierReply) => {
    setChosen(d);
    setTimeout(() => (detail.current?.querySelector<HTMLElement>('.steps-actions button, .slips button') ?? detail.current)?.focus(), 0);
  };
  const changed = (d: DossierReply, said: Said) => {
    setChosen(d);
    say(said);
    dossierList(token, view, onlyMine ? counterId : null).then(setList, fail);
  };

  const leave = async () => {
    await signOut(token).catch(() => undefined);
    props.onSignedOut(false);
  };

  return (
    <div class="desk">
      <header class="desk-bar">
        <div class="brand">
          <Emblem />
          <div>
            <h1>{t.title}</h1>
            <span class="hall-name">{hall ? (props.lang === 'vi' ? hall.name : hall.nameEn) : ''}</span>
          </div>
        </div>
        <div class="who">
          <span class="clerk">
            {session.name}
            {counterId !== null && ` · ${t.counterName(counterId)}`}
          </span>
          {counterId !== null && (
            <a class="to-counter" href={`/counter/?counter=${counterId}`}>
              {t.toCounter}
            </a>
          )}
          <button type="button" class="lang" onClick={props.onToggleLang}>
            {t.langToggle}
          </button>
          <button type="button" class="sign-out" onClick={leave}>
            {t.signOut}
          </button>
        </div>
      </header>
      {!feed.connected && (
        <div class="offline" role="status">
          {t.offline}
        </div>
      )}
      <main class="desk-main">
        <section class="lists" aria-label={t.lists}>
          <div ref={search}>
            <DossierSearch lang={props.lang} token={token} onFound={choose} onError={fail} onSaid={(s) => say(s, 'error')} />
          </div>
          <fieldset class="views">
            <legend>{t.lists}</legend>
            {DOSSIER_LIST_VIEWS.map((v) => (
              <button type="button" key={v} class={`view view-${v}`} data-view={v} aria-pressed={view === v} onClick={() => setView(v)}>
                {t.views[v]}
              </button>
            ))}
          </fieldset>
          {counterId !== null && (
            <label class="only-mine">
              <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.currentTarget.checked)} />
              {t.onlyCounter(counterId)}
            </label>
          )}
          <div class="list-head">
            <h2>{t.views[view]}</h2>
            {list && <span class="list-count">{t.listCount(list.length)}</span>}
          </div>
          {list?.length === 0 && <p class="list-empty">{t.listEmpty}</p>}
          <ul class="dossier-list">
            {list?.map((d) => (
              <li key={d.code}>
                <button
                  type="button"
                  class={`dossier-row ${d.timeliness === 'overdue' ? 'overdue' : ''}`}
                  data-dossier={d.code}
                  aria-current={chosen?.code === d.code}
                  onClick={() => choose(d)}
                >
                  <span class="row-code">{d.code}</span>
                  <span class="row-name">{d.procedureName[props.lang]}</span>
                  <span class="row-who">{d.applicant?.name ?? ''}</span>
                  <span class={`row-status s${d.status}`}>{DOSSIER_STATUSES[d.status][props.lang]}</span>
                  <span class="row-due">
                    {d.timeliness === 'overdue' ? `${t.overdue} · ` : ''}
                    {d.dueAt !== null ? whenText(d.dueAt, timeZone) : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section class="detail" ref={detail} tabIndex={-1} aria-label={chosen ? chosen.code : t.chooseDossier}>
          <p class={`message ${message?.kind ?? ''}`} role={message?.kind === 'error' ? 'alert' : 'status'}>
            {message && (
              <>
                <span lang="vi">{message.vi}</span>
                <span lang="en" class="message-en">
                  {message.en}
                </span>
              </>
            )}
          </p>
          {chosen ? <DossierDetail lang={props.lang} token={token} dossier={chosen} timeZone={timeZone} onChanged={changed} onError={fail} /> : <p class="choose">{t.chooseDossier}</p>}
          <p class="keys-hint">{t.keysHint}</p>
        </section>
      </main>
    </div>
  );
}
