// Keyboard shortcuts and keyboard-emulating USB call keypads: both arrive as key presses,
// mapped to counter actions by the hall's counterKeys. They stay quiet while a dialog is open
// or a field has focus (web-shared/page-keys.ts).

import { useEffect, useRef } from 'preact/hooks';
import { actionForKey, type CounterAction, type CounterKeyMap } from '../../server/contract/page-rules.js';
import { keysBelongElsewhere } from '../../web-shared/page-keys.js';

export function useCounterKeys(keys: CounterKeyMap | null, onAction: (action: CounterAction) => void, enabled: boolean): void {
  // Read through refs at key time: re-attaching the listener after each render left a gap
  // in which a key pressed right after a command's answer was lost.
  const latest = useRef({ keys, onAction, enabled });
  latest.current = { keys, onAction, enabled };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { keys, onAction, enabled } = latest.current;
      if (!keys || !enabled) return;
      if (event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
      if (keysBelongElsewhere(event)) return;
      const action = actionForKey(keys, event.code);
      if (!action) return;
      // A held key or a browser default (F1 help, F3 find, F7 caret browsing) must not fire.
      event.preventDefault();
      onAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
