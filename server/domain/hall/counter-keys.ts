// Which key does which counter action. The same map serves the keyboard shortcuts of the
// counter page and keyboard-emulating USB call keypads (which type keys like Numpad1).

export const COUNTER_ACTIONS = ['callNext', 'recall', 'start', 'noShow', 'finish', 'transfer', 'pause'] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];
export type CounterKeyMap = Record<CounterAction, string[]>;

/** Function keys for the clerk, numeric-pad keys for USB call keypads. F5 stays "reload". */
export const DEFAULT_COUNTER_KEYS: CounterKeyMap = {
  callNext: ['F1', 'Numpad1'],
  recall: ['F2', 'Numpad2'],
  start: ['F3', 'Numpad3'],
  noShow: ['F4', 'Numpad4'],
  finish: ['F6', 'Numpad5'],
  transfer: ['F7', 'Numpad6'],
  pause: ['F8', 'Numpad7'],
};

/** The action a key press (KeyboardEvent.code) asks for, if any. */
export function actionForKey(keys: CounterKeyMap, code: string): CounterAction | null {
  return COUNTER_ACTIONS.find((action) => keys[action].includes(code)) ?? null;
}

/** The first key of an action, shown on its button ("F1"). */
export function keyLabel(keys: CounterKeyMap, action: CounterAction): string | null {
  return keys[action][0] ?? null;
}
