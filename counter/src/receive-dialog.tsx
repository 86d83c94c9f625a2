// Receiving a dossier at the counter: the procedure searched as the clerk types (with or
// without diacritics), the applicant, the papers as a checklist, and one of three outcomes:
// complete (code and due date), incomplete (what is missing, asked once), refused (why).

import { useEffect, useState } from 'preact/hooks';
import type { DossierReply, ProcedureGuideEntry } from '../../server/contract/dossiers.js';
import type { Ticket } from '../../server/contract/events.js';
import { HubRequestError } from '../../web-shared/hub-client.js';
import { receiveDossier, searchProcedures } from './counter-api.js';
import { TEXT, type Lang } from './i18n.js';
import { Modal } from './modal.js';

interface Props {
  lang: Lang;
  token: string;
  counterId: number;
  /** The ticket the form was opened for; the dossier is saved against it or refused. */
  ticket: Ticket;
  /** False once the counter no longer holds that ticket (called on from a keypad, say). */
  stillHeld: boolean;
  onCancel: () => void;
  onReceived: (d: DossierReply) => void;
}

export function ReceiveDialog(props: Props) {
  const t = TEXT[props.lang];
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ProcedureGuideEntry[]>([]);
  const [procedure, setProcedure] = useState<ProcedureGuideEntry | null>(null);
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [have, setHave] = useState<boolean[]>([]);
  const [extra, setExtra] = useState('');
  const [reason, setReason] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => searchProcedures(query).then(setFound, () => setFound([])), 120);
    return () => clearTimeout(timer);
  }, [query]);

  const choose = (p: ProcedureGuideEntry) => {
    setProcedure(p);
    setHave(p.papers.map(() => true));
  };

  const idOk = /^\d{12}$/.test(idNumber);
  const submit = async (outcome: 'complete' | 'incomplete' | 'refused') => {
    if (!procedure) return;
    const missing = [...procedure.papers.filter((_, i) => !have[i]).map((p) => p.name), ...extra.split('\n').map((l) => l.trim()).filter(Boolean)];
    try {
      const d = await receiveDossier(props.token, {
        counterId: props.counterId,
        ticketId: props.ticket.id,
        procedureCode: procedure.code,
        applicant: { name, idNumber, phone: phone || null, address },
        papers: procedure.papers.map((p, i) => ({ name: p.name, kind: p.kind, count: p.count, received: have[i] ?? false })),
        outcome,
        notes: notes.trim() || null,
        ...(outcome === 'incomplete' ? { missingPapers: missing } : {}),
        ...(outcome === 'refused' ? { reason } : {}),
      });
      props.onReceived(d);
    } catch (e) {
      if (!(e instanceof HubRequestError)) throw e;
      setError(props.lang === 'vi' ? e.failure.message : e.failure.messageEn);
    }
  };

  const allPapers = have.length > 0 && have.every(Boolean);
  return (
    <Modal title={t.receiveFor(props.ticket.number)} closeLabel={t.cancel} onClose={props.onCancel}>
      <form class="receive-dialog" data-ticket={props.ticket.id} onSubmit={(e) => e.preventDefault()}>
        {!props.stillHeld && (
          <p class="message error" role="alert">
            {t.ticketNoLongerHeld(props.ticket.number)}
          </p>
        )}
        {!procedure ? (
          <>
            <label>
              {t.procedureSearch}
              <input value={query} autoFocus placeholder={t.procedureHint} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
            </label>
            <ul class="procedure-choices">
              {found.slice(0, 8).map((p) => (
                <li key={p.code}>
                  <button type="button" data-procedure={p.code} onClick={() => choose(p)}>
                    <strong>{p.name[props.lang]}</strong> <span>{p.processingWords[props.lang]}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <>
            <p class="chosen">
              <strong>{procedure.name[props.lang]}</strong> · {procedure.processingWords[props.lang]}{' '}
              <button type="button" class="link" onClick={() => setProcedure(null)}>
                {t.change}
              </button>
            </p>
            <div class="applicant">
              <label>
                {t.applicantName}
                <input name="name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
              </label>
              <label>
                {t.citizenId}
                <input name="idNumber" inputMode="numeric" maxLength={12} value={idNumber} aria-invalid={idNumber !== '' && !idOk} onInput={(e) => setIdNumber((e.target as HTMLInputElement).value.replace(/\D/g, ''))} />
              </label>
              <label>
                {t.phone}
                <input name="phone" inputMode="tel" value={phone} onInput={(e) => setPhone((e.target as HTMLInputElement).value.replace(/\s/g, ''))} />
              </label>
              <label class="wide">
                {t.address}
                <input name="address" value={address} onInput={(e) => setAddress((e.target as HTMLInputElement).value)} />
              </label>
            </div>
            <fieldset class="papers">
              <legend>{t.papersChecklist}</legend>
              {procedure.papers.map((p, i) => (
                <label key={p.name}>
                  <input type="checkbox" checked={have[i]} onChange={() => setHave(have.map((v, j) => (j === i ? !v : v)))} /> {p.name} ({t.paperKind[p.kind]}, {p.count})
                </label>
              ))}
            </fieldset>
            <label class="wide">
              {t.otherMissing}
              <textarea rows={2} value={extra} onInput={(e) => setExtra((e.target as HTMLTextAreaElement).value)} />
            </label>
            <label class="wide">
              {t.notes}
              <input name="notes" value={notes} onInput={(e) => setNotes((e.target as HTMLInputElement).value)} />
            </label>
            <label class="wide">
              {t.refusalReason}
              <input name="reason" value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
            </label>
            {error && (
              <p class="message error" role="alert">
                {error}
              </p>
            )}
            <div class="dialog-actions">
              <button type="button" class="primary" data-outcome="complete" disabled={!name || !idOk || !address || !allPapers} onClick={() => void submit('complete')}>
                {t.outcomeComplete}
              </button>
              <button type="button" data-outcome="incomplete" disabled={!name || !idOk || !address} onClick={() => void submit('incomplete')}>
                {t.outcomeIncomplete}
              </button>
              <button type="button" data-outcome="refused" disabled={!name || !idOk || !address || !reason.trim()} onClick={() => void submit('refused')}>
                {t.outcomeRefused}
              </button>
            </div>
          </>
        )}
      </form>
    </Modal>
  );
}
