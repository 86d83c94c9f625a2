// One dossier in full: who, what, the dates, the missing papers, its steps so far; the steps
// its status allows (the hub's own table, contract/page-rules.ts); the slips that apply.

import { useState } from 'preact/hooks';
import { DOSSIER_STATUSES, type DossierAction, type DossierReply } from '../../server/contract/dossiers.js';
import { dossierActionsFrom, slipFormsOf } from '../../server/contract/page-rules.js';
import { Modal } from '../../web-shared/modal.js';
import { openSlip, takeStep, type StepBody } from './desk-api.js';
import { both, TEXT, type Lang, type Said } from './i18n.js';

/** The steps in the order a dossier usually goes forward; the rest after. */
const DESK_ORDER: DossierAction[] = ['start', 'supplement', 'feesPaid', 'complete', 'returnResult', 'requestPapers', 'requestFees', 'apologize', 'withdraw', 'stop'];
/** Steps that need words first: the missing papers, a reason, a new date. */
const ASKS: ReadonlySet<DossierAction> = new Set(['requestPapers', 'withdraw', 'stop', 'apologize']);

/** "17:00 04/12/2026" in the hall's time zone, the same in both languages. */
export function whenText(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric', hourCycle: 'h23', timeZone }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ${part('day')}/${part('month')}/${part('year')}`;
}

/** The steps this dossier may take now, forward first. */
export function stepsFor(d: DossierReply, now: number): DossierAction[] {
  const allowed = new Set(dossierActionsFrom(d.status));
  // Papers are asked for once; an apology comes before the due date.
  if (d.missingPapers.length > 0) allowed.delete('requestPapers');
  if (d.dueAt === null || now > d.dueAt) allowed.delete('apologize');
  return DESK_ORDER.filter((a) => allowed.has(a));
}

