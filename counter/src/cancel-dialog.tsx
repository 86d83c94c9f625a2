// Cancelling the held ticket with a reason (kept for staff in the log, never shown publicly).

import { useRef, useState } from 'preact/hooks';
import { TEXT, type Lang } from './i18n.js';
import { Modal } from '../../web-shared/modal.js';
import { useArrowFocus } from './use-arrow-focus.js';

export function CancelDialog(props: { lang: Lang; number: string; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const t = TEXT[props.lang];
  const [other, setOther] = useState('');
  const choices = useRef<HTMLDivElement>(null);
  useArrowFocus(choices, 'button', true);
  return (
    <Modal title={t.cancelTitle(props.number)} onClose={props.onCancel} closeLabel={t.cancel}>
      <div class="choice-grid" ref={choices}>
        {TEXT.vi.cancelReasons.map((reason, i) => (
          <button type="button" key={reason} class="choice" data-reason={i} onClick={() => props.onConfirm(reason)}>
            {t.cancelReasons[i]}
          </button>
        ))}
      </div>
      <form
        class="cancel-other"
        onSubmit={(e) => {
          e.preventDefault();
          if (other.trim()) props.onConfirm(other.trim());
        }}
      >
        <label>
          {t.cancelOther}
          <input name="reason" value={other} maxLength={200} onInput={(e) => setOther(e.currentTarget.value)} />
        </label>
        <button type="submit" class="danger" disabled={!other.trim()}>
          {t.cancelConfirm}
        </button>
      </form>
    </Modal>
  );
}
