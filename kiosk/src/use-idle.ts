// Calls `onIdle` after `ms` without a touch, a click or a key; any of them starts it again.
// Returns when it will fire (null when off), for a countdown on screen.

import { useEffect, useState } from 'preact/hooks';

export function useIdle(ms: number | null, onIdle: () => void, resetKey: unknown): number | null {
  const [deadline, setDeadline] = useState<number | null>(null);
  useEffect(() => {
    if (ms === null) {
      setDeadline(null);
      return;
    }
    let timer: ReturnType<typeof setTimeout>;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
      setDeadline(Date.now() + ms);
    };
    restart();
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, restart);
    };
  }, [ms, resetKey]);
  return deadline;
}
