// Calls `onIdle` after `ms` without a touch, a click or a key; any of them starts it again.

import { useEffect } from 'preact/hooks';

export function useIdle(ms: number | null, onIdle: () => void, resetKey: unknown): void {
  useEffect(() => {
    if (ms === null) return;
    let timer = setTimeout(onIdle, ms);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
    };
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, restart);
    };
  }, [ms, resetKey]);
}
