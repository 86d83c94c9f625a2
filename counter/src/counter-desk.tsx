// The clerk's desk: the ticket in hand, the buttons (and their keys), who is waiting, and
// today's figures. Live through the hall feed; every change re-reads the counter's detail.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { CounterDetail, Ticket } from '../../server/contract/events.js';
import type { CounterAction } from '../../server/contract/page-rules.js';
import { useHallFeed } from '../../web-shared/hall-feed.js';
import { hallTimeZone } from '../../web-shared/hall-time.js';
import { ActionPad, availableActions } from './action-pad.js';
import {
  ApiError,
  callTicket,
  cancelTicket,
  counterCommand,
  counterDetail,
  currentSession,
  restoreTicket,
  signOut,
  type CommandAction,
  type CommandBody,
  type StoredSession,
} from './counter-api.js';
import { CancelDialog } from './cancel-dialog.js';
import { NoShowsPanel } from './no-shows-panel.js';
import { PausedBanner } from './paused-banner.js';
import { CurrentTicket } from './current-ticket.js';
import { DossierPanel } from './dossier-panel.js';
import { TEXT, type Lang } from './i18n.js';
import { PauseDialog } from './pause-dialog.js';
import { QueuePanel } from './queue-panel.js';
import { TransferDialog } from './transfer-dialog.js';
import { useCounterKeys } from './use-counter-keys.js';

type Dialog = 'transfer' | 'pause' | 'cancel' | null;
const SESSION_CHECK_MS = 30_000;
type Message = { kind: 'info' | 'error'; vi: string; en: string } | null;

/** Why the session ended without the clerk signing out: it ran out, or a manager moved them (the hub's words). */
export type SignedOutWhy = 'expired' | { message: string; messageEn: string };

const whyEnded = (e: ApiError): SignedOutWhy => (e.failure.error === 'session_moved' ? { message: e.failure.message, messageEn: e.failure.messageEn } : 'expired');

