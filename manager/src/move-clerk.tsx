// "Move the clerk to another counter", on a counter's card: choose the counter and confirm.
// The hub refuses while the counter holds a number (the clerk finishes it first) and names why.

import { useState } from 'preact/hooks';
import type { Lang, Words } from './i18n.js';
import { moveClerk, type ConsoleCounter } from './manager-api.js';

/** Runs an action; `done` says what it did, from its result (the hall screen's). */
type Act = <R>(run: () => Promise<R>, done?: (result: R) => string) => Promise<void>;

export function MoveClerkForm(props: { t: Words; lang: Lang; token: string; c: ConsoleCounter; counters: ConsoleCounter[]; act: Act; onClose: () => void }) {
  const { t, lang, c } = props;
  // Counters nobody holds: a clerk may move to a closed one (their sign-in opens it) or an unattended one.
  const free = props.counters.filter((o) => o.id !== c.id && (o.mode === 'closed' || o.unattended));
  const [to, setTo] = useState<number | null>(free[0]?.id ?? null);
  return (
    <form
      class="move-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (to === null) return;
        props.onClose();
        void props.act(
          () => moveClerk(props.token, c.id, to),
          (r) => t.clerkMoved(r.name, r.fromCounterId, r.toCounterId),
        );
      }}
    >
      <label>
        {t.moveTo}
        <select value={to ?? ''} onChange={(e) => setTo(Number(e.currentTarget.value))}>
          {free.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name[lang]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={to === null}>
        {t.confirmMove}
      </button>
      <button type="button" onClick={props.onClose}>
        {t.cancel}
      </button>
    </form>
  );
}
