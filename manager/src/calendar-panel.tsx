// The hall's calendar on the Configuration screen: its own closures (a whole day or from/to a
// time) and extra working days, listed, added and removed through the calendar routes, and which
// years' official holiday schedules are loaded. The hub checks each day and applies it at once.

import { useEffect, useState } from 'preact/hooks';
import type { RouteBody, RouteReply } from '../../server/contract/routes.js';
import { Field } from './config-screen.js';
import type { Lang, Words } from './i18n.js';
import { messageOf } from './manager-app.js';
import { addHallDay, HubRequestError, readCalendar, removeHallDay } from './manager-api.js';

type Calendar = RouteReply<'GET /api/calendar'>;
interface DayForm {
  day: string;
  kind: 'closed' | 'open';
  from: string;
  to: string;
  reasonVi: string;
  reasonEn: string;
}
const NEW_DAY: DayForm = { day: '', kind: 'closed', from: '', to: '', reasonVi: '', reasonEn: '' };
const FIELDS = ['day', 'kind', 'from', 'to', 'reason'] as const;

export function CalendarPanel(props: { t: Words; lang: Lang; token: string }) {
  const { t, lang, token } = props;
  const [calendar, setCalendar] = useState<Calendar | null>(null);
  const [form, setForm] = useState<DayForm>(NEW_DAY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = () => readCalendar(token).then(setCalendar, (e: unknown) => setMessage({ kind: 'error', text: messageOf(lang, e) }));
  useEffect(() => {
    void load();
  }, [token]);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setMessage(null);
    setErrors({});
    try {
      await action();
      setMessage({ kind: 'ok', text: done });
      await load();
      return true;
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(lang, e) });
      // A refused field goes beside it (the hub names it, e.g. "day" or "reason.vi").
      const mine: Record<string, string> = {};
      for (const f of e instanceof HubRequestError ? (e.failure.fields ?? []) : []) {
        const key = FIELDS.find((k) => f.field === k || f.field.split('.').includes(k));
        if (key) mine[key] ??= lang === 'vi' ? f.message : f.messageEn.replace(/^[\w./]+: /, '');
      }
      setErrors(mine);
      return false;
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const body = {
      day: form.day,
      kind: form.kind,
      ...(form.from ? { from: form.from } : {}),
      ...(form.to ? { to: form.to } : {}),
      reason: { vi: form.reasonVi.trim(), ...(form.reasonEn.trim() ? { en: form.reasonEn.trim() } : {}) },
    } as RouteBody<'POST /api/calendar/days'>;
    if (await run(() => addHallDay(token, body), t.calendarAdded(form.day))) setForm(NEW_DAY);
  };

  return (
    <section aria-labelledby="config-calendar">
      <h2 id="config-calendar">{t.calendarTitle}</h2>
      <p>{t.calendarIntro}</p>
      {message && (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {calendar && calendar.hallDays.length === 0 && <p>{t.calendarNone}</p>}
      {calendar && calendar.hallDays.length > 0 && (
        <table class="config-table calendar-days">
          <thead>
            <tr>
              <th scope="col">{t.calendarDay}</th>
              <th scope="col">{t.calendarKind}</th>
              <th scope="col">{t.calendarTime}</th>
              <th scope="col">{t.calendarReason}</th>
              <th scope="col">
                <span class="visually-hidden">{t.rowActions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...calendar.hallDays]
              .sort((a, b) => a.day.localeCompare(b.day))
              .map((d) => (
                <tr key={d.id} data-hall-day={d.id}>
                  <th scope="row">{d.day}</th>
                  <td>{d.kind === 'closed' ? t.calendarClosed : t.calendarOpen}</td>
                  <td>{d.from || d.to ? `${d.from ?? '00:00'}–${d.to ?? '24:00'}` : t.calendarWholeDay}</td>
                  <td>{lang === 'vi' ? d.reason.vi : d.reason.en}</td>
                  <td class="row-actions">
                    <button type="button" onClick={() => run(() => removeHallDay(token, d.id), t.removed(d.day))}>
                      {t.remove}
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      <form class="config-form" aria-labelledby="config-calendar" onSubmit={add}>
        <Field label={t.calendarDay} id="day-date" error={errors.day}>
          {(a) => <input {...a} type="date" required value={form.day} onInput={(e) => setForm({ ...form, day: e.currentTarget.value })} />}
        </Field>
        <Field label={t.calendarKind} id="day-kind" error={errors.kind}>
          {(a) => (
            <select {...a} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.currentTarget.value as DayForm['kind'] })}>
              <option value="closed">{t.calendarClosed}</option>
              <option value="open">{t.calendarOpen}</option>
            </select>
          )}
        </Field>
        <Field label={t.calendarFrom} id="day-from" error={errors.from}>
          {(a) => <input {...a} type="time" value={form.from} onInput={(e) => setForm({ ...form, from: e.currentTarget.value })} />}
        </Field>
        <Field label={t.calendarTo} id="day-to" error={errors.to}>
          {(a) => <input {...a} type="time" value={form.to} onInput={(e) => setForm({ ...form, to: e.currentTarget.value })} />}
        </Field>
        <Field label={t.calendarReasonVi} id="day-reason-vi" error={errors.reason} wide>
          {(a) => <input {...a} required value={form.reasonVi} onInput={(e) => setForm({ ...form, reasonVi: e.currentTarget.value })} />}
        </Field>
        <Field label={t.calendarReasonEn} id="day-reason-en" error={undefined} wide>
          {(a) => <input {...a} value={form.reasonEn} onInput={(e) => setForm({ ...form, reasonEn: e.currentTarget.value })} />}
        </Field>
        <button type="submit" class="primary">
          {t.calendarAdd}
        </button>
      </form>
      {calendar && (
        <>
          <h3 id="calendar-years">{t.calendarYears}</h3>
          <ul class="calendar-years" aria-labelledby="calendar-years">
            {calendar.years.map((y) => (
              <li key={y.year} data-year={y.year}>
                <strong>{y.year}</strong>: {y.official ? t.yearOfficial : t.yearComputed}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