export function CounterDesk(props: { lang: Lang; onToggleLang: () => void; stored: StoredSession; onSignedOut: (why: SignedOutWhy | null) => void }) {
  const t = TEXT[props.lang];
  const { token, session } = props.stored;
  const counterId = session.counterId!;
  const feed = useHallFeed({ counters: [counterId] });
  const [detail, setDetail] = useState<CounterDetail | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [expiresAt, setExpiresAt] = useState(session.expiresAt);
  const seq = feed.snapshot?.seq;

  // Only the latest read is shown: a slow older answer must not bring back a ticket already let go.
  const reads = useRef(0);
  const readDetail = () => {
    const mine = ++reads.current;
    return counterDetail(token, counterId).then(
      (d) => mine === reads.current && setDetail(d),
      // A session ended elsewhere (a manager moved the clerk) is heard with the hall's next change.
      (e: unknown) => e instanceof ApiError && e.failure.status === 401 && props.onSignedOut(whyEnded(e)),
    );
  };
  useEffect(() => {
    void readDetail();
  }, [seq, counterId, token]);

  // The session can end without this page acting: it runs out, or the clerk signs in on
  // another PC. Ask the hub when it would run out, when the counter closes, and every half
  // minute (asking does not keep it alive).
  const checkSession = () =>
    currentSession(token).then(
      (s) => setExpiresAt(s.expiresAt),
      (e: unknown) => e instanceof ApiError && e.failure.status === 401 && props.onSignedOut(whyEnded(e)),
    );
  useEffect(() => {
    const timer = setTimeout(checkSession, Math.max(1000, expiresAt - Date.now() + 1000));
    return () => clearTimeout(timer);
  }, [expiresAt, token]);
  useEffect(() => {
    const timer = setInterval(checkSession, SESSION_CHECK_MS);
    return () => clearInterval(timer);
  }, [token]);
  useEffect(() => {
    if (detail?.state.mode === 'closed') void checkSession();
  }, [detail?.state.mode]);

  const fail = (e: unknown) => {
    if (!(e instanceof ApiError)) throw e;
    if (e.failure.status === 401) return props.onSignedOut(whyEnded(e));
    setMessage({ kind: 'error', vi: e.failure.message, en: e.failure.messageEn });
  };

  /** What a command's answer is worth saying, in both languages; nothing when left out. */
  type Said = (ticket: Ticket | null) => ((text: typeof TEXT.vi, lang: Lang) => string) | null;

  /**
   * Sends one command at a time. A command keeps the session alive, so its end is read again.
   * The counter's detail is read before the page takes the next key: a key pressed right after
   * "no-show" must meet the counter as it now is, not the ticket just let go.
   */
  const perform = async (send: () => Promise<{ ticket: Ticket | null }>, said?: Said) => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const { ticket } = await send();
      await readDetail();
      const say = said?.(ticket);
      if (say) setMessage({ kind: 'info', vi: say(TEXT.vi, 'vi'), en: say(TEXT.en, 'en') });
      currentSession(token).then(
        (s) => setExpiresAt(s.expiresAt),
        () => undefined,
      );
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const onTicket =
    (say: (ticket: Ticket, x: typeof TEXT.vi, lang: Lang) => string): Said =>
    (ticket) =>
      ticket ? (x, lang) => say(ticket, x, lang) : null;

  // With nobody waiting, "next" finishes the citizen served and calls no one.
  const calledOrFinished = onTicket((ticket, x) => (ticket.status === 'called' ? x.done_called(ticket.number, counterId) : x.finishedNoneWaiting(ticket.number)));
  const restoreMinutes = feed.snapshot?.hall.noShowRestoreMinutes ?? 15;
  /** What each command confirms on the message line, so the clerk knows it happened. */
  const SAID: Record<CounterAction | 'resume', Said> = {
    callNext: calledOrFinished,
    recall: onTicket((ticket, x) => x.recalledDone(ticket.number)),
    start: onTicket((ticket, x) => x.startedDone(ticket.number)),
    noShow: onTicket((ticket, x) => x.noShowDone(ticket.number, restoreMinutes)),
    finish: onTicket((ticket, x) => x.finishedDone(ticket.number)),
    transfer: onTicket((ticket, x, lang) =>
      ticket.targetCounterId !== null
        ? x.transferredToCounter(ticket.number, ticket.targetCounterId)
        : x.transferredToService(ticket.number, detail?.services.find((s) => s.id === ticket.serviceId)?.name[lang] ?? ticket.serviceId),
    ),
    pause: () => (x) => x.pausedDone,
    resume: () => (x) => x.resumedDone,
  };
  const run = <A extends CommandAction>(action: A, body: CommandBody<A>, said: Said = SAID[action]) =>
    perform(() => counterCommand(token, counterId, action, Object.assign({}, body, ticketOf(action, detail))), said);
  const callChosen = (ticketId: string) => void perform(() => callTicket(token, counterId, ticketId), calledOrFinished);
  const canCallChosen = detail?.state.mode === 'open' && !detail.current && !busy;

  const act = (action: CounterAction) => {
    if (!detail || !availableActions(detail).has(action)) return;
    if (action === 'transfer') return setDialog('transfer');
    if (action === 'pause') return detail.state.mode === 'paused' ? void run('resume', {}) : setDialog('pause');
    if (action === 'callNext') return void run('callNext', { finishCurrent: detail.current?.status === 'serving' });
    void run(action, {});
  };
  useCounterKeys(feed.snapshot?.hall.counterKeys ?? null, act, dialog === null && !busy);

  const leave = async () => {
    await signOut(token).catch(() => undefined);
    props.onSignedOut(null);
  };

  const hall = feed.snapshot?.hall;
  return (
    <div class="desk">
      <header class="desk-bar">
        <div class="desk-where">
          <strong class="desk-counter">{t.counterName(counterId)}</strong>
          <span class="desk-hall">{hall ? (props.lang === 'vi' ? hall.name : hall.nameEn) : ''}</span>
        </div>
        <div class="desk-who">
          <span class="desk-clerk">{session.name}</span>
          <span class="desk-session">
            {t.sessionUntil(new Date(expiresAt).toLocaleTimeString(props.lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: hallTimeZone(hall) }))}
          </span>
          <button type="button" class="lang" onClick={props.onToggleLang}>
            {t.langToggle}
          </button>
          <button type="button" class="sign-out" onClick={leave}>
            {t.signOut}
          </button>
        </div>
      </header>
      {!feed.connected && (
        <div class="offline" role="status">
          {t.offline}
        </div>
      )}
      {detail?.state.mode === 'paused' && <PausedBanner lang={props.lang} reason={detail.state.pauseReason} busy={busy} onResume={() => void run('resume', {})} />}
      <main class="desk-main">
        <section class="desk-left">
          <CurrentTicket lang={props.lang} detail={detail}>
            {detail?.current && (
              <button type="button" class="cancel-ticket" disabled={busy} onClick={() => setDialog('cancel')}>
                {t.cancelTicket}
              </button>
            )}
          </CurrentTicket>
          <ActionPad lang={props.lang} detail={detail} keys={hall?.counterKeys ?? null} busy={busy} onAction={act} />
          <DossierPanel
            lang={props.lang}
            token={token}
            counterId={counterId}
            timeZone={hallTimeZone(hall)}
            ticket={detail?.current ?? null}
            seq={seq}
            onError={fail}
            onSaid={(said) => setMessage({ kind: 'info', ...said })}
          />
          <p class={`message ${message?.kind ?? ''}`} role={message?.kind === 'error' ? 'alert' : 'status'}>
            {message ? message[props.lang] : ''}
          </p>
        </section>
        <QueuePanel lang={props.lang} detail={detail} canCall={canCallChosen} onCall={callChosen}>
          <NoShowsPanel
            lang={props.lang}
            token={token}
            counterId={counterId}
            restoreMinutes={hall?.noShowRestoreMinutes ?? 15}
            seq={seq}
            busy={busy}
            onRestore={(ticket) =>
              void perform(
                () => restoreTicket(token, ticket.id),
                onTicket((t, x) => x.restored(t.number)),
              )
            }
          />
        </QueuePanel>
      </main>
      {dialog === 'transfer' && detail?.current && (
        <TransferDialog
          lang={props.lang}
          number={detail.current.number}
          counterId={counterId}
          currentServiceId={detail.current.serviceId}
          onCancel={() => setDialog(null)}
          onTransfer={(target, to) => {
            setDialog(null);
            // The dialog knows the name of where the ticket went; the counter may not serve it.
            const words = onTicket((ticket, x, lang) =>
              'toCounterId' in target ? x.transferredToCounter(ticket.number, target.toCounterId) : x.transferredToService(ticket.number, to[lang]),
            );
            void run('transfer', target, words);
          }}
        />
      )}
      {dialog === 'cancel' && detail?.current && (
        <CancelDialog
          lang={props.lang}
          number={detail.current.number}
          onCancel={() => setDialog(null)}
          onConfirm={(reason) => {
            const ticketId = detail.current!.id;
            setDialog(null);
            void perform(
              () => cancelTicket(token, ticketId, reason),
              onTicket((t, x) => x.cancelled(t.number)),
            );
          }}
        />
      )}
      {dialog === 'pause' && (
        <PauseDialog
          lang={props.lang}
          onCancel={() => setDialog(null)}
          onPause={(reason) => {
            setDialog(null);
            void run('pause', { reason });
          }}
        />
      )}
    </div>
  );
}

/** Commands on the held ticket name it, so a stale page cannot act on another ticket. */
function ticketOf(action: CounterAction | 'resume', detail: CounterDetail | null): { ticketId?: string } {
  const onHeld: (CounterAction | 'resume')[] = ['recall', 'start', 'noShow', 'finish', 'transfer'];
  return onHeld.includes(action) && detail?.current ? { ticketId: detail.current.id } : {};
}
