// Configuration (admins only): the hall's name, agency code, public address, return service and
// opening hours;
// services and counters added, changed or removed while the hall runs. The hub checks each change
// with the hall file's rules and names every field it refuses: the words go beside that field.
// The whole configuration downloads as a hall file and imports with a preview (hall-file-panel.tsx);
// the hall's own closures and extra working days have their panel (calendar-panel.tsx).

import { useEffect, useState } from 'preact/hooks';
import type { CounterInput, HallConfiguration, HoursInput, ServiceInput } from '../../server/contract/hall-config.js';
import { CalendarPanel } from './calendar-panel.js';
import { HallFilePanel } from './hall-file-panel.js';
import type { Lang, Words } from './i18n.js';
import { messageOf } from './manager-app.js';
import {
  addConfigCounter,
  addConfigService,
  changeConfigCounter,
  changeConfigService,
  changeHallConfig,
  HubRequestError,
  readConfig,
  removeConfigCounter,
  removeConfigService,
} from './manager-api.js';

type Errors = Record<string, string>;

/** "mon-fri 07:30-11:30 13:30-17:00; sat 07:30-11:30" ⇄ the hall file's week. */
export function hoursText(hours: HoursInput | undefined): string {
  if (!hours) return '';
  if ('open' in hours && typeof hours.open === 'string') return `mon-fri ${hours.open}-${hours.close as string}`;
  return Object.entries(hours as Record<string, string[]>)
    .map(([days, periods]) => `${days} ${periods.join(' ')}`)
    .join('; ');
}

export function hoursOf(text: string): HoursInput | null {
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  return Object.fromEntries(
    parts.map((p) => {
      const [days, ...periods] = p.split(/[\s,]+/);
      return [days!, periods];
    }),
  );
}

const vi = (t: ServiceInput['name'] | undefined) => (t === undefined ? '' : typeof t === 'string' ? t : t.vi);
const en = (t: ServiceInput['name'] | undefined) => (t === undefined ? '' : typeof t === 'string' ? t : t.en);

interface ServiceForm {
  id: string;
  nameVi: string;
  nameEn: string;
  kind: 'prefix' | 'block';
  prefix: string;
  digits: string;
  from: string;
  to: string;
  color: string;
  group: string;
  dailyMax: string;
  hours: string;
}
const NEW_SERVICE: ServiceForm = { id: '', nameVi: '', nameEn: '', kind: 'prefix', prefix: '', digits: '3', from: '', to: '', color: '#1565c0', group: '', dailyMax: '', hours: '' };

function serviceForm(s: ServiceInput): ServiceForm {
  const n = s.numbering;
  return {
    id: s.id,
    nameVi: vi(s.name),
    nameEn: en(s.name),
    kind: 'prefix' in n ? 'prefix' : 'block',
    prefix: 'prefix' in n ? n.prefix : '',
    digits: 'prefix' in n ? String(n.digits ?? 3) : '3',
    from: 'from' in n ? String(n.from) : '',
    to: 'to' in n ? String(n.to) : '',
    color: s.color ?? '',
    group: s.group ?? '',
    dailyMax: s.dailyMax ? String(s.dailyMax) : '',
    hours: hoursText(s.hours),
  };
}

/** A number where one was typed; what is not one is sent as it is, for the hub to name. */
const num = (text: string) => (/^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text);

function serviceBody(f: ServiceForm) {
  return {
    name: { vi: f.nameVi.trim(), en: f.nameEn.trim() || f.nameVi.trim() },
    numbering: f.kind === 'prefix' ? { prefix: f.prefix.trim(), digits: num(f.digits) } : { from: num(f.from), to: num(f.to) },
    color: f.color.trim() || null,
    group: f.group || null,
    dailyMax: f.dailyMax.trim() ? num(f.dailyMax) : null,
    hours: hoursOf(f.hours),
  } as unknown as Omit<ServiceInput, 'id'>;
}

/** A new service names only what it has: an empty optional field is left out. */
const withoutNulls = (body: object) => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));

interface CounterForm {
  id: string;
  nameVi: string;
  nameEn: string;
  weights: Record<string, string>;
  selection: 'longest_wait' | 'in_order';
}
const NEW_COUNTER: CounterForm = { id: '', nameVi: '', nameEn: '', weights: {}, selection: 'longest_wait' };

function counterForm(c: CounterInput): CounterForm {
  const weights: Record<string, string> = {};
  for (const l of c.services) {
    if (typeof l === 'string') weights[l] = '1';
    else weights[l.service] = String(l.weight ?? 1);
  }
  return { id: String(c.id), nameVi: vi(c.name), nameEn: en(c.name), weights, selection: c.selection ?? 'longest_wait' };
}

