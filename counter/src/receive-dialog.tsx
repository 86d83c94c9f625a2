// Receiving a dossier at the counter: the procedure searched as the clerk types (with or
// without diacritics), the applicant, the papers as a checklist, and one of three outcomes:
// complete (code and due date), incomplete (what is missing, asked once), refused (why).
//
// Made for the keyboard: the search has the focus; Enter takes the first procedure found (the
// arrow keys reach the others); the name field then has the focus and Tab walks name, ID
// number, phone, address, papers and the outcomes, with the rare fields (notes, other missing
// papers, reason for refusal) behind a disclosure after them. Enter in any field of a complete
// form receives it; while it cannot, the form says what is missing.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { DossierReply, ProcedureGuideEntry } from '../../server/contract/dossiers.js';
import type { Ticket } from '../../server/contract/events.js';
import { HubRequestError } from '../../web-shared/hub-client.js';
import { receiveDossier, searchProcedures } from './counter-api.js';
import { TEXT, type Lang } from './i18n.js';
import { Modal } from '../../web-shared/modal.js';

interface Props {
  lang: Lang;
  token: string;
  counterId: number;
  /** The ticket the form was opened for; the dossier is saved against it or refused. */
  ticket: Ticket;
  /** False once the counter no longer holds that ticket (called on from a keypad, say). */
  stillHeld: boolean;
  onCancel: () => void;
  onReceived: (d: DossierReply, outcome: Outcome) => void;
}

export type Outcome = 'complete' | 'incomplete' | 'refused';
const CHOICES_SHOWN = 8;

