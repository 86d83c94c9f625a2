// The procedures guide: search as you type, then one procedure's papers, fee, time and counters.

import type { ComponentChild } from 'preact';
import type { ProcedureGuideEntry } from '../../server/contract/dossiers.js';
import { DICTIONARY, PAPER_KIND, type Lang } from './i18n.js';

interface Props {
  lang: Lang;
  query: string;
  procedures: ProcedureGuideEntry[] | null;
  chosen: ProcedureGuideEntry | null;
  onChoose: (p: ProcedureGuideEntry | null) => void;
  onQuery: (q: string) => void;
  keyboard: ComponentChild;
}

export function ProcedureGuide(props: Props) {
  const t = DICTIONARY[props.lang];
  const p = props.chosen;
  if (p) {
    return (
      <section class="panel procedure" data-procedure={p.code}>
        <button class="back" onClick={() => props.onChoose(null)}>
          ← {t.back}
        </button>
        <h2>{p.name[props.lang]}</h2>
        <dl>
          <dt>{t.time}</dt>
          <dd>{props.lang === 'vi' && p.processingText ? p.processingText : p.processingWords[props.lang]}</dd>
          <dt>{t.fee}</dt>
          <dd>{p.fee.text}</dd>
          <dt>{t.receivedAt}</dt>
          <dd>{t.counters(p.counters)}</dd>
          <dt>{t.resultAt}</dt>
          <dd>{p.resultAt}</dd>
        </dl>
        <h3>{t.papers}</h3>
        <ol class="papers">
          {p.papers.map((paper) => (
            <li key={paper.name}>
              {paper.name} <span class="kind">({PAPER_KIND[props.lang][paper.kind]}, {t.copies(paper.count)})</span>
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
  return (
    <section class="panel">
      <label class="prompt" for="query">{t.guidePrompt}</label>
      <input id="query" class="search" value={props.query} autoComplete="off" spellcheck={false} placeholder={t.guidePlaceholder} onInput={(e) => props.onQuery((e.target as HTMLInputElement).value)} />
      <ul class="procedures">
        {props.procedures?.map((entry) => (
          <li key={entry.code}>
            <button data-procedure={entry.code} onClick={() => props.onChoose(entry)}>
              <span class="name">{entry.name[props.lang]}</span>
              <span class="meta">
                {entry.processingWords[props.lang]} · {entry.fee.text}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {props.procedures?.length === 0 && <p class="note">{t.noProcedures}</p>}
      {props.keyboard}
    </section>
  );
}