export function DossierDetail(props: {
  lang: Lang;
  token: string;
  dossier: DossierReply;
  timeZone: string;
  onChanged: (d: DossierReply, said: Said) => void;
  onError: (e: unknown) => void;
}) {
  const t = TEXT[props.lang];
  const d = props.dossier;
  const [asking, setAsking] = useState<DossierAction | null>(null);
  const [busy, setBusy] = useState(false);
  const when = (at: number) => whenText(at, props.timeZone);
  const steps = stepsFor(d, Date.now());

  const take = async (action: DossierAction, body: StepBody = {}) => {
    setBusy(true);
    try {
      const done = await takeStep(props.token, d.code, action, body);
      setAsking(null);
      const status = DOSSIER_STATUSES[done.status];
      props.onChanged(done, { vi: TEXT.vi.stepDone(done.code, status.vi), en: TEXT.en.stepDone(done.code, status.en) });
      // The next step (or the slip) takes the focus, so Enter goes on.
      setTimeout(() => document.querySelector<HTMLElement>('.steps-actions button, .slips button')?.focus(), 0);
    } catch (e) {
      props.onError(e);
    } finally {
      setBusy(false);
    }
  };
  const press = (action: DossierAction) => (ASKS.has(action) ? setAsking(action) : void take(action));

  return (
    <article class="dossier" data-code={d.code} data-status={d.status}>
      <header class="dossier-head">
        <div>
          <h2 class="dossier-code">{d.code}</h2>
          <p class="dossier-procedure">{d.procedureName[props.lang]}</p>
        </div>
        <span class={`status-badge s${d.status}`}>{DOSSIER_STATUSES[d.status][props.lang]}</span>
      </header>
      <dl class="facts">
        {d.applicant && (
          <>
            <dt>{t.applicant}</dt>
            <dd class="fact-name">{d.applicant.name}</dd>
            <dt>{t.idNumber}</dt>
            <dd>{d.applicant.idNumber}</dd>
            {d.applicant.phone && (
              <>
                <dt>{t.phone}</dt>
                <dd>{d.applicant.phone}</dd>
              </>
            )}
            <dt>{t.address}</dt>
            <dd>{d.applicant.address}</dd>
          </>
        )}
        <dt>{t.receivedAt}</dt>
        <dd>{d.receivedAt !== null ? t.receivedAtCounter(when(d.receivedAt), d.counterId) : t.notReceivedYet}</dd>
        {d.dueAt !== null && (
          <>
            <dt>{t.due}</dt>
            <dd class={`fact-due ${d.timeliness === 'overdue' ? 'overdue' : ''}`}>
              {when(d.dueAt)}
              {d.timeliness === 'overdue' && ` · ${t.overdue}`}
            </dd>
          </>
        )}
        {d.promisedAt !== null && (
          <>
            <dt>{t.promised}</dt>
            <dd>{when(d.promisedAt)}</dd>
          </>
        )}
        {d.doneAt !== null && (
          <>
            <dt>{t.doneAt}</dt>
            <dd>{when(d.doneAt)}</dd>
          </>
        )}
        {d.returnedAt !== null && (
          <>
            <dt>{t.returnedAt}</dt>
            <dd>{when(d.returnedAt)}</dd>
          </>
        )}
        {d.reason && (
          <>
            <dt>{t.reason}</dt>
            <dd>{d.reason}</dd>
          </>
        )}
        {d.missingPapers.length > 0 && (
          <>
            <dt>{t.missing}</dt>
            <dd>
              <ul class="missing">
                {d.missingPapers.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <section class="steps-actions" aria-label={t.actions}>
        <h3>{t.actions}</h3>
        {steps.length === 0 && <p class="muted">{t.noActions}</p>}
        <div class="buttons">
          {steps.map((a, i) => (
            <button type="button" key={a} class={`step step-${a} ${i === 0 ? 'forward' : ''}`} data-action={a} disabled={busy} onClick={() => press(a)}>
              {t.action[a]}
            </button>
          ))}
        </div>
      </section>
      {slipFormsOf(d).length > 0 && (
        <section class="slips" aria-label={t.slips}>
          <h3>{t.slips}</h3>
          <div class="buttons">
            {slipFormsOf(d).map((form) => (
              <button type="button" key={form} class="slip" data-form={form} onClick={() => openSlip(props.token, d.code, form).catch(props.onError)}>
                {t.slip[form]}
              </button>
            ))}
          </div>
        </section>
      )}
      <details class="history">
        <summary>{t.steps}</summary>
        <ol>
          {d.steps.map((s) => (
            <li key={`${s.at}-${s.status}`}>
              <span class="history-when">{when(s.at)}</span> {DOSSIER_STATUSES[s.status][props.lang]} <span class="muted">{t.stepBy(s.by)}</span>
              {s.note && <span class="history-note"> · {s.note}</span>}
            </li>
          ))}
        </ol>
      </details>
      {asking && (
        <StepDialog lang={props.lang} action={asking} dossier={d} timeZone={props.timeZone} busy={busy} onCancel={() => setAsking(null)} onSend={(body) => void take(asking, body)} />
      )}
    </article>
  );
}

/** The words a step needs before it is sent: the missing papers, a reason, a new date. */
function StepDialog(props: { lang: Lang; action: DossierAction; dossier: DossierReply; timeZone: string; busy: boolean; onCancel: () => void; onSend: (body: StepBody) => void }) {
  const t = TEXT[props.lang];
  const d = props.dossier;
  const { action } = props;
  const [missing, setMissing] = useState(() =>
    d.papers
      .filter((p) => !p.received)
      .map((p) => p.name)
      .join('\n'),
  );
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<Said | null>(null);

  const send = (event: Event) => {
    event.preventDefault();
    if (action === 'requestPapers') {
      const missingPapers = missing
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      if (missingPapers.length === 0) return setProblem(both((w) => w.missingRequired));
      return props.onSend({ missingPapers });
    }
    if (action !== 'withdraw' && !reason.trim()) return setProblem(both((w) => w.reasonRequired));
    if (action === 'apologize') {
      const [y, m, day] = date.split('-').map(Number);
      // Noon in the hall (Vietnam, UTC+7) on the day chosen; the hub takes the working day's start.
      const promisedAt = y && m && day ? Date.UTC(y, m - 1, day, 5) : Number.NaN;
      if (!(promisedAt > d.dueAt!)) return setProblem(both((w) => w.dateRequired(whenText(d.dueAt!, props.timeZone))));
      return props.onSend({ note: reason.trim(), promisedAt });
    }
    props.onSend({ note: reason.trim() || null });
  };

  return (
    <Modal title={`${t.action[action]}: ${d.code}`} closeLabel={t.close} onClose={props.onCancel}>
      <form class="step-form" onSubmit={send} noValidate>
        {action === 'requestPapers' ? (
          <label>
            {t.missingLabel}
            <textarea name="missingPapers" rows={5} value={missing} onInput={(e) => setMissing(e.currentTarget.value)} />
          </label>
        ) : (
          <label>
            {action === 'withdraw' ? t.noteLabel : t.reasonLabel}
            <textarea name="reason" rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
        )}
        {action === 'apologize' && (
          <label>
            {t.newDateLabel}
            <input type="date" name="promisedAt" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
          </label>
        )}
        {problem && (
          <p class="form-problem" role="alert">
            <span lang="vi">{problem.vi}</span> <span lang="en">{problem.en}</span>
          </p>
        )}
        <button type="submit" class="primary" disabled={props.busy}>
          {t.confirm}
        </button>
      </form>
    </Modal>
  );
}
