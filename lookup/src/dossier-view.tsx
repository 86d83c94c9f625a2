// A dossier's progress as the citizen sees it: status, dates, where to go, and each step.

import type { LookupReply } from '../../server/contract/dossiers.js';
import { DICTIONARY, type Lang } from './i18n.js';

/** A moment as the hall writes it, in the hall's time zone. */
export function when(at: number, lang: Lang, timeZone: string): string {
  const date = new Date(at).toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
  const time = new Date(at).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone });
  return lang === 'vi' ? `${time}, ngày ${date}` : `${time}, ${date}`;
}

export function DossierView({ dossier: d, lang, timeZone }: { dossier: LookupReply; lang: Lang; timeZone: string }) {
  const t = DICTIONARY[lang];
  return (
    <article class="dossier" data-code={d.code} data-status={d.status}>
      <p class="code">{d.code}</p>
      <p class={`status status-${d.status}`}>{d.statusWords[lang]}</p>
      {d.timeliness && <p class={`timeliness ${d.timeliness}`}>{t.timeliness[d.timeliness]}</p>}
      <dl>
        <dt>{t.procedure}</dt>
        <dd>{d.procedureName[lang]}</dd>
        {d.applicant && (
          <>
            <dt>{t.applicant}</dt>
            <dd class="masked">{d.applicant}</dd>
          </>
        )}
        {d.receivedAt && (
          <>
            <dt>{t.received}</dt>
            <dd>{when(d.receivedAt, lang, timeZone)}</dd>
          </>
        )}
        {d.dueAt && (
          <>
            <dt>{t.due}</dt>
            <dd class="due">{when(d.dueAt, lang, timeZone)}</dd>
          </>
        )}
        {d.promisedAt && (
          <>
            <dt>{t.promised}</dt>
            <dd class="due">{when(d.promisedAt, lang, timeZone)}</dd>
          </>
        )}
        {(d.resultAt || d.counters.length > 0) && (
          <>
            <dt>{t.whereToGo}</dt>
            <dd>{[d.resultAt, d.counters.length ? t.counters(d.counters) : null].filter(Boolean).join(' · ')}</dd>
          </>
        )}
      </dl>
      {d.missingPapers.length > 0 && d.status === 5 && (
        <>
          <h3>{t.missing}</h3>
          <ul class="missing">
            {d.missingPapers.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      {d.kind === 'linked' && (
        <p class={`note province-${d.provinceStatus ?? 'none'}`}>
          {d.provinceStatus === 'read' ? t.provinceRead : d.provinceStatus === 'unavailable' ? t.provinceUnavailable : t.linkedNote}
        </p>
      )}
      <h3>{t.timeline}</h3>
      <ol class="timeline">
        {d.steps.map((s, i) => (
          <li key={i}>
            <span class="step-status">{s.statusWords[lang]}</span>
            <span class="step-time">{when(s.at, lang, timeZone)}</span>
          </li>
        ))}
      </ol>
    </article>
  );
}
