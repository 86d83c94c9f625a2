// The big buttons, each with its key, enabled only when the counter's state allows it.

import type { CounterDetail } from '../../server/contract/events.js';
import { keyLabel, COUNTER_ACTIONS, type CounterAction, type CounterKeyMap } from '../../server/contract/page-rules.js';
import { TEXT, type Lang } from './i18n.js';

export function availableActions(detail: CounterDetail): Set<CounterAction> {
  const { mode } = detail.state;
  const status = detail.current?.status;
  const can = new Set<CounterAction>();
  if (mode === 'open' && status !== 'called') can.add('callNext');
  if (status === 'called') for (const a of ['recall', 'start', 'noShow'] as const) can.add(a);
  if (status === 'called' || status === 'serving') for (const a of ['finish', 'transfer'] as const) can.add(a);
  if (mode === 'open' || mode === 'paused') can.add('pause');
  return can;
}

export function ActionPad(props: { lang: Lang; detail: CounterDetail | null; keys: CounterKeyMap | null; busy: boolean; onAction: (a: CounterAction) => void }) {
  const t = TEXT[props.lang];
  const can = props.detail ? availableActions(props.detail) : new Set<CounterAction>();
  const paused = props.detail?.state.mode === 'paused';
  return (
    <div class="action-pad">
      {COUNTER_ACTIONS.map((action) => {
        const key = props.keys ? keyLabel(props.keys, action) : null;
        const label = action === 'pause' && paused ? t.resume : t.actions[action];
        return (
          <button
            type="button"
            key={action}
            class={`action action-${action}`}
            data-action={action}
            disabled={props.busy || !can.has(action)}
            onClick={() => props.onAction(action)}
            title={key ? `${t.keyHint}: ${key}` : undefined}
          >
            <span class="action-label">{label}</span>
            {key && <kbd>{key}</kbd>}
          </button>
        );
      })}
    </div>
  );
}
