// First start of a kiosk: the installer types its code and token once (or opens the page
// with ?device=&token=); the browser keeps them.

import { useState } from 'preact/hooks';
import { DICTIONARY, type Lang } from './i18n.js';
import type { KioskCredentials } from './kiosk-api.js';

export function KioskSetup({ lang, error, onSave }: { lang: Lang; error: string | null; onSave(c: KioskCredentials): void }) {
  const t = DICTIONARY[lang];
  const [device, setDevice] = useState('');
  const [token, setToken] = useState('');
  return (
    <form
      class="setup"
      onSubmit={(e) => {
        e.preventDefault();
        if (device.trim() && token.trim()) onSave({ device: device.trim(), token: token.trim() });
      }}
    >
      <h1>{t.setupTitle}</h1>
      <p>{t.setupHelp}</p>
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      <label>
        {t.setupDevice}
        <input name="device" value={device} onInput={(e) => setDevice(e.currentTarget.value)} autocomplete="off" />
      </label>
      <label>
        {t.setupToken}
        <input name="token" type="password" value={token} onInput={(e) => setToken(e.currentTarget.value)} autocomplete="off" />
      </label>
      <button class="primary big" type="submit">
        {t.setupSave}
      </button>
    </form>
  );
}
