// Pausing the counter with a reason (kept in Vietnamese in the event log and reports).

import { TEXT, type Lang } from './i18n.js';
import { Modal } from './modal.js';

export function PauseDialog(props: { lang: Lang; onCancel: () => void; onPause: (reason: string) => void }) {
  const t = TEXT[props.lang];
  return (
    <Modal title={t.pauseTitle} onClose={props.onCancel} closeLabel={t.cancel}>
      <div class="choice-grid">
        {TEXT.vi.pauseReasons.map((reason, i) => (
          <button key={reason} class="choice" onClick={() => props.onPause(reason)}>
            {t.pauseReasons[i]}
          </button>
        ))}
      </div>
    </Modal>
  );
}
