// A dossier's progress as the citizen sees it: status, the step line with its dates, where to
// go next, and the whole history.

import type { LookupReply } from '../../server/contract/dossiers.js';
import { dueShown } from '../../server/contract/page-rules.js';
import { DICTIONARY, type Lang } from './i18n.js';

/** A moment as the hall writes it, in the hall's time zone. */
export function when(at: number, lang: Lang, timeZone: string): string {
  const date = new Date(at).toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
  const time = new Date(at).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone });
  return lang === 'vi' ? `${time}, ngày ${date}` : `${time}, ${date}`;
}

/** A due date: the last day of a limit in days at 24:00, not 00:00 of the next day. */
function dueWhen(at: number, lang: Lang, timeZone: string): string {
  const { day, time } = dueShown(at, timeZone);
  return lang === 'vi' ? `${time}, ngày ${day}` : `${time}, ${day}`;
}

function dayOf(at: number, timeZone: string): string {
  return new Date(at).toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
}

/** The usual way of a dossier; detours (papers requested, fees) show in the history. */
const MAIN_STEPS = [2, 4, 9, 10] as const;
/** Statuses that end a dossier without a result: no step line, no counter to go to. */
const ENDED_WITHOUT_RESULT = new Set([3, 7, 8]);

/** Where the citizen goes next: counters and the words above them. */
export interface WhereToGo {
  /** false until the hall's description is read: then no counter is named for the result. */
  known: boolean;
  /** Counters that return results (the hall's return service). */
  returnCounters: number[];
  /** The return service's name and place, e.g. "Trả kết quả · Tầng 1, quầy 12". */
  returnPlace: string | null;
}

function StepLine({ d, lang, timeZone }: { d: LookupReply; lang: Lang; timeZone: string }) {
  const t = DICTIONARY[lang];
  const reached = new Map<number, number>();
  for (const s of d.steps) if (!reached.has(s.status)) reached.set(s.status, s.at);
  const working = d.status === 4 || d.status === 5 || d.status === 6;
  const lastDone = MAIN_STEPS.reduce((last, s, i) => (reached.has(s) || d.status === s ? i : last), -1);
  const stateOf = (s: number, i: number): 'done' | 'current' | 'todo' => {
    if (s === 4 && working) return 'current';
    // A step passed without its own record (received and done the same hour) is done too.
    if (i <= lastDone) return 'done';
    if ((s === 10 && d.status === 9) || (s === 2 && d.status === 1)) return 'current';
    return 'todo';
  };
  return (
    <ol class="step-line" aria-label={t.stepLine}>
      {MAIN_STEPS.map((s, i) => {
        const at = reached.get(s);
        const state = stateOf(s, i);
        return (
          <li key={s} class={`step ${state}`} data-step={s} aria-current={state === 'current' ? 'step' : undefined}>
            <span class="step-dot" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span class="step-name">{t.stepSteps[s]}</span>
            <span class="step-date">{at ? dayOf(at, timeZone) : s === 9 && (d.promisedAt ?? d.dueAt) ? `${t.stepDue} ${dueShown((d.promisedAt ?? d.dueAt)!, timeZone).day}` : ' '}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function DossierView({ dossier: d, lang, where, timeZone }: { dossier: LookupReply; lang: Lang; where: WhereToGo; timeZone: string }) {
  const t = DICTIONARY[lang];
  const ended = ENDED_WITHOUT_RESULT.has(d.status) || d.status === 10;
  // Papers requested: back to the counters that receive the procedure. Otherwise the result
  // is collected where the hall returns results.
  const papers = d.status === 5;
  // A hall without a return service returns results where the dossier was received.
  const counters = papers ? d.counters : !where.known ? [] : where.returnCounters.length > 0 ? where.returnCounters : d.counters;
  return (
    <article class="dossier" data-code={d.code} data-status={d.status}>
      <div class="dossier-head">
        <p class="code-line">
          <span class="code-label">{t.codeLabel}</span> <span class="code">{d.code}</span>
        </p>
        <p class={`status status-${d.status}`}>{d.statusWords[lang]}</p>
        {d.timeliness && <p class={`timeliness ${d.timeliness}`}>{t.timeliness[d.timeliness]}</p>}
        <p class="procedure-name">{d.procedureName[lang]}</p>
        {d.applicant && (
          <p class="applicant">
            {t.applicant}: <span class="masked">{d.applicant}</span>
          </p>
        )}
      </div>

      {!ENDED_WITHOUT_RESULT.has(d.status) && d.kind !== 'linked' && <StepLine d={d} lang={lang} timeZone={timeZone} />}

      <dl class="dates">
        {d.receivedAt && (
          <div>
            <dt>{t.received}</dt>
            <dd>{when(d.receivedAt, lang, timeZone)}</dd>
          </div>
        )}
        {d.dueAt && (
          <div>
            <dt>{t.due}</dt>
            <dd class="due">{dueWhen(d.dueAt, lang, timeZone)}</dd>
          </div>
        )}
        {d.promisedAt && (
          <div>
            <dt>{t.promised}</dt>
            <dd class="due">{when(d.promisedAt, lang, timeZone)}</dd>
          </div>
        )}
      </dl>

      {!ended && (counters.length > 0 || (!papers && d.resultAt)) && (
        <section class={`where${d.status === 9 ? ' ready' : ''}`} aria-labelledby="where-title">
          <h3 id="where-title">{papers ? t.bringPapers : t.whereToGo}</h3>
          {counters.length > 0 && <p class="where-counters">{t.counters(counters)}</p>}
          {!papers && where.returnPlace && <p class="where-place">{where.returnPlace}</p>}
          {!papers && d.resultAt && <p class="where-place">{d.resultAt}</p>}
          {!papers && <p class="where-note">{d.status === 9 ? t.readyNow : t.notYet}</p>}
        </section>
      )}

      {(d.missingPapers.length > 0 || d.otherMissingPapers > 0) && papers && (
        <>
          <h3>{t.missing}</h3>
          {d.missingPapers.length > 0 && (
            <ul class="missing">
              {d.missingPapers.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          {d.otherMissingPapers > 0 && <p class="missing-other">{t.otherMissing(d.otherMissingPapers)}</p>}
        </>
      )}
      {d.kind === 'linked' && (
        <p class={`note province-${d.provinceStatus ?? 'none'}`}>
          {d.provinceStatus === 'read' ? t.provinceRead : d.provinceStatus === 'unavailable' ? t.provinceUnavailable : t.linkedNote}
        </p>
      )}
      <h3>{t.history}</h3>
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
