// The live hall: every counter (open, paused with its reason, closed, unattended; the clerk,
// the ticket held and for how long; today's served count and mean service time) with its
// actions, the queues with their longest wait and how many of those waiting the forecast does
// not expect served before closing, the devices, the disk and the last backup; and
// the notice on the displays and closing the day.

import { useState } from 'preact/hooks';
import { clock, messageOf } from './manager-app.js';
import type { Lang, Words } from './i18n.js';
import { closeCounter, closeDay, openCounter, pauseCounter, resumeCounter, setNotice, type ConsoleCounter, type HallConsoleView } from './manager-api.js';
import { MoveClerkForm } from './move-clerk.js';

interface ScreenProps {
  t: Words;
  lang: Lang;
  token: string;
  view: HallConsoleView;
  onChanged: () => Promise<void>;
}

/** Runs an action; `done` says what it did, from its result. */
type Act = <R>(run: () => Promise<R>, done?: (result: R) => string) => Promise<void>;

const minutesSince = (now: number, since: number) => Math.max(0, Math.floor((now - since) / 60_000));

export function HallScreen(props: ScreenProps) {
  const { t, lang, view } = props;
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const act: Act = async (run, done) => {
    setMessage(null);
    try {
      const result = await run();
      if (done) setMessage({ kind: 'ok', text: done(result) });
      await props.onChanged();
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(lang, e) });
    }
  };

  return (
    <div class="hall">
      {message && (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <section aria-labelledby="counters-title">
        <h2 id="counters-title">{t.counters}</h2>
        <ul class="counters">
          {view.counters.map((c) => (
            <CounterCard key={c.id} c={c} {...props} act={act} />
          ))}
        </ul>
      </section>
      <div class="columns">
        <section aria-labelledby="queues-title">
          <h2 id="queues-title">{t.queues}</h2>
          <table class="queues">
            <thead>
              <tr>
                <th scope="col">{t.service}</th>
                <th scope="col">{t.waiting}</th>
                <th scope="col">{t.openCounters}</th>
                <th scope="col">{t.longestWait}</th>
                <th scope="col" class="num" title={t.mayNotBeServedHint}>
                  {t.mayNotBeServed}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.services.map((s) => {
                const waited = s.longestWaitSince === null ? null : minutesSince(view.at, s.longestWaitSince);
                return (
                  <tr key={s.id} class={waited !== null && waited >= view.thresholds.longestWaitMinutes ? 'late' : ''}>
                    <th scope="row">
                      <span class="swatch" style={{ background: s.color ?? '#888' }} aria-hidden="true" />
                      {s.name[lang]}
                    </th>
                    <td>{s.waiting}</td>
                    <td>{s.openCounters.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}</td>
                    <td>{waited === null ? t.nobodyWaiting : t.minutes(waited)}</td>
                    <td class={`num ${s.mayNotBeServed > 0 ? 'beyond' : 'zero'}`}>{s.mayNotBeServed}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <div>
          <section aria-labelledby="devices-title">
            <h2 id="devices-title">{t.devices}</h2>
            {view.devices.length === 0 ? (
              <p>{t.noDevices}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.device}</th>
                    <th scope="col">{t.deviceState}</th>
                    <th scope="col">{t.since}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.devices.map((d) => (
                    <tr key={d.id} class={d.ok ? '' : 'late'}>
                      <th scope="row">
                        {t.kinds[d.kind] ?? d.kind} <span class="device-id">{d.id}</span>
                      </th>
                      <td>{d.ok ? (d.code ? ((lang === 'vi' ? d.message : d.messageEn) ?? t.deviceOk) : t.deviceOk) : ((lang === 'vi' ? d.message : d.messageEn) ?? t.deviceDown)}</td>
                      <td>{clock(d.since)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="storage-title">
            <h2 id="storage-title">{t.storage}</h2>
            <ul class="facts">
              <li>{view.storage.freeBytes === null ? t.diskUnknown : t.diskFree((view.storage.freeBytes / 1024 ** 3).toFixed(1))}</li>
              <li>{t.database((view.storage.databaseBytes / 1024 ** 2).toFixed(1))}</li>
              <li>{view.storage.lastBackup ? t.lastBackup(new Date(view.storage.lastBackup.at).toLocaleString('vi-VN')) : t.noBackup}</li>
            </ul>
          </section>
          <Actions {...props} act={act} />
        </div>
      </div>
    </div>
  );
}

function CounterCard(props: ScreenProps & { c: ConsoleCounter; act: Act }) {
  const { t, lang, token, c, view, act } = props;
  const [pausing, setPausing] = useState(false);
  const [moving, setMoving] = useState(false);
  const [reason, setReason] = useState('');
  const held = c.held ? minutesSince(view.at, c.held.since) : null;
  return (
    <li class={`counter ${c.mode} ${c.unattended ? 'unattended' : ''} ${held !== null && held >= view.thresholds.ticketHeldMinutes ? 'late' : ''}`}>
      <div class="counter-head">
        <strong>{c.name[lang]}</strong>
        <span class="mode">{c.unattended && c.mode !== 'closed' ? `${t.mode[c.mode]} · ${t.unattended}` : t.mode[c.mode]}</span>
      </div>
      <p class="clerk">{c.clerk ?? t.noClerk}</p>
      {c.mode === 'paused' && <p class="reason">{t.pauseReason(c.pauseReason)}</p>}
      {c.mode !== 'closed' && <p>{c.held && held !== null ? t.holding(c.held.number, held) : t.idle}</p>}
      <p class="figures">
        {t.servedToday(c.servedToday)} · {t.meanService(c.meanServiceSeconds)}
      </p>
      {moving ? (
        <MoveClerkForm t={t} lang={lang} token={token} c={c} counters={view.counters} act={act} onClose={() => setMoving(false)} />
      ) : pausing ? (
        <form
          class="pause-form"
          onSubmit={(e) => {
            e.preventDefault();
            setPausing(false);
            void act(() => pauseCounter(token, c.id, reason));
          }}
        >
          <label>
            {t.reasonLabel}
            <input value={reason} maxLength={200} onInput={(e) => setReason(e.currentTarget.value)} autoFocus />
          </label>
          <button type="submit">{t.confirmPause}</button>
          <button type="button" onClick={() => setPausing(false)}>
            {t.cancel}
          </button>
        </form>
      ) : (
        <div class="counter-actions">
          {c.mode === 'closed' && (
            <button type="button" onClick={() => act(() => openCounter(token, c.id))}>
              {t.open}
            </button>
          )}
          {c.mode === 'paused' && (
            <button type="button" onClick={() => act(() => resumeCounter(token, c.id))}>
              {t.resume}
            </button>
          )}
          {c.mode === 'open' && (
            <button type="button" onClick={() => setPausing(true)} aria-label={`${t.pause} ${c.name[lang]}`}>
              {t.pause}
            </button>
          )}
          {c.mode !== 'closed' && (
            <button type="button" onClick={() => act(() => closeCounter(token, c.id))} aria-label={`${t.close} ${c.name[lang]}`}>
              {t.close}
            </button>
          )}
          {!c.unattended && c.clerk !== null && (
            <button type="button" onClick={() => setMoving(true)} aria-label={`${t.moveClerk} ${c.name[lang]}`}>
              {t.moveClerk}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function Actions(props: ScreenProps & { act: Act }) {
  const { t, token, act } = props;
  const [notice, setNoticeText] = useState('');
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t.actions}</h2>
      <form
        class="notice-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(
            () => setNotice(token, notice),
            () => t.noticeSaved,
          );
        }}
      >
        <label>
          {t.noticeLabel}
          <textarea rows={2} maxLength={500} value={notice} onInput={(e) => setNoticeText(e.currentTarget.value)} />
        </label>
        <div class="row">
          <button type="submit" disabled={!notice.trim()}>
            {t.noticeSave}
          </button>
          <button
            type="button"
            onClick={() =>
              act(
                () => setNotice(token, null),
                () => t.noticeCleared,
              )
            }
          >
            {t.noticeClear}
          </button>
        </div>
      </form>
      <button
        type="button"
        class="danger"
        onClick={() => {
          if (!confirm(t.closeDayConfirm)) return;
          void act(
            () => closeDay(token),
            (r) => t.dayClosed(r.closed),
          );
        }}
      >
        {t.closeDay}
      </button>
    </section>
  );
}
