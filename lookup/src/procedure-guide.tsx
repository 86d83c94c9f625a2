// The procedures guide: large tiles by field (lĩnh vực), or search as you type; then one
// procedure's papers, fee, time, and the counters that receive it.

import type { ComponentChild } from 'preact';
import type { ProcedureGuideEntry } from '../../server/contract/dossiers.js';
import { DICTIONARY, PAPER_KIND, type Lang } from './i18n.js';

interface Props {
  lang: Lang;
  query: string;
  procedures: ProcedureGuideEntry[] | null;
  field: string | null;
  chosen: ProcedureGuideEntry | null;
  onField: (field: string | null) => void;
  onChoose: (p: ProcedureGuideEntry | null) => void;
  onQuery: (q: string) => void;
  keyboard: ComponentChild;
}

/** Fields in the catalogue's order, with how many procedures each holds. */
function fieldsOf(procedures: readonly ProcedureGuideEntry[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const p of procedures) counts.set(p.field, (counts.get(p.field) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count }));
}

// Where the result is returned is the procedure's own words (some are handed over at once at
// the receiving counter); the return service's counters are named for a dossier, not here.
function ProcedureDetail({ p, lang, onBack }: { p: ProcedureGuideEntry; lang: Lang; onBack: () => void }) {
  const t = DICTIONARY[lang];
  return (
    <section class="panel procedure" data-procedure={p.code}>
      <button type="button" class="back" onClick={onBack}>
        ← {t.back}
      </button>
      <p class="field-name">{p.field}</p>
      <h2>{p.name[lang]}</h2>
      <div class="facts">
        <div class="fact">
          <h3>{t.receivedAt}</h3>
          <p class="fact-main">{t.counters(p.counters)}</p>
        </div>
        <div class="fact">
          <h3>{t.time}</h3>
          <p>{lang === 'vi' && p.processingText ? p.processingText : p.processingWords[lang]}</p>
        </div>
        <div class="fact">
          <h3>{t.fee}</h3>
          <p>{p.fee.text}</p>
        </div>
        <div class="fact">
          <h3>{t.resultAt}</h3>
          <p>{p.resultAt}</p>
        </div>
      </div>
      <h3>{t.papers}</h3>
      <ol class="papers">
        {p.papers.map((paper) => (
          <li key={paper.name}>
            {paper.name}{' '}
            <span class="kind">
              ({PAPER_KIND[lang][paper.kind]}, {t.copies(paper.count)})
            </span>
          </li>
        ))}
      </ol>
      {p.legalBasis && (
        <p class="legal">
          {t.legal}: {p.legalBasis}
        </p>
      )}
    </section>
  );
}

export function ProcedureGuide(props: Props) {
  const t = DICTIONARY[props.lang];
  if (props.chosen) return <ProcedureDetail p={props.chosen} lang={props.lang} onBack={() => props.onChoose(null)} />;
  const all = props.procedures ?? [];
  const searching = props.query.trim() !== '';
  const shown = searching ? all : props.field ? all.filter((p) => p.field === props.field) : null;
  return (
    <section class="panel guide">
      <label class="prompt" for="query">
        {t.guidePrompt}
      </label>
      <input
        id="query"
        class="search"
        value={props.query}
        autoComplete="off"
        spellcheck={false}
        placeholder={t.guidePlaceholder}
        onInput={(e) => props.onQuery((e.target as HTMLInputElement).value)}
      />
      {shown ? (
        <>
          <div class="list-head">
            {props.field && !searching && (
              <button type="button" class="back" onClick={() => props.onField(null)}>
                ← {t.allFields}
              </button>
            )}
            <h2 class="list-title">{searching ? t.matches(shown.length) : props.field}</h2>
          </div>
          <ul class="procedures">
            {shown.map((entry) => (
              <li key={entry.code}>
                <button type="button" data-procedure={entry.code} onClick={() => props.onChoose(entry)}>
                  <span class="name">{entry.name[props.lang]}</span>
                  <span class="meta">
                    {entry.processingWords[props.lang]} · {entry.fee.text} · {t.counters(entry.counters)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {props.procedures && shown.length === 0 && <p class="note">{t.noProcedures}</p>}
        </>
      ) : (
        <>
          <h2 class="list-title">{t.fieldsTitle}</h2>
          <ul class="fields">
            {fieldsOf(all).map((f) => (
              <li key={f.name}>
                <button type="button" data-field={f.name} onClick={() => props.onField(f.name)}>
                  <span class="name">{f.name}</span>
                  <span class="meta">{t.fieldCount(f.count)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.keyboard}
    </section>
  );
}
