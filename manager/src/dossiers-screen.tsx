// Dossiers: the leader's daily question, which dossiers will be late. The open dossiers due
// today, overdue, waiting for papers, waiting for fees and with their result ready, in all, per
// procedure and per clerk (who received them, who holds them); each figure opens the list behind
// it. Read again whenever a dossier changes in the hall (the feed's dossier:changed) and every
// half minute (a dossier becomes due or late as time passes).

import { useEffect, useRef, useState } from 'preact/hooks';
import { DOSSIER_LIST_LIMIT, DOSSIER_STATUSES } from '../../server/contract/dossiers.js';
import { messageOf } from './manager-app.js';
import type { Lang, Words } from './i18n.js';
import { dossierFigures, dossierList, HubRequestError, type DossierFiguresReply, type DossierReply, type FigureList, type FigureRow } from './manager-api.js';

const LISTS: FigureList[] = ['due_today', 'overdue', 'papers', 'fees', 'ready'];
const REFRESH_MS = 30_000;

type Grouping = 'procedure' | 'receivedBy' | 'heldBy';
/** The list behind a figure: one of the desk's lists, in all or of one row. */
interface Chosen {
  list: FigureList;
  group: { by: Grouping; key: string; name: string } | null;
}

function dayText(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(at);
}

export function DossiersScreen(props: { t: Words; lang: Lang; token: string; timeZone: string; dossierTick: number; onSignedOut: () => void }) {
  const { t, lang, token, timeZone } = props;
  const [figures, setFigures] = useState<DossierFiguresReply | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [list, setList] = useState<DossierReply[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listTitle = useRef<HTMLHeadingElement>(null);

  const fail = (e: unknown) => {
    if (e instanceof HubRequestError && e.failure.status === 401) return props.onSignedOut();
    setError(messageOf(lang, e));
  };
  const load = () =>
    dossierFigures(token).then((f) => {
      setFigures(f);
      setError(null);
    }, fail);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [token, props.dossierTick]);

  useEffect(() => {
    if (!chosen) return setList(null);
    const query = { view: chosen.list, ...(chosen.group ? { [chosen.group.by]: chosen.group.key } : {}) };
    dossierList(token, query).then(setList, fail);
  }, [token, chosen, props.dossierTick, figures?.at]);

  const choose = (next: Chosen) => {
    setChosen(next);
    // The list opens above the tables: the focus goes to its title.
    requestAnimationFrame(() => listTitle.current?.focus());
  };

  const figure = (list: FigureList, count: number, group: Chosen['group']) =>
    count === 0 ? (
      <span class="zero">0</span>
    ) : (
      <a
        href={`#${list}`}
        class={`figure-link ${list}`}
        aria-label={t.openList(t.figureLists[list], count, group?.name ?? null)}
        onClick={(e) => {
          e.preventDefault();
          choose({ list, group });
        }}
      >
        {count}
      </a>
    );

  const table = (title: string, id: string, rows: FigureRow[], by: Grouping, head: string) => (
    <section aria-labelledby={id} class="figure-table">
      <h2 id={id}>{title}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {LISTS.map((l) => (
              <th scope="col" key={l} class="num">
                {t.figureLists[l]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} class={r.counts.overdue > 0 ? 'late' : ''}>
              <th scope="row">
                {r.name[lang]}
                {by === 'procedure' && r.key !== r.name.vi && <span class="device-id"> ({r.key})</span>}
              </th>
              {LISTS.map((l) => (
                <td key={l} class="num">
                  {figure(l, r.counts[l], { by, key: r.key, name: r.name[lang] })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );

  if (!figures)
    return error ? (
      <p class="message error" role="alert">
        {error}
      </p>
    ) : null;
  const empty = LISTS.every((l) => figures.totals[l] === 0);
  return (
    <div class="dossiers">
      {error && (
        <p class="message error" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="dossier-totals">
        <h2 id="dossier-totals">{t.dossierTotals}</h2>
        <ul class="totals">
          {LISTS.map((l) => (
            <li key={l} class={`total ${l} ${figures.totals[l] > 0 ? 'some' : ''}`}>
              <span class="total-name">{t.figureLists[l]}</span>
              <span class="total-count">{figure(l, figures.totals[l], null)}</span>
            </li>
          ))}
        </ul>
        {empty && <p>{t.noDossierFigures}</p>}
        <p class="hint">{t.dossierAlertHint}</p>
      </section>
      {chosen && (
        <section aria-labelledby="dossier-list-title" class="dossier-list">
          <div class="list-head">
            <h2 id="dossier-list-title" tabIndex={-1} ref={listTitle}>
              {t.listTitle(t.figureLists[chosen.list], chosen.group?.name ?? null)}
              {list && ` (${list.length})`}
            </h2>
            <button type="button" onClick={() => setChosen(null)}>
              {t.closeList}
            </button>
          </div>
          {list && list.length === 0 && <p>{t.emptyList}</p>}
          {list && list.length >= DOSSIER_LIST_LIMIT && <p class="hint">{t.listCapped(DOSSIER_LIST_LIMIT)}</p>}
          {list && list.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.dossierCode}</th>
                  <th scope="col">{t.procedure}</th>
                  <th scope="col">{t.applicant}</th>
                  <th scope="col">{t.receivedOn}</th>
                  <th scope="col">{t.dueOn}</th>
                  <th scope="col">{t.statusCol}</th>
                  <th scope="col">{t.receivedByCol}</th>
                  <th scope="col">{t.heldByCol}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((d) => (
                  <tr key={d.code} class={d.timeliness === 'overdue' ? 'late' : ''}>
                    <th scope="row" class="code">
                      {d.code}
                    </th>
                    <td>{d.procedureName[lang]}</td>
                    <td>{d.applicant?.name ?? '—'}</td>
                    <td>{dayText(d.receivedAt ?? d.openedAt, timeZone)}</td>
                    {/* A limit in days ends at 24:00 of its last day: that day is shown. */}
                    <td>{d.dueAt === null ? '—' : dayText(d.dueAt - 1, timeZone)}</td>
                    <td>{DOSSIER_STATUSES[d.status][lang]}</td>
                    <td>{(d.steps.find((s) => s.status === 2) ?? d.steps[0])?.by ?? '—'}</td>
                    <td>{d.steps.at(-1)?.by ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {!empty && (
        <div class="columns">
          {table(t.byProcedure, 'by-procedure', figures.byProcedure, 'procedure', t.procedure)}
          <div>
            {table(t.byReceiver, 'by-receiver', figures.byReceiver, 'receivedBy', t.clerk)}
            {table(t.byHolder, 'by-holder', figures.byHolder, 'heldBy', t.clerk)}
          </div>
        </div>
      )}
    </div>
  );
}
