// A display paired from the console keeps the token it received for the pairing code its QR code
// opened it with (?pair=). Displays show the hall without a token; one that was paired and then
// unpaired shows that it waits for pairing again, so the hall sees which screen was let go.

import { useEffect, useState } from 'preact/hooks';
import { callHub, HubRequestError } from '../../web-shared/hub-client.js';

const STORAGE_KEY = 'luot.display';
const CHECK_MS = 30_000;

/** none: never paired (a display as before); paired; waiting: paired once, now unpaired or the code was refused. */
export type DisplayPairing = { state: 'none' } | { state: 'paired'; name: string } | { state: 'waiting' };

export function useDisplayPairing(): DisplayPairing {
  const [pairing, setPairing] = useState<DisplayPairing>({ state: 'none' });
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | null = null;
    const check = async (token: string) => {
      try {
        const me = await callHub('GET /api/devices/me', { token });
        setPairing({ state: 'paired', name: me.name.vi });
      } catch (error) {
        if (!(error instanceof HubRequestError && error.failure.status === 401)) return;
        localStorage.removeItem(STORAGE_KEY);
        setPairing({ state: 'waiting' });
      }
    };
    const follow = (token: string) => {
      void check(token);
      timer = setInterval(() => {
        const kept = localStorage.getItem(STORAGE_KEY);
        if (kept) void check(kept);
      }, CHECK_MS);
    };
    const code = new URLSearchParams(location.search).get('pair');
    if (code) {
      const params = new URLSearchParams(location.search);
      params.delete('pair');
      history.replaceState(null, '', `${location.pathname}${params.size > 0 ? `?${params}` : ''}`);
      callHub('POST /api/devices/pair', { body: { code } }).then(
        (paired) => {
          localStorage.setItem(STORAGE_KEY, paired.token);
          follow(paired.token);
        },
        () => setPairing({ state: 'waiting' }),
      );
    } else {
      const kept = localStorage.getItem(STORAGE_KEY);
      if (kept) follow(kept);
    }
    return () => {
      if (timer) clearInterval(timer);
    };
  }, []);
  return pairing;
}
