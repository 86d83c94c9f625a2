// Finds one dossier by its code: typed, or read by a scanner from the slip's QR (the scanner
// types the QR's text and Enter). The QR may hold the code itself or a lookup address ending in
// ?code=...&...: the code is taken from either.

import { useEffect, useRef, useState } from 'preact/hooks';
import { dossierCodeIn, type DossierReply } from '../../server/contract/dossiers.js';
import { dossierByCode } from './desk-api.js';
import { both, TEXT, type Lang } from './i18n.js';

export function DossierSearch(props: {
  lang: Lang;
  token: string;
  onFound: (d: DossierReply) => void;
  onError: (e: unknown) => void;
  onSaid: (said: { vi: string; en: string } | null) => void;
}) {
  const t = TEXT[props.lang];
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Ready for a scanner as soon as the desk opens.
  useEffect(() => input.current?.focus(), []);

  const find = async (event: Event) => {
    event.preventDefault();
    const code = dossierCodeIn(text);
    if (!code) {
      props.onSaid(both((w) => w.noCodeInText));
      input.current?.select();
      return;
    }
    setBusy(true);
    try {
      props.onFound(await dossierByCode(props.token, code));
      props.onSaid(null);
      setText('');
    } catch (e) {
      props.onError(e);
      input.current?.select();
    } finally {
      setBusy(false);
    }
  };

  return (
    <search>
      <form class="dossier-search" onSubmit={find}>
        <label for="dossier-search">{t.searchLabel}</label>
        <div class="search-row">
          <input
            id="dossier-search"
            ref={input}
            name="code"
            autocomplete="off"
            spellcheck={false}
            placeholder={t.searchPlaceholder}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={busy}>
            {t.searchButton}
          </button>
        </div>
      </form>
    </search>
  );
}