export function ReceiveDialog(props: Props) {
  const t = TEXT[props.lang];
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; list: ProcedureGuideEntry[] } | null>(null);
  const [procedure, setProcedure] = useState<ProcedureGuideEntry | null>(null);
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [have, setHave] = useState<boolean[]>([]);
  const [extra, setExtra] = useState('');
  const [reason, setReason] = useState('');
  const [notes, setNotes] = useState('');
  const [moreOpen, setMoreOpen] = useState(false);
  const [askReason, setAskReason] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const choices = useRef<HTMLUListElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const reasonField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const timer = setTimeout(
      () =>
        searchProcedures(query).then(
          (list) => setFound({ query, list }),
          () => setFound({ query, list: [] }),
        ),
      120,
    );
    return () => clearTimeout(timer);
  }, [query]);
  // The search on opening (and after "Change"), the name once a procedure is chosen.
  useEffect(() => (procedure ? nameField : search).current?.focus(), [procedure]);
  useEffect(() => {
    if (askReason && moreOpen) reasonField.current?.focus();
  }, [askReason, moreOpen]);

  const choose = (p: ProcedureGuideEntry) => {
    setProcedure(p);
    setHave(p.papers.map(() => true));
  };
  const shown = found?.list.slice(0, CHOICES_SHOWN) ?? [];

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      choices.current?.querySelector<HTMLElement>('button')?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // The list may still be the one of a few letters ago: take the first of what was typed.
      if (found?.query === query) {
        if (shown[0]) choose(shown[0]);
      } else {
        void searchProcedures(query).then(
          (list) => list[0] && choose(list[0]),
          () => undefined,
        );
      }
    }
  };
  const onChoiceKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const buttons = [...(choices.current?.querySelectorAll<HTMLElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    const next = at + (e.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) search.current?.focus();
    else buttons[Math.min(next, buttons.length - 1)]?.focus();
  };

  const idOk = /^\d{12}$/.test(idNumber);
  const applicantOk = name.trim() !== '' && idOk && address.trim() !== '';
  const papersMissing = have.filter((h) => !h).length;
  const canComplete = applicantOk && papersMissing === 0;
  /** Why "complete" is not possible yet, field by field, in the order of the form. */
  const why = [
    ...(name.trim() ? [] : [t.needName]),
    ...(idOk ? [] : [idNumber === '' ? t.needId : t.shortId(idNumber.length)]),
    ...(address.trim() ? [] : [t.needAddress]),
    ...(papersMissing > 0 ? [t.papersNotAll(papersMissing)] : []),
  ];

  const submit = async (outcome: Outcome) => {
    if (!procedure || sending) return;
    if (outcome === 'refused' && !reason.trim()) {
      setMoreOpen(true);
      setAskReason(true);
      return;
    }
    const missing = [
      ...procedure.papers.filter((_, i) => !have[i]).map((p) => p.name),
      ...extra
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ];
    setSending(true);
    setError(null);
    try {
      const d = await receiveDossier(props.token, {
        counterId: props.counterId,
        ticketId: props.ticket.id,
        procedureCode: procedure.code,
        applicant: { name: name.trim(), idNumber, phone: phone || null, address: address.trim() },
        papers: procedure.papers.map((p, i) => ({ name: p.name, kind: p.kind, count: p.count, received: have[i] ?? false })),
        outcome,
        notes: notes.trim() || null,
        ...(outcome === 'incomplete' ? { missingPapers: missing } : {}),
        ...(outcome === 'refused' ? { reason: reason.trim() } : {}),
      });
      props.onReceived(d, outcome);
    } catch (e) {
      if (!(e instanceof HubRequestError)) throw e;
      setError(props.lang === 'vi' ? e.failure.message : e.failure.messageEn);
    } finally {
      setSending(false);
    }
  };

  /** Enter in a field receives a complete form; otherwise it goes to the first field missing. */
  const onFormKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.isComposing || !(e.target instanceof HTMLInputElement) || !procedure) return;
    e.preventDefault();
    // The rare fields (a refusal's reason, say) never receive the dossier as complete.
    if (e.target.closest('.more')) return;
    if (canComplete) return void submit('complete');
    const first = !name.trim() ? 'name' : !idOk ? 'idNumber' : !address.trim() ? 'address' : null;
    if (first) e.currentTarget instanceof HTMLFormElement && e.currentTarget.querySelector<HTMLInputElement>(`input[name=${first}]`)?.focus();
  };

  return (
    <Modal title={t.receiveFor(props.ticket.number)} closeLabel={t.cancel} onClose={props.onCancel} wide>
      <form class="receive-dialog" data-ticket={props.ticket.id} onSubmit={(e) => e.preventDefault()} onKeyDown={onFormKey}>
        {!props.stillHeld && (
          <p class="message error" role="alert">
            {t.ticketNoLongerHeld(props.ticket.number)}
          </p>
        )}
        {!procedure ? (
          <>
            <label>
              {t.procedureSearch}
              <input
                ref={search}
                name="procedure"
                value={query}
                placeholder={t.procedureHint}
                autoComplete="off"
                aria-describedby="procedure-keys"
                onKeyDown={onSearchKey}
                onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
              />
            </label>
            <p class="muted form-keys" id="procedure-keys">
              {t.procedureKeys}
            </p>
            {found?.query === query && shown.length === 0 && <p class="muted">{t.noProcedureFound}</p>}
            <ul class="procedure-choices" ref={choices} onKeyDown={onChoiceKey}>
              {shown.map((p) => (
                <li key={p.code}>
                  <button type="button" data-procedure={p.code} onClick={() => choose(p)}>
                    <strong>{p.name[props.lang]}</strong> <span class="processing">{p.processingWords[props.lang]}</span>
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
                <input ref={nameField} name="name" autoComplete="off" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
              </label>
              <label>
                {t.citizenId}
                <input
                  name="idNumber"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={12}
                  value={idNumber}
                  aria-invalid={idNumber !== '' && !idOk}
                  onInput={(e) => setIdNumber((e.target as HTMLInputElement).value.replace(/\D/g, ''))}
                />
              </label>
              <label>
                {t.phone}
                <input name="phone" inputMode="tel" autoComplete="off" value={phone} onInput={(e) => setPhone((e.target as HTMLInputElement).value.replace(/\s/g, ''))} />
              </label>
              <label>
                {t.address}
                <input name="address" autoComplete="off" value={address} onInput={(e) => setAddress((e.target as HTMLInputElement).value)} />
              </label>
            </div>
            <fieldset class="papers">
              <legend>{t.papersChecklist}</legend>
              {procedure.papers.map((p, i) => (
                <label key={p.name}>
                  <input type="checkbox" name={`paper-${i}`} checked={have[i]} onChange={() => setHave(have.map((v, j) => (j === i ? !v : v)))} />
                  <span>
                    {p.name}{' '}
                    <span class="muted">
                      ({t.paperKind[p.kind]}, {p.count})
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
            {error && (
              <p class="message error" role="alert">
                {error}
              </p>
            )}
            <div class="dialog-actions">
              <button
                type="button"
                class="primary"
                data-outcome="complete"
                disabled={!canComplete || sending}
                aria-describedby={canComplete ? undefined : 'why-not-complete'}
                onClick={() => void submit('complete')}
              >
                {sending ? t.sending : t.outcomeComplete}
              </button>
              <button type="button" data-outcome="incomplete" disabled={!applicantOk || sending} onClick={() => void submit('incomplete')}>
                {t.outcomeIncomplete}
              </button>
              <button type="button" data-outcome="refused" disabled={!applicantOk || sending} onClick={() => void submit('refused')}>
                {t.outcomeRefused}
              </button>
            </div>
            {canComplete ? (
              <p class="muted form-keys">{t.formKeys}</p>
            ) : (
              <p class="why" id="why-not-complete" data-testid="why-not-complete">
                <strong>{t.whyNotComplete}</strong> {why.join('; ')}
              </p>
            )}
            <details class="more" open={moreOpen} onToggle={(e) => setMoreOpen((e.currentTarget as HTMLDetailsElement).open)}>
              <summary>{t.moreFields}</summary>
              {askReason && !reason.trim() && (
                <p class="why" role="alert">
                  {t.reasonFirst}
                </p>
              )}
              <label>
                {t.refusalReason}
                <input ref={reasonField} name="reason" value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
              </label>
              <label>
                {t.otherMissing}
                <textarea name="extra" rows={2} value={extra} onInput={(e) => setExtra((e.target as HTMLTextAreaElement).value)} />
              </label>
              <label>
                {t.notes}
                <input name="notes" value={notes} onInput={(e) => setNotes((e.target as HTMLInputElement).value)} />
              </label>
            </details>
          </>
        )}
      </form>
    </Modal>
  );
}
