// A kiosk not paired (or unpaired in the console) waits for pairing: the administrator adds it
// on the console's Devices screen and opens the QR code's address on it once. A kiosk of the
// hall file may still be given its code and token here (or with ?device=&token=).

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
      <p class="setup-waiting" role="status">
        {t.setupWaiting}
      </p>
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
