// Alerts: those standing now, each acknowledged by a person; the latest ones over; and the
// thresholds that raise them.

import { useState } from 'preact/hooks';
import { clock, messageOf } from './manager-app.js';
import type { Lang, Words } from './i18n.js';
import { acknowledgeAlert, setThresholds, type AlertThresholds, type HallConsoleView } from './manager-api.js';

const FIELDS: (keyof AlertThresholds)[] = ['longestWaitMinutes', 'ticketHeldMinutes', 'deviceSilentMinutes', 'noCounterMinutes', 'counterIdleMinutes', 'dossierDueWorkingHours'];

export function AlertsScreen(props: { t: Words; lang: Lang; token: string; view: HallConsoleView; onChanged: () => Promise<void> }) {
  const { t, lang, token, view } = props;
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [draft, setDraft] = useState<Record<keyof AlertThresholds, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f, String(view.thresholds[f])])) as Record<keyof AlertThresholds, string>,
  );
  const text = (a: { message: string; messageEn: string }) => (lang === 'vi' ? a.message : a.messageEn);

  const acknowledge = async (id: number) => {
    setMessage(null);
    try {
      await acknowledgeAlert(token, id);
      await props.onChanged();
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(lang, e) });
    }
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    try {
      // Sent as typed: the hub checks each field and names the one it refuses.
      const body = Object.fromEntries(FIELDS.map((f) => [f, draft[f].trim() === '' ? null : Number(draft[f])])) as unknown as AlertThresholds;
      await setThresholds(token, body);
      setMessage({ kind: 'ok', text: t.thresholdsSaved });
      await props.onChanged();
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(lang, e) });
    }
  };

  return (
    <div class="alerts">
      {message && (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <section aria-labelledby="alerts-now">
        <h2 id="alerts-now">{t.alertsNow}</h2>
        {view.alerts.length === 0 ? (
          <p>{t.noAlerts}</p>
        ) : (
          <ul class="alert-list">
            {view.alerts.map((a) => (
              <li key={a.id} class={`alert ${a.kind} ${a.acknowledgedAt === null ? 'new' : 'seen'}`}>
                <p class="alert-text">{text(a)}</p>
                <p class="alert-meta">
                  {t.raisedAt(clock(a.raisedAt))}
                  {a.acknowledgedAt !== null && ` · ${t.acknowledgedBy(a.acknowledgedBy ?? '', clock(a.acknowledgedAt))}`}
                </p>
                {a.acknowledgedAt === null && (
                  <button type="button" class="primary" onClick={() => acknowledge(a.id)}>
                    {t.acknowledge}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="columns">
        <section aria-labelledby="thresholds-title">
          <h2 id="thresholds-title">{t.thresholds}</h2>
          <form class="thresholds" onSubmit={save}>
            {FIELDS.map((f) => (
              <label key={f}>
                {t[f]}
                <input name={f} inputMode="numeric" value={draft[f]} onInput={(e) => setDraft({ ...draft, [f]: e.currentTarget.value })} />
              </label>
            ))}
            <button type="submit" class="primary">
              {t.saveThresholds}
            </button>
          </form>
        </section>
        <section aria-labelledby="alerts-past">
          <h2 id="alerts-past">{t.pastAlerts}</h2>
          {view.pastAlerts.length === 0 && <p>{t.noPastAlerts}</p>}
          <ul class="past">
            {view.pastAlerts.map((a) => (
              <li key={a.id}>
                {text(a)}{' '}
                <span class="alert-meta">
                  ({t.raisedAt(clock(a.raisedAt))}; {t.clearedAt(clock(a.clearedAt ?? a.raisedAt))})
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