function counterBody(f: CounterForm) {
  return {
    ...(f.nameVi.trim() ? { name: { vi: f.nameVi.trim(), en: f.nameEn.trim() || f.nameVi.trim() } } : {}),
    services: Object.entries(f.weights).map(([service, w]) => (w.trim() === '1' ? service : { service, weight: num(w) })),
    selection: f.selection,
  } as unknown as Omit<CounterInput, 'id'>;
}

/** The error of a field, shown beside it and named by it for screen readers. */
export function Field(props: {
  label: string;
  error: string | undefined;
  id: string;
  children: (attrs: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => preact.ComponentChildren;
  wide?: boolean;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div class={`field ${props.wide ? 'wide' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.children({ id: props.id, ...(props.error ? { 'aria-invalid': 'true' as const, 'aria-describedby': errorId } : {}) })}
      {props.error && (
        <span class="field-error" id={errorId}>
          {props.error}
        </span>
      )}
    </div>
  );
}

export function ConfigScreen(props: { t: Words; lang: Lang; token: string }) {
  const { t, lang, token } = props;
  const [config, setConfig] = useState<HallConfiguration | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [errors, setErrors] = useState<{ prefix: string; fields: Errors }>({ prefix: '', fields: {} });
  const [hall, setHall] = useState({ name: '', nameEn: '', agencyCode: '', publicUrl: '', returnService: '', hours: '' });
  const [service, setService] = useState<ServiceForm>(NEW_SERVICE);
  const [editingService, setEditingService] = useState<string | null>(null);
  const [counter, setCounter] = useState<CounterForm>(NEW_COUNTER);
  const [editingCounter, setEditingCounter] = useState<number | null>(null);

  const take = (c: HallConfiguration) => {
    setConfig(c);
    setHall({
      name: c.hall.name,
      nameEn: c.hall.nameEn,
      agencyCode: c.hall.agencyCode,
      publicUrl: c.hall.publicUrl ?? '',
      returnService: c.hall.returnService ?? '',
      hours: hoursText(c.hall.hours ?? undefined),
    });
  };
  useEffect(() => {
    readConfig(token).then(take, (e: unknown) => setMessage({ kind: 'error', text: messageOf(lang, e) }));
  }, [token]);

  /** Runs a change; a refusal's fields go beside the fields of `prefix` (e.g. services.TTHC). */
  const run = async (action: () => Promise<HallConfiguration>, done: string, prefix: string) => {
    setMessage(null);
    setErrors({ prefix: '', fields: {} });
    try {
      take(await action());
      setMessage({ kind: 'ok', text: done });
      return true;
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(lang, e) });
      const fields = e instanceof HubRequestError ? (e.failure.fields ?? []) : [];
      const mine: Errors = {};
      for (const f of fields) {
        if (f.field === prefix || f.field.startsWith(`${prefix}.`)) {
          const key = f.field.slice(prefix.length + 1).split('.')[0] || 'id';
          mine[key] ??= lang === 'vi' ? f.message : f.messageEn.replace(/^[\w.]+: /, '');
        }
      }
      setErrors({ prefix, fields: mine });
      return false;
    }
  };

  if (!config)
    return message ? (
      <p class={`message ${message.kind}`} role="alert">
        {message.text}
      </p>
    ) : null;

  const serviceId = editingService ?? (service.id.trim() || 'new');
  const saveService = async (event: Event) => {
    event.preventDefault();
    const ok = editingService
      ? await run(() => changeConfigService(token, editingService, serviceBody(service)), t.configSaved, `services.${serviceId}`)
      : await run(
          () => addConfigService(token, withoutNulls({ id: service.id.trim(), ...serviceBody(service) }) as ServiceInput),
          t.serviceAdded(service.id.trim()),
          `services.${serviceId}`,
        );
    if (ok) {
      setService(NEW_SERVICE);
      setEditingService(null);
    }
  };
  const counterKey = editingCounter ?? (/^\d+$/.test(counter.id) ? Number(counter.id) : 'new');
  const saveCounter = async (event: Event) => {
    event.preventDefault();
    const ok =
      editingCounter !== null
        ? await run(() => changeConfigCounter(token, editingCounter, counterBody(counter)), t.configSaved, `counters.${counterKey}`)
        : await run(() => addConfigCounter(token, { id: num(counter.id), ...counterBody(counter) } as CounterInput), t.counterAdded(counter.id), `counters.${counterKey}`);
    if (ok) {
      setCounter(NEW_COUNTER);
      setEditingCounter(null);
    }
  };
  const saveHall = (event: Event) => {
    event.preventDefault();
    void run(
      () =>
        changeHallConfig(token, {
          name: hall.name,
          nameEn: hall.nameEn,
          agencyCode: hall.agencyCode,
          publicUrl: hall.publicUrl.trim() || null,
          returnService: hall.returnService || null,
          // Sent only when edited: the other fields' change keeps the hall file's own hours.
          ...(hall.hours !== hoursText(config.hall.hours ?? undefined) ? { hours: hoursOf(hall.hours) } : {}),
        }),
      t.configSaved,
      'hall',
    );
  };
  const [servicePrefix, counterPrefix] = [`services.${serviceId}`, `counters.${counterKey}`];
  /** What the hub said of a field of the form whose fields start with `prefix`. */
  const err = (prefix: string, key: string) => (errors.prefix === prefix ? errors.fields[key] : undefined);

  return (
    <div class="config">
      {message && (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <HallFilePanel t={t} lang={lang} token={token} onApplied={take} />
      <section aria-labelledby="config-hall">
        <h2 id="config-hall">{t.configHall}</h2>
        <form class="config-form" onSubmit={saveHall}>
          <Field label={t.hallName} id="hall-name" error={err('hall', 'name')} wide>
            {(a) => <input {...a} value={hall.name} onInput={(e) => setHall({ ...hall, name: e.currentTarget.value })} />}
          </Field>
          <Field label={t.hallNameEn} id="hall-name-en" error={err('hall', 'nameEn')} wide>
            {(a) => <input {...a} value={hall.nameEn} onInput={(e) => setHall({ ...hall, nameEn: e.currentTarget.value })} />}
          </Field>
          <Field label={t.agencyCode} id="hall-agency" error={err('hall', 'agencyCode')}>
            {(a) => <input {...a} placeholder="000.00.14.H56" value={hall.agencyCode} onInput={(e) => setHall({ ...hall, agencyCode: e.currentTarget.value })} />}
          </Field>
          <Field label={t.publicUrl} id="hall-url" error={err('hall', 'publicUrl')}>
            {(a) => <input {...a} placeholder="http://192.168.1.10:8080" value={hall.publicUrl} onInput={(e) => setHall({ ...hall, publicUrl: e.currentTarget.value })} />}
          </Field>
          <Field label={t.returnService} id="hall-return" error={err('hall', 'returnService')}>
            {(a) => (
              <select {...a} value={hall.returnService} onChange={(e) => setHall({ ...hall, returnService: e.currentTarget.value })}>
                <option value="">{t.noReturnService}</option>
                {config.services.map((s) => (
                  <option key={s.id} value={s.id}>{`${s.id} · ${vi(s.name)}`}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t.hallHours} id="hall-hours" error={err('hall', 'hours')} wide>
            {(a) => <input {...a} placeholder={t.hallHoursHint} value={hall.hours} onInput={(e) => setHall({ ...hall, hours: e.currentTarget.value })} />}
          </Field>
          <button type="submit" class="primary">
            {t.saveHall}
          </button>
        </form>
      </section>

      <section aria-labelledby="config-services">
        <h2 id="config-services">{t.configServices}</h2>
        <table class="config-table">
          <thead>
            <tr>
              <th scope="col">{t.serviceCode}</th>
              <th scope="col">{t.serviceName}</th>
              <th scope="col">{t.numbering}</th>
              <th scope="col">{t.group}</th>
              <th scope="col">{t.dailyMax}</th>
              <th scope="col">{t.waitingNow}</th>
              <th scope="col">
                <span class="visually-hidden">{t.rowActions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {config.services.map((s) => (
              <tr key={s.id} data-service={s.id}>
                <th scope="row">
                  <span class="swatch" style={{ background: s.color ?? '#1f3a68' }} aria-hidden="true" /> {s.id}
                </th>
                <td>{lang === 'vi' ? vi(s.name) : en(s.name)}</td>
                <td>{'prefix' in s.numbering ? `${s.numbering.prefix}${'0'.repeat((s.numbering.digits ?? 3) - 1)}1` : `${s.numbering.from}-${s.numbering.to}`}</td>
                <td>{s.group ?? '—'}</td>
                <td>{s.dailyMax ?? '—'}</td>
                <td>{s.waiting}</td>
                <td class="row-actions">
                  <button
                    type="button"
                    onClick={() => {
                      setService(serviceForm(s));
                      setEditingService(s.id);
                      setErrors({ prefix: '', fields: {} });
                    }}
                  >
                    {t.edit}
                  </button>
                  <button type="button" onClick={() => run(() => removeConfigService(token, s.id), t.removed(s.id), `services.${s.id}`)}>
                    {t.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 id="service-form-title">{editingService ? t.editService(editingService) : t.addService}</h3>
        <form class="config-form" aria-labelledby="service-form-title" onSubmit={saveService}>
          <Field label={t.serviceCode} id="service-id" error={err(servicePrefix, 'id')}>
            {(a) => <input {...a} required disabled={editingService !== null} value={service.id} onInput={(e) => setService({ ...service, id: e.currentTarget.value })} />}
          </Field>
          <Field label={t.nameVi} id="service-name-vi" error={err(servicePrefix, 'name')} wide>
            {(a) => <input {...a} required value={service.nameVi} onInput={(e) => setService({ ...service, nameVi: e.currentTarget.value })} />}
          </Field>
          <Field label={t.nameEn} id="service-name-en" error={undefined} wide>
            {(a) => <input {...a} value={service.nameEn} onInput={(e) => setService({ ...service, nameEn: e.currentTarget.value })} />}
          </Field>
          <Field label={t.numberingKind} id="service-kind" error={undefined}>
            {(a) => (
              <select {...a} value={service.kind} onChange={(e) => setService({ ...service, kind: e.currentTarget.value as ServiceForm['kind'] })}>
                <option value="prefix">{t.byPrefix}</option>
                <option value="block">{t.byBlock}</option>
              </select>
            )}
          </Field>
          {service.kind === 'prefix' ? (
            <>
              <Field label={t.prefix} id="service-prefix" error={err(servicePrefix, 'numbering')}>
                {(a) => <input {...a} placeholder="A" value={service.prefix} onInput={(e) => setService({ ...service, prefix: e.currentTarget.value })} />}
              </Field>
              <Field label={t.digits} id="service-digits" error={undefined}>
                {(a) => <input {...a} inputMode="numeric" value={service.digits} onInput={(e) => setService({ ...service, digits: e.currentTarget.value })} />}
              </Field>
            </>
          ) : (
            <>
              <Field label={t.blockFrom} id="service-from" error={err(servicePrefix, 'numbering')}>
                {(a) => <input {...a} inputMode="numeric" value={service.from} onInput={(e) => setService({ ...service, from: e.currentTarget.value })} />}
              </Field>
              <Field label={t.blockTo} id="service-to" error={undefined}>
                {(a) => <input {...a} inputMode="numeric" value={service.to} onInput={(e) => setService({ ...service, to: e.currentTarget.value })} />}
              </Field>
            </>
          )}
          <Field label={t.color} id="service-color" error={err(servicePrefix, 'color')}>
            {(a) => <input {...a} placeholder="#1565c0" value={service.color} onInput={(e) => setService({ ...service, color: e.currentTarget.value })} />}
          </Field>
          <Field label={t.group} id="service-group" error={err(servicePrefix, 'group')}>
            {(a) => (
              <select {...a} value={service.group} onChange={(e) => setService({ ...service, group: e.currentTarget.value })}>
                <option value="">{t.noGroup}</option>
                {config.hall.serviceGroups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {lang === 'vi' ? g.name.vi : g.name.en}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t.dailyMax} id="service-max" error={err(servicePrefix, 'dailyMax')}>
            {(a) => <input {...a} inputMode="numeric" placeholder={t.noLimit} value={service.dailyMax} onInput={(e) => setService({ ...service, dailyMax: e.currentTarget.value })} />}
          </Field>
          <Field label={t.serviceHours} id="service-hours" error={err(servicePrefix, 'hours')} wide>
            {(a) => <input {...a} placeholder={t.hoursHint} value={service.hours} onInput={(e) => setService({ ...service, hours: e.currentTarget.value })} />}
          </Field>
          <div class="form-actions">
            <button type="submit" class="primary">
              {editingService ? t.save : t.add}
            </button>
            {editingService && (
              <button
                type="button"
                onClick={() => {
                  setService(NEW_SERVICE);
                  setEditingService(null);
                  setErrors({ prefix: '', fields: {} });
                }}
              >
                {t.cancel}
              </button>
            )}
          </div>
        </form>
      </section>

      <section aria-labelledby="config-counters">
        <h2 id="config-counters">{t.configCounters}</h2>
        <table class="config-table">
          <thead>
            <tr>
              <th scope="col">{t.counterNumber}</th>
              <th scope="col">{t.counterName}</th>
              <th scope="col">{t.servicesServed}</th>
              <th scope="col">{t.orderRule}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">
                <span class="visually-hidden">{t.rowActions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {config.counters.map((c) => (
              <tr key={c.id} data-counter={c.id}>
                <th scope="row">{c.id}</th>
                <td>{lang === 'vi' ? vi(c.name) : en(c.name)}</td>
                <td>{c.services.map((l) => (typeof l === 'string' ? l : `${l.service} ×${l.weight ?? 1}`)).join(', ')}</td>
                <td>{t.selection[c.selection ?? 'longest_wait']}</td>
                <td>{t.mode[c.mode] ?? c.mode}</td>
                <td class="row-actions">
                  <button
                    type="button"
                    onClick={() => {
                      setCounter(counterForm(c));
                      setEditingCounter(c.id);
                      setErrors({ prefix: '', fields: {} });
                    }}
                  >
                    {t.edit}
                  </button>
                  <button type="button" onClick={() => run(() => removeConfigCounter(token, c.id), t.removed(String(c.id)), `counters.${c.id}`)}>
                    {t.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 id="counter-form-title">{editingCounter !== null ? t.editCounter(editingCounter) : t.addCounter}</h3>
        <form class="config-form" aria-labelledby="counter-form-title" onSubmit={saveCounter}>
          <Field label={t.counterNumber} id="counter-id" error={err(counterPrefix, 'id')}>
            {(a) => (
              <input {...a} required inputMode="numeric" disabled={editingCounter !== null} value={counter.id} onInput={(e) => setCounter({ ...counter, id: e.currentTarget.value })} />
            )}
          </Field>
          <Field label={t.nameVi} id="counter-name-vi" error={err(counterPrefix, 'name')} wide>
            {(a) => <input {...a} placeholder={t.counterNameHint} value={counter.nameVi} onInput={(e) => setCounter({ ...counter, nameVi: e.currentTarget.value })} />}
          </Field>
          <Field label={t.nameEn} id="counter-name-en" error={undefined} wide>
            {(a) => <input {...a} value={counter.nameEn} onInput={(e) => setCounter({ ...counter, nameEn: e.currentTarget.value })} />}
          </Field>
          <Field label={t.orderRule} id="counter-selection" error={err(counterPrefix, 'selection')}>
            {(a) => (
              <select {...a} value={counter.selection} onChange={(e) => setCounter({ ...counter, selection: e.currentTarget.value as CounterForm['selection'] })}>
                <option value="longest_wait">{t.selection.longest_wait}</option>
                <option value="in_order">{t.selection.in_order}</option>
              </select>
            )}
          </Field>
          <fieldset class="served" aria-describedby={err(counterPrefix, 'services') ? 'counter-services-error' : undefined}>
            <legend>{t.servicesServed}</legend>
            {config.services.map((s) => {
              const on = s.id in counter.weights;
              return (
                <div class="served-service" key={s.id}>
                  <label>
                    <input
                      type="checkbox"
                      name={`serve-${s.id}`}
                      checked={on}
                      onChange={() => {
                        const weights = { ...counter.weights };
                        if (on) delete weights[s.id];
                        else weights[s.id] = '1';
                        setCounter({ ...counter, weights });
                      }}
                    />{' '}
                    {s.id}
                  </label>
                  {on && (
                    <input
                      class="weight"
                      aria-label={t.weightOf(s.id)}
                      inputMode="decimal"
                      value={counter.weights[s.id]}
                      onInput={(e) => setCounter({ ...counter, weights: { ...counter.weights, [s.id]: e.currentTarget.value } })}
                    />
                  )}
                </div>
              );
            })}
            {err(counterPrefix, 'services') && (
              <span class="field-error" id="counter-services-error">
                {err(counterPrefix, 'services')}
              </span>
            )}
          </fieldset>
          <div class="form-actions">
            <button type="submit" class="primary">
              {editingCounter !== null ? t.save : t.add}
            </button>
            {editingCounter !== null && (
              <button
                type="button"
                onClick={() => {
                  setCounter(NEW_COUNTER);
                  setEditingCounter(null);
                  setErrors({ prefix: '', fields: {} });
                }}
              >
                {t.cancel}
              </button>
            )}
          </div>
        </form>
      </section>
      <CalendarPanel t={t} lang={lang} token={token} />
    </div>
  );
}
