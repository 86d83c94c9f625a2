// The dossiers of the ticket at the counter: each with its status and what the clerk can do
// now (print its slip, hand over the result), and the button that receives a new one.

import { useEffect, useState } from 'preact/hooks';
import { DOSSIER_STATUSES, type DossierReply } from '../../server/contract/dossiers.js';
import type { Ticket } from '../../server/contract/events.js';
import { dueShown } from '../../server/contract/page-rules.js';
import { changeDossier, dossiersDueSoon, dossiersOfTicket, openSlip } from './counter-api.js';
import { TEXT, type Lang } from './i18n.js';
import { ReceiveDialog, type Outcome } from './receive-dialog.js';

/**
 * The dossier desk's code search, in its own tab. It opens with this tab's session (rel=opener
 * copies the tab's sessionStorage), so the clerk is not signed in twice (which would end this page's session).
 */
function FindDossierLink(props: { lang: Lang; counterId: number }) {
  return (
    <a class="find-dossier" href={`/desk/?counter=${props.counterId}`} target="luot-desk" rel="opener">
      {TEXT[props.lang].findDossier}
    </a>
  );
}

/** A confirmation for the desk's message line, in both languages. */
export type Said = { vi: string; en: string };

/** A due date as "24:00 27/11": the last day of a limit in days, not 00:00 of the next. */
function when(at: number, timeZone: string): string {
  const { day, time } = dueShown(at, timeZone);
  return `${time} ${day.slice(0, 5)}`;
}

const both = (say: (t: typeof TEXT.vi) => string): Said => ({ vi: say(TEXT.vi), en: say(TEXT.en) });

function receivedWords(d: DossierReply, outcome: Outcome, number: string, timeZone: string): Said {
  if (outcome === 'refused') return both((t) => t.receivedRefused(number));
  if (outcome === 'incomplete') return both((t) => t.receivedIncomplete(d.code, number));
  return both((t) => t.received(d.code, number, d.dueAt === null ? null : when(d.dueAt, timeZone)));
}

export function DossierPanel(props: {
  lang: Lang;
  token: string;
  counterId: number;
  timeZone: string;
  ticket: Ticket | null;
  seq: number | undefined;
  onError: (e: unknown) => void;
  onSaid: (said: Said) => void;
}) {
  const t = TEXT[props.lang];
  const [dossiers, setDossiers] = useState<DossierReply[]>([]);
  // The ticket the receiving form was opened for: the dossier is saved against it, never
  // against whichever ticket the counter holds when the form is sent.
  const [receivingFor, setReceivingFor] = useState<Ticket | null>(null);
  const ticketId = props.ticket?.id ?? null;

  const [dueSoon, setDueSoon] = useState<DossierReply[]>([]);
  const [handing, setHanding] = useState<string | null>(null);
  const load = () => {
    if (!ticketId) {
      setDossiers([]);
      // With nobody at the counter, the clerk sees what is due soon instead.
      dossiersDueSoon(props.token, props.counterId).then(setDueSoon, props.onError);
      return;
    }
    dossiersOfTicket(props.token, ticketId).then(setDossiers, props.onError);
  };
  useEffect(load, [ticketId, props.seq]);

  if (!props.ticket) {
    return (
      <section class="dossiers due-soon" aria-label={t.dueSoon}>
        <div class="dossiers-head">
          <h2>{t.dueSoon}</h2>
          <FindDossierLink lang={props.lang} counterId={props.counterId} />
        </div>
        {dueSoon.length === 0 && <p class="dossiers-none">{t.noneDueSoon}</p>}
        <ul>
          {dueSoon.map((d) => (
            <li key={d.code} data-dossier={d.code} class={d.timeliness === 'overdue' ? 'overdue' : ''}>
              <div class="dossier-what">
                <span class="dossier-code">{d.code}</span>
                <span class="dossier-name">{d.procedureName[props.lang]}</span>
              </div>
              <div class="dossier-state">
                <span class={`dossier-status s${d.status}`}>{DOSSIER_STATUSES[d.status][props.lang]}</span>
                <span class="dossier-due">{t.dueAt(when(d.dueAt!, props.timeZone))}</span>
              </div>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  // One press hands the result over; a second, before the list is read again, would be refused.
  const returnResult = (code: string) => {
    setHanding(code);
    changeDossier(props.token, code, 'returnResult')
      .then((done) => {
        setDossiers((list) => list.map((d) => (d.code === code ? done : d)));
        props.onSaid(both((t) => t.handedOverDone(code)));
      }, props.onError)
      .finally(() => setHanding(null));
  };
  return (
    <>
      <section class="dossiers" aria-label={t.dossiers}>
        <div class="dossiers-head">
          <h2>
            {t.dossiers} {dossiers.length > 0 && <span class="count">{dossiers.length}</span>}
          </h2>
          <FindDossierLink lang={props.lang} counterId={props.counterId} />
          <button type="button" class="receive" onClick={() => setReceivingFor(props.ticket)}>
            {t.receiveDossier}
          </button>
        </div>
        {dossiers.length === 0 && <p class="dossiers-none">{t.noDossiers}</p>}
        <ul>
          {dossiers.map((d) => (
            <li key={d.code} data-dossier={d.code} data-status={d.status} class={d.timeliness === 'overdue' ? 'overdue' : ''}>
              <div class="dossier-what">
                <span class="dossier-code">{d.code}</span>
                <span class="dossier-name">{d.procedureName[props.lang]}</span>
              </div>
              <div class="dossier-state">
                <span class={`dossier-status s${d.status}`}>{DOSSIER_STATUSES[d.status][props.lang]}</span>
                {d.dueAt !== null && d.status < 9 && <span class="dossier-due">{t.dueAt(when(d.dueAt, props.timeZone))}</span>}
              </div>
              <div class="dossier-actions">
                {d.kind === 'local' && (
                  <button type="button" class="print-slip" aria-label={`${t.printSlip} ${d.code}`} onClick={() => openSlip(props.token, d.code).catch(props.onError)}>
                    {t.printSlip}
                  </button>
                )}
                {d.status === 9 && (
                  <button type="button" class="hand-over" aria-label={`${t.handOver} ${d.code}`} disabled={handing === d.code} onClick={() => returnResult(d.code)}>
                    {t.handOver}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
      {receivingFor && (
        <ReceiveDialog
          lang={props.lang}
          token={props.token}
          counterId={props.counterId}
          ticket={receivingFor}
          stillHeld={receivingFor.id === ticketId}
          onCancel={() => setReceivingFor(null)}
          onReceived={(d, outcome) => {
            props.onSaid(receivedWords(d, outcome, receivingFor.number, props.timeZone));
            setReceivingFor(null);
            setDossiers((list) => [...list, d]);
            if (d.kind === 'local') void openSlip(props.token, d.code).catch(props.onError);
          }}
        />
      )}
    </>
  );
}
