// Accounts (admins only): add a clerk, a manager or an admin; set a role and whose dossiers
// each handles (fields of the catalogue, services); reset a password; disable or enable. The
// hub checks every field and names the one it refuses.

import { useEffect, useState } from 'preact/hooks';
import type { RouteReply } from '../../web-shared/hub-client.js';
import { messageOf } from './manager-app.js';
import type { Lang, Words } from './i18n.js';
import { addUser, changeUser, listUsers, resetPassword } from './manager-api.js';

type Account = RouteReply<'GET /api/users'>[number];
type Role = Account['role'];
const ROLES: Role[] = ['clerk', 'back_office', 'manager', 'admin'];

/** "1, 2,3" → [1, 2, 3]; what is not a number is sent as it is, for the hub to name. */
function counterList(text: string): number[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : (s as unknown as number)));
}

/** "Hộ tịch; Chứng thực" → ['Hộ tịch', 'Chứng thực']: a field's own name may hold a comma. */
function nameList(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** One account's fields and services, edited in its row and saved together. */
function ScopeForm(props: { t: Words; account: Account; onSave: (fields: string[], services: string[]) => Promise<boolean> }) {
  const { t, account } = props;
  const [fields, setFields] = useState(account.fields.join('; '));
  const [services, setServices] = useState(account.services.join('; '));
  useEffect(() => {
    setFields(account.fields.join('; '));
    setServices(account.services.join('; '));
  }, [account.fields.join(';'), account.services.join(';')]);
  return (
    <form
      class="scope"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSave(nameList(fields), nameList(services));
      }}
    >
      <input aria-label={`${t.scopeFields}: ${account.user}`} placeholder={t.scopeFieldsHint} value={fields} onInput={(e) => setFields(e.currentTarget.value)} />
      <input aria-label={`${t.scopeServices}: ${account.user}`} placeholder={t.scopeServicesHint} value={services} onInput={(e) => setServices(e.currentTarget.value)} />
      <button type="submit">{t.saveScope}</button>
      {account.fields.length + account.services.length === 0 && account.role === 'clerk' && <span class="scope-note">{t.scopeOfCounter}</span>}
    </form>
  );
}

export function UsersScreen(props: { t: Words; lang: Lang; token: string; self: string }) {
  const { t, lang, token } = props;
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [form, setForm] = useState({ user: '', name: '', role: 'clerk' as Role, password: '', counters: '', fields: '', services: '' });
  const [passwords, setPasswords] = useState<Record<string, string>>({});

  const reload = () => listUsers(token).then(setAccounts, (e: unknown) => setMessage({ kind: 'error', text: messageOf(lang, e) }));
  useEffect(() => {
    void reload();
  }, [token]);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await action();
      setMessage({ kind: 'ok', text: done });
      await reload();
      return true;
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(lang, e) });
      return false;
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const counters = counterList(form.counters);
    const fields = nameList(form.fields);
    const services = nameList(form.services);
    const ok = await run(
      () =>
        addUser(token, {
          user: form.user.trim(),
          name: form.name,
          role: form.role,
          password: form.password,
          ...(counters.length ? { counters } : {}),
          ...(fields.length ? { fields } : {}),
          ...(services.length ? { services } : {}),
        }),
      t.added(form.user.trim()),
    );
    if (ok) setForm({ user: '', name: '', role: 'clerk', password: '', counters: '', fields: '', services: '' });
  };

  return (
    <div class="users">
      {message && (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <section aria-labelledby="add-user">
        <h2 id="add-user">{t.addUser}</h2>
        <form class="add-user" onSubmit={add}>
          <label>
            {t.user}
            <input name="new-user" autocomplete="off" required value={form.user} onInput={(e) => setForm({ ...form, user: e.currentTarget.value })} />
          </label>
          <label>
            {t.fullName}
            <input name="new-name" autocomplete="off" required value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          </label>
          <label>
            {t.role}
            <select name="new-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t.roles[r]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.password}
            <input
              name="new-password"
              type="password"
              autocomplete="new-password"
              required
              placeholder={t.passwordRule}
              value={form.password}
              onInput={(e) => setForm({ ...form, password: e.currentTarget.value })}
            />
          </label>
          <label>
            {t.allowedCounters}
            <input name="new-counters" placeholder={t.countersHint} value={form.counters} onInput={(e) => setForm({ ...form, counters: e.currentTarget.value })} />
          </label>
          <label>
            {t.scopeFields}
            <input name="new-fields" placeholder={t.scopeFieldsHint} value={form.fields} onInput={(e) => setForm({ ...form, fields: e.currentTarget.value })} />
          </label>
          <label>
            {t.scopeServices}
            <input name="new-services" placeholder={t.scopeServicesHint} value={form.services} onInput={(e) => setForm({ ...form, services: e.currentTarget.value })} />
          </label>
          <button type="submit" class="primary">
            {t.add}
          </button>
        </form>
      </section>
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t.users}</h2>
        <table class="accounts">
          <thead>
            <tr>
              <th scope="col">{t.user}</th>
              <th scope="col">{t.fullName}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.allowedCounters}</th>
              <th scope="col">{t.dossierScope}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">{t.resetPassword}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.user} class={a.active ? '' : 'disabled'} data-user={a.user}>
                <th scope="row">{a.user}</th>
                <td>{a.name}</td>
                <td>
                  <select
                    aria-label={`${t.role}: ${a.user}`}
                    value={a.role}
                    disabled={a.user === props.self}
                    onChange={(e) => run(() => changeUser(token, a.user, { role: e.currentTarget.value as Role }), t.saved)}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t.roles[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{a.counters.length ? a.counters.join(', ') : t.anyCounter}</td>
                <td>
                  {a.role === 'manager' || a.role === 'admin' ? (
                    '—'
                  ) : (
                    <ScopeForm t={t} account={a} onSave={(fields, services) => run(() => changeUser(token, a.user, { fields, services }), t.saved)} />
                  )}
                </td>
                <td>
                  {a.active ? t.active : t.disabled}{' '}
                  {a.user !== props.self && (
                    <button type="button" onClick={() => run(() => changeUser(token, a.user, { active: !a.active }), t.saved)}>
                      {a.active ? t.disable : t.enable}
                    </button>
                  )}
                </td>
                <td>
                  <form
                    class="reset"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void run(() => resetPassword(token, a.user, passwords[a.user] ?? ''), t.passwordReset(a.user)).then((ok) => ok && setPasswords({ ...passwords, [a.user]: '' }));
                    }}
                  >
                    <input
                      type="password"
                      autocomplete="new-password"
                      aria-label={`${t.newPassword}: ${a.user}`}
                      placeholder={t.newPassword}
                      value={passwords[a.user] ?? ''}
                      onInput={(e) => setPasswords({ ...passwords, [a.user]: e.currentTarget.value })}
                    />
                    <button type="submit">{t.resetPassword}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
