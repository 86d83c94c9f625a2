// Pausing the counter with a reason (kept in Vietnamese in the event log and reports). The
// first reason has the focus when the dialog opens: arrows move, Enter pauses, Escape closes.

import { useRef } from 'preact/hooks';
import { TEXT, type Lang } from './i18n.js';
import { Modal } from '../../web-shared/modal.js';
import { useArrowFocus } from './use-arrow-focus.js';

export function PauseDialog(props: { lang: Lang; onCancel: () => void; onPause: (reason: string) => void }) {
  const t = TEXT[props.lang];
  const choices = useRef<HTMLDivElement>(null);
  useArrowFocus(choices, 'button', true);
  return (
    <Modal title={t.pauseTitle} onClose={props.onCancel} closeLabel={t.cancel}>
      <div class="choice-grid" ref={choices}>
        {TEXT.vi.pauseReasons.map((reason, i) => (
          <button type="button" key={reason} class="choice" data-reason={i} onClick={() => props.onPause(reason)}>
            {t.pauseReasons[i]}
          </button>
        ))}
      </div>
    </Modal>
  );
}
