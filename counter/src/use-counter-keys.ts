// Keyboard shortcuts and keyboard-emulating USB call keypads: both arrive as key presses,
// mapped to counter actions by the hall's counterKeys. They stay quiet while a dialog is open
// or a field has focus (web-shared/page-keys.ts).

import { useEffect, useRef } from 'preact/hooks';
import { actionForKey, type CounterAction, type CounterKeyMap } from '../../server/contract/page-rules.js';
import { keysBelongElsewhere } from '../../web-shared/page-keys.js';

export function useCounterKeys(keys: CounterKeyMap | null, onAction: (action: CounterAction) => void, enabled: boolean): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    if (!keys || !enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
      if (keysBelongElsewhere(event)) return;
      const action = actionForKey(keys, event.code);
      if (!action) return;
      // A held key or a browser default (F1 help, F3 find, F7 caret browsing) must not fire.
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys, enabled]);
}
