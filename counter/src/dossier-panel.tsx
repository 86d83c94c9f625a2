// The dossiers of the ticket at the counter: each with its status and what the clerk can do
// now (print its slip, hand over the result), and the button that receives a new one.

import { useEffect, useState } from 'preact/hooks';
import { DOSSIER_STATUSES, type DossierReply } from '../../server/contract/dossiers.js';
import type { Ticket } from '../../server/contract/events.js';
import { changeDossier, dossiersDueSoon, dossiersOfTicket, openSlip } from './counter-api.js';
import { TEXT, type Lang } from './i18n.js';
import { ReceiveDialog } from './receive-dialog.js';

export function DossierPanel(props: { lang: Lang; token: string; counterId: number; timeZone: string; ticket: Ticket | null; seq: number | undefined; onError: (e: unknown) => void }) {
  const t = TEXT[props.lang];
  const [dossiers, setDossiers] = useState<DossierReply[]>([]);
  // The ticket the receiving form was opened for: the dossier is saved against it, never
  // against whichever ticket the counter holds when the form is sent.
  const [receivingFor, setReceivingFor] = useState<Ticket | null>(null);
  const ticketId = props.ticket?.id ?? null;

  const [dueSoon, setDueSoon] = useState<DossierReply[]>([]);
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
          <span>{t.dueSoon}</span>
        </div>
        {dueSoon.length === 0 && <p class="dossiers-none">{t.noneDueSoon}</p>}
        <ul>
          {dueSoon.map((d) => (
            <li key={d.code} data-dossier={d.code} class={d.timeliness === 'overdue' ? 'overdue' : ''}>
              <span class="dossier-code">{d.code}</span>
              <span class="dossier-name">{d.procedureName[props.lang]}</span>
              <span class="dossier-due">{t.dueAt(new Date(d.dueAt!).toLocaleString(props.lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', timeZone: props.timeZone }))}</span>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const returnResult = (code: string) => changeDossier(props.token, code, 'returnResult').then(load, props.onError);
  return (
    <section class="dossiers" aria-label={t.dossiers}>
      <div class="dossiers-head">
        <span>{t.dossiers}</span>
        <button class="receive" onClick={() => setReceivingFor(props.ticket)}>
          {t.receiveDossier}
        </button>
      </div>
      {dossiers.length === 0 && <p class="dossiers-none">{t.noDossiers}</p>}
      <ul>
        {dossiers.map((d) => (
          <li key={d.code} data-dossier={d.code} data-status={d.status}>
            <span class="dossier-code">{d.code}</span>
            <span class="dossier-name">{d.procedureName[props.lang]}</span>
            <span class={`dossier-status s${d.status}`}>{DOSSIER_STATUSES[d.status][props.lang]}</span>
            {d.kind === 'local' && (
              <button onClick={() => openSlip(props.token, d.code).catch(props.onError)}>{t.printSlip}</button>
            )}
            {d.status === 9 && (
              <button class="hand-over" onClick={() => void returnResult(d.code)}>
                {t.handOver}
              </button>
            )}
          </li>
        ))}
      </ul>
      {receivingFor && (
        <ReceiveDialog
          lang={props.lang}
          token={props.token}
          counterId={props.counterId}
          ticket={receivingFor}
          stillHeld={receivingFor.id === ticketId}
          onCancel={() => setReceivingFor(null)}
          onReceived={(d) => {
            setReceivingFor(null);
            setDossiers((list) => [...list, d]);
            if (d.kind === 'local') void openSlip(props.token, d.code).catch(props.onError);
          }}
        />
      )}
    </section>
  );
}
